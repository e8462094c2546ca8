package dev.camelneptune.graph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskStatus;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskStatus;

import static dev.camelneptune.graph.NeptuneGraphConstants.PROGRESS_PERCENTAGE;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_CHANGES;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;

/**
 * Waits for one task to end without holding a thread: each poll is one short client call on the component's scheduler,
 * and the next poll is scheduled {@code waitPollInterval} later. Each status or progress change is logged once at INFO
 * and kept for the final message.
 *
 * @param <R> the SDK response of the task's get operation
 */
final class TaskWait<R> {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneGraphProducer.class);

    /**
     * The statuses a task ends in, as the SDK's waiters have them, plus DELETED, which no task comes back from. A
     * status this SDK does not know ({@code UNKNOWN_TO_SDK_VERSION}) is not an end: the wait goes on.
     */
    static final Kind<GetImportTaskResponse, ImportTaskStatus> IMPORT = new Kind<>(
            "Import", GetImportTaskResponse::status, GetImportTaskResponse::statusAsString,
            GetImportTaskResponse::statusReason,
            r -> r.importTaskDetails() == null ? null : r.importTaskDetails().progressPercentage(),
            ImportTaskStatus.SUCCEEDED, EnumSet.of(ImportTaskStatus.FAILED, ImportTaskStatus.CANCELLING,
                    ImportTaskStatus.CANCELLED, ImportTaskStatus.ROLLING_BACK, ImportTaskStatus.DELETED));
    static final Kind<GetExportTaskResponse, ExportTaskStatus> EXPORT = new Kind<>(
            "Export", GetExportTaskResponse::status, GetExportTaskResponse::statusAsString,
            GetExportTaskResponse::statusReason,
            r -> r.exportTaskDetails() == null ? null : r.exportTaskDetails().progressPercentage(),
            ExportTaskStatus.SUCCEEDED, EnumSet.of(ExportTaskStatus.FAILED, ExportTaskStatus.CANCELLING,
                    ExportTaskStatus.CANCELLED, ExportTaskStatus.DELETED));

    /**
     * What a wait needs to know about one kind of task: its status as the SDK's enum (what the wait decides on) and as
     * the service's text (what the headers and messages show, also for a status newer than this SDK).
     */
    record Kind<R, S extends Enum<S>>(String name, Function<R, S> status, Function<R, String> statusText,
            Function<R, String> statusReason, Function<R, Integer> progress, S succeeded, Set<S> failures) {

        /** The call of a wait operation: polls {@code get} with the request until the task has ended. */
        <Q> Operation.Call<Q, R> call(Function<Q, String> taskId, BiFunction<NeptuneGraphClient, Q, R> get) {
            return (producer, request, message) -> new TaskWait<>(
                    this, taskId.apply(request),
                    () -> get.apply(producer.client(), request), producer, message).start();
        }
    }

    /** One poll of the task. */
    private interface Poll<R> {
        R get();
    }

    private final Kind<R, ?> kind;
    private final String taskId;
    private final Poll<R> poll;
    private final NeptuneGraphProducer producer;
    private final Message message;
    private final long interval;
    private final long timeout;
    private final long deadline;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final List<String> changes = new ArrayList<>();
    private volatile String lastStatus;
    private Integer lastProgress;
    private volatile ScheduledFuture<?> next;

    private TaskWait(Kind<R, ?> kind, String taskId, Poll<R> poll, NeptuneGraphProducer producer, Message message) {
        this.kind = kind;
        this.taskId = taskId;
        this.poll = poll;
        this.producer = producer;
        this.message = message;
        this.interval = producer.configuration().getWaitPollInterval();
        this.timeout = producer.configuration().getWaitTimeout();
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
    }

    private CompletableFuture<R> start() {
        producer.waiting(this);
        result.whenComplete((task, failure) -> producer.done(this));
        schedule(0);
        return result;
    }

    private void schedule(long delay) {
        try {
            ScheduledExecutorService scheduler = producer.waitScheduler();
            next = scheduler.schedule(this::poll, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        try {
            R task = poll.get();
            String status = kind.statusText().apply(task);
            Integer progress = kind.progress().apply(task);
            noteChange(status, progress);
            Enum<?> state = kind.status().apply(task);
            if (state == kind.succeeded()) {
                setHeaders(status, progress);
                result.complete(task);
            } else if (kind.failures().contains(state)) {
                setHeaders(status, progress);
                String reason = kind.statusReason().apply(task);
                result.completeExceptionally(new CamelExchangeException(
                        kind.name() + " task " + taskId
                                                                        + " did not succeed, its status is " + status
                                                                        + (reason != null ? ": " + reason : ""),
                        message.getExchange()));
            } else if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(interval) > deadline) {
                setHeaders(status, progress);
                result.completeExceptionally(new CamelExchangeException(
                        "Gave up waiting for "
                                                                        + kind.name().toLowerCase(Locale.ROOT) + " task "
                                                                        + taskId
                                                                        + " after " + timeout
                                                                        + " ms (waitTimeout), its status is still " + status,
                        message.getExchange()));
            } else {
                schedule(interval);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Stops waiting because the producer stops: the exchange fails and says what was last seen. */
    void stop() {
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        result.completeExceptionally(new CamelExchangeException(
                "The neptune-graph producer stopped while waiting for "
                                                                + kind.name().toLowerCase(Locale.ROOT) + " task " + taskId
                                                                + ", its status was "
                                                                + (lastStatus != null ? lastStatus : "not read yet"),
                message.getExchange()));
    }

    private void noteChange(String status, Integer progress) {
        if (Objects.equals(status, lastStatus) && Objects.equals(progress, lastProgress) && !changes.isEmpty()) {
            return;
        }
        lastStatus = status;
        lastProgress = progress;
        String change = progress != null ? status + " " + progress + "%" : status;
        changes.add(change);
        LOG.info("{} task {}: {}", kind.name(), taskId, change);
    }

    private void setHeaders(String status, Integer progress) {
        message.setHeader(TASK_STATUS, status);
        if (progress != null) {
            message.setHeader(PROGRESS_PERCENTAGE, progress);
        }
        message.setHeader(TASK_CHANGES, List.copyOf(changes));
    }
}
