package dev.camelneptune.stream;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.camel.Converter;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * Converts a stream record (the body of a neptune-stream exchange) to its JSON, with the wire format's field names:
 * {@code commitTimestamp}, {@code eventId {commitNum, opNum}}, {@code data}, {@code op}, {@code isLastOp}, plus the
 * record's {@code version} ({@link StreamPosition#version()}); and a batch or transaction body ({@link StreamRecords})
 * to a JSON array of them.
 */
@Converter(generateLoader = true)
public final class NeptuneStreamConverter {

    private static final JsonFactory JSON = new JsonFactory();

    private NeptuneStreamConverter() {
    }

    @Converter
    public static String toJson(PropertygraphRecord record) {
        return json(json -> write(json, record));
    }

    @Converter
    public static String toJson(SparqlRecord record) {
        return json(json -> write(json, record));
    }

    /** A batch or transaction body: a JSON array of the records' JSON, in stream order. */
    @Converter
    public static String toJson(StreamRecords<?> records) {
        return json(json -> {
            json.writeStartArray();
            for (Object record : records) {
                if (record instanceof PropertygraphRecord propertygraph) {
                    write(json, propertygraph);
                } else {
                    write(json, (SparqlRecord) record);
                }
            }
            json.writeEndArray();
        });
    }

    /** Writes JSON with Jackson's streaming generator. */
    private interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private static String json(Writer writer) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, PropertygraphRecord record) throws IOException {
        write(json, record.commitTimestampInMillis(), record.eventId(), record.op(), record.isLastOp(), () -> {
            PropertygraphData data = record.data();
            if (data != null) {
                json.writeObjectFieldStart("data");
                stringField(json, "id", data.id());
                stringField(json, "type", data.type());
                stringField(json, "key", data.key());
                if (data.value() != null) {
                    json.writeFieldName("value");
                    document(json, data.value());
                }
                stringField(json, "from", data.from());
                stringField(json, "to", data.to());
                json.writeEndObject();
            }
        });
    }

    private static void write(JsonGenerator json, SparqlRecord record) throws IOException {
        write(json, record.commitTimestampInMillis(), record.eventId(), record.op(), record.isLastOp(), () -> {
            if (record.data() != null) {
                json.writeObjectFieldStart("data");
                json.writeStringField("stmt", record.data().stmt());
                json.writeEndObject();
            }
        });
    }

    /** Writes the {@code data} field of a record. */
    private interface Data {
        void write() throws IOException;
    }

    private static void write(
            JsonGenerator json, Long commitTimestamp, Map<String, String> eventId, String op,
            Boolean isLastOp, Data data)
            throws IOException {
        StreamPosition position = StreamPosition.of(eventId);
        json.writeStartObject();
        json.writeFieldName("commitTimestamp");
        if (commitTimestamp != null) {
            json.writeNumber(commitTimestamp);
        } else {
            json.writeNull();
        }
        json.writeObjectFieldStart("eventId");
        json.writeNumberField("commitNum", position.commitNum());
        json.writeNumberField("opNum", position.opNum());
        json.writeEndObject();
        if (position.hasVersion()) {
            json.writeNumberField("version", position.version());
        }
        data.write();
        json.writeStringField("op", op);
        if (Boolean.TRUE.equals(isLastOp)) {
            json.writeBooleanField("isLastOp", true);
        }
        json.writeEndObject();
    }

    private static void stringField(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    /** A property value as the SDK holds it (a JSON document), written back as JSON. */
    private static void document(JsonGenerator json, Document document) throws IOException {
        if (document.isNull()) {
            json.writeNull();
        } else if (document.isString()) {
            json.writeString(document.asString());
        } else if (document.isNumber()) {
            json.writeNumber(document.asNumber().stringValue());
        } else if (document.isBoolean()) {
            json.writeBoolean(document.asBoolean());
        } else if (document.isList()) {
            json.writeStartArray();
            for (Document element : document.asList()) {
                document(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeStartObject();
            for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                json.writeFieldName(entry.getKey());
                document(json, entry.getValue());
            }
            json.writeEndObject();
        }
    }
}
