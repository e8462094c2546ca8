package dev.camelneptune.local.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ConflictException;
import software.amazon.awssdk.services.neptunegraph.model.ExportFormat;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskStatus;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskStatus;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.InternalServerException;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.ResourceNotFoundException;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ThrottlingException;
import software.amazon.awssdk.services.neptunegraph.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task API as the real {@link NeptuneGraphClient} sees it over HTTP. */
class TaskApiTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private NeptuneLocal neptune;
    private NeptuneGraphClient client;

    @BeforeEach
    void start() {
        neptune = NeptuneLocal.builder().manualClock().start();
        client = client(false);
    }

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private NeptuneGraphClient client(boolean retries) {
        return NeptuneGraphClient.builder()
                .endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(o -> {
                    if (!retries) {
                        o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    }
                })
                .build();
    }

    private void advance(int seconds) {
        neptune.clock().advance(Duration.ofSeconds(seconds));
    }

    @Test
    void importTaskMovesThroughItsStatusesWithProgressAndCounters() {
        String id = neptune.tasks().create(NewTask.importTask().id("t-0000000001").graph("g-0000000001")
                .phases(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(100)));

        GetImportTaskResponse initializing = client.getImportTask(r -> r.taskIdentifier(id));
        assertThat(initializing.status()).isEqualTo(ImportTaskStatus.INITIALIZING);
        assertThat(initializing.graphId()).isEqualTo("g-0000000001");
        assertThat(initializing.format().toString()).isEqualTo("CSV");
        assertThat(initializing.source()).startsWith("s3://");
        assertThat(initializing.roleArn()).startsWith("arn:aws:iam::");
        assertThat(initializing.importTaskDetails().startTime()).isEqualTo(START);
        assertThat(initializing.importTaskDetails().progressPercentage()).isZero();

        advance(10);
        assertThat(client.getImportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ImportTaskStatus.ANALYZING_DATA);

        advance(60);
        GetImportTaskResponse importing = client.getImportTask(r -> r.taskIdentifier(id));
        assertThat(importing.status()).isEqualTo(ImportTaskStatus.IMPORTING);
        assertThat(importing.importTaskDetails().progressPercentage()).isEqualTo(50);
        assertThat(importing.importTaskDetails().statementCount()).isEqualTo(500_000L);
        assertThat(importing.importTaskDetails().dictionaryEntryCount()).isEqualTo(125_000L);
        assertThat(importing.importTaskDetails().timeElapsedSeconds()).isEqualTo(70L);

        advance(3600);
        GetImportTaskResponse done = client.getImportTask(r -> r.taskIdentifier(id));
        assertThat(done.status()).isEqualTo(ImportTaskStatus.SUCCEEDED);
        assertThat(done.importTaskDetails().progressPercentage()).isEqualTo(100);
        assertThat(done.importTaskDetails().timeElapsedSeconds()).isEqualTo(120L);
    }

    @Test
    void exportTaskMovesThroughItsStatuses() {
        String id = neptune.tasks().create(NewTask.exportTask().graph("g-0000000002")
                .phases(Duration.ofSeconds(10), Duration.ofSeconds(100)));

        assertThat(client.getExportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ExportTaskStatus.INITIALIZING);
        advance(35);
        GetExportTaskResponse exporting = client.getExportTask(r -> r.taskIdentifier(id));
        assertThat(exporting.status()).isEqualTo(ExportTaskStatus.EXPORTING);
        assertThat(exporting.exportTaskDetails().progressPercentage()).isEqualTo(25);
        assertThat(exporting.exportTaskDetails().numVerticesWritten()).isEqualTo(250_000L);
        assertThat(exporting.format()).isEqualTo(ExportFormat.PARQUET);
        advance(100);
        assertThat(client.getExportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ExportTaskStatus.SUCCEEDED);
    }

    @Test
    void listImportTasksPagesWithNextTokenInCreationOrder() {
        List<String> ids = neptune.tasks().createImportTasks(250);

        ListImportTasksResponse first = client.listImportTasks(r -> r.maxResults(100));
        assertThat(first.tasks()).hasSize(100);
        assertThat(first.nextToken()).isNotBlank();

        List<String> all = client.listImportTasksPaginator(r -> r.maxResults(100)).tasks().stream()
                .map(ImportTaskSummary::taskId).toList();
        assertThat(all).containsExactlyElementsOf(ids);
        assertThat(client.listImportTasks(r -> r.nextToken(first.nextToken()).maxResults(100)).tasks().get(0).taskId())
                .isEqualTo(ids.get(100));
    }

    @Test
    void listExportTasksFiltersByGraph() {
        neptune.tasks().create(NewTask.exportTask().id("t-000000000a").graph("g-00000000aa"));
        neptune.tasks().create(NewTask.exportTask().id("t-000000000b").graph("g-00000000bb"));
        neptune.tasks().create(NewTask.importTask().id("t-000000000c").graph("g-00000000aa"));

        assertThat(client.listExportTasks(r -> r.graphIdentifier("g-00000000aa")).tasks())
                .extracting(ExportTaskSummary::taskId).containsExactly("t-000000000a");
        assertThat(client.listExportTasks(r -> r.maxResults(1)).nextToken()).isNotNull();
    }

    @Test
    void startImportTaskCreatesARunningTaskAndRefusesASecondOnTheSameGraph() {
        neptune.graphs().create("g-0000000003");
        StartImportTaskResponse started = client.startImportTask(r -> r.graphIdentifier("g-0000000003")
                .source("s3://bucket/data/").roleArn("arn:aws:iam::123456789012:role/Import").format("OPEN_CYPHER"));

        assertThat(started.taskId()).matches("t-[a-z0-9]{10}");
        assertThat(started.status()).isEqualTo(ImportTaskStatus.INITIALIZING);
        assertThat(client.getImportTask(r -> r.taskIdentifier(started.taskId())).source()).isEqualTo("s3://bucket/data/");
        assertThatThrownBy(() -> client.startImportTask(r -> r.graphIdentifier("g-0000000003")
                .source("s3://bucket/data/").roleArn("arn:aws:iam::123456789012:role/Import")))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).statusCode()).isEqualTo(409));
    }

    /** StartImportTaskInput: source is required; the message is the service's validation wording. */
    @Test
    void startImportTaskWithoutSourceIsAValidationError() {
        neptune.graphs().create("g-0000000003");
        assertThatThrownBy(() -> client.startImportTask(r -> r.graphIdentifier("g-0000000003")
                .roleArn("arn:aws:iam::123456789012:role/Import")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value null at 'source' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void startExportTaskCreatesARunningTask() {
        neptune.graphs().create("g-0000000004");
        StartExportTaskResponse started = client.startExportTask(r -> r.graphIdentifier("g-0000000004")
                .roleArn("arn:aws:iam::123456789012:role/Export").format(ExportFormat.CSV)
                .destination("s3://bucket/out/").kmsKeyIdentifier(NewTask.DEFAULT_KMS_KEY));

        assertThat(started.status()).isEqualTo(ExportTaskStatus.INITIALIZING);
        assertThat(neptune.tasks().get(started.taskId()).graphId()).isEqualTo("g-0000000004");
        assertThat(client.getExportTask(r -> r.taskIdentifier(started.taskId())).destination()).isEqualTo("s3://bucket/out/");
    }

    @Test
    void cancelledTaskIsCancellingThenCancelledAndCannotBeCancelledAgain() {
        String id = neptune.tasks().create(NewTask.importTask().cancelDuration(Duration.ofSeconds(5)));

        CancelImportTaskResponse cancelling = client.cancelImportTask(r -> r.taskIdentifier(id));
        assertThat(cancelling.status()).isEqualTo(ImportTaskStatus.CANCELLING);
        assertThatThrownBy(() -> client.cancelImportTask(r -> r.taskIdentifier(id))).isInstanceOf(ConflictException.class);
        advance(5);
        assertThat(client.getImportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ImportTaskStatus.CANCELLED);
        assertThat(client.cancelExportTask(r -> r.taskIdentifier(
                neptune.tasks().create(NewTask.exportTask()))).status()).isEqualTo(ExportTaskStatus.CANCELLING);
    }

    @Test
    void failedTaskReportsItsReason() {
        String scripted = neptune.tasks().create(NewTask.importTask().failAfter(Duration.ofSeconds(20), "bad CSV header"));
        String forced = neptune.tasks().create(NewTask.exportTask());

        neptune.tasks().fail(forced, "destination bucket is gone");
        advance(20);

        GetImportTaskResponse failed = client.getImportTask(r -> r.taskIdentifier(scripted));
        assertThat(failed.status()).isEqualTo(ImportTaskStatus.FAILED);
        assertThat(failed.statusReason()).isEqualTo("bad CSV header");
        assertThat(failed.importTaskDetails().errorCount()).isEqualTo(1);
        assertThat(client.getExportTask(r -> r.taskIdentifier(forced)).statusReason()).isEqualTo("destination bucket is gone");
    }

    @Test
    void unknownTaskIsResourceNotFound() {
        assertThatThrownBy(() -> client.getImportTask(r -> r.taskIdentifier("t-0123456789")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("t-0123456789")
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
        String exportId = neptune.tasks().create(NewTask.exportTask());
        assertThatThrownBy(() -> client.getImportTask(r -> r.taskIdentifier(exportId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badInputsAreValidationErrors() {
        assertThatThrownBy(() -> client.getImportTask(r -> r.taskIdentifier("t-abc")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("t-[a-z0-9]{10}");
        assertThatThrownBy(() -> client.listImportTasks(r -> r.maxResults(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> client.listImportTasks(r -> r.nextToken("not-a-token")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nextToken");
        assertThatThrownBy(() -> client.listExportTasks(r -> r.graphIdentifier("graph")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("g-[a-z0-9]{10}");
    }

    @Test
    void injectedFaultsAnswerInTheTaskApiWireFormat() {
        neptune.faults().throttleNext(1).failNext(1);

        assertThatThrownBy(() -> client.listImportTasks(r -> {
        }))
                .isInstanceOf(ThrottlingException.class)
                .satisfies(e -> assertThat(((ThrottlingException) e).statusCode()).isEqualTo(429));
        assertThatThrownBy(() -> client.listImportTasks(r -> {
        }))
                .isInstanceOf(InternalServerException.class)
                .satisfies(e -> assertThat(((InternalServerException) e).statusCode()).isEqualTo(500));
    }

    @Test
    void theSdkRetriesThroughAThrottlingBurst() {
        try (NeptuneGraphClient retrying = client(true)) {
            neptune.faults().throttleNext(2);
            long before = neptune.requestCount();

            assertThat(retrying.listImportTasks(r -> {
            }).tasks()).isEmpty();
            assertThat(neptune.requestCount() - before).isEqualTo(3);
        }
    }
}
