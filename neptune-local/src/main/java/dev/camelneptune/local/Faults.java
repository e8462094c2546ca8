package dev.camelneptune.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults on demand: the next N requests (to any API, or only to paths starting with a prefix) get a fault instead of,
 * or on top of, their normal answer. Thread-safe; faults are consumed in the order they were queued.
 */
public final class Faults {

    private record Pending(String pathPrefix, Fault fault) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final AtomicLong injected = new AtomicLong();

    /** The next {@code n} requests under {@code pathPrefix} ({@code "/"} for all) get {@code fault}. */
    public synchronized Faults next(int n, String pathPrefix, Fault fault) {
        for (int i = 0; i < n; i++) {
            pending.add(new Pending(pathPrefix, fault));
        }
        return this;
    }

    /** The next {@code n} requests to any API get {@code fault}. */
    public Faults next(int n, Fault fault) {
        return next(n, "/", fault);
    }

    /**
     * Throttles the next {@code n} requests: 429 {@code ThrottlingException} on the task API; on the stream API, its
     * own throttling error.
     */
    public Faults throttleNext(int n) {
        return next(n, Fault.error(429, "ThrottlingException"));
    }

    /**
     * Fails the next {@code n} requests with 500 {@code InternalServerException} (task API) /
     * {@code InternalFailureException} (stream API).
     */
    public Faults failNext(int n) {
        return next(n, Fault.error(500, "InternalServerException"));
    }

    /** Holds each of the next {@code n} responses for {@code delay}. */
    public Faults delayNext(int n, Duration delay) {
        return next(n, Fault.delay(delay));
    }

    /** Cuts each of the next {@code n} response bodies in the middle. */
    public Faults cutNext(int n) {
        return next(n, Fault.cutBody());
    }

    /** Answers each of the next {@code n} requests completely, but with only the first half of its body. */
    public Faults truncateNext(int n) {
        return next(n, Fault.truncatedBody());
    }

    /** Resets the connection on each of the next {@code n} requests. */
    public Faults resetNext(int n) {
        return next(n, Fault.reset());
    }

    public synchronized void clear() {
        pending.clear();
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** How many faults have been served so far. */
    public long injectedCount() {
        return injected.get();
    }

    /** Takes the first queued fault that applies to {@code path}, or null. */
    synchronized Fault take(String path) {
        for (var it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (path.startsWith(p.pathPrefix())) {
                it.remove();
                injected.incrementAndGet();
                return p.fault();
            }
        }
        return null;
    }
}
