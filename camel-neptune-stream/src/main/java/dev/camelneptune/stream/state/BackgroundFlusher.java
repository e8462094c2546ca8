package dev.camelneptune.stream.state;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread a state repository writes its coalesced positions from every {@code flushInterval} ms; shared by
 * {@link AtomicFileStateRepository} and {@link JdbcStateRepository}.
 * <p>
 * With a {@link CamelContext} (the repositories are {@code CamelContextAware}: Camel sets it when the repository is
 * bound in its registry, and the consumer hands its own to a repository it starts) the thread comes from the context's
 * {@link ExecutorServiceManager}, so it is named, profiled and shut down as Camel's own threads are. Without one (a
 * repository used outside Camel) it is a daemon thread of its own.
 * <p>
 * Stopping never interrupts a flush in progress (an interrupted file or database write can close the file channel or
 * the connection under it): it cancels the next ticks and waits for the flush to end.
 */
final class BackgroundFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFlusher.class);
    /** How long {@link #stop()} waits for a flush in progress before it warns and returns (never interrupting it). */
    static final long STOP_WARNING_MILLIS = 30_000;

    private final ScheduledExecutorService executor;
    private final ExecutorServiceManager manager;
    private final String name;

    private BackgroundFlusher(CamelContext context, Object source, String name, long intervalMillis, Runnable flush) {
        this.name = name;
        this.manager = context != null ? context.getExecutorServiceManager() : null;
        if (manager != null) {
            executor = manager.newSingleThreadScheduledExecutor(source, name);
        } else {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        executor.scheduleWithFixedDelay(flush, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param  context the context whose thread pools to use, or null for a daemon thread of its own
     * @param  source  the repository (Camel names and tracks the thread pool by it)
     * @return         a running flusher, or {@code null} when {@code intervalMillis} is 0 (every write is synchronous)
     */
    static BackgroundFlusher startIfPositive(
            CamelContext context, Object source, String name, long intervalMillis, Runnable flush) {
        return intervalMillis > 0 ? new BackgroundFlusher(context, source, name, intervalMillis, flush) : null;
    }

    /** Cancels the next flushes and waits for the one in progress, if any, to end; never interrupts it. */
    void stop() throws InterruptedException {
        if (manager != null) {
            // not graceful(): that interrupts the thread once its timeout elapses
            manager.shutdown(executor);
        } else {
            executor.shutdown();
        }
        if (!executor.awaitTermination(STOP_WARNING_MILLIS, TimeUnit.MILLISECONDS)) {
            // the repository's last flush on stop waits for it anyway (both take the same lock)
            LOG.warn("{}: a flush has been running for more than {} ms; it is left to end on its own", name,
                    STOP_WARNING_MILLIS);
        }
    }
}
