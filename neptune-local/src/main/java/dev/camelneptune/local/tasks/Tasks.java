package dev.camelneptune.local.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.LocalClock;

/**
 * The import and export tasks, and the service's rules for starting, cancelling and listing them, apart from the wire
 * format ({@link TaskApi} serves them over HTTP). Tasks progress on the {@link LocalClock}. A test creates and steers
 * them here: create one in any state, fail, cancel or delete it.
 * <p>
 * Thread-safe: it shares one lock with {@link Graphs}, whose state follows the tasks.
 */
public final class Tasks {

    /** A page of tasks and the token of the next one (null on the last page). */
    record Page(List<Task> tasks, String nextToken) {
    }

    private final LocalClock clock;
    private final Graphs graphs;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, Task> byId = new HashMap<>();

    public Tasks(LocalClock clock, Graphs graphs) {
        this.clock = clock;
        this.graphs = graphs;
        graphs.attach(this);
    }

    // ---------------------------------------------------------------- Java API

    /**
     * Creates a task that starts now on the clock (or {@link NewTask#startedAgo} earlier); returns its id. Its graph is
     * created, empty and AVAILABLE, if it does not exist. Unlike {@code StartImportTask} over HTTP, the graph's state
     * is not checked: a test may put any task on any graph.
     */
    public String create(NewTask spec) {
        synchronized (graphs) {
            requireValid(spec);
            if (byId.containsKey(spec.taskId)) {
                throw new IllegalArgumentException("task " + spec.taskId + " already exists");
            }
            if (!graphs.exists(spec.graphId)) {
                graphs.create(spec.graphId);
            }
            return add(spec).spec().taskId;
        }
    }

    /** Creates {@code count} import tasks with default settings, e.g. to page through; returns their ids in order. */
    public List<String> createImportTasks(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(create(NewTask.importTask()));
        }
        return ids;
    }

    /** The task as the API would show it now. */
    public TaskSnapshot get(String taskId) {
        synchronized (graphs) {
            return known(taskId).at(clock.millis());
        }
    }

    /**
     * Fails a running task now, with {@code reason} as its {@code statusReason}: an import is then {@code ROLLING_BACK}
     * for its {@link NewTask#rollback} time, then {@code FAILED}; an export is {@code FAILED}. An import with
     * {@code failOnError=false} counts the error and goes on.
     */
    public void fail(String taskId, String reason) {
        synchronized (graphs) {
            Task task = running(taskId);
            task.fail(clock.millis(), reason);
        }
    }

    /** Cancels a running task now, as {@code CancelImportTask} / {@code CancelExportTask} do. */
    public void cancel(String taskId) {
        synchronized (graphs) {
            running(taskId).cancel(clock.millis());
        }
    }

    /** Deletes a task that has not ended: its status is {@code DELETED} from now on. */
    public void delete(String taskId) {
        synchronized (graphs) {
            Task task = known(taskId);
            TaskSnapshot now = task.at(clock.millis());
            if (now.isTerminal()) {
                throw new IllegalStateException("task " + taskId + " has already ended: " + now.status());
            }
            task.delete(clock.millis(), "Deleted");
        }
    }

    /**
     * Graphs and tasks as the service shows them after a while: an import that succeeded hours ago, one importing, one
     * starting, one that failed and was rolled back (its graph empty again, where the demo starts an import), an export
     * running and one cancelled. Each graph was created before the tasks that run on it started.
     */
    public void seedDemo() {
        synchronized (graphs) {
            graphs.create(NewGraph.graph().id("g-demo000001").name("demo-people").createdAgo(Duration.ofHours(3)));
            graphs.create(NewGraph.graph().id("g-demo000002").name("demo-sensors").createdAgo(Duration.ofMinutes(15)));
            graphs.create(NewGraph.graph().id("g-demo000003").name("demo-orders").createdAgo(Duration.ofMinutes(5)));
            graphs.create(NewGraph.graph().id("g-demo000004").name("demo-empty").createdAgo(Duration.ofHours(2)));
            create(NewTask.importTask().id("t-demo000001").graph("g-demo000001").startedAgo(Duration.ofHours(2))
                    .phases(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(20)));
            create(NewTask.importTask().id("t-demo000002").graph("g-demo000002").startedAgo(Duration.ofMinutes(10))
                    .phases(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(1)));
            create(NewTask.importTask().id("t-demo000003").graph("g-demo000003")
                    .phases(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(30)));
            create(NewTask.importTask().id("t-demo000004").graph("g-demo000004").startedAgo(Duration.ofHours(1))
                    .phases(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                    .failAfter(Duration.ofMinutes(3), "Source data could not be read: s3://neptune-local/import/ is empty")
                    .rollback(Duration.ofMinutes(2)));
            create(NewTask.exportTask().id("t-demo000005").graph("g-demo000001").startedAgo(Duration.ofMinutes(20))
                    .phases(Duration.ofMinutes(1), Duration.ofHours(1)));
            create(NewTask.exportTask().id("t-demo000006").graph("g-demo000001").startedAgo(Duration.ofMinutes(30))
                    .phases(Duration.ofMinutes(1), Duration.ofHours(1)).cancelDuration(Duration.ofSeconds(30)));
            Task cancelled = byId.get("t-demo000006");
            cancelled.cancel(cancelled.startMillis() + Duration.ofMinutes(5).toMillis());
        }
    }

    // ---------------------------------------------------------------- service operations (the task API's rules)

    long now() {
        return clock.millis();
    }

    /** {@code StartImportTask}: the graph must exist, be AVAILABLE and empty. */
    Task startImport(NewTask spec) throws ApiError {
        synchronized (graphs) {
            GraphSnapshot graph = existing(spec.graphId);
            if (!"AVAILABLE".equals(graph.status())) {
                throw conflict("Graph " + graph.id() + " is " + graph.status() + ": an import needs an AVAILABLE graph");
            }
            if (!graph.empty()) {
                throw conflict("Graph " + graph.id() + " is not empty: an import needs an empty graph");
            }
            return add(spec);
        }
    }

    /** {@code StartExportTask}: the graph must exist and be AVAILABLE. */
    Task startExport(NewTask spec) throws ApiError {
        synchronized (graphs) {
            GraphSnapshot graph = existing(spec.graphId);
            if (!"AVAILABLE".equals(graph.status())) {
                throw conflict("Graph " + graph.id() + " is " + graph.status() + ": an export needs an AVAILABLE graph");
            }
            return add(spec);
        }
    }

    /** {@code CreateGraphUsingImportTask}: a new graph as {@code graph} says and the import into it. */
    Task createGraphUsingImport(NewGraph graph, NewTask spec) throws ApiError {
        synchronized (graphs) {
            if (graphs.named(graph.name) != null) {
                throw conflict("A graph named " + graph.name + " already exists");
            }
            do {
                graph.id(NewTask.randomId("g-"));
            } while (graphs.exists(graph.id));
            spec.graph(graph.id);
            graphs.createForImport(graph, spec.taskId);
            return add(spec);
        }
    }

    /** The task of this kind, or 404 {@code ResourceNotFoundException}. */
    Task find(TaskKind kind, String taskId) throws ApiError {
        synchronized (graphs) {
            Task task = byId.get(taskId);
            if (task == null || task.spec().kind != kind) {
                throw new ApiError(
                        404, "ResourceNotFoundException",
                        (kind == TaskKind.IMPORT ? "Import" : "Export") + " task " + taskId + " not found");
            }
            return task;
        }
    }

    /** {@code CancelImportTask} / {@code CancelExportTask}: only a running task can be cancelled, else 409. */
    Task cancelByRequest(TaskKind kind, String taskId) throws ApiError {
        synchronized (graphs) {
            Task task = find(kind, taskId);
            TaskSnapshot before = task.at(clock.millis());
            if (!before.isRunning()) {
                throw conflict("Task " + taskId + " cannot be cancelled: its status is " + before.status());
            }
            task.cancel(clock.millis());
            return task;
        }
    }

    /** One page of tasks of this kind (on one graph if {@code graphId} is set), in creation order. */
    Page list(TaskKind kind, String graphId, String nextToken, int maxResults) throws ApiError {
        synchronized (graphs) {
            if (graphId != null) {
                existing(graphId);
            }
            List<Task> matching = tasks.stream()
                    .filter(t -> t.spec().kind == kind)
                    .filter(t -> graphId == null || t.spec().graphId.equals(graphId))
                    .toList();
            int from = pageStart(kind, nextToken, matching);
            int to = Math.min(matching.size(), from + maxResults);
            return new Page(
                    List.copyOf(matching.subList(from, to)),
                    to < matching.size() ? token(kind, matching.get(to).spec().taskId) : null);
        }
    }

    GraphSnapshot graph(String graphId) throws ApiError {
        synchronized (graphs) {
            return existing(graphId);
        }
    }

    // ---------------------------------------------------------------- what graphs ask

    TaskSnapshot snapshotOf(String taskId, long now) {
        return byId.get(taskId).at(now);
    }

    /** Whether an import into the graph has started and not ended yet. */
    boolean importUnderway(String graphId, long now) {
        return tasks.stream().anyMatch(t -> t.spec().kind == TaskKind.IMPORT && t.spec().graphId.equals(graphId)
                && !t.at(now).isTerminal());
    }

    /** Whether an import into the graph succeeded after {@code afterMillis}. */
    boolean importSucceeded(String graphId, long afterMillis, long now) {
        return tasks.stream().anyMatch(t -> t.spec().kind == TaskKind.IMPORT && t.spec().graphId.equals(graphId)
                && t.succeedMillis() > afterMillis && "SUCCEEDED".equals(t.at(now).status()));
    }

    /** The graph was deleted: every task still running on it is DELETED. */
    void graphDeleted(String graphId, long now) {
        for (Task task : tasks) {
            if (task.spec().graphId.equals(graphId) && !task.at(now).isTerminal()) {
                task.delete(now, "Graph " + graphId + " was deleted");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Task add(NewTask spec) {
        Task task = new Task(spec, clock.millis());
        tasks.add(task);
        byId.put(spec.taskId, task);
        return task;
    }

    private GraphSnapshot existing(String graphId) throws ApiError {
        Graphs.Record graph = graphs.record(graphId);
        if (graph == null) {
            throw new ApiError(404, "ResourceNotFoundException", "Graph " + graphId + " not found");
        }
        return graphs.snapshot(graph, clock.millis());
    }

    private Task known(String taskId) {
        Task task = byId.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        return task;
    }

    private Task running(String taskId) {
        Task task = known(taskId);
        TaskSnapshot now = task.at(clock.millis());
        if (!now.isRunning()) {
            throw new IllegalStateException("task " + taskId + " is not running any more: " + now.status());
        }
        return task;
    }

    /** What no service would hold: ids, ARNs or enums outside the model. */
    private static void requireValid(NewTask spec) {
        check(ModelRules.TASK_ID.matcher(spec.taskId).matches(), "task ids match " + ModelRules.TASK_ID, spec.taskId);
        check(ModelRules.GRAPH_ID.matcher(spec.graphId).matches(), "graph ids match " + ModelRules.GRAPH_ID,
                spec.graphId);
        check(ModelRules.ROLE_ARN.matcher(spec.roleArn).matches(), "role ARNs match " + ModelRules.ROLE_ARN,
                spec.roleArn);
        if (spec.kind == TaskKind.IMPORT) {
            check(ModelRules.FORMATS.contains(spec.format), "import formats are " + ModelRules.FORMATS, spec.format);
        } else {
            check(ModelRules.EXPORT_FORMATS.contains(spec.format), "export formats are " + ModelRules.EXPORT_FORMATS,
                    spec.format);
            check(spec.kmsKeyIdentifier != null && ModelRules.KMS_KEY_ARN.matcher(spec.kmsKeyIdentifier).matches(),
                    "an export's KMS key ARN matches " + ModelRules.KMS_KEY_ARN, spec.kmsKeyIdentifier);
        }
        check(spec.parquetType == null || ModelRules.PARQUET_TYPES.contains(spec.parquetType),
                "parquet types are " + ModelRules.PARQUET_TYPES, spec.parquetType);
    }

    private static void check(boolean ok, String rule, String value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + ": " + value);
        }
    }

    private static ApiError conflict(String message) {
        return new ApiError(409, "ConflictException", message);
    }

    private static int pageStart(TaskKind kind, String nextToken, List<Task> matching) throws ApiError {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ModelRules.validation("Invalid nextToken");
        }
        String prefix = kind.name() + ":";
        for (int i = 0; decoded.startsWith(prefix) && i < matching.size(); i++) {
            if (matching.get(i).spec().taskId.equals(decoded.substring(prefix.length()))) {
                return i;
            }
        }
        throw ModelRules.validation("Invalid nextToken");
    }

    /** The next page starts at this task; tasks are never reordered, so the token stays valid. */
    private static String token(TaskKind kind, String firstTaskId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.name() + ":" + firstTaskId).getBytes(StandardCharsets.UTF_8));
    }
}
