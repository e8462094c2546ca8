package dev.camelneptune.local.stream;

/** How a property value appears in a record: {@code "value":{"value":...,"dataType":"..."}}. */
final class PropertyValue {

    private PropertyValue() {
    }

    /** Writes {@code {"value":v,"dataType":"T"}} for a supported Java value. */
    static void write(WireBuffer out, Object value) {
        out.ascii("{\"value\":");
        if (value instanceof String s) {
            out.string(s).ascii(",\"dataType\":\"String\"}");
        } else if (value instanceof Boolean b) {
            out.ascii(b.toString()).ascii(",\"dataType\":\"Boolean\"}");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a property value must be finite: " + value);
            }
            out.ascii(value.toString()).ascii(",\"dataType\":\"").ascii(value.getClass().getSimpleName()).ascii("\"}");
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.ascii(value.toString()).ascii(",\"dataType\":\"").ascii(value.getClass().getSimpleName()).ascii("\"}");
        } else {
            throw new IllegalArgumentException("unsupported property value type "
                                               + (value == null ? "null" : value.getClass().getName())
                                               + ": use String, Boolean, Byte, Short, Integer, Long, Float or Double");
        }
    }
}
