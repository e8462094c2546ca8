package dev.camelneptune.graph;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.TypeConverter;
import software.amazon.awssdk.services.neptunegraph.model.ExportFormat;
import software.amazon.awssdk.services.neptunegraph.model.Format;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskRequest;

/**
 * The rules an input must follow before any request leaves: each failure names the option (and its header) and the
 * rule, and never echoes a credential.
 */
final class NeptuneGraphInputRules {

    static final Pattern TASK_ID = Pattern.compile("t-[a-z0-9]{10}");
    static final Pattern GRAPH_ID = Pattern.compile("g-[a-z0-9]{10}");

    private NeptuneGraphInputRules() {
    }

    /**
     * The operation named by the {@code operation} option or the {@code CamelNeptuneGraphOperation} header, read
     * through Camel's type converter.
     */
    static NeptuneGraphOperations operation(TypeConverter converter, Object value, String from) {
        NeptuneGraphOperations operation = converter.tryConvertTo(NeptuneGraphOperations.class, value);
        if (operation == null) {
            throw new IllegalArgumentException(
                    "Unknown operation '" + value + "' in " + from
                                               + ": operation must be one of "
                                               + Arrays.toString(NeptuneGraphOperations.values()));
        }
        return operation;
    }

    /** Checks the URI options that are set, when the endpoint is created. */
    static void checkOptions(NeptuneGraphConfiguration configuration) {
        if (configuration.getTaskIdentifier() != null) {
            matches("taskIdentifier", NeptuneGraphConstants.TASK_IDENTIFIER, configuration.getTaskIdentifier(), TASK_ID);
        }
        if (configuration.getGraphIdentifier() != null) {
            matches("graphIdentifier", NeptuneGraphConstants.GRAPH_IDENTIFIER, configuration.getGraphIdentifier(), GRAPH_ID);
        }
        maxResults(configuration.getMaxResults());
        positive("waitPollInterval", configuration.getWaitPollInterval());
        positive("waitTimeout", configuration.getWaitTimeout());
    }

    static String taskIdentifier(String value, NeptuneGraphOperations operation) {
        return matches("taskIdentifier", NeptuneGraphConstants.TASK_IDENTIFIER,
                required("taskIdentifier", NeptuneGraphConstants.TASK_IDENTIFIER, value, operation), TASK_ID);
    }

    static String graphIdentifier(String value, NeptuneGraphOperations operation) {
        return matches("graphIdentifier", NeptuneGraphConstants.GRAPH_IDENTIFIER,
                required("graphIdentifier", NeptuneGraphConstants.GRAPH_IDENTIFIER, value, operation), GRAPH_ID);
    }

    /** An optional graph identifier, e.g. the filter of listExportTasks. */
    static String graphFilter(String value) {
        return value == null ? null : matches("graphIdentifier", NeptuneGraphConstants.GRAPH_IDENTIFIER, value, GRAPH_ID);
    }

    static Integer maxResults(Integer value) {
        if (value != null && (value < 1 || value > 100)) {
            throw new IllegalArgumentException(
                    "maxResults (header " + NeptuneGraphConstants.MAX_RESULTS
                                               + " or option maxResults) is " + value + ": it must be between 1 and 100");
        }
        return value;
    }

    static void startImportTask(StartImportTaskRequest request, NeptuneGraphOperations operation) {
        graphIdentifier(request.graphIdentifier(), operation);
        required("source", NeptuneGraphConstants.SOURCE, request.source(), operation);
        required("roleArn", NeptuneGraphConstants.ROLE_ARN, request.roleArn(), operation);
        if (request.format() == Format.UNKNOWN_TO_SDK_VERSION) {
            throw unknownFormat(request.formatAsString(), Format.knownValues());
        }
    }

    static void startExportTask(StartExportTaskRequest request, NeptuneGraphOperations operation) {
        graphIdentifier(request.graphIdentifier(), operation);
        required("roleArn", NeptuneGraphConstants.ROLE_ARN, request.roleArn(), operation);
        required("format", NeptuneGraphConstants.FORMAT, request.formatAsString(), operation);
        required("destination", NeptuneGraphConstants.DESTINATION, request.destination(), operation);
        required("kmsKeyIdentifier", NeptuneGraphConstants.KMS_KEY_IDENTIFIER, request.kmsKeyIdentifier(), operation);
        if (request.format() == ExportFormat.UNKNOWN_TO_SDK_VERSION) {
            throw unknownFormat(request.formatAsString(), ExportFormat.knownValues());
        }
    }

    private static IllegalArgumentException unknownFormat(String format, Set<?> known) {
        return new IllegalArgumentException(
                "format (header " + NeptuneGraphConstants.FORMAT + " or option format) is '"
                                            + format + "': it must be one of " + known);
    }

    static String required(String option, String header, String value, NeptuneGraphOperations operation) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    option + " is required for operation " + operation + ": set the header "
                                               + header + " or the option " + option);
        }
        return value;
    }

    private static String matches(String option, String header, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    option + " (header " + header + " or option " + option + ") is '" + value
                                               + "': it must match " + pattern.pattern());
        }
        return value;
    }

    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " is " + millis + " ms: it must be greater than 0");
        }
    }
}
