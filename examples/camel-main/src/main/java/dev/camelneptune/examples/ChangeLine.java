package dev.camelneptune.examples;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;

/**
 * Turns one Neptune Streams change record into one readable line, such as {@code #3.1 ADD vertex v1 :person} or
 * {@code #3.2 ADD vertex v1 {name: alice}}.
 * <p>
 * It reads the record through its JSON form (the wire format's field names), which the {@code neptune-stream} consumer
 * promises for its message body, so it works whatever Java type carries the record.
 */
public class ChangeLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String format(@Body String recordJson) {
        JsonNode record;
        try {
            record = JSON.readTree(recordJson);
        } catch (Exception e) {
            return "unreadable change record: " + recordJson;
        }
        JsonNode eventId = record.path("eventId");
        JsonNode data = record.path("data");
        String position = "#" + eventId.path("commitNum").asText("?") + "." + eventId.path("opNum").asText("?");
        String op = record.path("op").asText("?");
        return position + " " + op + " " + describe(data);
    }

    static String describe(JsonNode data) {
        if (data.has("stmt")) {
            // SPARQL stream: the change is one N-Quads statement
            return "quad " + data.path("stmt").asText().trim();
        }
        String id = data.path("id").asText("?");
        String key = data.path("key").asText("");
        String value = valueOf(data.path("value"));
        return switch (data.path("type").asText("")) {
            case "vl" -> "vertex " + id + " :" + value;
            case "vp" -> "vertex " + id + " {" + key + ": " + value + "}";
            case "e" -> "edge " + id + " (" + data.path("from").asText("?") + ")-[:" + labelOf(key, value) + "]->("
                        + data.path("to").asText("?") + ")";
            case "ep" -> "edge " + id + " {" + key + ": " + value + "}";
            default -> data.toString();
        };
    }

    /** An edge record carries its label in {@code value} (and {@code key} is "label"). */
    private static String labelOf(String key, String value) {
        return value.isEmpty() || "null".equals(value) ? key : value;
    }

    /** The wire format wraps a value as {@code {"value": ..., "dataType": ...}}; print the bare value. */
    private static String valueOf(JsonNode value) {
        JsonNode bare = value.isObject() && value.has("value") ? value.get("value") : value;
        if (bare.isMissingNode() || bare.isNull()) {
            return "";
        }
        if (bare.isValueNode()) {
            return bare.asText();
        }
        if (bare.isObject()) {
            StringBuilder sb = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = bare.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                sb.append(sb.length() == 0 ? "" : ", ").append(field.getKey()).append('=').append(valueOf(field.getValue()));
            }
            return sb.toString();
        }
        return bare.toString();
    }
}
