package dev.camelneptune.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;

import static dev.camelneptune.graph.NeptuneGraphConstants.PROGRESS_PERCENTAGE;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_CHANGES;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** waitForImportTask / waitForExportTask poll until the task ends, on the manual clock, and report each change. */
class NeptuneGraphWaitTest extends NeptuneGraphTestSupport {

    private static final String FAST = "&waitPollInterval=20&waitTimeout=10000";

    @Test
    void waitForImportTaskEndsWithTheSucceededTask() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.clock().advance(Duration.ofMinutes(2));

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(GetImportTaskResponse.class).statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("SUCCEEDED");
    }

    @Test
    void waitForExportTaskEndsWithTheSucceededTask() throws Exception {
        String id = neptune.tasks().create(NewTask.exportTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForExportTask", FAST, id);

        neptune.clock().advance(Duration.ofMinutes(2));

        GetExportTaskResponse task = waiting.get(10, TimeUnit.SECONDS).getMessage().getBody(GetExportTaskResponse.class);
        assertThat(task.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(task.exportTaskDetails().progressPercentage()).isEqualTo(100);
    }

    @Test
    void waitingForATaskThatFailsFailsTheExchangeWithItsStatusAndReason() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.tasks().fail(id, "bad CSV header in nodes.csv");

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll(id, "FAILED", "bad CSV header in nodes.csv");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("FAILED");
    }

    @Test
    void waitingForATaskThatIsCancelledFailsTheExchange() throws Exception {
        String id = neptune.tasks().create(NewTask.exportTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForExportTask", FAST, id);

        template.send(uri("cancelExportTask"), e -> e.getMessage().setHeader(TASK_IDENTIFIER, id));

        assertThat(waiting.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll(id, "CANCELLING");
    }

    @Test
    void waitingLongerThanWaitTimeoutFailsTheExchange() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());

        Exchange exchange = waitFor("waitForImportTask", "&waitPollInterval=20&waitTimeout=1000", id).get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll("Gave up waiting", id, "waitTimeout", "INITIALIZING");
        // the first poll builds the client's connection and may take most of a loaded machine's second
        assertThat(neptune.requestCount()).as("polled more than once before giving up").isGreaterThan(1);
    }

    @Test
    void waitingForAnUnknownTaskFailsWithResourceNotFound() throws Exception {
        Exchange exchange = waitFor("waitForImportTask", FAST, "t-0123456789").get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException())
                .isInstanceOf(software.amazon.awssdk.services.neptunegraph.model.ResourceNotFoundException.class);
    }

    @Test
    void eachStatusOrProgressChangeIsLoggedOnceAndEndsUpInTheHeaders() throws Exception {
        ListAppender captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        captured.clear();
        String id = neptune.tasks().create(NewTask.importTask()
                .phases(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(100)));
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.clock().advance(Duration.ofSeconds(60));
        pollsTwiceMore();
        neptune.clock().advance(Duration.ofSeconds(100));
        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(TASK_CHANGES, List.class))
                .containsExactly("INITIALIZING 0%", "IMPORTING 50%", "SUCCEEDED 100%");
        assertThat(exchange.getMessage().getHeader(PROGRESS_PERCENTAGE)).isEqualTo(100);
        List<String> logged = captured.getMessages().stream().filter(m -> m.contains("Import task " + id)).toList();
        assertThat(logged).as("one line per change, however often the task was polled")
                .allSatisfy(line -> assertThat(line).startsWith("INFO "))
                .extracting(line -> line.substring(line.indexOf("Import task")).trim())
                .containsExactly("Import task " + id + ": INITIALIZING 0%", "Import task " + id + ": IMPORTING 50%",
                        "Import task " + id + ": SUCCEEDED 100%");
    }

    @Test
    void aFailedTaskCarriesItsProgressHeadersToo() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.tasks().fail(id, "bad CSV header in nodes.csv");

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getMessage().getHeader(TASK_CHANGES, List.class)).containsExactly("INITIALIZING 0%", "FAILED 0%");
        assertThat(exchange.getMessage().getHeader(PROGRESS_PERCENTAGE)).isEqualTo(0);
    }

    /** Returns once the wait has polled twice more, so at least one poll saw the state as it is now. */
    private void pollsTwiceMore() {
        long now = neptune.requestCount();
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() >= now + 2);
    }

    /** Starts waiting on another thread, and returns once the waiter has polled at least once. */
    private CompletableFuture<Exchange> waitFor(String operation, String options, String taskId) {
        long before = neptune.requestCount();
        CompletableFuture<Exchange> waiting = template.asyncSend(uri(operation, options),
                e -> e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(TASK_IDENTIFIER, taskId))));
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() > before || waiting.isDone());
        return waiting;
    }
}
