package dev.camelneptune.graph;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * waitForImportTask / waitForExportTask against the statuses the service can produce besides the usual ones
 * (ImportTaskStatus / ExportTaskStatus of the neptune-graph model): ROLLING_BACK, which the SDK's ImportTaskSuccessful
 * waiter takes as a failure; REPROVISIONING on the way, which is not one; DELETED, which no waiter acceptor names. Each
 * ending fails the exchange with a message that names the task, its status and why.
 */
class NeptuneGraphWaitStatusesTest extends NeptuneGraphTestSupport {

    private static final String FAST = "&waitPollInterval=20&waitTimeout=10000";

    @Test
    void anImportThatFailsIntoRollingBackFailsTheWaitNamingTheStatusAndTheReason() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().rollback(Duration.ofHours(1)));
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.tasks().fail(id, "bad CSV header in nodes.csv");

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(neptune.tasks().get(id).status()).isEqualTo("ROLLING_BACK");
        assertThat(exchange.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll(id, "ROLLING_BACK", "bad CSV header in nodes.csv");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("ROLLING_BACK");
    }

    @Test
    void anImportThatPassesThroughReprovisioningIsWaitedForUntilItSucceeds() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().reprovisioning(Duration.ofMinutes(10)));
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", FAST, id);

        neptune.clock().advance(Duration.ofMinutes(1));
        assertThat(neptune.tasks().get(id).status()).isEqualTo("REPROVISIONING");
        long seen = neptune.requestCount();
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() > seen + 2);
        assertThat(waiting).as("REPROVISIONING is not an end").isNotDone();

        neptune.clock().advance(Duration.ofHours(1));

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(GetImportTaskResponse.class).statusAsString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anImportStillReprovisioningWhenTheWaitTimesOutFailsNamingThatStatus() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().reprovisioning(Duration.ofHours(1)));
        neptune.clock().advance(Duration.ofMinutes(1));

        Exchange exchange = waitFor("waitForImportTask", "&waitPollInterval=20&waitTimeout=300", id)
                .get(10, TimeUnit.SECONDS);

        assertThat(exchange.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll("Gave up waiting", id, "waitTimeout", "REPROVISIONING");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("REPROVISIONING");
    }

    @Test
    void anImportWhoseGraphIsDeletedFailsTheWaitNamingDeleted() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().graph("g-0000000001"));
        CompletableFuture<Exchange> waiting = waitFor("waitForImportTask", "&waitPollInterval=20&waitTimeout=1000", id);

        neptune.graphs().delete("g-0000000001");

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll(id, "DELETED", "g-0000000001 was deleted");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("DELETED");
    }

    @Test
    void aDeletedExportFailsTheWaitNamingDeleted() throws Exception {
        String id = neptune.tasks().create(NewTask.exportTask());
        CompletableFuture<Exchange> waiting = waitFor("waitForExportTask", "&waitPollInterval=20&waitTimeout=1000", id);

        neptune.tasks().delete(id);

        assertThat(waiting.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContainingAll(id, "DELETED");
    }

    /** Starts waiting on another thread, and returns once the waiter has polled at least once. */
    private CompletableFuture<Exchange> waitFor(String operation, String options, String taskId) {
        long before = neptune.requestCount();
        CompletableFuture<Exchange> waiting = template.asyncSend(uri(operation, options),
                e -> e.getMessage().setHeaders(new HashMap<>(Map.of(TASK_IDENTIFIER, taskId))));
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() > before || waiting.isDone());
        return waiting;
    }
}
