package dev.camelneptune.stream;

import java.util.Map;

/** The SDK types a record's {@code eventId} as a map of strings; this reads it as a position. */
final class EventIds {

    private EventIds() {
    }

    static StreamPosition position(Map<String, String> eventId) {
        return new StreamPosition(Long.parseLong(eventId.get("commitNum")), Long.parseLong(eventId.get("opNum")));
    }
}
