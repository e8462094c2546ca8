package dev.camelneptune.graph;

import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.CancelExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ListExportTasksRequest;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;

import static dev.camelneptune.graph.Operation.client;
import static dev.camelneptune.graph.Operation.listing;
import static dev.camelneptune.graph.Operation.page;
import static dev.camelneptune.graph.Operation.task;

/**
 * The NeptuneGraph task operations the producer performs, each with its entry: the SDK request, how it is built from
 * the inputs, its checks, the client call and the reply. Adding an operation is adding one constant here.
 */
public enum NeptuneGraphOperations {

    getImportTask(Operation.of(GetImportTaskRequest.class,
            NeptuneGraphOperations::getImportTaskRequest,
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            client(NeptuneGraphClient::getImportTask),
            task(GetImportTaskResponse::statusAsString))),

    listImportTasks(Operation.of(ListImportTasksRequest.class,
            in -> ListImportTasksRequest.builder().nextToken(in.nextToken()).maxResults(in.maxResults()).build(),
            (request, operation) -> NeptuneGraphInputRules.maxResults(request.maxResults()),
            listing(NeptuneGraphClient::listImportTasks, (c, request) -> c.listImportTasksPaginator(request).tasks()),
            page())),

    getExportTask(Operation.of(GetExportTaskRequest.class,
            NeptuneGraphOperations::getExportTaskRequest,
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            client(NeptuneGraphClient::getExportTask),
            task(GetExportTaskResponse::statusAsString))),

    listExportTasks(Operation.of(ListExportTasksRequest.class,
            in -> ListExportTasksRequest.builder().nextToken(in.nextToken()).maxResults(in.maxResults())
                    .graphIdentifier(in.graphIdentifier()).build(),
            (request, operation) -> {
                NeptuneGraphInputRules.maxResults(request.maxResults());
                NeptuneGraphInputRules.graphFilter(request.graphIdentifier());
            },
            listing(NeptuneGraphClient::listExportTasks, (c, request) -> c.listExportTasksPaginator(request).tasks()),
            page())),

    startImportTask(Operation.of(StartImportTaskRequest.class,
            in -> StartImportTaskRequest.builder().graphIdentifier(in.graphIdentifier()).source(in.source())
                    .roleArn(in.roleArn()).format(in.format()).build(),
            NeptuneGraphInputRules::startImportTask,
            client(NeptuneGraphClient::startImportTask),
            task(StartImportTaskResponse::statusAsString))),

    startExportTask(Operation.of(StartExportTaskRequest.class,
            in -> StartExportTaskRequest.builder().graphIdentifier(in.graphIdentifier()).roleArn(in.roleArn())
                    .format(in.format()).destination(in.destination()).kmsKeyIdentifier(in.kmsKeyIdentifier()).build(),
            NeptuneGraphInputRules::startExportTask,
            client(NeptuneGraphClient::startExportTask),
            task(StartExportTaskResponse::statusAsString))),

    cancelImportTask(Operation.of(CancelImportTaskRequest.class,
            in -> CancelImportTaskRequest.builder().taskIdentifier(in.taskIdentifier()).build(),
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            client(NeptuneGraphClient::cancelImportTask),
            task(CancelImportTaskResponse::statusAsString))),

    cancelExportTask(Operation.of(CancelExportTaskRequest.class,
            in -> CancelExportTaskRequest.builder().taskIdentifier(in.taskIdentifier()).build(),
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            client(NeptuneGraphClient::cancelExportTask),
            task(CancelExportTaskResponse::statusAsString))),

    waitForImportTask(Operation.of(GetImportTaskRequest.class,
            NeptuneGraphOperations::getImportTaskRequest,
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            TaskWait.IMPORT.call(GetImportTaskRequest::taskIdentifier, NeptuneGraphClient::getImportTask),
            task(GetImportTaskResponse::statusAsString))),

    waitForExportTask(Operation.of(GetExportTaskRequest.class,
            NeptuneGraphOperations::getExportTaskRequest,
            (request, operation) -> NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation),
            TaskWait.EXPORT.call(GetExportTaskRequest::taskIdentifier, NeptuneGraphClient::getExportTask),
            task(GetExportTaskResponse::statusAsString)));

    private final Operation<?, ?> entry;

    NeptuneGraphOperations(Operation<?, ?> entry) {
        this.entry = entry;
    }

    Operation<?, ?> entry() {
        return entry;
    }

    private static GetImportTaskRequest getImportTaskRequest(Inputs in) {
        return GetImportTaskRequest.builder().taskIdentifier(in.taskIdentifier()).build();
    }

    private static GetExportTaskRequest getExportTaskRequest(Inputs in) {
        return GetExportTaskRequest.builder().taskIdentifier(in.taskIdentifier()).build();
    }
}
