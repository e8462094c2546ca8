package dev.camelneptune.local.tasks;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to create through {@link TaskApi#create(NewTask)}: every field has a sensible default, so a test sets only what
 * it cares about.
 *
 * <pre>
 * String id = neptune.tasks().create(NewTask.importTask().graph("g-0123456789")
 *         .phases(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10)));
 * </pre>
 */
public final class NewTask {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    final TaskKind kind;
    String taskId = randomId("t-");
    String graphId = randomId("g-");
    String roleArn = "arn:aws:iam::123456789012:role/NeptuneLocal";
    String format;
    String location;
    String kmsKeyIdentifier;
    String parquetType;
    List<Duration> phases;
    Duration failAfter;
    String failureReason;
    Duration cancelDuration = Duration.ofSeconds(5);

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
            kmsKeyIdentifier = "arn:aws:kms:us-east-1:123456789012:key/neptune-local";
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
            throw new IllegalArgumentException(kind + " tasks have " + kind.phases().size() + " phases "
                    + kind.phases() + ", got " + durations.length + " durations");
        }
        this.phases = List.of(durations);
        return this;
    }

    /** The task ends FAILED with {@code reason} this long after it starts, unless it ended before. */
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
}
