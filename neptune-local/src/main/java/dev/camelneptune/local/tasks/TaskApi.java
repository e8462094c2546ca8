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
        ModelRules.pattern("taskIdentifier", taskId, ModelRules.TASK_ID);
        Task task = tasks.find(kind, taskId);
        long now = tasks.now();
        return TaskJson.detail(task, task.at(now), now);
    }

    private ObjectNode list(TaskKind kind, Map<String, String> query) throws ApiError {
        int maxResults = maxResults(query.get("maxResults"));
        String graphId = kind == TaskKind.EXPORT ? query.get("graphIdentifier") : null;
        if (graphId != null) {
            ModelRules.pattern("graphIdentifier", graphId, ModelRules.GRAPH_ID);
        }
        Tasks.Page page = tasks.list(kind, graphId, query.get("nextToken"), maxResults);
        long now = tasks.now();
        return TaskJson.page(page.tasks().stream().map(t -> TaskJson.summary(t, t.at(now))).toList(), page.nextToken());
    }

    private ObjectNode cancel(TaskKind kind, String taskId) throws ApiError {
        ModelRules.pattern("taskIdentifier", taskId, ModelRules.TASK_ID);
        Task task = tasks.cancelByRequest(kind, taskId);
        return TaskJson.summary(task, task.at(tasks.now()));
    }

    /** {@code StartImportTaskInput}. */
    private ObjectNode startImport(String graphId, JsonNode body) throws ApiError {
        ModelRules.pattern("graphIdentifier", graphId, ModelRules.GRAPH_ID);
        NewTask spec = importSpec(body).graph(graphId);
        Task task = tasks.startImport(spec);
        return TaskJson.started(task, task.at(tasks.now()));
    }

    /** {@code CreateGraphUsingImportTaskInput}: the import members, and the new graph's. */
    private ObjectNode createGraphUsingImport(JsonNode body) throws ApiError {
        String graphName = ModelRules.string(body, "graphName", true);
        ModelRules.length("graphName", graphName, 1, 63);
        ModelRules.pattern("graphName", graphName, ModelRules.GRAPH_NAME);
        ModelRules.tags(body);
        ModelRules.bool(body, "", "publicConnectivity");
        ModelRules.bool(body, "", "deletionProtection");
        ModelRules.pattern(body, "kmsKeyIdentifier", ModelRules.KMS_KEY_ARN, false);
        ModelRules.object(body, "", "vectorSearchConfiguration");
        ModelRules.integer(body, "replicaCount", 0, 2);
        ModelRules.integer(body, "minProvisionedMemory", 16, 24576);
        ModelRules.integer(body, "maxProvisionedMemory", 16, 24576);
        NewTask spec = importSpec(body);
        Task task = tasks.createGraphUsingImport(graphName, spec);
        return TaskJson.started(task, task.at(tasks.now()));
    }

    /** {@code StartExportTaskInput}. */
    private ObjectNode startExport(JsonNode body) throws ApiError {
        String graphId = ModelRules.pattern(body, "graphIdentifier", ModelRules.GRAPH_ID, true);
        String roleArn = ModelRules.pattern(body, "roleArn", ModelRules.ROLE_ARN, true);
        String format = ModelRules.oneOf(body, "format", ModelRules.EXPORT_FORMATS, true);
        String destination = ModelRules.string(body, "", "destination", true, 1, 1024);
        String kmsKey = ModelRules.string(body, "", "kmsKeyIdentifier", true, 1, 1024);
        ModelRules.pattern("kmsKeyIdentifier", kmsKey, ModelRules.KMS_KEY_ARN);
        NewTask spec = NewTask.exportTask().graph(graphId).roleArn(roleArn).format(format).location(destination)
                .kmsKeyIdentifier(kmsKey)
                .parquetType(ModelRules.oneOf(body, "parquetType", ModelRules.PARQUET_TYPES, false));
        spec.exportFilter = ModelRules.exportFilter(body);
        spec.tags = ModelRules.tags(body);
        Task task = tasks.startExport(spec);
        return TaskJson.started(task, task.at(tasks.now()));
    }

    private ObjectNode graph(String graphId) throws ApiError {
        ModelRules.pattern("graphIdentifier", graphId, ModelRules.GRAPH_ID);
        return TaskJson.graph(tasks.graph(graphId));
    }

    /**
     * The members {@code StartImportTaskInput} and {@code CreateGraphUsingImportTaskInput} share: {@code source} and
     * {@code roleArn} required, {@code format} (CSV when absent), {@code parquetType}, {@code blankNodeHandling}
     * (required with NTRIPLES), {@code failOnError}, {@code importOptions}.
     */
    private static NewTask importSpec(JsonNode body) throws ApiError {
        String source = ModelRules.string(body, "source", true);
        String roleArn = ModelRules.pattern(body, "roleArn", ModelRules.ROLE_ARN, true);
        String format = ModelRules.oneOf(body, "format", ModelRules.FORMATS, false);
        String blankNodeHandling = ModelRules.oneOf(body, "blankNodeHandling", ModelRules.BLANK_NODE_HANDLING, false);
        if ("NTRIPLES".equals(format) && blankNodeHandling == null) {
            throw ModelRules.validation("blankNodeHandling must be provided when format is NTRIPLES");
        }
        NewTask spec = NewTask.importTask().location(source).roleArn(roleArn).format(format != null ? format : "CSV")
                .parquetType(ModelRules.oneOf(body, "parquetType", ModelRules.PARQUET_TYPES, false));
        spec.blankNodeHandling = blankNodeHandling;
        spec.failOnError = ModelRules.bool(body, "", "failOnError");
        spec.importOptions = ModelRules.importOptions(body);
        return spec;
    }

    // ---------------------------------------------------------------- request parts

    private static int maxResults(String value) throws ApiError {
        if (value == null) {
            return DEFAULT_MAX_RESULTS;
        }
        int max;
        try {
            max = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ModelRules.invalid("maxResults", value, "be an integer");
        }
        if (max < 1) {
            throw ModelRules.invalid("maxResults", value, "have value greater than or equal to 1");
        }
        if (max > 100) {
            throw ModelRules.invalid("maxResults", value, "have value less than or equal to 100");
        }
        return max;
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
