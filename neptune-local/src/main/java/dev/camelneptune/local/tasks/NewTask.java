package dev.camelneptune.local.tasks;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelneptune.local.Json;

/**
 * What to create through {@link Tasks#create(NewTask)}: every field has a sensible default that the service model
 * accepts, so a test sets only what it cares about.
 *
 * <pre>
 * String id = neptune.tasks().create(NewTask.importTask().graph("g-0123456789")
 *         .phases(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10)));
 * </pre>
 */
public final class NewTask {

    /** A role ARN of the model's {@code RoleArn} pattern. */
    public static final String DEFAULT_ROLE_ARN = "arn:aws:iam::123456789012:role/NeptuneLocal";
    /** A key ARN of the model's {@code KmsKeyArn} pattern (the key id is 36 characters, as a KMS key id is). */
    public static final String DEFAULT_KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-4000-8000-000000000000";

    /** How long an import from a Neptune database ({@code importOptions.neptune}) is EXPORTING, unless told. */
    static final Duration DEFAULT_NEPTUNE_EXPORT = Duration.ofSeconds(20);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    final TaskKind kind;
    String taskId = randomId("t-");
    String graphId = randomId("g-");
    String roleArn = DEFAULT_ROLE_ARN;
    String format;
    String location;
    String kmsKeyIdentifier;
    String parquetType;
    List<Duration> phases;
    Duration reprovisioning;
    Duration neptuneExport;
    Duration rollback = Duration.ZERO;
    Duration startedAgo = Duration.ZERO;
    Duration failAfter;
    String failureReason;
    Duration cancelDuration = Duration.ofSeconds(5);
    Boolean failOnError;
    String blankNodeHandling;
    JsonNode importOptions;
    JsonNode exportFilter;
    Map<String, String> tags = Map.of();

    private NewTask(TaskKind kind) {
        this.kind = kind;
        this.phases = kind.defaultDurations();
        if (kind == TaskKind.IMPORT) {
            format = "CSV";
            location = "s3://neptune-local/import/";
        } else {
            format = "PARQUET";
            parquetType = "COLUMNAR";
            location = "s3://neptune-local/export/";
            kmsKeyIdentifier = DEFAULT_KMS_KEY;
        }
    }

    /** An import task: INITIALIZING, ANALYZING_DATA, IMPORTING, then SUCCEEDED. */
    public static NewTask importTask() {
        return new NewTask(TaskKind.IMPORT);
    }

    /** An export task: INITIALIZING, EXPORTING, then SUCCEEDED. */
    public static NewTask exportTask() {
        return new NewTask(TaskKind.EXPORT);
    }

    /** A fresh id in the service's format, {@code prefix} followed by 10 of {@code [a-z0-9]}. */
    public static String randomId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public NewTask id(String taskId) {
        this.taskId = Objects.requireNonNull(taskId);
        return this;
    }

    /** The graph the task imports into or exports from; {@link Tasks#create(NewTask)} creates it if it is unknown. */
    public NewTask graph(String graphId) {
        this.graphId = Objects.requireNonNull(graphId);
        return this;
    }

    public NewTask roleArn(String roleArn) {
        this.roleArn = Objects.requireNonNull(roleArn);
        return this;
    }

    public NewTask format(String format) {
        this.format = Objects.requireNonNull(format);
        return this;
    }

    /** The import {@code source} or the export {@code destination}. */
    public NewTask location(String location) {
        this.location = Objects.requireNonNull(location);
        return this;
    }

    public NewTask kmsKeyIdentifier(String kmsKeyIdentifier) {
        this.kmsKeyIdentifier = kmsKeyIdentifier;
        return this;
    }

    public NewTask parquetType(String parquetType) {
        this.parquetType = parquetType;
        return this;
    }

    /** How long each running status lasts, one duration per {@link TaskKind#phases()} entry. */
    public NewTask phases(Duration... durations) {
        if (durations.length != kind.phases().size()) {
            throw new IllegalArgumentException(
                    kind + " tasks have " + kind.phases().size() + " phases "
                                               + kind.phases() + ", got " + durations.length + " durations");
        }
        this.phases = List.of(durations);
        return this;
    }

    /**
     * The import passes through {@code REPROVISIONING} for this long between {@code ANALYZING_DATA} and
     * {@code IMPORTING}, as the service does when the data does not fit the graph's capacity. Imports only.
     */
    public NewTask reprovisioning(Duration duration) {
        requireImport("REPROVISIONING");
        this.reprovisioning = Objects.requireNonNull(duration);
        return this;
    }

    /**
     * The import reads a Neptune database ({@code importOptions.neptune}, whose data the service exports to S3 before
     * it analyzes and imports it): it is {@code EXPORTING} for this long between {@code INITIALIZING} and
     * {@code ANALYZING_DATA}. Imports only.
     */
    public NewTask fromNeptune(Duration exporting) {
        ObjectNode options = Json.MAPPER.createObjectNode();
        options.putObject("neptune").put("s3ExportPath", "s3://neptune-local/neptune-export/")
                .put("s3ExportKmsKeyId", DEFAULT_KMS_KEY);
        return fromNeptune(options, exporting);
    }

    NewTask fromNeptune(JsonNode importOptions, Duration exporting) {
        requireImport("EXPORTING");
        this.importOptions = Objects.requireNonNull(importOptions);
        this.neptuneExport = Objects.requireNonNull(exporting);
        return this;
    }

    /**
     * When the import fails, it is {@code ROLLING_BACK} for this long before it is {@code FAILED} (zero, the default:
     * straight to FAILED). Imports only: an export task has no ROLLING_BACK status.
     */
    public NewTask rollback(Duration duration) {
        requireImport("ROLLING_BACK");
        this.rollback = Objects.requireNonNull(duration);
        return this;
    }

    /** The task started this long before it is created, e.g. to create one that has long finished. */
    public NewTask startedAgo(Duration ago) {
        this.startedAgo = Objects.requireNonNull(ago);
        return this;
    }

    /** The task fails with {@code reason} this long after it starts, unless it ended before. */
    public NewTask failAfter(Duration after, String reason) {
        this.failAfter = Objects.requireNonNull(after);
        this.failureReason = Objects.requireNonNull(reason);
        return this;
    }

    /** How long the task stays CANCELLING after a cancel request before it is CANCELLED. */
    public NewTask cancelDuration(Duration cancelDuration) {
        this.cancelDuration = Objects.requireNonNull(cancelDuration);
        return this;
    }

    /**
     * The import's {@code failOnError}: with false, a failure ({@link Tasks#fail(String, String)}, {@link #failAfter})
     * is counted in {@code errorCount} and the import goes on, as the service skips the data that caused it.
     */
    public NewTask failOnError(boolean failOnError) {
        requireImport("failOnError");
        this.failOnError = failOnError;
        return this;
    }

    private void requireImport(String what) {
        if (kind != TaskKind.IMPORT) {
            throw new IllegalStateException(what + " applies to import tasks only");
        }
    }

    boolean skipsErrors() {
        return kind == TaskKind.IMPORT && Boolean.FALSE.equals(failOnError);
    }
}
