package dev.camelneptune.stream.change;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.camelneptune.stream.StreamRecords;
import org.apache.camel.Converter;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/**
 * Type conversions of element changes: a batch or transaction body ({@link StreamRecords}), or one record, to
 * {@link ElementChanges}; those to a JSON array; one {@link ElementChange} to its JSON or to a {@code Map} (the same
 * fields), so that routes without Java can {@code convertBodyTo} and bind the fields in SQL.
 */
@Converter(generateLoader = true)
public final class ElementChangeConverter {

    private static final JsonFactory JSON = new JsonFactory();

    private ElementChangeConverter() {
    }

    /** Folds a batch or transaction into one change per element. */
    @Converter
    public static ElementChanges toElementChanges(StreamRecords<?> records) {
        return ElementChanges.fold(records);
    }

    /** One record (one record at a time, or lanes) as the change it makes to its element. */
    @Converter
    public static ElementChanges toElementChanges(PropertygraphRecord record) {
        return ElementChanges.fold(List.of(record));
    }

    /** One record (one record at a time, or lanes) as the change it makes to its subject. */
    @Converter
    public static ElementChanges toElementChanges(SparqlRecord record) {
        return ElementChanges.fold(List.of(record));
    }

    /** A JSON array of the changes' JSON, in order. */
    @Converter
    public static String toJson(ElementChanges changes) {
        return json(json -> {
            json.writeStartArray();
            for (ElementChange change : changes) {
                write(json, change.toMap());
            }
            json.writeEndArray();
        });
    }

    /** The change's JSON: an object with the fields of {@link ElementChange#toMap()}. */
    @Converter
    public static String toJson(ElementChange change) {
        return json(json -> write(json, change.toMap()));
    }

    /** The change's fields, as {@link ElementChange#toMap()} names them. */
    @Converter
    public static Map<String, Object> toMap(ElementChange change) {
        return change.toMap();
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

    /** Writes the plain values of a change's map: maps, lists, strings, numbers, booleans, null. */
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }
}
