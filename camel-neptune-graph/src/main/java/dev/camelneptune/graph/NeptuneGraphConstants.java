package dev.camelneptune.graph;

import org.apache.camel.spi.Metadata;

/** Message headers of the neptune-graph component. An input header overrides the URI option of the same name. */
public interface NeptuneGraphConstants {

    @Metadata(description = "The operation to perform. Overrides the `operation` option.", javaType = "String")
    String OPERATION = "CamelNeptuneGraphOperation";

    @Metadata(label = "getImportTask getExportTask cancelImportTask cancelExportTask waitForImportTask waitForExportTask",
              description = "The task identifier, `t-` followed by 10 lowercase letters or digits. Overrides the `taskIdentifier` option.",
              javaType = "String")
    String TASK_IDENTIFIER = "CamelNeptuneGraphTaskIdentifier";

    @Metadata(label = "startImportTask startExportTask listExportTasks",
              description = "The graph identifier, `g-` followed by 10 lowercase letters or digits: the graph to import into or export from,"
                            + " or the graph to list export tasks of. Overrides the `graphIdentifier` option.",
              javaType = "String")
    String GRAPH_IDENTIFIER = "CamelNeptuneGraphGraphIdentifier";

    @Metadata(label = "listImportTasks listExportTasks",
              description = "In: the page to list, from a previous response. Out: the token of the next page, absent on"
                            + " the last page. Overrides the `nextToken` option.",
              javaType = "String")
    String NEXT_TOKEN = "CamelNeptuneGraphNextToken";

    @Metadata(label = "listImportTasks listExportTasks",
              description = "How many tasks one page holds, 1 to 100. Overrides the `maxResults` option.",
              javaType = "Integer")
    String MAX_RESULTS = "CamelNeptuneGraphMaxResults";

    @Metadata(label = "startImportTask startExportTask",
              description = "The ARN of the IAM role the task runs as. Overrides the `roleArn` option.", javaType = "String")
    String ROLE_ARN = "CamelNeptuneGraphRoleArn";

    @Metadata(label = "startImportTask",
              description = "Where the data to import is, e.g. an Amazon S3 URI. Overrides the `source` option.",
              javaType = "String")
    String SOURCE = "CamelNeptuneGraphSource";

    @Metadata(label = "startExportTask",
              description = "The Amazon S3 URI to export to. Overrides the `destination` option.", javaType = "String")
    String DESTINATION = "CamelNeptuneGraphDestination";

    @Metadata(label = "startImportTask startExportTask",
              description = "The data format: `CSV`, `OPEN_CYPHER`, `PARQUET` or `NTRIPLES` to import, `PARQUET` or `CSV`"
                            + " to export. Overrides the `format` option.",
              javaType = "String")
    String FORMAT = "CamelNeptuneGraphFormat";

    @Metadata(label = "startExportTask",
              description = "The KMS key that encrypts the exported data. Overrides the `kmsKeyIdentifier` option.",
              javaType = "String")
    String KMS_KEY_IDENTIFIER = "CamelNeptuneGraphKmsKeyIdentifier";

    @Metadata(description = "Out: the status of the task the operation returned, e.g. `IMPORTING` or `SUCCEEDED`.",
              javaType = "String")
    String TASK_STATUS = "CamelNeptuneGraphTaskStatus";

    @Metadata(label = "waitForImportTask waitForExportTask",
              description = "Out: the progress percentage of the task when the wait ended, 0 to 100.",
              javaType = "Integer")
    String PROGRESS_PERCENTAGE = "CamelNeptuneGraphProgressPercentage";

    @Metadata(label = "waitForImportTask waitForExportTask",
              description = "Out: every status or progress change seen while waiting, oldest first, each as status and"
                            + " percentage, e.g. `IMPORTING 40%`. Each change is also logged once at INFO.",
              javaType = "java.util.List<String>")
    String TASK_CHANGES = "CamelNeptuneGraphTaskChanges";
}
