package dev.camelneptune.local.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelneptune.local.Json;

/**
 * Tasks and graphs in the NeptuneGraph REST JSON: member names and which output has which member as the service model
 * has them ({@code ImportTaskSummary}, {@code GetImportTaskOutput}, ...), timestamps in epoch seconds.
 */
final class TaskJson {

    private TaskJson() {
    }

    /** {@code ImportTaskSummary} / {@code ExportTaskSummary}: what list and cancel answer. */
    static ObjectNode summary(Task task, TaskSnapshot now) {
        NewTask spec = task.spec();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("graphId", spec.graphId);
        json.put("taskId", spec.taskId);
        json.put("roleArn", spec.roleArn);
        json.put("status", now.status());
        putIfSet(json, "format", spec.format);
        putIfSet(json, "parquetType", spec.parquetType);
        if (spec.kind == TaskKind.IMPORT) {
            json.put("source", spec.location);
        } else {
            json.put("destination", spec.location);
            putIfSet(json, "kmsKeyIdentifier", spec.kmsKeyIdentifier);
            putIfSet(json, "statusReason", now.statusReason());
        }
        return json;
    }

    /**
     * {@code StartImportTaskOutput} / {@code StartExportTaskOutput} / {@code CreateGraphUsingImportTaskOutput}: the
     * summary with the {@code importOptions} or {@code exportFilter} the request gave.
     */
    static ObjectNode started(Task task, TaskSnapshot now) {
        ObjectNode json = summary(task, now);
        putOptions(json, task.spec());
        return json;
    }

    /** {@code GetImportTaskOutput} / {@code GetExportTaskOutput}: the summary, the options and the progress details. */
    static ObjectNode detail(Task task, TaskSnapshot now, long at) {
        ObjectNode json = summary(task, now);
        putIfSet(json, "statusReason", now.statusReason());
        putOptions(json, task.spec());
        long work = Task.work(now.progressPercentage());
        if (now.kind() == TaskKind.IMPORT) {
            json.put("attemptNumber", 1);
            ObjectNode details = json.putObject("importTaskDetails");
            details.put("status", now.status());
            details.put("startTime", task.startMillis() / 1000);
            details.put("timeElapsedSeconds", now.timeElapsedSeconds());
            details.put("progressPercentage", now.progressPercentage());
            details.put("errorCount", task.errorCount(now, at));
            putIfSet(details, "errorDetails", task.errorDetails(now, at));
            details.put("statementCount", work);
            details.put("dictionaryEntryCount", work / 4);
        } else {
            ObjectNode details = json.putObject("exportTaskDetails");
            details.put("startTime", task.startMillis() / 1000);
            details.put("timeElapsedSeconds", now.timeElapsedSeconds());
            details.put("progressPercentage", now.progressPercentage());
            details.put("numVerticesWritten", work);
            details.put("numEdgesWritten", work * 3);
        }
        return json;
    }

    /** {@code {"tasks": [...], "nextToken": ...}}. */
    static ObjectNode page(List<ObjectNode> tasks, String nextToken) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        ArrayNode array = json.putArray("tasks");
        tasks.forEach(array::add);
        putIfSet(json, "nextToken", nextToken);
        return json;
    }

    /** {@code GetGraphOutput}. */
    static ObjectNode graph(GraphSnapshot graph) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", graph.id());
        json.put("name", graph.name());
        json.put("arn", graph.arn());
        json.put("status", graph.status());
        putIfSet(json, "statusReason", graph.statusReason());
        json.put("createTime", graph.createTime().getEpochSecond());
        GraphSnapshot.Settings settings = graph.settings();
        json.put("provisionedMemory", settings.provisionedMemory());
        json.put("endpoint", settings.endpoint());
        json.put("publicConnectivity", settings.publicConnectivity());
        if (settings.vectorSearchDimension() != null) {
            json.putObject("vectorSearchConfiguration").put("dimension", settings.vectorSearchDimension());
        }
        json.put("replicaCount", settings.replicaCount());
        putIfSet(json, "kmsKeyIdentifier", settings.kmsKeyIdentifier());
        json.put("deletionProtection", settings.deletionProtection());
        return json;
    }

    private static void putOptions(ObjectNode json, NewTask spec) {
        if (spec.kind == TaskKind.IMPORT && spec.importOptions != null) {
            json.set("importOptions", spec.importOptions.deepCopy());
        }
        if (spec.kind == TaskKind.EXPORT && spec.exportFilter != null) {
            json.set("exportFilter", spec.exportFilter.deepCopy());
        }
    }

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
