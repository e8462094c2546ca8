package dev.camelneptune.stream.state;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daemon thread a state repository writes its coalesced positions from every {@code flushInterval} ms; shared by
 * {@link AtomicFileStateRepository} and {@link JdbcStateRepository}.
 */
final class BackgroundFlusher {

    private final ScheduledExecutorService executor;

    private BackgroundFlusher(String threadName, long intervalMillis, Runnable flush) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** @return a running flusher, or {@code null} when {@code intervalMillis} is 0 (every write is synchronous) */
    static BackgroundFlusher startIfPositive(String threadName, long intervalMillis, Runnable flush) {
        return intervalMillis > 0 ? new BackgroundFlusher(threadName, intervalMillis, flush) : null;
    }

    /** Stops the thread and waits for a flush in progress to end. */
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
