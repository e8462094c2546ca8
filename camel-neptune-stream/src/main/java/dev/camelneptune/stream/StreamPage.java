package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One response of the stream: its records, in stream order, as the SDK returned them, and where each sits. The
 * component's page parser reads the positions as it parses, on the thread that fetches pages; after the SDK's
 * unmarshaller ({@code streamingParser=false}) a record's position is read from its eventId when asked for, on the
 * thread that hands the record to the route, as the thread that reads pages then has the SDK's parsing to do.
 *
 * @param <R> the SDK record type
 */
final class StreamPage<R> {

    private final List<R> records;
    private final List<StreamPosition> positions;
    private final Function<R, Map<String, String>> eventId;

    /**
     * @param positions the records' positions if the page's parser read them (same size as {@code records}), else null
     *                  and each is read from the record's eventId when asked for
     */
    StreamPage(List<R> records, List<StreamPosition> positions, Function<R, Map<String, String>> eventId) {
        this.records = records;
        this.positions = positions != null && positions.size() == records.size() ? positions : null;
        this.eventId = eventId;
    }

    List<R> records() {
        return records;
    }

    int size() {
        return records.size();
    }

    R record(int index) {
        return records.get(index);
    }

    StreamPosition position(int index) {
        return positions != null ? positions.get(index) : EventIds.position(eventId.apply(records.get(index)));
    }

    StreamPosition last() {
        return position(records.size() - 1);
    }
}
