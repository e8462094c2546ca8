package dev.camelneptune.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelneptune.local.Fault;
import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.InternalServerException;
import software.amazon.awssdk.services.neptunegraph.model.ThrottlingException;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix for the neptune-graph producer: each fault neptune-local can inject, what the route sees (retried by
 * the SDK, or a clear typed error on the exchange), and that no task goes missing afterwards. The SDK's standard retry
 * policy (legacy mode, the SDK's default) makes 4 attempts, backing off between them: a storm of 4 faults or more
 * reaches the route.
 */
class GraphFaultMatrixTest extends CamelTestSupport {

    private static final int TASKS = 25;

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private List<String> taskIds;

    @AfterEach
    void stopNeptune() {
        neptune.close();
    }

    @Override
    protected void doPreSetup() {
        taskIds = neptune.tasks().createImportTasks(TASKS);
    }

    private String uri(String operation, String options) {
        return "neptune-graph:tasks?operation=" + operation + "&region=us-east-1&accessKey=local&secretKey=local"
               + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint() + options;
    }

    private Exchange getTask(String uri) {
        return template.send(uri, e -> e.getMessage().setHeader(TASK_IDENTIFIER, taskIds.get(0)));
    }

    private Exchange getTask() {
        return getTask(uri("getImportTask", ""));
    }

    /** Every task, paging 10 at a time: proves that none went missing. */
    private Set<String> allTaskIds() {
        Exchange exchange = template.send(uri("listImportTasks", "&allPages=true&maxResults=10"), e -> {
        });
        assertThat(exchange.getException()).isNull();
        List<?> tasks = exchange.getMessage().getBody(List.class);
        return tasks.stream().map(t -> ((ImportTaskSummary) t).taskId()).collect(Collectors.toSet());
    }

    private long requestsDuring(Runnable action) {
        long before = neptune.requestCount();
        action.run();
        return neptune.requestCount() - before;
    }

    @Test
    void throttlingBurstIsRetriedWithBackoffAndSucceeds() {
        neptune.faults().throttleNext(2);
        Exchange[] exchange = new Exchange[1];

        long requests = requestsDuring(() -> exchange[0] = getTask());

        assertThat(exchange[0].getException()).isNull();
        assertThat(exchange[0].getMessage().getBody(GetImportTaskResponse.class).taskId()).isEqualTo(taskIds.get(0));
        assertThat(requests).as("two throttled attempts, then the answer").isEqualTo(3);
    }

    @Test
    void throttlingStormLongerThanTheRetriesFailsTheExchangeWithTheTypedErrorThenRecovers() {
        neptune.faults().throttleNext(4);
        Exchange[] failed = new Exchange[1];
        long start = System.nanoTime();

        long requests = requestsDuring(() -> failed[0] = getTask());

        assertThat(requests).as("the SDK's 4 attempts").isEqualTo(4);
        // throttling backoff (legacy mode): equal jitter from a 500 ms base, so at least 250 + 500 + 1000 ms
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("backed off").isGreaterThan(Duration.ofMillis(1750));
        assertThat(failed[0].getException()).isInstanceOf(ThrottlingException.class)
                .hasMessageContaining("injected fault: ThrottlingException").hasMessageContaining("Status Code: 429");
        neptune.faults().clear();
        assertThat(getTask().getException()).isNull();
        assertThat(allTaskIds()).containsExactlyInAnyOrderElementsOf(taskIds);
    }

    @Test
    void throttlingInTheMiddleOfPagingLosesNoTask() {
        // the first two pages are served, the third (and last) is throttled twice and then served
        neptune.faults().next(2, Fault.delay(Duration.ZERO)).throttleNext(2);

        assertThat(allTaskIds()).containsExactlyInAnyOrderElementsOf(taskIds);
        assertThat(neptune.faults().pendingCount()).isZero();
    }

    @Test
    void serverErrorBurstIsRetriedAndAStormFailsWithTheTypedError() {
        neptune.faults().failNext(2);
        assertThat(getTask().getException()).isNull();

        neptune.faults().failNext(4);
        Exchange failed = getTask();
        assertThat(failed.getException()).isInstanceOf(InternalServerException.class)
                .hasMessageContaining("Status Code: 500");
        neptune.faults().clear();
        assertThat(allTaskIds()).containsExactlyInAnyOrderElementsOf(taskIds);
    }

    @Test
    void connectionResetIsRetried() {
        neptune.faults().resetNext(2);
        Exchange[] exchange = new Exchange[1];

        long requests = requestsDuring(() -> exchange[0] = getTask());

        assertThat(exchange[0].getException()).isNull();
        assertThat(requests).isEqualTo(3);
    }

    @Test
    void connectionCutInTheMiddleOfTheBodyIsRetried() {
        neptune.faults().cutNext(1);

        assertThat(getTask().getException()).isNull();
        neptune.faults().next(1, Fault.delay(Duration.ZERO)).cutNext(1);
        assertThat(allTaskIds()).containsExactlyInAnyOrderElementsOf(taskIds);
    }

    @Test
    void truncatedJsonIsRetriedAndPersistentlyTruncatedJsonFailsWithAClearClientError() {
        neptune.faults().truncateNext(1);
        assertThat(getTask().getException()).isNull();

        neptune.faults().truncateNext(4);
        Exchange failed = getTask();

        assertThat(failed.getException()).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to unmarshall response")
                .hasMessageContaining("Unexpected end-of-input");
        assertThat(getTask().getException()).isNull();
    }

    @Test
    void responseSlowerThanTheSocketTimeoutIsRetriedAndAPersistentlySlowServerFailsClearly() {
        try (NeptuneGraphClient impatient = NeptuneGraphClient.builder().endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofMillis(300)))
                .build()) {
            context.getRegistry().bind("impatient", impatient);
            String uri = "neptune-graph:tasks?operation=getImportTask&neptuneGraphClient=#impatient";
            neptune.faults().delayNext(1, Duration.ofSeconds(1));
            assertThat(getTask(uri).getException()).as("one slow answer, then a retry in time").isNull();

            neptune.faults().delayNext(4, Duration.ofSeconds(1));
            Exchange failed = getTask(uri);
            assertThat(failed.getException()).isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Read timed out");
        }
    }

    @Test
    void connectionRefusedFailsClearlyAndTheSameRouteWorksWhenTheServerIsBack() {
        neptune.stop();

        Exchange refused = getTask();

        assertThat(refused.getException()).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to execute HTTP request")
                .hasRootCauseMessage("Connection refused");
        neptune.startServer();
        assertThat(getTask().getException()).isNull();
    }

    @Test
    void restartOfNeptuneLocalKeepsEveryTask() {
        Map<String, Object> before = new HashMap<>();
        before.put("tasks", allTaskIds());

        neptune.stop();
        neptune.startServer();

        assertThat(allTaskIds()).isEqualTo(before.get("tasks")).hasSize(TASKS);
    }
}
