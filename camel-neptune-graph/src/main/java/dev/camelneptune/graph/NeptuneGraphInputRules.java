package dev.camelneptune.graph;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The rules an input must follow before any request leaves: each failure names the option (and its header) and the
 * rule, and never echoes a credential.
 */
final class NeptuneGraphInputRules {

    static final Pattern TASK_ID = Pattern.compile("t-[a-z0-9]{10}");
    static final Pattern GRAPH_ID = Pattern.compile("g-[a-z0-9]{10}");

    private NeptuneGraphInputRules() {
    }

    /** The operation named by the {@code operation} option or the {@code CamelNeptuneGraphOperation} header. */
    static NeptuneGraphOperations operation(Object value, String from) {
        if (value instanceof NeptuneGraphOperations operation) {
            return operation;
        }
        for (NeptuneGraphOperations operation : NeptuneGraphOperations.values()) {
            if (operation.name().equals(String.valueOf(value))) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + value + "' in " + from + ": operation must be one of "
                + Arrays.toString(NeptuneGraphOperations.values()));
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
            throw new IllegalArgumentException("maxResults (header " + NeptuneGraphConstants.MAX_RESULTS
                    + " or option maxResults) is " + value + ": it must be between 1 and 100");
        }
        return value;
    }

    static String required(String option, String header, String value, NeptuneGraphOperations operation) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required for operation " + operation + ": set the header "
                    + header + " or the option " + option);
        }
        return value;
    }

    private static String matches(String option, String header, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(option + " (header " + header + " or option " + option + ") is '" + value
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
