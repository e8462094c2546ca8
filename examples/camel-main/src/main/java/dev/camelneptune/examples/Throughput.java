package dev.camelneptune.examples;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Header;

/**
 * Counts the change records a route has processed and reports the rate since the last report. Quiet when nothing moved,
 * so it speaks while a backlog drains and falls silent once the route has caught up.
 */
public class Throughput {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong lastCommitNum = new AtomicLong(-1);
    private long reportedTotal;
    private long reportedAtNanos = System.nanoTime();

    /** Call once per record, after it was processed. */
    public void record(@Header("CamelNeptuneStreamCommitNum") Long commitNum) {
        total.incrementAndGet();
        if (commitNum != null) {
            lastCommitNum.set(commitNum);
        }
    }

    /** A line such as {@code 41,000 records in 2.0 s (20,500/s), 61,000 in all, at commit 17}, or null if idle. */
    public synchronized String report() {
        long now = System.nanoTime();
        long seen = total.get();
        long delta = seen - reportedTotal;
        double seconds = Math.max(1, now - reportedAtNanos) / 1e9;
        reportedTotal = seen;
        reportedAtNanos = now;
        if (delta == 0) {
            return null;
        }
        return String.format("%,d records in %.1f s (%,.0f/s), %,d in all, at commit %d", delta, seconds,
                delta / seconds, seen, lastCommitNum.get());
    }

    public long getTotal() {
        return total.get();
    }
}
