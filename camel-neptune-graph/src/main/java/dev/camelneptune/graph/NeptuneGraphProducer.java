package dev.camelneptune.graph;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.CancelExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ExportFormat;
import software.amazon.awssdk.services.neptunegraph.model.Format;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ListExportTasksRequest;
import software.amazon.awssdk.services.neptunegraph.model.ListExportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksRequest;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.NeptuneGraphResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.waiters.NeptuneGraphWaiter;

import static dev.camelneptune.graph.NeptuneGraphConstants.DESTINATION;
import static dev.camelneptune.graph.NeptuneGraphConstants.FORMAT;
import static dev.camelneptune.graph.NeptuneGraphConstants.GRAPH_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.KMS_KEY_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.MAX_RESULTS;
import static dev.camelneptune.graph.NeptuneGraphConstants.NEXT_TOKEN;
import static dev.camelneptune.graph.NeptuneGraphConstants.ROLE_ARN;
import static dev.camelneptune.graph.NeptuneGraphConstants.SOURCE;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;

/**
 * Performs one NeptuneGraph operation per exchange: one method per operation builds the SDK request (from headers,
 * options, or the body with {@code pojoRequest}), checks it, calls the client and puts the SDK response in the body.
 */
public class NeptuneGraphProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneGraphProducer.class);
    private static final Set<String> FAILED_STATUSES = Set.of("FAILED", "CANCELLING", "CANCELLED", "ROLLING_BACK", "DELETED");

    private NeptuneGraphWaiter waiter;

    public NeptuneGraphProducer(NeptuneGraphEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NeptuneGraphEndpoint getEndpoint() {
        return (NeptuneGraphEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        NeptuneGraphConfiguration configuration = getEndpoint().getConfiguration();
        waiter = NeptuneGraphWaiter.builder()
                .client(getEndpoint().getClient())
                .overrideConfiguration(w -> w
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(
                                Duration.ofMillis(configuration.getWaitPollInterval())))
                        .waitTimeout(Duration.ofMillis(configuration.getWaitTimeout()))
                        .maxAttempts(Integer.MAX_VALUE))
                .build();
    }

    @Override
    protected void doStop() throws Exception {
        if (waiter != null) {
            waiter.close();
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object fromHeader = exchange.getMessage().getHeader(NeptuneGraphConstants.OPERATION);
        NeptuneGraphOperations operation = fromHeader != null
                ? NeptuneGraphInputRules.operation(fromHeader, "the header " + NeptuneGraphConstants.OPERATION)
                : configuration().getOperation();
        LOG.trace("Performing {} on {}", operation, getEndpoint());
        switch (operation) {
            case getImportTask -> getImportTask(exchange);
            case listImportTasks -> listImportTasks(exchange);
            case getExportTask -> getExportTask(exchange);
            case listExportTasks -> listExportTasks(exchange);
            case startImportTask -> startImportTask(exchange);
            case startExportTask -> startExportTask(exchange);
            case cancelImportTask -> cancelImportTask(exchange);
            case cancelExportTask -> cancelExportTask(exchange);
            case waitForImportTask -> waitForImportTask(exchange);
            case waitForExportTask -> waitForExportTask(exchange);
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        }
    }

    // ---------------------------------------------------------------- one method per operation

    private void getImportTask(Exchange exchange) {
        GetImportTaskResponse response = client().getImportTask(importTaskRequest(exchange, NeptuneGraphOperations.getImportTask));
        reply(exchange, response, response.statusAsString());
    }

    private void getExportTask(Exchange exchange) {
        GetExportTaskResponse response = client().getExportTask(exportTaskRequest(exchange, NeptuneGraphOperations.getExportTask));
        reply(exchange, response, response.statusAsString());
    }

    private void listImportTasks(Exchange exchange) {
        ListImportTasksRequest request = request(exchange, ListImportTasksRequest.class,
                () -> ListImportTasksRequest.builder().nextToken(input(exchange, NEXT_TOKEN, configuration().getNextToken()))
                        .maxResults(maxResults(exchange)).build());
        NeptuneGraphInputRules.maxResults(request.maxResults());
        if (configuration().isAllPages()) {
            replyPage(exchange, client().listImportTasksPaginator(request).tasks().stream().toList(), null);
        } else {
            ListImportTasksResponse response = client().listImportTasks(request);
            replyPage(exchange, response, response.nextToken());
        }
    }

    private void listExportTasks(Exchange exchange) {
        ListExportTasksRequest request = request(exchange, ListExportTasksRequest.class,
                () -> ListExportTasksRequest.builder().nextToken(input(exchange, NEXT_TOKEN, configuration().getNextToken()))
                        .maxResults(maxResults(exchange))
                        .graphIdentifier(input(exchange, GRAPH_IDENTIFIER, configuration().getGraphIdentifier())).build());
        NeptuneGraphInputRules.maxResults(request.maxResults());
        NeptuneGraphInputRules.graphFilter(request.graphIdentifier());
        if (configuration().isAllPages()) {
            replyPage(exchange, client().listExportTasksPaginator(request).tasks().stream().toList(), null);
        } else {
            ListExportTasksResponse response = client().listExportTasks(request);
            replyPage(exchange, response, response.nextToken());
        }
    }

    private void startImportTask(Exchange exchange) {
        NeptuneGraphOperations operation = NeptuneGraphOperations.startImportTask;
        StartImportTaskRequest request = request(exchange, StartImportTaskRequest.class,
                () -> StartImportTaskRequest.builder()
                        .graphIdentifier(input(exchange, GRAPH_IDENTIFIER, configuration().getGraphIdentifier()))
                        .source(input(exchange, SOURCE, configuration().getSource()))
                        .roleArn(input(exchange, ROLE_ARN, configuration().getRoleArn()))
                        .format(input(exchange, FORMAT, configuration().getFormat())).build());
        NeptuneGraphInputRules.graphIdentifier(request.graphIdentifier(), operation);
        NeptuneGraphInputRules.required("source", SOURCE, request.source(), operation);
        NeptuneGraphInputRules.required("roleArn", ROLE_ARN, request.roleArn(), operation);
        if (request.format() == Format.UNKNOWN_TO_SDK_VERSION) {
            throw unknownFormat(request.formatAsString(), Format.knownValues());
        }
        StartImportTaskResponse response = client().startImportTask(request);
        reply(exchange, response, response.statusAsString());
    }

    private void startExportTask(Exchange exchange) {
        NeptuneGraphOperations operation = NeptuneGraphOperations.startExportTask;
        StartExportTaskRequest request = request(exchange, StartExportTaskRequest.class,
                () -> StartExportTaskRequest.builder()
                        .graphIdentifier(input(exchange, GRAPH_IDENTIFIER, configuration().getGraphIdentifier()))
                        .roleArn(input(exchange, ROLE_ARN, configuration().getRoleArn()))
                        .format(input(exchange, FORMAT, configuration().getFormat()))
                        .destination(input(exchange, DESTINATION, configuration().getDestination()))
                        .kmsKeyIdentifier(input(exchange, KMS_KEY_IDENTIFIER, configuration().getKmsKeyIdentifier())).build());
        NeptuneGraphInputRules.graphIdentifier(request.graphIdentifier(), operation);
        NeptuneGraphInputRules.required("roleArn", ROLE_ARN, request.roleArn(), operation);
        NeptuneGraphInputRules.required("format", FORMAT, request.formatAsString(), operation);
        NeptuneGraphInputRules.required("destination", DESTINATION, request.destination(), operation);
        NeptuneGraphInputRules.required("kmsKeyIdentifier", KMS_KEY_IDENTIFIER, request.kmsKeyIdentifier(), operation);
        if (request.format() == ExportFormat.UNKNOWN_TO_SDK_VERSION) {
            throw unknownFormat(request.formatAsString(), ExportFormat.knownValues());
        }
        StartExportTaskResponse response = client().startExportTask(request);
        reply(exchange, response, response.statusAsString());
    }

    private void cancelImportTask(Exchange exchange) {
        CancelImportTaskRequest request = request(exchange, CancelImportTaskRequest.class,
                () -> CancelImportTaskRequest.builder().taskIdentifier(input(exchange, TASK_IDENTIFIER,
                        configuration().getTaskIdentifier())).build());
        NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), NeptuneGraphOperations.cancelImportTask);
        CancelImportTaskResponse response = client().cancelImportTask(request);
        reply(exchange, response, response.statusAsString());
    }

    private void cancelExportTask(Exchange exchange) {
        CancelExportTaskRequest request = request(exchange, CancelExportTaskRequest.class,
                () -> CancelExportTaskRequest.builder().taskIdentifier(input(exchange, TASK_IDENTIFIER,
                        configuration().getTaskIdentifier())).build());
        NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), NeptuneGraphOperations.cancelExportTask);
        CancelExportTaskResponse response = client().cancelExportTask(request);
        reply(exchange, response, response.statusAsString());
    }

    private void waitForImportTask(Exchange exchange) throws CamelExchangeException {
        GetImportTaskRequest request = importTaskRequest(exchange, NeptuneGraphOperations.waitForImportTask);
        GetImportTaskResponse response = await(exchange, "Import", request.taskIdentifier(),
                () -> waiter.waitUntilImportTaskSuccessful(request), () -> client().getImportTask(request));
        reply(exchange, response, response.statusAsString());
    }

    private void waitForExportTask(Exchange exchange) throws CamelExchangeException {
        GetExportTaskRequest request = exportTaskRequest(exchange, NeptuneGraphOperations.waitForExportTask);
        GetExportTaskResponse response = await(exchange, "Export", request.taskIdentifier(),
                () -> waiter.waitUntilExportTaskSuccessful(request), () -> client().getExportTask(request));
        reply(exchange, response, response.statusAsString());
    }

    // ---------------------------------------------------------------- shared steps

    private GetImportTaskRequest importTaskRequest(Exchange exchange, NeptuneGraphOperations operation) {
        GetImportTaskRequest request = request(exchange, GetImportTaskRequest.class,
                () -> GetImportTaskRequest.builder().taskIdentifier(input(exchange, TASK_IDENTIFIER,
                        configuration().getTaskIdentifier())).build());
        NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation);
        return request;
    }

    private GetExportTaskRequest exportTaskRequest(Exchange exchange, NeptuneGraphOperations operation) {
        GetExportTaskRequest request = request(exchange, GetExportTaskRequest.class,
                () -> GetExportTaskRequest.builder().taskIdentifier(input(exchange, TASK_IDENTIFIER,
                        configuration().getTaskIdentifier())).build());
        NeptuneGraphInputRules.taskIdentifier(request.taskIdentifier(), operation);
        return request;
    }

    /**
     * Runs an SDK waiter until the task succeeded. When it fails, was cancelled or the wait timed out, one last look at
     * the task says which, so the failure names its status and reason; a service error while polling is rethrown as
     * is.
     */
    private <R extends NeptuneGraphResponse> R await(
            Exchange exchange, String kind, String taskId, Supplier<WaiterResponse<R>> wait, Supplier<R> current)
            throws CamelExchangeException {
        try {
            return wait.get().matched().response()
                    .orElseThrow(() -> new IllegalStateException("the waiter succeeded without a response"));
        } catch (SdkClientException e) {
            if (e.getCause() instanceof AwsServiceException serviceError) {
                throw serviceError;
            }
            R last = current.get();
            String status = last.getValueForField("status", String.class).orElse("unknown");
            if ("SUCCEEDED".equals(status)) {
                return last;
            }
            exchange.getMessage().setHeader(TASK_STATUS, status);
            String reason = last.getValueForField("statusReason", String.class).map(r -> ": " + r).orElse("");
            if (FAILED_STATUSES.contains(status)) {
                throw new CamelExchangeException(kind + " task " + taskId + " did not succeed, its status is " + status
                        + reason, exchange);
            }
            throw new CamelExchangeException("Gave up waiting for " + kind.toLowerCase() + " task " + taskId + " after "
                    + configuration().getWaitTimeout() + " ms (waitTimeout), its status is still " + status,
                    exchange);
        }
    }

    /** The request from the body ({@code pojoRequest=true}), or built from headers and options. */
    private <R> R request(Exchange exchange, Class<R> type, Supplier<R> fromInputs) {
        if (!configuration().isPojoRequest()) {
            return fromInputs.get();
        }
        Object body = exchange.getMessage().getBody();
        if (!type.isInstance(body)) {
            throw new IllegalArgumentException("pojoRequest=true: this operation needs a body of type "
                    + type.getSimpleName() + ", but the body is " + (body == null ? "null" : body.getClass().getName()));
        }
        return type.cast(body);
    }

    /** The header, else the URI option of the same name. */
    private static String input(Exchange exchange, String header, String option) {
        String value = exchange.getMessage().getHeader(header, String.class);
        return value != null ? value : option;
    }

    private Integer maxResults(Exchange exchange) {
        Integer value = exchange.getMessage().getHeader(MAX_RESULTS, Integer.class);
        return value != null ? value : configuration().getMaxResults();
    }

    private static IllegalArgumentException unknownFormat(String format, Set<?> known) {
        return new IllegalArgumentException("format (header " + FORMAT + " or option format) is '" + format
                + "': it must be one of " + known);
    }

    private static void reply(Exchange exchange, Object body, String status) {
        Message message = exchange.getMessage();
        message.setBody(body);
        message.setHeader(TASK_STATUS, status);
    }

    /** A list answer: the next-page token is set when there is a next page, and removed when there is none. */
    private static void replyPage(Exchange exchange, Object body, String nextToken) {
        Message message = exchange.getMessage();
        message.setBody(body);
        message.removeHeader(TASK_STATUS);
        if (nextToken != null) {
            message.setHeader(NEXT_TOKEN, nextToken);
        } else {
            message.removeHeader(NEXT_TOKEN);
        }
    }

    private NeptuneGraphConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    private NeptuneGraphClient client() {
        return getEndpoint().getClient();
    }
}
