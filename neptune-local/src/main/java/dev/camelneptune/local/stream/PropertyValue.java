package dev.camelneptune.local.stream;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

/** How a property value appears in a record: {@code "value":{"value":...,"dataType":"..."}}. */
final class PropertyValue {

    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString DATA_TYPE = new SerializedString("dataType");

    private PropertyValue() {
    }

    /** Writes {@code {"value":v,"dataType":"T"}} for a supported Java value. */
    static void write(JsonGenerator out, Object value) throws IOException {
        String dataType = dataType(value);
        out.writeStartObject();
        out.writeFieldName(VALUE);
        if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Float f) {
            out.writeNumber(f);
        } else {
            out.writeNumber(((Number) value).longValue());
        }
        out.writeFieldName(DATA_TYPE);
        out.writeString(dataType);
        out.writeEndObject();
    }

    /** Refuses a value no record can carry (see {@link #dataType}). */
    static void check(Object value) {
        dataType(value);
    }

    /** The record's {@code dataType} of a supported Java value; anything else is refused before anything is written. */
    static String dataType(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            return value.getClass().getSimpleName();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a property value must be finite: " + value);
            }
            return value.getClass().getSimpleName();
        }
        throw new IllegalArgumentException(
                "unsupported property value type "
                                           + (value == null ? "null" : value.getClass().getName())
                                           + ": use String, Boolean, Byte, Short, Integer, Long, Float or Double");
    }
}
