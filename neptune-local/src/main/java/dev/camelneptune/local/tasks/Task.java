package dev.camelneptune.local.tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * One task and its timeline: it runs through its phases from the moment it started, unless it is failed, cancelled or
 * deleted on the way. Its status is computed from the clock, never stored, so advancing the clock is all it takes to
 * make it progress.
 */
final class Task {

    /** Statements (import) or vertices (export) a task processes by the time it reaches 100 %. */
    private static final long WORK = 1_000_000;

    /** An error an import with {@code failOnError=false} skipped. */
    private record SkippedError(long at, String details) {
    }

    private final NewTask spec;
    private final long startMillis;
    private final List<String> phaseNames = new ArrayList<>();
    private final List<Long> phaseEnds = new ArrayList<>();
    private final List<SkippedError> skipped = new ArrayList<>();
    private Long failMillis;
    private String failureReason;
    private Long cancelMillis;
    private Long deleteMillis;
    private String deleteReason;

    Task(NewTask spec, long now) {
        this.spec = spec;
        this.startMillis = now - spec.startedAgo.toMillis();
        long end = startMillis;
        List<String> names = spec.kind.phases();
        for (int i = 0; i < names.size(); i++) {
            if (i == names.size() - 1 && spec.reprovisioning != null) {
                end += spec.reprovisioning.toMillis();
                phaseNames.add("REPROVISIONING");
                phaseEnds.add(end);
            }
            end += spec.phases.get(i).toMillis();
            phaseNames.add(names.get(i));
            phaseEnds.add(end);
            if (i == 0 && spec.neptuneExport != null) {
                // an import from a Neptune database exports its data to S3 first (ImportTaskStatus EXPORTING)
                end += spec.neptuneExport.toMillis();
                phaseNames.add("EXPORTING");
                phaseEnds.add(end);
            }
        }
        if (spec.failAfter != null) {
            fail(startMillis + spec.failAfter.toMillis(), spec.failureReason);
        }
    }

    NewTask spec() {
        return spec;
    }

    long startMillis() {
        return startMillis;
    }

    /** When the task succeeds if nothing stops it. */
    long succeedMillis() {
        return phaseEnds.get(phaseEnds.size() - 1);
    }

    /** Fails the task at {@code at}; an import with {@code failOnError=false} counts the error and goes on. */
    synchronized void fail(long at, String reason) {
        if (spec.skipsErrors()) {
            skipped.add(new SkippedError(at, reason));
            return;
        }
        if (failMillis == null || failMillis > at) {
            failMillis = at;
            failureReason = reason;
        }
    }

    synchronized void cancel(long at) {
        cancelMillis = at;
    }

    synchronized void delete(long at, String reason) {
        deleteMillis = at;
        deleteReason = reason;
    }

    /** Errors counted by {@code at}: the failure, or those an import with failOnError=false skipped. */
    synchronized int errorCount(TaskSnapshot snapshot, long at) {
        int count = (int) skipped.stream().filter(e -> e.at() <= at).count();
        return failed(snapshot) ? count + 1 : count;
    }

    /** What the last error was, or null. */
    synchronized String errorDetails(TaskSnapshot snapshot, long at) {
        if (failed(snapshot)) {
            return snapshot.statusReason();
        }
        String details = null;
        for (SkippedError e : skipped) {
            if (e.at() <= at) {
                details = e.details();
            }
        }
        return details;
    }

    private static boolean failed(TaskSnapshot snapshot) {
        return "FAILED".equals(snapshot.status()) || "ROLLING_BACK".equals(snapshot.status());
    }

    synchronized TaskSnapshot at(long now) {
        if (deleteMillis != null && deleteMillis <= now) {
            TaskSnapshot before = beforeDeletion(deleteMillis);
            return new TaskSnapshot(
                    spec.kind, spec.taskId, spec.graphId, "DELETED", before.progressPercentage(),
                    before.timeElapsedSeconds(), deleteReason);
        }
        return beforeDeletion(now);
    }

    private TaskSnapshot beforeDeletion(long now) {
        long succeed = succeedMillis();
        Long fail = failMillis != null && failMillis < succeed ? failMillis : null;
        Long cancel = cancelMillis != null && cancelMillis < succeed ? cancelMillis : null;
        if (fail != null && cancel != null) {
            if (fail < cancel) {
                cancel = null;
            } else {
                fail = null;
            }
        }
        if (fail != null && fail <= now) {
            long rollback = spec.kind == TaskKind.IMPORT ? spec.rollback.toMillis() : 0;
            return now < fail + rollback
                    ? snapshot("ROLLING_BACK", fail, now, failureReason)
                    : snapshot("FAILED", fail, fail + rollback, failureReason);
        }
        if (cancel != null && cancel <= now) {
            long cancelled = cancel + spec.cancelDuration.toMillis();
            return now < cancelled
                    ? snapshot("CANCELLING", cancel, now, "Cancelled by request")
                    : snapshot("CANCELLED", cancel, cancelled, "Cancelled by request");
        }
        if (now >= succeed) {
            return snapshot("SUCCEEDED", succeed, succeed, null);
        }
        return snapshot(phaseAt(now), now, now, null);
    }

    /** {@code status}, with the progress made by {@code progressAt} and the time elapsed by {@code elapsedAt}. */
    private TaskSnapshot snapshot(String status, long progressAt, long elapsedAt, String reason) {
        return new TaskSnapshot(
                spec.kind, spec.taskId, spec.graphId, status, progressAt(progressAt),
                Math.max(0, elapsedAt - startMillis) / 1000, reason);
    }

    private String phaseAt(long now) {
        for (int i = 0; i < phaseEnds.size(); i++) {
            if (now < phaseEnds.get(i)) {
                return phaseNames.get(i);
            }
        }
        return phaseNames.get(phaseNames.size() - 1);
    }

    /** 0 before the work phase (the last), then linear through it, 100 at its end. */
    private int progressAt(long at) {
        long workEnd = succeedMillis();
        long workStart = phaseEnds.size() > 1 ? phaseEnds.get(phaseEnds.size() - 2) : startMillis;
        if (at >= workEnd) {
            return 100;
        }
        if (at <= workStart) {
            return 0;
        }
        return (int) ((at - workStart) * 100 / (workEnd - workStart));
    }

    /** Statements or vertices processed at {@code progress} percent. */
    static long work(int progress) {
        return WORK * progress / 100;
    }
}
