package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;

import org.apache.camel.Converter;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * Converts a stream record (the body of a neptune-stream exchange) to its JSON, with the wire format's field names:
 * {@code commitTimestamp}, {@code eventId {commitNum, opNum}}, {@code data}, {@code op}, {@code isLastOp}.
 */
@Converter(generateLoader = true)
public final class NeptuneStreamConverter {

    private NeptuneStreamConverter() {
    }

    @Converter
    public static String toJson(PropertygraphRecord record) {
        StringBuilder json = new StringBuilder(256);
        head(json, record.commitTimestampInMillis(), record.eventId());
        PropertygraphData data = record.data();
        if (data != null) {
            json.append(",\"data\":{");
            int start = json.length();
            field(json, start, "id", data.id());
            field(json, start, "type", data.type());
            field(json, start, "key", data.key());
            if (data.value() != null) {
                separate(json, start).append("\"value\":");
                document(json, data.value());
            }
            field(json, start, "from", data.from());
            field(json, start, "to", data.to());
            json.append('}');
        }
        return tail(json, record.op(), record.isLastOp());
    }

    @Converter
    public static String toJson(SparqlRecord record) {
        StringBuilder json = new StringBuilder(256);
        head(json, record.commitTimestampInMillis(), record.eventId());
        if (record.data() != null) {
            json.append(",\"data\":{\"stmt\":");
            string(json, record.data().stmt());
            json.append('}');
        }
        return tail(json, record.op(), record.isLastOp());
    }

    private static void head(StringBuilder json, Long commitTimestamp, Map<String, String> eventId) {
        StreamPosition position = EventIds.position(eventId);
        json.append("{\"commitTimestamp\":").append(commitTimestamp);
        json.append(",\"eventId\":{\"commitNum\":").append(position.commitNum())
                .append(",\"opNum\":").append(position.opNum()).append('}');
    }

    private static String tail(StringBuilder json, String op, Boolean isLastOp) {
        json.append(",\"op\":");
        string(json, op);
        if (Boolean.TRUE.equals(isLastOp)) {
            json.append(",\"isLastOp\":true");
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, int objectStart, String name, String value) {
        if (value != null) {
            separate(json, objectStart).append('"').append(name).append("\":");
            string(json, value);
        }
    }

    private static StringBuilder separate(StringBuilder json, int objectStart) {
        return json.length() > objectStart ? json.append(',') : json;
    }

    private static void document(StringBuilder json, Document document) {
        if (document.isNull()) {
            json.append("null");
        } else if (document.isString()) {
            string(json, document.asString());
        } else if (document.isNumber()) {
            json.append(document.asNumber().toString());
        } else if (document.isBoolean()) {
            json.append(document.asBoolean());
        } else if (document.isList()) {
            List<Document> list = document.asList();
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                document(json, list.get(i));
            }
            json.append(']');
        } else {
            json.append('{');
            int start = json.length();
            for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                separate(json, start);
                string(json, entry.getKey());
                json.append(':');
                document(json, entry.getValue());
            }
            json.append('}');
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
