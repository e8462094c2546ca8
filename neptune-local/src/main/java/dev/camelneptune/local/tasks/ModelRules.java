package dev.camelneptune.local.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.ApiError;

/**
 * The constraints of the NeptuneGraph service model (neptune-graph 2023-11-29) that the task API checks, in the
 * service's {@code ValidationException} wording: every violation of a request is listed, as the service lists them
 * ({@code 2 validation errors detected: Value 'x' at 'member' failed to satisfy constraint: Member must ...; Value null
 * at 'other' failed to satisfy constraint: Member must not be null}). Each pattern and enum names the model shape it
 * comes from.
 */
final class ModelRules {

    /** {@code TaskId}, {@code ExportTaskId}. */
    static final Pattern TASK_ID = Pattern.compile("t-[a-z0-9]{10}");
    /** {@code GraphId}, {@code GraphIdentifier}. */
    static final Pattern GRAPH_ID = Pattern.compile("g-[a-z0-9]{10}");
    /** {@code GraphName}, length 1..63. */
    static final Pattern GRAPH_NAME = Pattern.compile("(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** {@code RoleArn}: a role name, after an optional IAM path, of at least one character. */
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[^:]*:iam::\\d{12}:(role|role/service-role)(/[\\w+=,.@-]+)+");
    /** {@code KmsKeyArn}, length 1..1024: any partition. */
    static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[^:]*:kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}");
    /** {@code TagKey}, length 1..128. */
    static final Pattern TAG_KEY = Pattern.compile("[a-zA-Z+-=._:/]+");
    /** {@code ExportFilterOutputPropertyName}, length 1..128. */
    static final Pattern EXPORT_PROPERTY_NAME = Pattern.compile("[a-zA-Z0-9_]+");
    /** {@code ExportFilterOutputDataType}. */
    static final Pattern EXPORT_OUTPUT_TYPE = Pattern.compile(
            "(Any|Byte|Short|Int|Long|Float|Double|String|Bool|Boolean|Float\\[\\]|Double\\[\\])");

    /** {@code Format}. */
    static final List<String> FORMATS = List.of("CSV", "OPEN_CYPHER", "PARQUET", "NTRIPLES");
    /** {@code ExportFormat}. */
    static final List<String> EXPORT_FORMATS = List.of("PARQUET", "CSV");
    /** {@code ParquetType}. */
    static final List<String> PARQUET_TYPES = List.of("COLUMNAR");
    /** {@code BlankNodeHandling}. */
    static final List<String> BLANK_NODE_HANDLING = List.of("convertToIri");
    /** {@code MultiValueHandlingType}. */
    static final List<String> MULTI_VALUE_HANDLING = List.of("TO_LIST", "PICK_FIRST");
    /** {@code GraphStatus}. */
    static final List<String> GRAPH_STATUSES = List.of("CREATING", "AVAILABLE", "DELETING", "RESETTING", "UPDATING",
            "SNAPSHOTTING", "FAILED", "IMPORTING", "STARTING", "STOPPING", "STOPPED");

    private ModelRules() {
    }

    /**
     * The violations found in one request, reported together, as the service reports them, by {@link #check()}. Each
     * check below adds what it finds and returns null (or false) for a value that is absent or invalid, so a request is
     * read whole before it is refused.
     */
    static final class Violations {

        private final List<String> found = new ArrayList<>();

        void missing(String member) {
            found.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }

        void invalid(String member, Object value, String constraint) {
            String shown = value instanceof JsonNode node && node.isTextual() ? node.textValue() : String.valueOf(value);
            found.add("Value '" + shown + "' at '" + member + "' failed to satisfy constraint: Member must " + constraint);
        }

        /** 400 {@code ValidationException} listing every violation, if there is any. */
        void check() throws ApiError {
            if (!found.isEmpty()) {
                throw validation(found.size() + (found.size() == 1 ? " validation error" : " validation errors")
                                 + " detected: " + String.join("; ", found));
            }
        }
    }

    // ------------------------------------------------------------------ members of a JSON body

    /** A string member; null when absent or not a string. */
    static String string(Violations v, JsonNode body, String path, String member, boolean required) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                v.missing(path + member);
            }
            return null;
        }
        if (!node.isTextual()) {
            v.invalid(path + member, node, "be a string");
            return null;
        }
        return node.textValue();
    }

    /** A string member of {@code min..max} characters; null when absent or invalid. */
    static String string(Violations v, JsonNode body, String path, String member, boolean required, int min, int max) {
        String value = string(v, body, path, member, required);
        return value != null && length(v, path + member, value, min, max) ? value : null;
    }

    /** A string member matching {@code pattern}; null when absent or invalid. */
    static String pattern(Violations v, JsonNode body, String member, Pattern pattern, boolean required) {
        String value = string(v, body, "", member, required);
        return value != null && pattern(v, member, value, pattern) ? value : null;
    }

    /** A string member that is one of {@code allowed}; null when absent or invalid. */
    static String oneOf(
            Violations v, JsonNode body, String path, String member, List<String> allowed,
            boolean required) {
        String value = string(v, body, path, member, required);
        if (value != null && !allowed.contains(value)) {
            v.invalid(path + member, value, "satisfy enum value set: " + allowed);
            return null;
        }
        return value;
    }

    static Boolean bool(Violations v, JsonNode body, String path, String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            v.invalid(path + member, node, "be a boolean");
            return null;
        }
        return node.booleanValue();
    }

    /** An integer member in {@code min..max}; null when absent or invalid. */
    static Integer integer(Violations v, JsonNode body, String path, String member, int min, int max, boolean required) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                v.missing(path + member);
            }
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            v.invalid(path + member, node, "be an integer");
            return null;
        }
        return range(v, path + member, node.intValue(), min, max) ? node.intValue() : null;
    }

    /** An object member, or null when absent or not an object. */
    static JsonNode object(Violations v, JsonNode body, String path, String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            v.invalid(path + member, node, "be an object");
            return null;
        }
        return node;
    }

    // ------------------------------------------------------------------ structures

    /**
     * {@code ImportOptions}: a union whose one member is {@code neptune} ({@code NeptuneImportOptions}: {@code
     * s3ExportPath} and {@code s3ExportKmsKeyId} required, 1..1024 characters; {@code preserveDefaultVertexLabels},
     * {@code preserveEdgeIds} booleans).
     */
    static JsonNode importOptions(Violations v, JsonNode body) {
        JsonNode options = object(v, body, "", "importOptions");
        if (options == null) {
            return null;
        }
        if (options.size() != 1 || !options.has("neptune")) {
            v.invalid("importOptions", options, "set exactly one member of the union: [neptune]");
            return null;
        }
        JsonNode neptune = object(v, options, "importOptions.", "neptune");
        if (neptune == null) {
            if (options.get("neptune").isNull()) {
                v.missing("importOptions.neptune");
            }
            return null;
        }
        String path = "importOptions.neptune.";
        string(v, neptune, path, "s3ExportPath", true, 1, 1024);
        string(v, neptune, path, "s3ExportKmsKeyId", true, 1, 1024);
        bool(v, neptune, path, "preserveDefaultVertexLabels");
        bool(v, neptune, path, "preserveEdgeIds");
        return options.deepCopy();
    }

    /** {@code VectorSearchConfiguration}: {@code dimension} required, a {@code VectorSearchDimension} of 1..65536. */
    static Integer vectorSearchDimension(Violations v, JsonNode body) {
        JsonNode configuration = object(v, body, "", "vectorSearchConfiguration");
        if (configuration == null) {
            return null;
        }
        return integer(v, configuration, "vectorSearchConfiguration.", "dimension", 1, 65536, true);
    }

    /**
     * {@code ExportFilter}: {@code vertexFilter} and {@code edgeFilter}, each a map from a label (1..128 characters) to
     * {@code {"properties": {name: {"outputType", "sourcePropertyName", "multiValueHandling"}}}}.
     */
    static JsonNode exportFilter(Violations v, JsonNode body) {
        JsonNode filter = object(v, body, "", "exportFilter");
        if (filter == null) {
            return null;
        }
        for (String side : List.of("vertexFilter", "edgeFilter")) {
            JsonNode perLabel = object(v, filter, "exportFilter.", side);
            if (perLabel == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> label : perLabel.properties()) {
                String labelPath = "exportFilter." + side + "." + label.getKey();
                length(v, labelPath, label.getKey(), 1, 128);
                if (!label.getValue().isObject()) {
                    v.invalid(labelPath, label.getValue(), "be an object");
                    continue;
                }
                JsonNode properties = object(v, label.getValue(), labelPath + ".", "properties");
                if (properties == null) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    String propertyPath = labelPath + ".properties." + property.getKey();
                    if (length(v, propertyPath, property.getKey(), 1, 128)) {
                        pattern(v, propertyPath, property.getKey(), EXPORT_PROPERTY_NAME);
                    }
                    JsonNode attributes = property.getValue();
                    if (!attributes.isObject()) {
                        v.invalid(propertyPath, attributes, "be an object");
                        continue;
                    }
                    String outputType = string(v, attributes, propertyPath + ".", "outputType", false);
                    if (outputType != null) {
                        pattern(v, propertyPath + ".outputType", outputType, EXPORT_OUTPUT_TYPE);
                    }
                    string(v, attributes, propertyPath + ".", "sourcePropertyName", false, 1, 128);
                    oneOf(v, attributes, propertyPath + ".", "multiValueHandling", MULTI_VALUE_HANDLING, false);
                }
            }
        }
        return filter.deepCopy();
    }

    /** {@code TagMap}: at most 50 tags, keys {@link #TAG_KEY} of 1..128 characters, values 0..256 characters. */
    static Map<String, String> tags(Violations v, JsonNode body) {
        JsonNode tags = object(v, body, "", "tags");
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > 50) {
            v.invalid("tags", tags.size() + " tags", "have length less than or equal to 50");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> tag : tags.properties()) {
            if (length(v, "tags", tag.getKey(), 1, 128)) {
                pattern(v, "tags", tag.getKey(), TAG_KEY);
            }
            if (!tag.getValue().isTextual()) {
                v.invalid("tags." + tag.getKey(), tag.getValue(), "be a string");
            } else if (length(v, "tags." + tag.getKey(), tag.getValue().textValue(), 0, 256)) {
                result.put(tag.getKey(), tag.getValue().textValue());
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ single values

    /** Whether {@code value} matches {@code pattern}; a violation if not. */
    static boolean pattern(Violations v, String member, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            v.invalid(member, value, "satisfy regular expression pattern: " + pattern.pattern());
            return false;
        }
        return true;
    }

    /** Whether {@code value} has {@code min..max} characters; a violation if not. */
    static boolean length(Violations v, String member, String value, int min, int max) {
        if (value.length() < min) {
            v.invalid(member, value, "have length greater than or equal to " + min);
            return false;
        }
        if (value.length() > max) {
            v.invalid(member, value, "have length less than or equal to " + max);
            return false;
        }
        return true;
    }

    /** Whether {@code value} is in {@code min..max}; a violation if not. */
    static boolean range(Violations v, String member, long value, long min, long max) {
        if (value < min) {
            v.invalid(member, value, "have value greater than or equal to " + min);
            return false;
        }
        if (value > max) {
            v.invalid(member, value, "have value less than or equal to " + max);
            return false;
        }
        return true;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message);
    }
}
