package dev.camelneptune.local.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.ApiError;

/**
 * The constraints of the NeptuneGraph service model (neptune-graph 2023-11-29) that the task API checks, with the
 * service's {@code ValidationException} wording ({@code 1 validation error detected: Value 'x' at 'member' failed to
 * satisfy constraint: Member must ...}). Each pattern and enum names the model shape it comes from.
 */
final class ModelRules {

    /** {@code TaskId}, {@code ExportTaskId}. */
    static final Pattern TASK_ID = Pattern.compile("t-[a-z0-9]{10}");
    /** {@code GraphId}, {@code GraphIdentifier}. */
    static final Pattern GRAPH_ID = Pattern.compile("g-[a-z0-9]{10}");
    /** {@code GraphName}, length 1..63. */
    static final Pattern GRAPH_NAME = Pattern.compile("(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** {@code RoleArn}. */
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[^:]*:iam::\\d{12}:(role|role/service-role)/[\\w+=,.@-]*");
    /** {@code KmsKeyArn}, length 1..1024. */
    static final Pattern KMS_KEY_ARN
            = Pattern.compile("arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}");
    /** {@code TagKey}, length 1..128. */
    static final Pattern TAG_KEY = Pattern.compile("(?!aws:)[a-zA-Z+-=._:/]+");
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
            "SNAPSHOTTING", "FAILED", "IMPORTING");

    private ModelRules() {
    }

    // ------------------------------------------------------------------ members of a JSON body

    /** A string member; null when absent and not required. */
    static String string(JsonNode body, String path, String member, boolean required) throws ApiError {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                throw missing(path + member);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(path + member, node, "be a string");
        }
        return node.textValue();
    }

    static String string(JsonNode body, String member, boolean required) throws ApiError {
        return string(body, "", member, required);
    }

    /** A string member of {@code min..max} characters. */
    static String string(JsonNode body, String path, String member, boolean required, int min, int max) throws ApiError {
        String value = string(body, path, member, required);
        if (value != null) {
            length(path + member, value, min, max);
        }
        return value;
    }

    static String pattern(JsonNode body, String member, Pattern pattern, boolean required) throws ApiError {
        String value = string(body, member, required);
        if (value != null) {
            pattern(member, value, pattern);
        }
        return value;
    }

    static String oneOf(JsonNode body, String path, String member, List<String> allowed, boolean required)
            throws ApiError {
        String value = string(body, path, member, required);
        if (value != null && !allowed.contains(value)) {
            throw invalid(path + member, value, "satisfy enum value set: " + allowed);
        }
        return value;
    }

    static String oneOf(JsonNode body, String member, List<String> allowed, boolean required) throws ApiError {
        return oneOf(body, "", member, allowed, required);
    }

    static Boolean bool(JsonNode body, String path, String member) throws ApiError {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalid(path + member, node, "be a boolean");
        }
        return node.booleanValue();
    }

    static Integer integer(JsonNode body, String member, int min, int max) throws ApiError {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw invalid(member, node, "be an integer");
        }
        int value = node.intValue();
        if (value < min) {
            throw invalid(member, value, "have value greater than or equal to " + min);
        }
        if (value > max) {
            throw invalid(member, value, "have value less than or equal to " + max);
        }
        return value;
    }

    /** An object member, or null when absent. */
    static JsonNode object(JsonNode body, String path, String member) throws ApiError {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(path + member, node, "be an object");
        }
        return node;
    }

    // ------------------------------------------------------------------ structures

    /**
     * {@code ImportOptions}: a union whose one member is {@code neptune} ({@code NeptuneImportOptions}: {@code
     * s3ExportPath} and {@code s3ExportKmsKeyId} required, 1..1024 characters; {@code preserveDefaultVertexLabels},
     * {@code preserveEdgeIds} booleans).
     */
    static JsonNode importOptions(JsonNode body) throws ApiError {
        JsonNode options = object(body, "", "importOptions");
        if (options == null) {
            return null;
        }
        if (options.size() != 1 || !options.has("neptune")) {
            throw invalid("importOptions", options, "set exactly one member of the union: [neptune]");
        }
        JsonNode neptune = object(options, "importOptions.", "neptune");
        if (neptune == null) {
            throw missing("importOptions.neptune");
        }
        String path = "importOptions.neptune.";
        string(neptune, path, "s3ExportPath", true, 1, 1024);
        string(neptune, path, "s3ExportKmsKeyId", true, 1, 1024);
        bool(neptune, path, "preserveDefaultVertexLabels");
        bool(neptune, path, "preserveEdgeIds");
        return options.deepCopy();
    }

    /**
     * {@code ExportFilter}: {@code vertexFilter} and {@code edgeFilter}, each a map from a label (1..128 characters) to
     * {@code {"properties": {name: {"outputType", "sourcePropertyName", "multiValueHandling"}}}}.
     */
    static JsonNode exportFilter(JsonNode body) throws ApiError {
        JsonNode filter = object(body, "", "exportFilter");
        if (filter == null) {
            return null;
        }
        for (String side : List.of("vertexFilter", "edgeFilter")) {
            JsonNode perLabel = object(filter, "exportFilter.", side);
            if (perLabel == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> label : perLabel.properties()) {
                String labelPath = "exportFilter." + side + "." + label.getKey();
                length(labelPath, label.getKey(), 1, 128);
                if (!label.getValue().isObject()) {
                    throw invalid(labelPath, label.getValue(), "be an object");
                }
                JsonNode properties = object(label.getValue(), labelPath + ".", "properties");
                if (properties == null) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    String propertyPath = labelPath + ".properties." + property.getKey();
                    length(propertyPath, property.getKey(), 1, 128);
                    pattern(propertyPath, property.getKey(), EXPORT_PROPERTY_NAME);
                    JsonNode attributes = property.getValue();
                    if (!attributes.isObject()) {
                        throw invalid(propertyPath, attributes, "be an object");
                    }
                    String outputType = string(attributes, propertyPath + ".", "outputType", false);
                    if (outputType != null) {
                        pattern(propertyPath + ".outputType", outputType, EXPORT_OUTPUT_TYPE);
                    }
                    string(attributes, propertyPath + ".", "sourcePropertyName", false, 1, 128);
                    oneOf(attributes, propertyPath + ".", "multiValueHandling", MULTI_VALUE_HANDLING, false);
                }
            }
        }
        return filter.deepCopy();
    }

    /** {@code TagMap}: at most 50 tags, keys {@link #TAG_KEY} of 1..128 characters, values 0..256 characters. */
    static Map<String, String> tags(JsonNode body) throws ApiError {
        JsonNode tags = object(body, "", "tags");
        if (tags == null) {
            return Map.of();
        }
        if (tags.size() > 50) {
            throw invalid("tags", tags.size() + " tags", "have length less than or equal to 50");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> tag : tags.properties()) {
            length("tags", tag.getKey(), 1, 128);
            pattern("tags", tag.getKey(), TAG_KEY);
            if (!tag.getValue().isTextual()) {
                throw invalid("tags." + tag.getKey(), tag.getValue(), "be a string");
            }
            length("tags." + tag.getKey(), tag.getValue().textValue(), 0, 256);
            result.put(tag.getKey(), tag.getValue().textValue());
        }
        return result;
    }

    // ------------------------------------------------------------------ single values

    static void pattern(String member, String value, Pattern pattern) throws ApiError {
        if (!pattern.matcher(value).matches()) {
            throw invalid(member, value, "satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    static void length(String member, String value, int min, int max) throws ApiError {
        if (value.length() < min) {
            throw invalid(member, value, "have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw invalid(member, value, "have length less than or equal to " + max);
        }
    }

    static ApiError missing(String member) {
        return validation("1 validation error detected: Value null at '" + member
                          + "' failed to satisfy constraint: Member must not be null");
    }

    static ApiError invalid(String member, Object value, String constraint) {
        String shown = value instanceof JsonNode node && node.isTextual() ? node.textValue() : String.valueOf(value);
        return validation("1 validation error detected: Value '" + shown + "' at '" + member
                          + "' failed to satisfy constraint: Member must " + constraint);
    }

    static ApiError validation(String message) {
        return new ApiError(400, "ValidationException", message);
    }
}
