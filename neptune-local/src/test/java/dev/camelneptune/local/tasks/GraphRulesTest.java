package dev.camelneptune.local.tasks;

import java.time.Duration;

import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ConflictException;
import software.amazon.awssdk.services.neptunegraph.model.CreateGraphUsingImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ExportFormat;
import software.amazon.awssdk.services.neptunegraph.model.GetGraphResponse;
import software.amazon.awssdk.services.neptunegraph.model.GraphStatus;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskStatus;
import software.amazon.awssdk.services.neptunegraph.model.ResourceNotFoundException;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start and list answers depend on the graphs, as the service model says: StartImportTask "Import data into existing
 * Neptune Analytics graph ... The graph needs to be empty and in the AVAILABLE state"; StartExportTask "The graph state
 * should be AVAILABLE"; both list ResourceNotFoundException (404) and ConflictException (409) among their errors.
 */
class GraphRulesTest {

    private static final String GRAPH = "g-0000000001";
    private static final String ROLE = "arn:aws:iam::123456789012:role/Import";

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final NeptuneGraphClient client = LocalClients.graph(neptune);

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private static StartImportTaskRequest importInto(String graphId) {
        return StartImportTaskRequest.builder().graphIdentifier(graphId).source("s3://bucket/data/").roleArn(ROLE).build();
    }

    private static StartExportTaskRequest exportFrom(String graphId) {
        return StartExportTaskRequest.builder().graphIdentifier(graphId).roleArn(ROLE).format(ExportFormat.PARQUET)
                .destination("s3://bucket/out/").kmsKeyIdentifier(NewTask.DEFAULT_KMS_KEY).build();
    }

    @Test
    void importOrExportOnAGraphThatDoesNotExistIsResourceNotFound404() {
        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
                .hasMessageContaining(GRAPH);
        assertThatThrownBy(() -> client.startExportTask(exportFrom(GRAPH)))
                .isInstanceOf(ResourceNotFoundException.class);
        // ListExportTasks also lists ResourceNotFoundException: a graph filter naming no graph
        assertThatThrownBy(() -> client.listExportTasks(r -> r.graphIdentifier(GRAPH)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.getGraph(r -> r.graphIdentifier(GRAPH)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void importIntoAGraphThatIsNotEmptyIsAConflictWhileExportFromItIsAccepted() {
        neptune.graphs().create(NewGraph.graph().id(GRAPH).empty(false));

        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409))
                .hasMessageContaining("not empty");
        assertThat(client.startExportTask(exportFrom(GRAPH)).taskId()).matches("t-[a-z0-9]{10}");
    }

    @Test
    void importOrExportOnAGraphThatIsNotAvailableIsAConflict() {
        neptune.graphs().create(NewGraph.graph().id(GRAPH).status("UPDATING"));

        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("UPDATING");
        assertThatThrownBy(() -> client.startExportTask(exportFrom(GRAPH)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("UPDATING");

        neptune.graphs().status(GRAPH, null);
        assertThat(client.startImportTask(importInto(GRAPH)).status()).isEqualTo(ImportTaskStatus.INITIALIZING);
    }

    @Test
    void aGraphIsImportingWhileAnImportRunsAndHoldsDataOnceItSucceeded() {
        neptune.graphs().create(GRAPH);
        client.startImportTask(importInto(GRAPH));

        assertThat(client.getGraph(r -> r.graphIdentifier(GRAPH)).status()).isEqualTo(GraphStatus.IMPORTING);
        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("IMPORTING");
        assertThatThrownBy(() -> client.startExportTask(exportFrom(GRAPH))).isInstanceOf(ConflictException.class);

        neptune.clock().advance(Duration.ofHours(1));

        assertThat(client.getGraph(r -> r.graphIdentifier(GRAPH)).status()).isEqualTo(GraphStatus.AVAILABLE);
        assertThat(neptune.graphs().get(GRAPH).empty()).isFalse();
        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not empty");
        assertThat(client.startExportTask(exportFrom(GRAPH)).graphId()).isEqualTo(GRAPH);
    }

    @Test
    void aFailedImportLeavesTheGraphEmptyAndAvailableForTheNextOne() {
        neptune.graphs().create(GRAPH);
        String first = client.startImportTask(importInto(GRAPH)).taskId();

        neptune.tasks().fail(first, "bad CSV header");

        assertThat(neptune.graphs().get(GRAPH).empty()).isTrue();
        assertThat(client.startImportTask(importInto(GRAPH)).status()).isEqualTo(ImportTaskStatus.INITIALIZING);
    }

    @Test
    void anEmptiedGraphTakesAnImportAgain() {
        neptune.graphs().create(NewGraph.graph().id(GRAPH).empty(false));

        neptune.graphs().empty(GRAPH, true);

        assertThat(client.startImportTask(importInto(GRAPH)).graphId()).isEqualTo(GRAPH);
    }

    /** CreateGraphUsingImportTask: POST /importtasks, a new graph and the import into it (201). */
    @Test
    void createGraphUsingImportTaskMakesAGraphThatIsAvailableOnceItsImportSucceeded() {
        CreateGraphUsingImportTaskResponse created = client.createGraphUsingImportTask(r -> r.graphName("people")
                .source("s3://bucket/people/").roleArn(ROLE).format("OPEN_CYPHER"));

        assertThat(created.graphId()).matches("g-[a-z0-9]{10}");
        assertThat(created.status()).isEqualTo(ImportTaskStatus.INITIALIZING);
        assertThat(client.getGraph(r -> r.graphIdentifier(created.graphId())).name()).isEqualTo("people");
        assertThat(client.getGraph(r -> r.graphIdentifier(created.graphId())).status()).isEqualTo(GraphStatus.IMPORTING);
        assertThat(client.getImportTask(r -> r.taskIdentifier(created.taskId())).graphId()).isEqualTo(created.graphId());

        neptune.clock().advance(Duration.ofHours(1));

        assertThat(client.getGraph(r -> r.graphIdentifier(created.graphId())).status()).isEqualTo(GraphStatus.AVAILABLE);
        assertThat(neptune.graphs().get(created.graphId()).empty()).isFalse();
    }

    @Test
    void createGraphUsingImportTaskRefusesANameInUseOrOutsideTheModelPattern() {
        neptune.graphs().create(NewGraph.graph().id(GRAPH).name("people"));

        assertThatThrownBy(() -> client.createGraphUsingImportTask(r -> r.graphName("people")
                .source("s3://bucket/people/").roleArn(ROLE)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("people");
        // GraphName: ^(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*$
        assertThatThrownBy(() -> client.createGraphUsingImportTask(r -> r.graphName("People_1")
                .source("s3://bucket/people/").roleArn(ROLE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("graphName");
    }

    /**
     * GetGraphOutput holds what CreateGraphUsingImportTaskInput set: replicaCount, publicConnectivity,
     * deletionProtection, vectorSearchConfiguration, kmsKeyIdentifier, the provisioned memory, and the graph's
     * endpoint.
     */
    @Test
    void getGraphEchoesWhatCreateGraphUsingImportTaskCreated() {
        CreateGraphUsingImportTaskResponse created = client.createGraphUsingImportTask(r -> r.graphName("vectors")
                .source("s3://bucket/vectors/").roleArn(ROLE).replicaCount(2).publicConnectivity(true)
                .deletionProtection(true).vectorSearchConfiguration(v -> v.dimension(384))
                .kmsKeyIdentifier(NewTask.DEFAULT_KMS_KEY).minProvisionedMemory(32).maxProvisionedMemory(256));

        GetGraphResponse graph = client.getGraph(r -> r.graphIdentifier(created.graphId()));

        assertThat(graph.replicaCount()).isEqualTo(2);
        assertThat(graph.publicConnectivity()).isTrue();
        assertThat(graph.deletionProtection()).isTrue();
        assertThat(graph.vectorSearchConfiguration().dimension()).isEqualTo(384);
        assertThat(graph.kmsKeyIdentifier()).isEqualTo(NewTask.DEFAULT_KMS_KEY);
        assertThat(graph.provisionedMemory()).isEqualTo(256);
        assertThat(graph.endpoint()).isEqualTo(created.graphId() + ".us-east-1.neptune-graph.amazonaws.com");
    }

    /** VectorSearchConfiguration requires dimension, a VectorSearchDimension of 1..65536. */
    @Test
    void aVectorSearchConfigurationNeedsADimensionOfOneTo65536() {
        assertThatThrownBy(() -> client.createGraphUsingImportTask(r -> r.graphName("vectors")
                .source("s3://bucket/vectors/").roleArn(ROLE).vectorSearchConfiguration(v -> {
                })))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value null at 'vectorSearchConfiguration.dimension'");
        assertThatThrownBy(() -> client.createGraphUsingImportTask(r -> r.graphName("vectors")
                .source("s3://bucket/vectors/").roleArn(ROLE).vectorSearchConfiguration(v -> v.dimension(0))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value '0' at 'vectorSearchConfiguration.dimension'");
        assertThatThrownBy(() -> client.createGraphUsingImportTask(r -> r.graphName("vectors")
                .source("s3://bucket/vectors/").roleArn(ROLE).vectorSearchConfiguration(v -> v.dimension(65537))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("less than or equal to 65536");

        assertThat(client.createGraphUsingImportTask(r -> r.graphName("vectors").source("s3://bucket/vectors/")
                .roleArn(ROLE).vectorSearchConfiguration(v -> v.dimension(65536))).graphId()).isNotBlank();
    }

    /** GraphStatus: STARTING, STOPPING and STOPPED; an import needs an AVAILABLE graph, so a stopped one refuses it. */
    @Test
    void aGraphCanBeStartingStoppingOrStoppedAndAStoppedGraphRefusesAnImport() {
        neptune.graphs().create(GRAPH);

        for (GraphStatus status : new GraphStatus[] { GraphStatus.STOPPING, GraphStatus.STARTING, GraphStatus.STOPPED }) {
            neptune.graphs().status(GRAPH, status.toString());
            assertThat(client.getGraph(r -> r.graphIdentifier(GRAPH)).status()).isEqualTo(status);
        }
        assertThatThrownBy(() -> client.startImportTask(importInto(GRAPH)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409))
                .hasMessageContaining("STOPPED");
    }

    @Test
    void aCreateGraphUsingImportTaskWhoseImportFailsLeavesAFailedGraph() {
        CreateGraphUsingImportTaskResponse created = client.createGraphUsingImportTask(r -> r.graphName("people")
                .source("s3://bucket/people/").roleArn(ROLE));

        neptune.tasks().fail(created.taskId(), "no files under s3://bucket/people/");

        assertThat(client.getGraph(r -> r.graphIdentifier(created.graphId())).status()).isEqualTo(GraphStatus.FAILED);
        assertThat(client.getGraph(r -> r.graphIdentifier(created.graphId())).statusReason())
                .contains("no files under s3://bucket/people/");
    }

    @Test
    void deletingAGraphDeletesTheTasksStillRunningOnIt() {
        neptune.graphs().create(GRAPH);
        String running = client.startExportTask(exportFrom(GRAPH)).taskId();
        String done = neptune.tasks().create(NewTask.exportTask().graph(GRAPH).startedAgo(Duration.ofHours(2)));

        neptune.graphs().delete(GRAPH);

        assertThat(client.getExportTask(r -> r.taskIdentifier(running)).statusAsString()).isEqualTo("DELETED");
        assertThat(client.getExportTask(r -> r.taskIdentifier(running)).statusReason()).contains(GRAPH, "deleted");
        assertThat(client.getExportTask(r -> r.taskIdentifier(done)).statusAsString()).isEqualTo("SUCCEEDED");
        assertThatThrownBy(() -> client.getGraph(r -> r.graphIdentifier(GRAPH))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.startExportTask(exportFrom(GRAPH))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theJavaApiCreatesTheGraphOfATaskWhenItDoesNotExist() {
        String id = neptune.tasks().create(NewTask.importTask().graph(GRAPH));

        assertThat(neptune.graphs().exists(GRAPH)).isTrue();
        assertThat(client.getGraph(r -> r.graphIdentifier(GRAPH)).status()).isEqualTo(GraphStatus.IMPORTING);
        assertThat(client.listExportTasks(r -> r.graphIdentifier(GRAPH)).tasks()).isEmpty();
        assertThat(neptune.tasks().get(id).graphId()).isEqualTo(GRAPH);
    }
}
