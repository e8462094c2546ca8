package dev.camelneptune.stream.metrics;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;

/**
 * What the dev console and the Micrometer meters show about one running consumer, beyond its JMX attributes: the last
 * error it handled ({@link LastErrorRecorder}), and, with meters, how many commits it is behind the newest record of
 * the stream ({@link NewestRecordCheck}).
 * <p>
 * When Micrometer is on the classpath and the application has a {@code MeterRegistry} (camel-micrometer, Spring Boot
 * actuator, Quarkus micrometer), the meters are registered in it; then, and only then, the newest record is read every
 * {@link #LAG_CHECK_INTERVAL_MILLIS} ms.
 */
public final class NeptuneStreamMetrics {

    public static final long LAG_CHECK_INTERVAL_MILLIS = 5000;

    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    private final NeptuneStreamConsumer<?> consumer;
    private final LastErrorRecorder errors;
    private NewestRecordCheck newest;
    /** A {@code MicrometerMeters} when meters are registered; typed Object so this class never loads Micrometer. */
    private Object meters;

    private NeptuneStreamMetrics(NeptuneStreamConsumer<?> consumer) {
        this.consumer = consumer;
        this.errors = new LastErrorRecorder(consumer.getExceptionHandler());
    }

    /** Called once the consumer has started. */
    public static NeptuneStreamMetrics start(NeptuneStreamConsumer<?> consumer) {
        NeptuneStreamMetrics metrics = new NeptuneStreamMetrics(consumer);
        consumer.setExceptionHandler(metrics.errors);
        if (MICROMETER_PRESENT) {
            metrics.meters = MicrometerMeters.register(metrics, consumer);
        }
        if (metrics.meters != null) {
            metrics.newest = new NewestRecordCheck(consumer.getEndpoint());
            metrics.newest.start();
        }
        return metrics;
    }

    /** Called when the consumer stops: removes the meters and the checking thread, restores the exception handler. */
    public void stop() {
        if (newest != null) {
            newest.stop();
            newest = null;
        }
        if (meters != null) {
            ((MicrometerMeters) meters).remove();
            meters = null;
        }
        if (consumer.getExceptionHandler() == errors) {
            consumer.setExceptionHandler(errors.delegate());
        }
    }

    public boolean hasMeters() {
        return meters != null;
    }

    /**
     * How many commits the newest record of the stream (at the last check) is ahead of the last record processed: 0
     * when the consumer has reached it; -1 while unknown (no check has succeeded yet, or nothing is processed yet in a
     * stream that has records).
     */
    public long getCommitsBehind() {
        long newestCommitNum = getNewestCommitNum();
        if (newestCommitNum < 0) {
            return -1;
        }
        StreamPosition position = consumer.currentPosition();
        if (position == null) {
            return newestCommitNum == 0 ? 0 : -1;
        }
        return Math.max(0, newestCommitNum - position.commitNum());
    }

    /** The commitNum of the newest record at the last check, -1 before one succeeded, 0 for an empty stream. */
    public long getNewestCommitNum() {
        NewestRecordCheck check = newest;
        return check != null ? check.newestCommitNum() : -1;
    }

    /** When the newest record was last read (ms since the epoch), -1 before. */
    public long getLastCheckTimestamp() {
        NewestRecordCheck check = newest;
        return check != null ? check.lastCheckTimestamp() : -1;
    }

    /** The last error the consumer handled (a failed poll or a failed record), null when there was none. */
    public String getLastError() {
        return errors.lastError();
    }

    /** When the last error happened (ms since the epoch), -1 when there was none. */
    public long getLastErrorTimestamp() {
        return errors.lastErrorTimestamp();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, NeptuneStreamMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
