package dev.camelneptune.local.tasks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskDetails;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GraphStatus;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code --demo} tasks read as the service's would: every member in the response shapes of the seed references
 * (get_import_task, GetExportTask), none outside them, and values that agree with the status (a SUCCEEDED task at 100 %
 * with its counters and the time it took, a FAILED one with its error).
 */
class DemoTasksTest {

    /** GetImportTaskOutput's members (get_import_task Response Syntax, plus parquetType of the current model). */
    private static final Set<String> IMPORT_MEMBERS = Set.of("graphId", "taskId", "source", "format", "parquetType",
            "roleArn", "status", "importOptions", "importTaskDetails", "attemptNumber", "statusReason");
    private static final Set<String> IMPORT_DETAILS = Set.of("status", "startTime", "timeElapsedSeconds",
            "progressPercentage", "errorCount", "errorDetails", "statementCount", "dictionaryEntryCount");
    /** GetExportTaskOutput's members (GetExportTask Response Syntax). */
    private static final Set<String> EXPORT_MEMBERS = Set.of("graphId", "roleArn", "taskId", "status", "format",
            "destination", "kmsKeyIdentifier", "parquetType", "statusReason", "exportTaskDetails", "exportFilter");
    private static final Set<String> EXPORT_DETAILS = Set.of("startTime", "timeElapsedSeconds", "progressPercentage",
            "numVerticesWritten", "numEdgesWritten");

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start().seedDemo();
    private final NeptuneGraphClient client = LocalClients.graph(neptune);

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    @Test
    void theDemoHoldsTasksInVariousStatesOnGraphsThatExist() {
        assertThat(List.of("t-demo000001", "t-demo000002", "t-demo000003", "t-demo000004", "t-demo000005", "t-demo000006"))
                .extracting(id -> neptune.tasks().get(id).status())
                .containsExactly("SUCCEEDED", "IMPORTING", "INITIALIZING", "FAILED", "EXPORTING", "CANCELLED");
        assertThat(client.getGraph(r -> r.graphIdentifier("g-demo000001")).status()).isEqualTo(GraphStatus.AVAILABLE);
        assertThat(client.getGraph(r -> r.graphIdentifier("g-demo000002")).status()).isEqualTo(GraphStatus.IMPORTING);
        assertThat(neptune.graphs().get("g-demo000001").empty()).isFalse();
        assertThat(neptune.graphs().get("g-demo000004").empty()).as("its import failed and was rolled back").isTrue();
    }

    /** A task runs on a graph that exists: every demo task started after its graph's createTime. */
    @Test
    void everyDemoGraphWasCreatedBeforeTheTasksThatRunOnIt() {
        for (String id : List.of("t-demo000001", "t-demo000002", "t-demo000003", "t-demo000004")) {
            GetImportTaskResponse task = client.getImportTask(r -> r.taskIdentifier(id));
            assertThat(client.getGraph(r -> r.graphIdentifier(task.graphId())).createTime()).as(id)
                    .isBeforeOrEqualTo(task.importTaskDetails().startTime());
        }
        for (String id : List.of("t-demo000005", "t-demo000006")) {
            GetExportTaskResponse task = client.getExportTask(r -> r.taskIdentifier(id));
            assertThat(client.getGraph(r -> r.graphIdentifier(task.graphId())).createTime()).as(id)
                    .isBeforeOrEqualTo(task.exportTaskDetails().startTime());
        }
    }

    @Test
    void everyDemoImportTaskHasTheMembersOfGetImportTaskAndValuesThatAgreeWithItsStatus() throws Exception {
        for (String id : List.of("t-demo000001", "t-demo000002", "t-demo000003", "t-demo000004")) {
            JsonNode raw = get("/importtasks/" + id);
            assertThat(names(raw)).as(id).isSubsetOf(IMPORT_MEMBERS)
                    .contains("graphId", "taskId", "source", "format", "roleArn", "status", "importTaskDetails");
            assertThat(names(raw.get("importTaskDetails"))).as(id).isSubsetOf(IMPORT_DETAILS)
                    .containsAll(Set.of("status", "startTime", "timeElapsedSeconds", "progressPercentage", "errorCount",
                            "statementCount", "dictionaryEntryCount"));

            GetImportTaskResponse task = client.getImportTask(r -> r.taskIdentifier(id));
            assertThat(task.roleArn()).matches(ModelRules.ROLE_ARN);
            assertThat(neptune.graphs().exists(task.graphId())).isTrue();
            ImportTaskDetails details = task.importTaskDetails();
            assertThat(details.status()).isEqualTo(task.statusAsString());
            switch (task.statusAsString()) {
                case "SUCCEEDED" -> {
                    assertThat(details.progressPercentage()).isEqualTo(100);
                    assertThat(details.statementCount()).isPositive();
                    assertThat(details.dictionaryEntryCount()).isPositive();
                    assertThat(details.timeElapsedSeconds()).isPositive();
                    assertThat(details.errorCount()).isZero();
                }
                case "FAILED" -> {
                    assertThat(task.statusReason()).isNotBlank();
                    assertThat(details.errorCount()).isPositive();
                    assertThat(details.errorDetails()).isEqualTo(task.statusReason());
                    assertThat(details.timeElapsedSeconds()).isPositive();
                }
                default -> {
                    assertThat(details.progressPercentage()).isBetween(0, 99);
                    assertThat(details.errorCount()).isZero();
                    assertThat(task.statusReason()).isNull();
                }
            }
        }
    }

    @Test
    void everyDemoExportTaskHasTheMembersOfGetExportTaskAndValuesThatAgreeWithItsStatus() throws Exception {
        for (String id : List.of("t-demo000005", "t-demo000006")) {
            JsonNode raw = get("/exporttasks/" + id);
            assertThat(names(raw)).as(id).isSubsetOf(EXPORT_MEMBERS).contains("graphId", "roleArn", "taskId", "status",
                    "format", "destination", "kmsKeyIdentifier", "exportTaskDetails");
            assertThat(names(raw.get("exportTaskDetails"))).as(id).isEqualTo(EXPORT_DETAILS);

            GetExportTaskResponse task = client.getExportTask(r -> r.taskIdentifier(id));
            assertThat(task.kmsKeyIdentifier()).matches(ModelRules.KMS_KEY_ARN);
            assertThat(task.roleArn()).matches(ModelRules.ROLE_ARN);
            assertThat(task.parquetTypeAsString()).isEqualTo("COLUMNAR");
            ExportTaskDetails details = task.exportTaskDetails();
            assertThat(details.timeElapsedSeconds()).isPositive();
            assertThat(details.progressPercentage()).isBetween(1, 99);
            assertThat(details.numVerticesWritten()).isPositive();
            if ("CANCELLED".equals(task.statusAsString())) {
                assertThat(task.statusReason()).isNotBlank();
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(neptune.endpoint() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
