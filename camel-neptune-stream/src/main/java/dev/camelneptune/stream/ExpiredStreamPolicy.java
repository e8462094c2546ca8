package dev.camelneptune.stream;

/** What the consumer does when its position has been trimmed from the stream ({@code ExpiredStreamException}). */
public enum ExpiredStreamPolicy {
    /**
     * Stop advancing: every poll fails with {@link NeptuneStreamExpiredException}, the health check is DOWN, and the
     * log names the lost position and how to recover.
     */
    FAIL,
    /** Restart from the oldest record still in the stream, with a WARN naming the gap. */
    RESTART_FROM_TRIM_HORIZON,
    /** Restart from the newest record, with a WARN naming the gap. */
    RESTART_FROM_LATEST
}
