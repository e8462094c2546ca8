package dev.camelneptune.local.tasks;

/**
 * What a task looks like at one moment of the clock.
 *
 * @param kind               import or export
 * @param taskId             {@code t-[a-z0-9]{10}}
 * @param graphId            {@code g-[a-z0-9]{10}}
 * @param status             the wire status, e.g. {@code IMPORTING}
 * @param progressPercentage 0..100
 * @param timeElapsedSeconds seconds since the task started, frozen once it ended
 * @param statusReason       why it failed, was cancelled or deleted, or null
 */
public record TaskSnapshot(TaskKind kind, String taskId, String graphId, String status, int progressPercentage,
        long timeElapsedSeconds, String statusReason) {

    /** SUCCEEDED, FAILED, CANCELLED or DELETED: the status will not change any more. */
    public boolean isTerminal() {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status)
                || "DELETED".equals(status);
    }

    /** One of the statuses a task runs through before it ends (not failing, cancelling or ended). */
    public boolean isRunning() {
        return kind.phases().contains(status) || "REPROVISIONING".equals(status) || "EXPORTING".equals(status);
    }
}
