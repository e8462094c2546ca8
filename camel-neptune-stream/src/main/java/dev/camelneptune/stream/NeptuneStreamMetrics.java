package dev.camelneptune.stream;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/**
 * What the dev console and the Micrometer meters show about one running consumer, beyond its JMX attributes: the last
 * error it handled, and how many commits it is behind the newest record of the stream.
 * <p>
 * It reads the consumer only through its getters and its exception handler, so the consumer knows nothing of it but
 * where it is started and stopped. When Micrometer is on the classpath and the application has a {@code MeterRegistry}
 * (camel-micrometer, Spring Boot actuator, Quarkus micrometer), the meters are registered in it; then, and only then,
 * the newest record is read with a {@code LATEST} request of one record every {@link #LAG_CHECK_INTERVAL_MILLIS} ms, on
 * a thread of its own: a failed check is logged at DEBUG and never touches consumption.
 */
final class NeptuneStreamMetrics {

    static final long LAG_CHECK_INTERVAL_MILLIS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneStreamMetrics.class);
    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private final NeptuneStreamConsumer consumer;
    private final ExceptionHandler handler;
    private final ExceptionHandler recordingHandler;
    private volatile String lastError;
    private volatile long lastErrorTimestamp = -1;
    /** The commitNum of the newest record at the last check; -1 before a check succeeded, 0 for an empty stream. */
    private volatile long newestCommitNum = -1;
    private volatile long lastCheckTimestamp = -1;
    private ScheduledExecutorService lagChecker;
    /** A {@code MicrometerMeters} when meters are registered; typed Object so this class never loads Micrometer. */
    private Object meters;

    private NeptuneStreamMetrics(NeptuneStreamConsumer consumer) {
        this.consumer = consumer;
        this.handler = consumer.getExceptionHandler();
        this.recordingHandler = new RecordingExceptionHandler();
    }

    /** Called once the consumer has started. */
    static NeptuneStreamMetrics start(NeptuneStreamConsumer consumer) {
        NeptuneStreamMetrics metrics = new NeptuneStreamMetrics(consumer);
        consumer.setExceptionHandler(metrics.recordingHandler);
        if (MICROMETER_PRESENT) {
            metrics.meters = MicrometerMeters.register(metrics, consumer);
        }
        if (metrics.meters != null) {
            metrics.startLagChecks();
        }
        return metrics;
    }

    /** Called when the consumer stops: removes the meters and the checking thread, restores the exception handler. */
    void stop() {
        CamelContext context = consumer.getEndpoint().getCamelContext();
        if (lagChecker != null) {
            context.getExecutorServiceManager().shutdownNow(lagChecker);
            lagChecker = null;
        }
        if (meters != null) {
            ((MicrometerMeters) meters).remove();
            meters = null;
        }
        if (consumer.getExceptionHandler() == recordingHandler) {
            consumer.setExceptionHandler(handler);
        }
    }

    boolean hasMeters() {
        return meters != null;
    }

    private void startLagChecks() {
        StreamReader<?> newest = consumer.getEndpoint().createReader(1);
        lagChecker = consumer.getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "NeptuneStreamLagCheck");
        lagChecker.scheduleWithFixedDelay(() -> checkNewest(newest), 0, LAG_CHECK_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void checkNewest(StreamReader<?> newest) {
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
            // the check is for the meters only: the consumer goes on whatever happens here
            LOG.debug("Neptune stream {}: reading the newest record for the lag in commits failed; keeping the last value",
                    consumer.getEndpoint().getConfiguration().getStreamType(), e);
        }
    }

    /**
     * How many commits the newest record of the stream (at the last check) is ahead of the last record processed: 0
     * when the consumer has reached it; -1 while unknown (no check has succeeded yet, or nothing is processed yet in a
     * stream that has records).
     */
    long getCommitsBehind() {
        long newest = newestCommitNum;
        if (newest < 0) {
            return -1;
        }
        String position = consumer.getPosition();
        if (position == null) {
            return newest == 0 ? 0 : -1;
        }
        return Math.max(0, newest - StreamPosition.parse(position).commitNum());
    }

    /** The commitNum of the newest record at the last check, -1 before one succeeded, 0 for an empty stream. */
    long getNewestCommitNum() {
        return newestCommitNum;
    }

    /** When the newest record was last read (ms since the epoch), -1 before. */
    long getLastCheckTimestamp() {
        return lastCheckTimestamp;
    }

    /** The last error the consumer handled (a failed poll or a failed record), null when there was none. */
    String getLastError() {
        return lastError;
    }

    /** When the last error happened (ms since the epoch), -1 when there was none. */
    long getLastErrorTimestamp() {
        return lastErrorTimestamp;
    }

    private void record(String message, Throwable cause) {
        StringBuilder text = new StringBuilder();
        if (message != null) {
            text.append(message);
        }
        if (cause != null) {
            text.append(text.length() > 0 ? ": " : "").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        lastError = text.toString();
        lastErrorTimestamp = System.currentTimeMillis();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, NeptuneStreamMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Remembers the last error, then hands it to the handler the consumer had (logging, or the bridge to the route).
     */
    private final class RecordingExceptionHandler implements ExceptionHandler {

        @Override
        public void handleException(Throwable exception) {
            record(null, exception);
            handler.handleException(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            record(message, exception);
            handler.handleException(message, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            record(message, exception);
            handler.handleException(message, exchange, exception);
        }
    }
}
