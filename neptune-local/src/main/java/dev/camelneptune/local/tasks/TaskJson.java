package dev.camelneptune.local.tasks;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelneptune.local.Json;

/** A task in the NeptuneGraph REST JSON: member names as the service model has them, timestamps in epoch seconds. */
final class TaskJson {

    private TaskJson() {
    }

    /** {@code ImportTaskSummary} / {@code ExportTaskSummary}: what list, start and cancel answer. */
    static ObjectNode summary(Task task, TaskSnapshot now) {
        NewTask spec = task.spec();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("graphId", spec.graphId);
        json.put("taskId", spec.taskId);
        json.put("roleArn", spec.roleArn);
        json.put("status", now.status());
        json.put("format", spec.format);
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

    /** {@code GetImportTask} / {@code GetExportTask}: the summary plus the progress details. */
    static ObjectNode detail(Task task, TaskSnapshot now) {
        ObjectNode json = summary(task, now);
        putIfSet(json, "statusReason", now.statusReason());
        long work = Task.work(now.progressPercentage());
        if (now.kind() == TaskKind.IMPORT) {
            json.put("attemptNumber", 1);
            ObjectNode details = json.putObject("importTaskDetails");
            details.put("status", now.status());
            details.put("startTime", task.startMillis() / 1000);
            details.put("timeElapsedSeconds", now.timeElapsedSeconds());
            details.put("progressPercentage", now.progressPercentage());
            details.put("errorCount", "FAILED".equals(now.status()) ? 1 : 0);
            putIfSet(details, "errorDetails", "FAILED".equals(now.status()) ? now.statusReason() : null);
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

    private static void putIfSet(ObjectNode json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
