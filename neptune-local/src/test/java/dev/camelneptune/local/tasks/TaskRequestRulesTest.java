package dev.camelneptune.local.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ExportFilter;
import software.amazon.awssdk.services.neptunegraph.model.ExportFilterElement;
import software.amazon.awssdk.services.neptunegraph.model.ExportFilterPropertyAttributes;
import software.amazon.awssdk.services.neptunegraph.model.ExportFormat;
import software.amazon.awssdk.services.neptunegraph.model.ImportOptions;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneImportOptions;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request members are checked against the neptune-graph 2023-11-29 model's patterns, enums and lengths: 400
 * {@code ValidationException} in the service's wording, before any state changes. Members the model returns
 * ({@code importOptions}, {@code exportFilter}) come back in the outputs.
 */
class TaskRequestRulesTest {

    private static final String GRAPH = "g-0000000001";
    private static final String ROLE = "arn:aws:iam::123456789012:role/Import";

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final NeptuneGraphClient client = LocalClients.graph(neptune);

    @BeforeEach
    void graph() {
        neptune.graphs().create(GRAPH);
    }

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private static StartImportTaskRequest.Builder anImport() {
        return StartImportTaskRequest.builder().graphIdentifier(GRAPH).source("s3://bucket/data/").roleArn(ROLE);
    }

    private static StartExportTaskRequest.Builder anExport() {
        return StartExportTaskRequest.builder().graphIdentifier(GRAPH).roleArn(ROLE).format(ExportFormat.PARQUET)
                .destination("s3://bucket/out/").kmsKeyIdentifier(NewTask.DEFAULT_KMS_KEY);
    }

    private void refused(StartImportTaskRequest request, String... messageParts) {
        assertThatThrownBy(() -> client.startImportTask(request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContainingAll(messageParts);
        assertThat(neptune.graphs().get(GRAPH).status()).as("no task started").isEqualTo("AVAILABLE");
    }

    private void refused(StartExportTaskRequest request, String... messageParts) {
        assertThatThrownBy(() -> client.startExportTask(request))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContainingAll(messageParts);
    }

    /** RoleArn: ^arn:aws[^:]*:iam::\d{12}:(role|role/service-role)(/[\w+=,.@-]+)+$ */
    @Test
    void aRoleArnOutsideTheModelPatternIsRefused() {
        refused(anImport().roleArn("not-an-arn").build(), "Value 'not-an-arn' at 'roleArn'", "regular expression");
        refused(anExport().roleArn("arn:aws:iam::12345:role/short-account").build(), "roleArn");
        refused(anImport().roleArn("arn:aws:iam::123456789012:role/").build(), "Value 'arn:aws:iam::123456789012:role/'");
    }

    /** RoleArn: (/[\w+=,.@-]+)+ after role: a role under an IAM path, or a service role, is a role. */
    @Test
    void aRoleArnWithAnIamPathOrAServiceRoleIsAccepted() {
        for (String role : new String[] {
                "arn:aws:iam::123456789012:role/teams/graphs/Import",
                "arn:aws:iam::123456789012:role/service-role/NeptuneImport", "arn:aws-cn:iam::123456789012:role/Import" }) {
            assertThat(client.startExportTask(anExport().roleArn(role).build()).roleArn()).isEqualTo(role);
        }
    }

    /** KmsKeyArn: ^arn:aws[^:]*:kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}$, and required on export. */
    @Test
    void aKmsKeyIdentifierOutsideTheModelPatternIsRefused() {
        refused(anExport().kmsKeyIdentifier("k").build(), "Value 'k' at 'kmsKeyIdentifier'");
        refused(anExport().kmsKeyIdentifier(null).build(), "Value null at 'kmsKeyIdentifier'");
    }

    /** KmsKeyArn: arn:aws[^:]* names any partition. */
    @Test
    void aKmsKeyArnOfAnyPartitionIsAccepted() {
        String key = "arn:aws-iso-b:kms:us-isob-east-1:123456789012:key/00000000-0000-4000-8000-000000000000";

        assertThat(client.startExportTask(anExport().kmsKeyIdentifier(key).build()).kmsKeyIdentifier()).isEqualTo(key);
    }

    @Test
    void neptuneLocalsOwnDefaultsMatchTheModel() {
        assertThat(NewTask.DEFAULT_KMS_KEY).matches(ModelRules.KMS_KEY_ARN);
        assertThat(NewTask.DEFAULT_ROLE_ARN).matches(ModelRules.ROLE_ARN);
        assertThat(client.startExportTask(anExport().build()).kmsKeyIdentifier()).isEqualTo(NewTask.DEFAULT_KMS_KEY);
    }

    /** ParquetType: [COLUMNAR]; Format: [CSV, OPEN_CYPHER, PARQUET, NTRIPLES]; ExportFormat: [PARQUET, CSV]. */
    @Test
    void valuesOutsideTheModelEnumsAreRefused() {
        refused(anImport().parquetType("FOO").build(), "Value 'FOO' at 'parquetType'", "enum value set: [COLUMNAR]");
        refused(anImport().format("JSON").build(), "Value 'JSON' at 'format'");
        refused(anExport().parquetType("FOO").build(), "parquetType");
        refused(anExport().format("NTRIPLES").build(), "Value 'NTRIPLES' at 'format'", "[PARQUET, CSV]");
        refused(anImport().format("NTRIPLES").blankNodeHandling("keep").build(), "Value 'keep' at 'blankNodeHandling'");
    }

    /** blankNodeHandling: "Must be provided when format is ntriples" (StartImportTaskInput). */
    @Test
    void ntriplesWithoutBlankNodeHandlingIsRefusedAndWithItAccepted() {
        refused(anImport().format("NTRIPLES").build(), "blankNodeHandling", "NTRIPLES");

        assertThat(client.startImportTask(anImport().format("NTRIPLES").blankNodeHandling("convertToIri").build())
                .formatAsString()).isEqualTo("NTRIPLES");
    }

    /** NeptuneImportOptions: s3ExportPath and s3ExportKmsKeyId required; the options come back from start and get. */
    @Test
    void importOptionsAreCheckedAndReturned() {
        refused(anImport().importOptions(ImportOptions.fromNeptune(NeptuneImportOptions.builder()
                .s3ExportKmsKeyId("key").build())).build(), "Value null at 'importOptions.neptune.s3ExportPath'");

        StartImportTaskResponse started = client.startImportTask(anImport().importOptions(ImportOptions.fromNeptune(
                NeptuneImportOptions.builder().s3ExportPath("s3://bucket/export/").s3ExportKmsKeyId("key")
                        .preserveEdgeIds(true).build()))
                .build());

        assertThat(started.importOptions().neptune().s3ExportPath()).isEqualTo("s3://bucket/export/");
        assertThat(client.getImportTask(r -> r.taskIdentifier(started.taskId())).importOptions().neptune().preserveEdgeIds())
                .isTrue();
    }

    /** ExportFilterOutputPropertyName ^[a-zA-Z0-9_]+$, MultiValueHandlingType [TO_LIST, PICK_FIRST]. */
    @Test
    void anExportFilterIsCheckedAndReturned() {
        ExportFilterPropertyAttributes name = ExportFilterPropertyAttributes.builder().outputType("String")
                .sourcePropertyName("name").multiValueHandling("TO_LIST").build();
        refused(anExport().exportFilter(ExportFilter.builder().vertexFilter(Map.of("person",
                ExportFilterElement.builder().properties(Map.of("full name", name)).build())).build()).build(),
                "exportFilter.vertexFilter.person.properties.full name");
        refused(anExport().exportFilter(ExportFilter.builder().vertexFilter(Map.of("person",
                ExportFilterElement.builder().properties(Map.of("name", name.toBuilder().multiValueHandling("ALL").build()))
                        .build()))
                .build()).build(), "multiValueHandling");

        ExportFilter filter = ExportFilter.builder().vertexFilter(Map.of("person",
                ExportFilterElement.builder().properties(Map.of("name", name)).build())).build();
        String id = client.startExportTask(anExport().exportFilter(filter).build()).taskId();

        assertThat(client.getExportTask(r -> r.taskIdentifier(id)).exportFilter()).isEqualTo(filter);
    }

    /** TagKey: ^[a-zA-Z+-=._:/]+$ (no other rule on its prefix), TagMap at most 50. */
    @Test
    void tagsOutsideTheModelPatternAreRefused() {
        refused(anExport().tags(Map.of("team name", "graphs")).build(), "Value 'team name' at 'tags'");

        assertThat(client.startExportTask(anExport().tags(Map.of("team", "graphs", "aws:owner", "me")).build()).taskId())
                .isNotBlank();
    }

    /** ListImportTasksInput.nextToken is a PaginationToken: length 1..8192. */
    @Test
    void anEmptyNextTokenIsRefusedNotReadAsTheFirstPage() throws Exception {
        assertThatThrownBy(() -> client.listImportTasks(r -> r.nextToken("")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("at 'nextToken' failed to satisfy constraint: Member must have length greater"
                                      + " than or equal to 1");
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(neptune.endpoint() + "/exporttasks?nextToken=")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
    }

    /** The service lists every violation of a request: "2 validation errors detected: ...; ...". */
    @Test
    void everyViolationOfARequestIsListed() {
        refused(anImport().roleArn("not-an-arn").format("JSON").source(null).build(),
                "3 validation errors detected: ",
                "Value null at 'source' failed to satisfy constraint: Member must not be null; ",
                "Value 'not-an-arn' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression"
                                                                                                  + " pattern: ",
                "; Value 'JSON' at 'format' failed to satisfy constraint: Member must satisfy enum value set: ");
        assertThatThrownBy(() -> client.listExportTasks(r -> r.graphIdentifier("graph").maxResults(0)))
                .hasMessageContainingAll("2 validation errors detected: Value 'graph' at 'graphIdentifier'",
                        "; Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than"
                                                                                                             + " or equal to 1");
        refused(anImport().format("JSON").build(), "1 validation error detected: Value 'JSON' at 'format'");
    }

    /** failOnError is a Boolean in StartImportTaskInput: a string is refused (the SDK cannot send one, so raw HTTP). */
    @Test
    void membersOfTheWrongJsonTypeAreRefused() throws Exception {
        HttpResponse<String> response = post("/graphs/" + GRAPH + "/importtasks",
                "{\"source\":\"s3://bucket/data/\",\"roleArn\":\"" + ROLE + "\",\"failOnError\":\"no\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("message").asText()).contains("'no' at 'failOnError'", "boolean");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(neptune.endpoint() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
