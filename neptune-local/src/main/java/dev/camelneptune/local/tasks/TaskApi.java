package dev.camelneptune.local.tasks;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.LocalApi;
import dev.camelneptune.local.LocalRequest;
import dev.camelneptune.local.LocalResponse;

/**
 * The NeptuneGraph task API over the service's REST JSON wire format: reads and checks requests as the service model
 * says, lets {@link Tasks} apply the service's rules, and writes the answers.
 *
 * <pre>
 * GET    /importtasks/{taskIdentifier}          GetImportTask
 * GET    /importtasks?nextToken&amp;maxResults       ListImportTasks
 * POST   /importtasks                           CreateGraphUsingImportTask (201)
 * POST   /graphs/{graphIdentifier}/importtasks  StartImportTask (201)
 * DELETE /importtasks/{taskIdentifier}          CancelImportTask
 * GET    /exporttasks/{taskIdentifier}          GetExportTask
 * GET    /exporttasks?graphIdentifier&amp;nextToken&amp;maxResults  ListExportTasks
 * POST   /exporttasks                           StartExportTask (201)
 * DELETE /exporttasks/{taskIdentifier}          CancelExportTask
 * GET    /graphs/{graphIdentifier}              GetGraph
 * </pre>
 */
public final class TaskApi implements LocalApi {

    private static final int DEFAULT_MAX_RESULTS = 100;

    private final Tasks tasks;

    public TaskApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/importtasks", "/exporttasks", "/graphs");
    }

    /** The neptune-graph model's {@code signingName}. */
    @Override
    public String signingName() {
        return "neptune-graph";
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
            case "POST importtasks" -> ok(201, createGraphUsingImport(body(request)));
            case "POST exporttasks" -> ok(201, startExport(body(request)));
            case "GET graphs/{id}" -> ok(200, graph(path[1]));
            default -> throw new ApiError(
                    404, "UnknownOperationException",
                    "No operation at " + request.method() + " " + request.path());
        };
    }

    /**
     * {@code {"message": ...}} with the error type in {@code x-amzn-ErrorType}, which the SDK maps to its exceptions.
     */
    @Override
    public LocalResponse error(int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("message", message);
        return LocalResponse.json(status, body.toString())
                .withHeader("x-amzn-ErrorType", code)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    // ---------------------------------------------------------------- operations

    private ObjectNode get(TaskKind kind, String taskId) throws ApiError {
        taskIdentifier(taskId);
        Task task = tasks.find(kind, taskId);
        long now = tasks.now();
        return TaskJson.detail(task, task.at(now), now);
    }

    /** {@code ListImportTasksInput} / {@code ListExportTasksInput}. */
    private ObjectNode list(TaskKind kind, Map<String, String> query) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        String graphId = kind == TaskKind.EXPORT ? query.get("graphIdentifier") : null;
        if (graphId != null && !ModelRules.pattern(v, "graphIdentifier", graphId, ModelRules.GRAPH_ID)) {
            graphId = null;
        }
        // PaginationToken: length 1..8192, so an empty nextToken is refused, not read as the first page
        String nextToken = query.get("nextToken");
        if (nextToken != null) {
            ModelRules.length(v, "nextToken", nextToken, 1, 8192);
        }
        int maxResults = maxResults(v, query.get("maxResults"));
        v.check();
        Tasks.Page page = tasks.list(kind, graphId, nextToken, maxResults);
        long now = tasks.now();
        return TaskJson.page(page.tasks().stream().map(t -> TaskJson.summary(t, t.at(now))).toList(), page.nextToken());
    }

    private ObjectNode cancel(TaskKind kind, String taskId) throws ApiError {
        taskIdentifier(taskId);
        Task task = tasks.cancelByRequest(kind, taskId);
        return TaskJson.summary(task, task.at(tasks.now()));
    }

    /** {@code StartImportTaskInput}. */
    private ObjectNode startImport(String graphId, JsonNode body) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        ModelRules.pattern(v, "graphIdentifier", graphId, ModelRules.GRAPH_ID);
        ImportMembers members = ImportMembers.read(v, body);
        v.check();
        Task task = tasks.startImport(members.spec().graph(graphId));
        return TaskJson.started(task, task.at(tasks.now()));
    }

    /** {@code CreateGraphUsingImportTaskInput}: the import members, and the new graph's. */
    private ObjectNode createGraphUsingImport(JsonNode body) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        String graphName = ModelRules.string(v, body, "", "graphName", true, 1, 63);
        if (graphName != null) {
            ModelRules.pattern(v, "graphName", graphName, ModelRules.GRAPH_NAME);
        }
        NewGraph graph = NewGraph.graph().name(graphName != null ? graphName : "unnamed");
        ModelRules.tags(v, body);
        graph.publicConnectivity = Boolean.TRUE.equals(ModelRules.bool(v, body, "", "publicConnectivity"));
        graph.deletionProtection = Boolean.TRUE.equals(ModelRules.bool(v, body, "", "deletionProtection"));
        graph.kmsKeyIdentifier = ModelRules.pattern(v, body, "kmsKeyIdentifier", ModelRules.KMS_KEY_ARN, false);
        graph.vectorSearchDimension = ModelRules.vectorSearchDimension(v, body);
        Integer replicaCount = ModelRules.integer(v, body, "", "replicaCount", 0, 2, false);
        // "Default = 0, Min = 0, Max = 2"
        graph.replicaCount = replicaCount != null ? replicaCount : 0;
        Integer min = ModelRules.integer(v, body, "", "minProvisionedMemory", 16, 24576, false);
        Integer max = ModelRules.integer(v, body, "", "maxProvisionedMemory", 16, 24576, false);
        // "If both the minimum and maximum values are specified, the max of [them] is used [...]. If neither value is
        // specified 128 m-NCUs are used."
        graph.provisionedMemory = Math.max(min != null ? min : 0, max != null ? max : 0);
        if (graph.provisionedMemory == 0) {
            graph.provisionedMemory = 128;
        }
        ImportMembers members = ImportMembers.read(v, body);
        v.check();
        Task task = tasks.createGraphUsingImport(graph, members.spec());
        return TaskJson.started(task, task.at(tasks.now()));
    }

    /** {@code StartExportTaskInput}. */
    private ObjectNode startExport(JsonNode body) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        String graphId = ModelRules.pattern(v, body, "graphIdentifier", ModelRules.GRAPH_ID, true);
        String roleArn = ModelRules.pattern(v, body, "roleArn", ModelRules.ROLE_ARN, true);
        String format = ModelRules.oneOf(v, body, "", "format", ModelRules.EXPORT_FORMATS, true);
        String destination = ModelRules.string(v, body, "", "destination", true, 1, 1024);
        String kmsKey = ModelRules.string(v, body, "", "kmsKeyIdentifier", true, 1, 1024);
        if (kmsKey != null && !ModelRules.pattern(v, "kmsKeyIdentifier", kmsKey, ModelRules.KMS_KEY_ARN)) {
            kmsKey = null;
        }
        String parquetType = ModelRules.oneOf(v, body, "", "parquetType", ModelRules.PARQUET_TYPES, false);
        JsonNode exportFilter = ModelRules.exportFilter(v, body);
        Map<String, String> tags = ModelRules.tags(v, body);
        v.check();
        NewTask spec = NewTask.exportTask().graph(graphId).roleArn(roleArn).format(format).location(destination)
                .kmsKeyIdentifier(kmsKey).parquetType(parquetType);
        spec.exportFilter = exportFilter;
        spec.tags = tags;
        Task task = tasks.startExport(spec);
        return TaskJson.started(task, task.at(tasks.now()));
    }

    private ObjectNode graph(String graphId) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        ModelRules.pattern(v, "graphIdentifier", graphId, ModelRules.GRAPH_ID);
        v.check();
        return TaskJson.graph(tasks.graph(graphId));
    }

    /**
     * The members {@code StartImportTaskInput} and {@code CreateGraphUsingImportTaskInput} share: {@code source} and
     * {@code roleArn} required, {@code format} (CSV when absent), {@code parquetType}, {@code blankNodeHandling}
     * (required with NTRIPLES), {@code failOnError}, {@code importOptions}.
     */
    private record ImportMembers(String source, String roleArn, String format, String parquetType,
            String blankNodeHandling, Boolean failOnError, JsonNode importOptions) {

        static ImportMembers read(ModelRules.Violations v, JsonNode body) {
            return new ImportMembers(
                    ModelRules.string(v, body, "", "source", true),
                    ModelRules.pattern(v, body, "roleArn", ModelRules.ROLE_ARN, true),
                    ModelRules.oneOf(v, body, "", "format", ModelRules.FORMATS, false),
                    ModelRules.oneOf(v, body, "", "parquetType", ModelRules.PARQUET_TYPES, false),
                    ModelRules.oneOf(v, body, "", "blankNodeHandling", ModelRules.BLANK_NODE_HANDLING, false),
                    ModelRules.bool(v, body, "", "failOnError"),
                    ModelRules.importOptions(v, body));
        }

        /** The import to start, once the members satisfy the model; the service's rule on NTRIPLES applies here. */
        NewTask spec() throws ApiError {
            if ("NTRIPLES".equals(format) && blankNodeHandling == null) {
                throw ModelRules.validation("blankNodeHandling must be provided when format is NTRIPLES");
            }
            NewTask spec = NewTask.importTask().location(source).roleArn(roleArn).format(format != null ? format : "CSV")
                    .parquetType(parquetType);
            spec.blankNodeHandling = blankNodeHandling;
            spec.failOnError = failOnError;
            if (importOptions != null) {
                // NeptuneImportOptions: the data is exported from the Neptune database first (ImportTaskStatus
                // EXPORTING)
                spec.fromNeptune(importOptions, NewTask.DEFAULT_NEPTUNE_EXPORT);
            }
            return spec;
        }
    }

    // ---------------------------------------------------------------- request parts

    /** {@code TaskId}, in the path. */
    private static void taskIdentifier(String taskId) throws ApiError {
        ModelRules.Violations v = new ModelRules.Violations();
        ModelRules.pattern(v, "taskIdentifier", taskId, ModelRules.TASK_ID);
        v.check();
    }

    /** {@code MaxResults}: 1..100, the default when absent. */
    private static int maxResults(ModelRules.Violations v, String value) {
        if (value == null) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int max = Integer.parseInt(value);
            return ModelRules.range(v, "maxResults", max, 1, 100) ? max : DEFAULT_MAX_RESULTS;
        } catch (NumberFormatException e) {
            v.invalid("maxResults", value, "be an integer");
            return DEFAULT_MAX_RESULTS;
        }
    }

    private static JsonNode body(LocalRequest request) throws ApiError {
        try {
            JsonNode body = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ModelRules.validation("The request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw ModelRules.validation("The request body is not valid JSON");
        }
    }

    private static LocalResponse ok(int status, ObjectNode json) {
        return LocalResponse.json(status, json.toString()).withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
