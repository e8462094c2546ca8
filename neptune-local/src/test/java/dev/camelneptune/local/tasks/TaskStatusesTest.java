package dev.camelneptune.local.tasks;

import java.time.Duration;

import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;
import software.amazon.awssdk.services.neptunegraph.model.ConflictException;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskStatus;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskDetails;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every status the model's ImportTaskStatus and ExportTaskStatus hold is reachable from the Java API: REPROVISIONING
 * ("the data did not fit into the provisioned graph, so it is being re-provisioned"), ROLLING_BACK ("because of the
 * error that was encountered, the graph is being rolled back"), DELETED; an export has no ROLLING_BACK or
 * REPROVISIONING in ExportTaskStatus.
 */
class TaskStatusesTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final NeptuneGraphClient client = LocalClients.graph(neptune);

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private void advance(int seconds) {
        neptune.clock().advance(Duration.ofSeconds(seconds));
    }

    private ImportTaskStatus importStatus(String id) {
        return client.getImportTask(r -> r.taskIdentifier(id)).status();
    }

    @Test
    void anImportPassesThroughReprovisioningBetweenAnalyzingAndImporting() {
        String id = neptune.tasks().create(NewTask.importTask().phases(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(100)).reprovisioning(Duration.ofSeconds(30)));

        advance(15);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.ANALYZING_DATA);
        advance(10);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.REPROVISIONING);
        assertThat(client.getImportTask(r -> r.taskIdentifier(id)).importTaskDetails().progressPercentage()).isZero();
        advance(30);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.IMPORTING);
        advance(100);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.SUCCEEDED);
    }

    /** ImportTaskStatus EXPORTING: an import from a Neptune database (importOptions.neptune) exports its data first. */
    @Test
    void anImportFromANeptuneDatabaseIsExportingBeforeItAnalyzesTheData() {
        neptune.graphs().create("g-0000000001");
        String id = client.startImportTask(r -> r.graphIdentifier("g-0000000001").roleArn(NewTask.DEFAULT_ROLE_ARN)
                .source("neptune-db://my-cluster.cluster-abc.us-east-1.neptune.amazonaws.com")
                .importOptions(o -> o.neptune(n -> n.s3ExportPath("s3://bucket/export/")
                        .s3ExportKmsKeyId(NewTask.DEFAULT_KMS_KEY))))
                .taskId();

        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.INITIALIZING);
        advance(6);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.EXPORTING);
        advance(20);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.ANALYZING_DATA);
        advance(10);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.IMPORTING);
        advance(45);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.SUCCEEDED);
    }

    @Test
    void anImportFromANeptuneDatabaseCreatedThroughTheJavaApiCanBeCancelledWhileExporting() {
        String id = neptune.tasks().create(NewTask.importTask().fromNeptune(Duration.ofMinutes(5)));
        advance(60);
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.EXPORTING);
        assertThat(client.getImportTask(r -> r.taskIdentifier(id)).importOptions().neptune().s3ExportPath()).isNotBlank();

        assertThat(client.cancelImportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ImportTaskStatus.CANCELLING);
    }

    @Test
    void aFailedImportIsRollingBackThenFailed() {
        String id = neptune.tasks().create(NewTask.importTask().rollback(Duration.ofSeconds(60)));
        advance(20);

        neptune.tasks().fail(id, "bad CSV header");

        GetImportTaskResponse rollingBack = client.getImportTask(r -> r.taskIdentifier(id));
        assertThat(rollingBack.status()).isEqualTo(ImportTaskStatus.ROLLING_BACK);
        assertThat(rollingBack.statusReason()).isEqualTo("bad CSV header");
        assertThat(rollingBack.importTaskDetails().errorCount()).isEqualTo(1);
        assertThatThrownBy(() -> client.cancelImportTask(r -> r.taskIdentifier(id))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> neptune.tasks().fail(id, "again")).isInstanceOf(IllegalStateException.class);

        advance(60);
        GetImportTaskResponse failed = client.getImportTask(r -> r.taskIdentifier(id));
        assertThat(failed.status()).isEqualTo(ImportTaskStatus.FAILED);
        assertThat(failed.importTaskDetails().errorDetails()).isEqualTo("bad CSV header");
        assertThat(failed.importTaskDetails().timeElapsedSeconds()).isEqualTo(80L);
    }

    @Test
    void aFailedExportIsFailedAtOnceAsExportTaskStatusHasNoRollingBack() {
        String id = neptune.tasks().create(NewTask.exportTask());

        neptune.tasks().fail(id, "destination bucket is gone");

        assertThat(client.getExportTask(r -> r.taskIdentifier(id)).status()).isEqualTo(ExportTaskStatus.FAILED);
        assertThatThrownBy(() -> NewTask.exportTask().rollback(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeletedTaskIsDeletedForGoodAndCannotBeCancelled() {
        String importId = neptune.tasks().create(NewTask.importTask());
        String exportId = neptune.tasks().create(NewTask.exportTask());
        advance(30);

        neptune.tasks().delete(importId);
        neptune.tasks().delete(exportId);
        advance(3600);

        assertThat(importStatus(importId)).isEqualTo(ImportTaskStatus.DELETED);
        assertThat(client.getExportTask(r -> r.taskIdentifier(exportId)).status()).isEqualTo(ExportTaskStatus.DELETED);
        assertThat(neptune.tasks().get(importId).isTerminal()).isTrue();
        assertThat(neptune.tasks().get(importId).timeElapsedSeconds()).as("frozen when deleted").isEqualTo(30L);
        assertThatThrownBy(() -> client.cancelImportTask(r -> r.taskIdentifier(importId)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("DELETED");
    }

    /** failOnError: "If set to false, the task skips the data that caused the error and continues if possible." */
    @Test
    void anImportWithFailOnErrorFalseCountsTheErrorAndGoesOn() {
        String id = neptune.tasks().create(NewTask.importTask().failOnError(false));
        advance(20);

        neptune.tasks().fail(id, "line 12: bad date");
        advance(3600);

        ImportTaskDetails details = client.getImportTask(r -> r.taskIdentifier(id)).importTaskDetails();
        assertThat(importStatus(id)).isEqualTo(ImportTaskStatus.SUCCEEDED);
        assertThat(details.errorCount()).isEqualTo(1);
        assertThat(details.errorDetails()).isEqualTo("line 12: bad date");
    }

    /** A SUCCEEDED task shows what the service shows: 100 %, the work done, the time it took. */
    @Test
    void aSucceededTaskShowsFullProgressItsCountersAndTheTimeItTook() {
        String id = neptune.tasks().create(NewTask.importTask().startedAgo(Duration.ofHours(3)));

        ImportTaskDetails details = client.getImportTask(r -> r.taskIdentifier(id)).importTaskDetails();

        assertThat(details.status()).isEqualTo("SUCCEEDED");
        assertThat(details.progressPercentage()).isEqualTo(100);
        assertThat(details.statementCount()).isPositive();
        assertThat(details.dictionaryEntryCount()).isPositive();
        assertThat(details.errorCount()).isZero();
        assertThat(details.timeElapsedSeconds()).as("the default phases, 5 + 10 + 45 s").isEqualTo(60L);
        assertThat(details.startTime()).isEqualTo(neptune.clock().now().minus(Duration.ofHours(3)));
    }
}
