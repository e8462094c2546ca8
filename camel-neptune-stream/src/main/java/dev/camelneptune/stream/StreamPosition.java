package dev.camelneptune.stream;

import java.util.Map;

/**
 * A record's place in a Neptune stream: {@code commitNum} and {@code opNum}. Stored in the offset repository as
 * {@code commitNum:opNum}, e.g. {@code 1207:3}.
 */
public record StreamPosition(long commitNum, long opNum) {

    /** Parses the stored form {@code commitNum:opNum}. */
    public static StreamPosition parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a stream position is commitNum:opNum, e.g. 1207:3, not " + value);
        }
        try {
            return new StreamPosition(
                    Long.parseLong(value.substring(0, colon).trim()),
                    Long.parseLong(value.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a stream position is commitNum:opNum, e.g. 1207:3, not " + value, e);
        }
    }

    /** Reads a record's {@code eventId}, which the SDK types as a map of strings ({@code commitNum}, {@code opNum}). */
    public static StreamPosition of(Map<String, String> eventId) {
        return new StreamPosition(Long.parseLong(eventId.get("commitNum")), Long.parseLong(eventId.get("opNum")));
    }

    @Override
    public String toString() {
        return commitNum + ":" + opNum;
    }
}
