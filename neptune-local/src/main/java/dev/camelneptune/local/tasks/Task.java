package dev.camelneptune.local.tasks;

import java.time.Duration;

/**
 * One task and its timeline: it runs through its kind's phases from the moment it was created, unless it is failed or
 * cancelled on the way. Its status is computed from the clock, never stored, so advancing the clock is all it takes
 * to make it progress.
 */
final class Task {

    /** Statements (import) or vertices (export) a task processes by the time it reaches 100 %. */
    private static final long WORK = 1_000_000;

    private final NewTask spec;
    private final long startMillis;
    private Long failMillis;
    private String failureReason;
    private Long cancelMillis;

    Task(NewTask spec, long startMillis) {
        this.spec = spec;
        this.startMillis = startMillis;
        if (spec.failAfter != null) {
            this.failMillis = startMillis + spec.failAfter.toMillis();
            this.failureReason = spec.failureReason;
        }
    }

    NewTask spec() {
        return spec;
    }

    long startMillis() {
        return startMillis;
    }

    synchronized void fail(long now, String reason) {
        if (failMillis == null || failMillis > now) {
            failMillis = now;
            failureReason = reason;
        }
    }

    synchronized void cancel(long now) {
        cancelMillis = now;
    }

    synchronized TaskSnapshot at(long now) {
        long succeedMillis = startMillis + spec.phases.stream().mapToLong(Duration::toMillis).sum();
        if (failMillis != null && failMillis <= now && failMillis < succeedMillis
                && (cancelMillis == null || failMillis < cancelMillis)) {
            return snapshot("FAILED", failMillis, failureReason);
        }
        if (cancelMillis != null && cancelMillis <= now) {
            boolean cancelled = now >= cancelMillis + spec.cancelDuration.toMillis();
            return snapshot(cancelled ? "CANCELLED" : "CANCELLING", cancelMillis, "Cancelled by request");
        }
        if (now >= succeedMillis) {
            return snapshot("SUCCEEDED", succeedMillis, null);
        }
        return snapshot(phaseAt(now), now, null);
    }

    /** {@code status}, with progress and elapsed time as they were at {@code frozenAt}. */
    private TaskSnapshot snapshot(String status, long frozenAt, String reason) {
        return new TaskSnapshot(spec.kind, spec.taskId, spec.graphId, status, progressAt(frozenAt),
                Math.max(0, frozenAt - startMillis) / 1000, reason);
    }

    private String phaseAt(long now) {
        long end = startMillis;
        for (int i = 0; i < spec.phases.size(); i++) {
            end += spec.phases.get(i).toMillis();
            if (now < end) {
                return spec.kind.phases().get(i);
            }
        }
        return spec.kind.phases().get(spec.phases.size() - 1);
    }

    /** 0 before the work phase, then linear through it, 100 at its end. */
    private int progressAt(long at) {
        long workStart = startMillis;
        for (int i = 0; i < spec.phases.size() - 1; i++) {
            workStart += spec.phases.get(i).toMillis();
        }
        long workLength = spec.phases.get(spec.phases.size() - 1).toMillis();
        if (at <= workStart) {
            return 0;
        }
        if (at >= workStart + workLength) {
            return 100;
        }
        return (int) ((at - workStart) * 100 / workLength);
    }

    /** Statements or vertices processed at {@code progress} percent. */
    static long work(int progress) {
        return WORK * progress / 100;
    }
}
