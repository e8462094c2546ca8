package dev.camelneptune.graph;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksRequest;

import static dev.camelneptune.graph.NeptuneGraphConstants.GRAPH_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.MAX_RESULTS;
import static dev.camelneptune.graph.NeptuneGraphConstants.OPERATION;
import static dev.camelneptune.graph.NeptuneGraphConstants.SOURCE;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bad input fails before any HTTP request, with a message that names the option and the rule. */
class NeptuneGraphInputRulesTest extends NeptuneGraphTestSupport {

    private static final String TASK_RULE = "t-[a-z0-9]{10}";
    private static final String GRAPH_RULE = "g-[a-z0-9]{10}";
    private static final String IMPORT = "&roleArn=arn:aws:iam::123456789012:role/Import&source=s3://bucket/in/";
    private static final String EXPORT = "&roleArn=arn:aws:iam::123456789012:role/Export&format=CSV"
                                         + "&destination=s3://bucket/out/&kmsKeyIdentifier=arn:aws:kms:us-east-1:123456789012:key/k";

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("getImportTask", "", Map.of(TASK_IDENTIFIER, "t-abc"),
                        new String[] { "taskIdentifier", TASK_RULE }),
                Arguments.of("getExportTask", "", Map.of(TASK_IDENTIFIER, "T-0123456789"),
                        new String[] { "taskIdentifier", TASK_RULE }),
                Arguments.of("cancelImportTask", "", Map.of(TASK_IDENTIFIER, "t-01234567890"),
                        new String[] { "taskIdentifier", TASK_RULE }),
                Arguments.of("waitForExportTask", "", Map.of(TASK_IDENTIFIER, "x"),
                        new String[] { "taskIdentifier", TASK_RULE }),
                Arguments.of("getImportTask", "", Map.of(), new String[] { "taskIdentifier", "is required", TASK_IDENTIFIER }),
                Arguments.of("cancelExportTask", "", Map.of(), new String[] { "taskIdentifier", "is required" }),
                Arguments.of("waitForImportTask", "", Map.of(), new String[] { "taskIdentifier", "is required" }),
                Arguments.of("startImportTask", IMPORT, Map.of(GRAPH_IDENTIFIER, "graph-1"),
                        new String[] { "graphIdentifier", GRAPH_RULE }),
                Arguments.of("startImportTask", IMPORT, Map.of(),
                        new String[] { "graphIdentifier", "is required", GRAPH_IDENTIFIER }),
                Arguments.of("startImportTask", "&roleArn=arn:aws:iam::123456789012:role/Import",
                        Map.of(GRAPH_IDENTIFIER, "g-0000000001"),
                        new String[] { "source", "is required", SOURCE }),
                Arguments.of("startImportTask", IMPORT + "&format=XML", Map.of(GRAPH_IDENTIFIER, "g-0000000001"),
                        new String[] { "format", "OPEN_CYPHER" }),
                Arguments.of("startExportTask", EXPORT, Map.of(GRAPH_IDENTIFIER, "g-00000000"),
                        new String[] { "graphIdentifier", GRAPH_RULE }),
                Arguments.of("startExportTask", "&roleArn=r&format=CSV&destination=s3://b/",
                        Map.of(GRAPH_IDENTIFIER, "g-0000000001"),
                        new String[] { "kmsKeyIdentifier", "is required" }),
                Arguments.of("listExportTasks", "", Map.of(GRAPH_IDENTIFIER, "G-0000000001"),
                        new String[] { "graphIdentifier", GRAPH_RULE }),
                Arguments.of("listImportTasks", "", Map.of(MAX_RESULTS, 0), new String[] { "maxResults", "between 1 and 100" }),
                Arguments.of("listExportTasks", "", Map.of(MAX_RESULTS, 101),
                        new String[] { "maxResults", "between 1 and 100" }),
                Arguments.of("getImportTask", "", Map.of(OPERATION, "deleteGraph"),
                        new String[] { "operation", "deleteGraph", "getImportTask" }));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("badHeaders")
    void badInputFailsBeforeAnyRequestNamingTheOptionAndTheRule(
            String operation, String options, Map<String, Object> headers,
            String[] message) {
        Exception failure = failsBeforeAnyRequest(uri(operation, options), null, headers);

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(message);
    }

    @Test
    void getImportTaskOnTAbcFailsBeforeAnyRequest() {
        Exception failure = failsBeforeAnyRequest(uri("getImportTask"), null, Map.of(TASK_IDENTIFIER, "t-abc"));

        assertThat(failure).hasMessageContainingAll("taskIdentifier", "t-[a-z0-9]{10}", "t-abc");
    }

    @Test
    void pojoRequestIsCheckedLikeHeaders() {
        Exception badId = failsBeforeAnyRequest(uri("getImportTask", "&pojoRequest=true"),
                GetImportTaskRequest.builder().taskIdentifier("t-abc").build(), Map.of());
        Exception badMax = failsBeforeAnyRequest(uri("listImportTasks", "&pojoRequest=true"),
                ListImportTasksRequest.builder().maxResults(500).build(), Map.of());
        Exception wrongType = failsBeforeAnyRequest(uri("getImportTask", "&pojoRequest=true"), "t-0123456789", Map.of());

        assertThat(badId).hasMessageContainingAll("taskIdentifier", TASK_RULE);
        assertThat(badMax).hasMessageContainingAll("maxResults", "between 1 and 100");
        assertThat(wrongType).hasMessageContainingAll("pojoRequest", "GetImportTaskRequest", "java.lang.String");
    }

    @Test
    void badUriOptionsFailWhenTheEndpointIsCreated() {
        assertEndpointFails(uri("getImportTask", "&taskIdentifier=t-abc"), "taskIdentifier", TASK_RULE);
        assertEndpointFails(uri("listExportTasks", "&graphIdentifier=g-abc"), "graphIdentifier", GRAPH_RULE);
        assertEndpointFails(uri("listImportTasks", "&maxResults=0"), "maxResults", "between 1 and 100");
        assertEndpointFails(uri("listImportTasks", "&maxResults=101"), "maxResults", "between 1 and 100");
        assertEndpointFails(uri("waitForImportTask", "&waitPollInterval=0"), "waitPollInterval", "greater than 0");
        assertEndpointFails(uri("deleteGraph"), "operation", "deleteGraph", "listImportTasks");
        assertEndpointFails("neptune-graph:tasks?operation=getImportTask&region=us-east-1", "accessKey", "secretKey",
                "useDefaultCredentialsProvider");
        assertThat(neptune.requestCount()).isZero();
    }

    private void assertEndpointFails(String uri, String... message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll(message);
    }
}
