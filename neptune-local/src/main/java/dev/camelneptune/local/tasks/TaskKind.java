package dev.camelneptune.local.tasks;

import java.time.Duration;
import java.util.List;

/**
 * Import or export: the statuses a task of this kind runs through before it ends, and their default lengths. An import
 * task may also pass through {@code EXPORTING} when it reads a Neptune database (see
 * {@link NewTask#fromNeptune(Duration)}), {@code REPROVISIONING} (see {@link NewTask#reprovisioning(Duration)}) and,
 * when it fails, through {@code ROLLING_BACK} (see {@link NewTask#rollback(Duration)}); an export task has none of
 * these three ({@code ImportTaskStatus} and {@code ExportTaskStatus} in the service model).
 */
public enum TaskKind {

    IMPORT(List.of("INITIALIZING", "ANALYZING_DATA", "IMPORTING"),
           List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(45))),
    EXPORT(List.of("INITIALIZING", "EXPORTING"),
           List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)));

    private final List<String> phases;
    private final List<Duration> defaultDurations;

    TaskKind(List<String> phases, List<Duration> defaultDurations) {
        this.phases = phases;
        this.defaultDurations = defaultDurations;
    }

    /** The running statuses in order; the last one is where the work (and {@code progressPercentage}) happens. */
    public List<String> phases() {
        return phases;
    }

    List<Duration> defaultDurations() {
        return defaultDurations;
    }
}
