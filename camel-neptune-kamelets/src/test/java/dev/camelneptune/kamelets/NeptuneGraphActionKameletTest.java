package dev.camelneptune.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.tasks.NewTask;
import dev.camelneptune.local.tasks.TaskSnapshot;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * kamelet:neptune-graph-action, loaded from the classpath as a user's route loads it, against neptune-local over HTTP
 * through the real NeptuneGraphClient the component builds.
 */
class NeptuneGraphActionKameletTest extends CamelTestSupport {

    private static final String TASK_IDENTIFIER = "CamelNeptuneGraphTaskIdentifier";
    private static final String TASK_STATUS = "CamelNeptuneGraphTaskStatus";
    private static final String OPERATION = "CamelNeptuneGraphOperation";
    private static final String NEXT_TOKEN = "CamelNeptuneGraphNextToken";
    /** The SDK's system property naming the AWS credentials file its profile credentials provider reads. */
    private static final String SHARED_CREDENTIALS_FILE = "aws.sharedCredentialsFile";

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();

    @AfterEach
    void stopNeptune() {
        neptune.close();
    }

    /** A kamelet: URI for the action against neptune-local, plus {@code properties}. */
    private String action(String properties) {
        return "kamelet:neptune-graph-action?region=us-east-1&accessKey=local&secretKey=local"
               + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint() + properties;
    }

    /** Starts route {@code direct:in} → the action with {@code properties}. */
    private void route(String properties) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(action(properties));
            }
        });
    }

    private Exchange send(Map<String, Object> headers) {
        return template.send("direct:in", e -> e.getMessage().getHeaders().putAll(headers));
    }

    @Test
    void getImportTaskAnswersWithTheTaskAndItsStatus() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask().graph("g-0000000001")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(100)));
        neptune.clock().advance(Duration.ofSeconds(40));
        route("&operation=getImportTask");

        Exchange exchange = send(Map.of(TASK_IDENTIFIER, id));

        assertThat(exchange.getException()).isNull();
        GetImportTaskResponse task = exchange.getMessage().getBody(GetImportTaskResponse.class);
        assertThat(task.taskId()).isEqualTo(id);
        assertThat(task.graphId()).isEqualTo("g-0000000001");
        assertThat(task.importTaskDetails().progressPercentage()).isEqualTo(40);
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("IMPORTING");
    }

    @Test
    void theOperationHeaderOverridesTheKameletsOperation() throws Exception {
        List<String> ids = neptune.tasks().createImportTasks(3);
        route("&operation=getImportTask&allPages=true");

        Exchange exchange = send(Map.of(OPERATION, "listImportTasks"));

        assertThat(exchange.getException()).isNull();
        List<?> tasks = exchange.getMessage().getBody(List.class);
        assertThat(tasks).extracting(t -> ((ImportTaskSummary) t).taskId()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void startImportTaskTakesItsInputsFromTheKameletsProperties() throws Exception {
        neptune.graphs().create("g-0000000007");
        route("&operation=startImportTask&graphIdentifier=g-0000000007&source=s3://bucket/nodes/"
              + "&roleArn=arn:aws:iam::123456789012:role/NeptuneImport&format=OPEN_CYPHER");

        Exchange exchange = send(Map.of());

        assertThat(exchange.getException()).isNull();
        String id = exchange.getMessage().getBody(StartImportTaskResponse.class).taskId();
        TaskSnapshot started = neptune.tasks().get(id);
        assertThat(started.graphId()).isEqualTo("g-0000000007");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo(started.status());
    }

    @Test
    void startExportTaskTakesItsKmsKeyFromTheKameletsProperty() throws Exception {
        neptune.graphs().create("g-0000000008");
        String kmsKey = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-4333-8444-555555555555";
        route("&operation=startExportTask&graphIdentifier=g-0000000008&format=CSV&destination=s3://bucket/out/"
              + "&roleArn=arn:aws:iam::123456789012:role/NeptuneExport&kmsKeyIdentifier=" + kmsKey);

        Exchange exchange = send(Map.of());

        assertThat(exchange.getException()).isNull();
        StartExportTaskResponse started = exchange.getMessage().getBody(StartExportTaskResponse.class);
        assertThat(started.kmsKeyIdentifier()).isEqualTo(kmsKey);
        assertThat(neptune.tasks().get(started.taskId()).graphId()).isEqualTo("g-0000000008");
    }

    @Test
    void listImportTasksPagesWithTheKameletsMaxResultsAndNextToken() throws Exception {
        List<String> ids = neptune.tasks().createImportTasks(3);
        route("&operation=listImportTasks&maxResults=2");
        Exchange first = send(Map.of());
        String nextToken = first.getMessage().getHeader(NEXT_TOKEN, String.class);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:next").to(action("&operation=listImportTasks&maxResults=2&nextToken=RAW(" + nextToken + ")"));
            }
        });

        Exchange second = template.send("direct:next", e -> {
        });

        assertThat(first.getMessage().getBody(ListImportTasksResponse.class).tasks()).hasSize(2);
        assertThat(nextToken).as("the first page's next token").isNotBlank();
        assertThat(second.getException()).isNull();
        List<String> listed = new ArrayList<>();
        first.getMessage().getBody(ListImportTasksResponse.class).tasks().forEach(t -> listed.add(t.taskId()));
        second.getMessage().getBody(ListImportTasksResponse.class).tasks().forEach(t -> listed.add(t.taskId()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(second.getMessage().getHeader(NEXT_TOKEN)).as("no page after the last").isNull();
    }

    @Test
    void profileCredentialsSignTheRequests(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[neptune]\naws_access_key_id = AKIDKAMELETPROFILE\naws_secret_access_key = kamelet-profile-secret\n");
        String previous = System.setProperty(SHARED_CREDENTIALS_FILE, credentials.toString());
        try (NeptuneLocal signed = NeptuneLocal.builder()
                .requireSigV4("AKIDKAMELETPROFILE", "kamelet-profile-secret").start()) {
            List<String> ids = signed.tasks().createImportTasks(2);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:profile").to("kamelet:neptune-graph-action?operation=listImportTasks&allPages=true"
                                              + "&region=us-east-1&useProfileCredentialsProvider=true"
                                              + "&profileCredentialsName=neptune&overrideEndpoint=true"
                                              + "&uriEndpointOverride=" + signed.endpoint());
                }
            });

            Exchange exchange = template.send("direct:profile", e -> {
            });

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(List.class)).extracting(t -> ((ImportTaskSummary) t).taskId())
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            if (previous == null) {
                System.clearProperty(SHARED_CREDENTIALS_FILE);
            } else {
                System.setProperty(SHARED_CREDENTIALS_FILE, previous);
            }
        }
    }

    @Test
    void waitForImportTaskPollsAtTheKameletsWaitPollInterval() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        route("&operation=waitForImportTask&waitPollInterval=20&waitTimeout=10s");
        long before = neptune.requestCount();

        CompletableFuture<Exchange> waiting = template.asyncSend("direct:in",
                e -> e.getMessage().setHeader(TASK_IDENTIFIER, id));
        await().atMost(Duration.ofSeconds(5)).until(() -> neptune.requestCount() >= before + 3);
        neptune.clock().advance(Duration.ofMinutes(2));

        Exchange exchange = waiting.get(10, TimeUnit.SECONDS);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("SUCCEEDED");
    }

    @Test
    void waitForImportTaskGivesUpAfterTheKameletsWaitTimeout() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        route("&operation=waitForImportTask&waitPollInterval=20&waitTimeout=300");

        Exchange exchange = template.asyncSend("direct:in", e -> e.getMessage().setHeader(TASK_IDENTIFIER, id))
                .get(5, TimeUnit.SECONDS);

        assertThat(exchange.getException()).hasMessageContainingAll(id, "waitTimeout", "INITIALIZING");
    }

    @Test
    void badInputInAPropertyFailsTheRouteAtStartWithTheComponentsMessageAndNoRequest() {
        long before = neptune.requestCount();

        assertThatThrownBy(() -> route("&operation=getImportTask&taskIdentifier=t-abc"))
                .rootCause().hasMessage("taskIdentifier (header CamelNeptuneGraphTaskIdentifier or option taskIdentifier)"
                                        + " is 't-abc': it must match t-[a-z0-9]{10}");
        assertThat(neptune.requestCount()).as("HTTP requests made").isEqualTo(before);
    }

    @Test
    void badInputInAHeaderFailsTheMessageBeforeAnyRequest() throws Exception {
        route("&operation=getImportTask");
        long before = neptune.requestCount();

        Exchange exchange = send(Map.of(TASK_IDENTIFIER, "t-ABC0000000"));

        assertThat(exchange.getException()).hasMessage("taskIdentifier (header CamelNeptuneGraphTaskIdentifier or option"
                                                       + " taskIdentifier) is 't-ABC0000000': it must match t-[a-z0-9]{10}");
        assertThat(neptune.requestCount()).as("HTTP requests made").isEqualTo(before);
    }

    @Test
    void theOperationIsARequiredProperty() {
        assertThatThrownBy(() -> route(""))
                .rootCause().hasMessageContaining("neptune-graph-action").hasMessageContaining("operation");
    }
}
