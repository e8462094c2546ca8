package dev.camelneptune.local.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.LocalApi;
import dev.camelneptune.local.LocalClock;
import dev.camelneptune.local.LocalRequest;
import dev.camelneptune.local.LocalResponse;

/**
 * NeptuneGraph task API: import and export tasks over the service's REST JSON wire format, and a Java API to create
 * and steer them. Tasks progress on the {@link LocalClock}.
 *
 * <pre>
 * GET    /importtasks/{taskIdentifier}          GetImportTask
 * GET    /importtasks?nextToken&amp;maxResults       ListImportTasks
 * POST   /graphs/{graphIdentifier}/importtasks  StartImportTask (201)
 * DELETE /importtasks/{taskIdentifier}          CancelImportTask
 * GET    /exporttasks/{taskIdentifier}          GetExportTask
 * GET    /exporttasks?graphIdentifier&amp;nextToken&amp;maxResults  ListExportTasks
 * POST   /exporttasks                           StartExportTask (201)
 * DELETE /exporttasks/{taskIdentifier}          CancelExportTask
 * </pre>
 */
public final class TaskApi implements LocalApi {

    static final Pattern TASK_ID = Pattern.compile("t-[a-z0-9]{10}");
    static final Pattern GRAPH_ID = Pattern.compile("g-[a-z0-9]{10}");
    private static final Set<String> IMPORT_FORMATS = Set.of("CSV", "OPEN_CYPHER", "PARQUET", "NTRIPLES");
    private static final Set<String> EXPORT_FORMATS = Set.of("PARQUET", "CSV");
    private static final int DEFAULT_MAX_RESULTS = 100;

    private final LocalClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, Task> byId = new HashMap<>();

    public TaskApi(LocalClock clock) {
        this.clock = clock;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/importtasks", "/exporttasks", "/graphs");
    }

    @Override
    public LocalResponse handle(LocalRequest request) throws ApiError {
        String[] path = request.path().substring(1).split("/");
        String[] shape = path.clone();
        if (shape.length > 1) {
            shape[1] = "{id}";
        }
        String route = request.method() + " " + String.join("/", shape);
        return switch (route) {
            case "GET importtasks" -> ok(200, list(TaskKind.IMPORT, request.query()));
            case "GET exporttasks" -> ok(200, list(TaskKind.EXPORT, request.query()));
            case "GET importtasks/{id}" -> ok(200, get(TaskKind.IMPORT, path[1]));
            case "GET exporttasks/{id}" -> ok(200, get(TaskKind.EXPORT, path[1]));
            case "DELETE importtasks/{id}" -> ok(200, cancel(TaskKind.IMPORT, path[1]));
            case "DELETE exporttasks/{id}" -> ok(200, cancel(TaskKind.EXPORT, path[1]));
            case "POST graphs/{id}/importtasks" -> ok(201, startImport(path[1], body(request)));
            case "POST exporttasks" -> ok(201, startExport(body(request)));
            default -> throw new ApiError(404, "UnknownOperationException",
                    "No operation at " + request.method() + " " + request.path());
        };
    }

    /** {@code {"message": ...}} with the error type in {@code x-amzn-ErrorType}, which the SDK maps to its exceptions. */
    @Override
    public LocalResponse error(int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("message", message);
        return LocalResponse.json(status, body.toString())
                .withHeader("x-amzn-ErrorType", code)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    /** A few tasks in various states: done, running, failed, cancelled. */
    @Override
    public synchronized void seedDemo() {
        create(NewTask.importTask().id("t-demo000001").graph("g-demo000001")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ZERO));
        create(NewTask.importTask().id("t-demo000002").graph("g-demo000002")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
        create(NewTask.importTask().id("t-demo000003").graph("g-demo000003"));
        create(NewTask.importTask().id("t-demo000004").graph("g-demo000004")
                .failAfter(Duration.ZERO, "Source data could not be read: s3://neptune-local/import/ is empty"));
        create(NewTask.exportTask().id("t-demo000005").graph("g-demo000001")
                .phases(Duration.ZERO, Duration.ofHours(1)));
        create(NewTask.exportTask().id("t-demo000006").graph("g-demo000001").cancelDuration(Duration.ZERO));
        cancelNow(byId.get("t-demo000006"));
    }

    // ---------------------------------------------------------------- steering API

    /** Creates a task that starts now on the clock; returns its id. */
    public synchronized String create(NewTask spec) {
        if (!TASK_ID.matcher(spec.taskId).matches() || !GRAPH_ID.matcher(spec.graphId).matches()) {
            throw new IllegalArgumentException("task ids match " + TASK_ID + " and graph ids " + GRAPH_ID + ": "
                    + spec.taskId + ", " + spec.graphId);
        }
        if (byId.containsKey(spec.taskId)) {
            throw new IllegalArgumentException("task " + spec.taskId + " already exists");
        }
        Task task = new Task(spec, clock.millis());
        tasks.add(task);
        byId.put(spec.taskId, task);
        return spec.taskId;
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
    public synchronized TaskSnapshot get(String taskId) {
        return known(taskId).at(clock.millis());
    }

    /** Fails a running task now, with {@code reason} as its {@code statusReason}. */
    public synchronized void fail(String taskId, String reason) {
        Task task = known(taskId);
        if (task.at(clock.millis()).isTerminal()) {
            throw new IllegalStateException("task " + taskId + " has already ended: " + task.at(clock.millis()).status());
        }
        task.fail(clock.millis(), reason);
    }

    private Task known(String taskId) {
        Task task = byId.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        return task;
    }

    // ---------------------------------------------------------------- wire operations

    private synchronized ObjectNode get(TaskKind kind, String taskId) throws ApiError {
        Task task = find(kind, taskId);
        return TaskJson.detail(task, task.at(clock.millis()));
    }

    private synchronized ObjectNode list(TaskKind kind, Map<String, String> query) throws ApiError {
        int maxResults = maxResults(query.get("maxResults"));
        String graphFilter = query.get("graphIdentifier");
        if (kind == TaskKind.EXPORT && graphFilter != null) {
            requirePattern("graphIdentifier", graphFilter, GRAPH_ID);
        }
        List<Task> matching = tasks.stream()
                .filter(t -> t.spec().kind == kind)
                .filter(t -> graphFilter == null || kind != TaskKind.EXPORT || t.spec().graphId.equals(graphFilter))
                .toList();
        int from = pageStart(kind, query.get("nextToken"), matching);
        int to = Math.min(matching.size(), from + maxResults);
        long now = clock.millis();
        List<ObjectNode> page = matching.subList(from, to).stream().map(t -> TaskJson.summary(t, t.at(now))).toList();
        String nextToken = to < matching.size() ? token(kind, matching.get(to).spec().taskId) : null;
        return TaskJson.page(page, nextToken);
    }

    private synchronized ObjectNode cancel(TaskKind kind, String taskId) throws ApiError {
        Task task = find(kind, taskId);
        TaskSnapshot before = task.at(clock.millis());
        if (before.isTerminal() || "CANCELLING".equals(before.status())) {
            throw new ApiError(409, "ConflictException",
                    "Task " + taskId + " cannot be cancelled: its status is " + before.status());
        }
        return cancelNow(task);
    }

    private ObjectNode cancelNow(Task task) {
        task.cancel(clock.millis());
        return TaskJson.summary(task, task.at(clock.millis()));
    }

    private synchronized ObjectNode startImport(String graphId, JsonNode body) throws ApiError {
        requirePattern("graphIdentifier", graphId, GRAPH_ID);
        NewTask spec = NewTask.importTask().graph(graphId)
                .location(required(body, "source"))
                .roleArn(required(body, "roleArn"))
                .format(oneOf(body, "format", IMPORT_FORMATS, "CSV"));
        spec.parquetType(body.path("parquetType").asText(null));
        long now = clock.millis();
        for (Task task : tasks) {
            if (task.spec().kind == TaskKind.IMPORT && task.spec().graphId.equals(graphId) && !task.at(now).isTerminal()) {
                throw new ApiError(409, "ConflictException", "Graph " + graphId + " already has an import task in progress: "
                        + task.spec().taskId);
            }
        }
        Task task = byId.get(create(spec));
        return TaskJson.summary(task, task.at(now));
    }

    private synchronized ObjectNode startExport(JsonNode body) throws ApiError {
        String graphId = required(body, "graphIdentifier");
        requirePattern("graphIdentifier", graphId, GRAPH_ID);
        NewTask spec = NewTask.exportTask().graph(graphId)
                .roleArn(required(body, "roleArn"))
                .format(oneOf(body, "format", EXPORT_FORMATS, null))
                .location(required(body, "destination"))
                .kmsKeyIdentifier(required(body, "kmsKeyIdentifier"))
                .parquetType(body.path("parquetType").asText(null));
        Task task = byId.get(create(spec));
        return TaskJson.summary(task, task.at(clock.millis()));
    }

    private Task find(TaskKind kind, String taskId) throws ApiError {
        requirePattern("taskIdentifier", taskId, TASK_ID);
        Task task = byId.get(taskId);
        if (task == null || task.spec().kind != kind) {
            throw new ApiError(404, "ResourceNotFoundException",
                    (kind == TaskKind.IMPORT ? "Import" : "Export") + " task " + taskId + " not found");
        }
        return task;
    }

    // ---------------------------------------------------------------- input rules

    private static int maxResults(String value) throws ApiError {
        if (value == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1 && max <= 100) {
                return max;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw validation("maxResults must be between 1 and 100, was " + value);
    }

    private static int pageStart(TaskKind kind, String nextToken, List<Task> matching) throws ApiError {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw validation("Invalid nextToken");
        }
        String prefix = kind.name() + ":";
        for (int i = 0; decoded.startsWith(prefix) && i < matching.size(); i++) {
            if (matching.get(i).spec().taskId.equals(decoded.substring(prefix.length()))) {
                return i;
            }
        }
        throw validation("Invalid nextToken");
    }

    /** The next page starts at this task; tasks are never reordered, so the token stays valid. */
    private static String token(TaskKind kind, String firstTaskId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind.name() + ":" + firstTaskId).getBytes(StandardCharsets.UTF_8));
    }

    private static void requirePattern(String member, String value, Pattern pattern) throws ApiError {
        if (!pattern.matcher(value).matches()) {
            throw validation(member + " '" + value + "' must match " + pattern);
        }
    }

    private static String required(JsonNode body, String member) throws ApiError {
        String value = body.path(member).asText(null);
        if (value == null || value.isEmpty()) {
            throw validation(member + " is required");
        }
        return value;
    }

    private static String oneOf(JsonNode body, String member, Set<String> allowed, String defaultValue) throws ApiError {
        String value = body.path(member).asText(defaultValue);
        if (value == null) {
            throw validation(member + " is required");
        }
        if (!allowed.contains(value)) {
            throw validation(member + " must be one of " + allowed + ", was " + value);
        }
        return value;
    }

    private static JsonNode body(LocalRequest request) throws ApiError {
        try {
            JsonNode body = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw validation("The request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw validation("The request body is not valid JSON");
        }
    }

    private static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message);
    }

    private static LocalResponse ok(int status, ObjectNode json) {
        return LocalResponse.json(status, json.toString()).withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
