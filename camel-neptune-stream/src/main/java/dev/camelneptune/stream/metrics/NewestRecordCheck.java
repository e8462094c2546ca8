package dev.camelneptune.stream.metrics;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.stream.NeptuneStreamEndpoint;
import dev.camelneptune.stream.page.StreamPage;
import dev.camelneptune.stream.page.StreamReader;
import dev.camelneptune.stream.page.StreamRequest;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/**
 * Reads the newest record of the stream (a {@code LATEST} request of one record) every
 * {@link NeptuneStreamMetrics#LAG_CHECK_INTERVAL_MILLIS} ms on a thread of its own, for the lag in commits. A failed
 * check is logged at DEBUG and keeps the last value: it never touches consumption.
 */
final class NewestRecordCheck {

    private static final Logger LOG = LoggerFactory.getLogger(NewestRecordCheck.class);

    private final NeptuneStreamEndpoint endpoint;
    private final StreamReader<?> newest;
    private ScheduledExecutorService executor;
    /** The commitNum of the newest record at the last check; -1 before a check succeeded, 0 for an empty stream. */
    private volatile long newestCommitNum = -1;
    private volatile long lastCheckTimestamp = -1;

    NewestRecordCheck(NeptuneStreamEndpoint endpoint) {
        this.endpoint = endpoint;
        this.newest = endpoint.createReader(1);
    }

    void start() {
        executor = executors().newSingleThreadScheduledExecutor(this, "NeptuneStreamLagCheck");
        executor.scheduleWithFixedDelay(this::check, 0, NeptuneStreamMetrics.LAG_CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) {
            executors().shutdownNow(executor);
            executor = null;
        }
    }

    long newestCommitNum() {
        return newestCommitNum;
    }

    long lastCheckTimestamp() {
        return lastCheckTimestamp;
    }

    private ExecutorServiceManager executors() {
        return endpoint.getCamelContext().getExecutorServiceManager();
    }

    private void check() {
        try {
            long commitNum;
            try {
                StreamPage<?> page = newest.read(StreamRequest.of(IteratorType.LATEST));
                commitNum = page.size() == 0 ? 0 : page.position(0).commitNum();
            } catch (StreamRecordsNotFoundException e) {
                commitNum = 0;
            }
            newestCommitNum = commitNum;
            lastCheckTimestamp = System.currentTimeMillis();
        } catch (RuntimeException e) {
            LOG.debug("Neptune stream {}: reading the newest record for the lag in commits failed; keeping the last value",
                    endpoint.getConfiguration().getStreamType(), e);
        }
    }
}
