package dev.camelneptune.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.tasks.NewTask;
import dev.camelneptune.local.tasks.TaskSnapshot;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * kamelet:neptune-graph-action, loaded from the classpath as a user's route loads it, against neptune-local over HTTP
 * through the real NeptuneGraphClient the component builds.
 */
class NeptuneGraphActionKameletTest extends CamelTestSupport {

    private static final String TASK_IDENTIFIER = "CamelNeptuneGraphTaskIdentifier";
    private static final String TASK_STATUS = "CamelNeptuneGraphTaskStatus";
    private static final String OPERATION = "CamelNeptuneGraphOperation";

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();

    @AfterEach
    void stopNeptune() {
        neptune.close();
    }

    /** A kamelet: URI for the action against neptune-local, plus {@code properties}. */
    private String action(String properties) {
        return "kamelet:neptune-graph-action?region=us-east-1&accessKey=local&secretKey=local"
               + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint() + properties;
    }

    /** Starts route {@code direct:in} → the action with {@code properties}. */
    private void route(String properties) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(action(properties));
            }
        });
    }

    private Exchange send(Map<String, Object> headers) {
        return template.send("direct:in", e -> e.getMessage().getHeaders().putAll(headers));
    }

    @Test
    void getImportTaskAnswersWithTheTaskAndItsStatus() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().graph("g-0000000001")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(100)));
        neptune.clock().advance(Duration.ofSeconds(40));
        route("&operation=getImportTask");

        Exchange exchange = send(Map.of(TASK_IDENTIFIER, id));

        assertThat(exchange.getException()).isNull();
        GetImportTaskResponse task = exchange.getMessage().getBody(GetImportTaskResponse.class);
        assertThat(task.taskId()).isEqualTo(id);
        assertThat(task.graphId()).isEqualTo("g-0000000001");
        assertThat(task.importTaskDetails().progressPercentage()).isEqualTo(40);
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("IMPORTING");
    }

    @Test
    void theOperationHeaderOverridesTheKameletsOperation() throws Exception {
        List<String> ids = neptune.tasks().createImportTasks(3);
        route("&operation=getImportTask&allPages=true");

        Exchange exchange = send(Map.of(OPERATION, "listImportTasks"));

        assertThat(exchange.getException()).isNull();
        List<?> tasks = exchange.getMessage().getBody(List.class);
        assertThat(tasks).extracting(t -> ((ImportTaskSummary) t).taskId()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void startImportTaskTakesItsInputsFromTheKameletsProperties() throws Exception {
        neptune.graphs().create("g-0000000007");
        route("&operation=startImportTask&graphIdentifier=g-0000000007&source=s3://bucket/nodes/"
              + "&roleArn=arn:aws:iam::123456789012:role/NeptuneImport&format=OPEN_CYPHER");

        Exchange exchange = send(Map.of());

        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getBody(StartImportTaskResponse.class).taskId();
        TaskSnapshot started = neptune.tasks().get(id);
        assertThat(started.graphId()).isEqualTo("g-0000000007");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo(started.status());
    }

    @Test
    void waitForImportTaskPollsAtTheKameletsWaitPollInterval() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        route("&operation=waitForImportTask&waitPollInterval=20&waitTimeout=10s");
        long before = neptune.requestCount();

        CompletableFuture<Exchange> waiting = template.asyncSend("direct:in",
                e -> e.getMessage().setHeader(TASK_IDENTIFIER, id));
        await().atMost(Duration.ofSeconds(5)).until(() -> neptune.requestCount() >= before + 3);
        neptune.clock().advance(Duration.ofMinutes(2));

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("SUCCEEDED");
    }

    @Test
    void waitForImportTaskGivesUpAfterTheKameletsWaitTimeout() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        route("&operation=waitForImportTask&waitPollInterval=20&waitTimeout=300");

        Exchange exchange = template.asyncSend("direct:in", e -> e.getMessage().setHeader(TASK_IDENTIFIER, id))
                .get(5, TimeUnit.SECONDS);

        assertThat(exchange.getException()).hasMessageContainingAll(id, "waitTimeout", "INITIALIZING");
    }

    @Test
    void badInputInAPropertyFailsTheRouteAtStartWithTheComponentsMessageAndNoRequest() {
        long before = neptune.requestCount();

        assertThatThrownBy(() -> route("&operation=getImportTask&taskIdentifier=t-abc"))
                .rootCause().hasMessage("taskIdentifier (header CamelNeptuneGraphTaskIdentifier or option taskIdentifier)"
                                        + " is 't-abc': it must match t-[a-z0-9]{10}");
        assertThat(neptune.requestCount()).as("HTTP requests made").isEqualTo(before);
    }

    @Test
    void badInputInAHeaderFailsTheMessageBeforeAnyRequest() throws Exception {
        route("&operation=getImportTask");
        long before = neptune.requestCount();

        Exchange exchange = send(Map.of(TASK_IDENTIFIER, "t-ABC0000000"));

        assertThat(exchange.getException()).hasMessage("taskIdentifier (header CamelNeptuneGraphTaskIdentifier or option"
                                                       + " taskIdentifier) is 't-ABC0000000': it must match t-[a-z0-9]{10}");
        assertThat(neptune.requestCount()).as("HTTP requests made").isEqualTo(before);
    }

    @Test
    void theOperationIsARequiredProperty() {
        assertThatThrownBy(() -> route(""))
                .rootCause().hasMessageContaining("neptune-graph-action").hasMessageContaining("operation");
    }
}
