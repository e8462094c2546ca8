package dev.camelneptune.graph;

/** The NeptuneGraph task operations the producer performs. */
public enum NeptuneGraphOperations {
    getImportTask,
    listImportTasks,
    getExportTask,
    listExportTasks,
    startImportTask,
    startExportTask,
    cancelImportTask,
    cancelExportTask,
    waitForImportTask,
    waitForExportTask
}
