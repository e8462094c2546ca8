package dev.camelneptune.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One route waits on hundreds of tasks at once: a wait holds no thread, the component's few scheduler threads poll. */
class NeptuneGraphConcurrentWaitTest extends NeptuneGraphTestSupport {

    private static final int WAITS = 200;

    /** 200 waits make thousands of requests: the SDK's and Camel's DEBUG lines would be most of this test's time. */
    @BeforeEach
    void quieterLogs() {
        LoggerContext.getContext(false).getConfiguration().<ListAppender> getAppender("captured").clear();
        Configurator.setLevel("software.amazon.awssdk", Level.INFO);
        Configurator.setLevel("org.apache.camel", Level.INFO);
    }

    @AfterEach
    void restoreLogs() {
        Configurator.setLevel("software.amazon.awssdk", Level.DEBUG);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
    }

    @Test
    void twoHundredConcurrentWaitsCompleteOnABoundedNumberOfThreads() throws Exception {
        List<String> ids = neptune.tasks().createImportTasks(WAITS);
        String uri = uri("waitForImportTask", "&waitPollInterval=1000&waitTimeout=60000");
        context.getEndpoint(uri);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();

        List<CompletableFuture<Exchange>> waits = ids.stream()
                .map(id -> template.asyncSend(uri, e -> e.getMessage().setHeaders(new HashMap<>(Map.of(TASK_IDENTIFIER, id)))))
                .toList();
        // every wait has polled its task (and logged its first status), and none can end: the clock has not moved
        await().atMost(Duration.ofSeconds(30)).until(() -> tasksPolled(ids) == WAITS);
        assertThat(waits).as("waits in flight at once").noneMatch(CompletableFuture::isDone);

        neptune.clock().advance(Duration.ofMinutes(2));
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(waits).allSatisfy(w -> {
            assertThat(w.get().getException()).isNull();
            assertThat(w.get().getMessage().getHeader(TASK_STATUS)).isEqualTo("SUCCEEDED");
        });
        int peakAdded = threads.getPeakThreadCount() - before;
        assertThat(peakAdded).as("threads added at the peak, for %d waits", WAITS).isLessThan(WAITS / 5);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().contains("NeptuneGraphWait"))
                .as("the component's wait threads").hasSizeLessThanOrEqualTo(10);
    }

    /** How many of the tasks have been seen by a wait: each wait logs its task's first status once. */
    private static long tasksPolled(List<String> ids) {
        ListAppender captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        Set<String> waiting = new HashSet<>(ids);
        return new java.util.ArrayList<>(captured.getMessages()).stream()
                .filter(m -> m.contains("INITIALIZING"))
                .map(m -> m.substring(m.indexOf("t-"), m.indexOf("t-") + 12))
                .filter(waiting::contains)
                .distinct().count();
    }

    @Test
    void stoppingTheProducerFailsTheWaitsInFlightWithTheLastStatus() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        CompletableFuture<Exchange> waiting = template.asyncSend(uri("waitForImportTask", "&waitPollInterval=50"),
                e -> e.getMessage().setHeader(TASK_IDENTIFIER, id));
        await().atMost(Duration.ofSeconds(10)).until(() -> neptune.requestCount() > 0);

        template.stop();

        assertThat(waiting.get(10, TimeUnit.SECONDS).getException()).isNotNull()
                .hasMessageContainingAll("stopped while waiting", id, "INITIALIZING");
    }
}
