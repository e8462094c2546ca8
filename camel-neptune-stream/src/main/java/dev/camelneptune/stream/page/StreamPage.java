package dev.camelneptune.stream.page;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.camelneptune.stream.StreamPosition;

/**
 * One response of the stream: its records, in stream order, as the SDK returned them, and where each sits. The
 * component's page parser reads the positions as it parses, on the thread that fetches pages; after the SDK's
 * unmarshaller ({@code streamingParser=false}) a record's position is read from its eventId when asked for, on the
 * thread that hands the record to the route, as the thread that reads pages then has the SDK's parsing to do.
 *
 * @param <R> the SDK record type
 */
public final class StreamPage<R> {

    private final List<R> records;
    private final List<StreamPosition> positions;
    private final Function<R, Map<String, String>> eventId;

    /**
     * @param positions the records' positions if the page's parser read them (same size as {@code records}), else null
     *                  and each is read from the record's eventId when asked for
     */
    public StreamPage(List<R> records, List<StreamPosition> positions, Function<R, Map<String, String>> eventId) {
        this.records = records;
        this.positions = positions != null && positions.size() == records.size() ? positions : null;
        this.eventId = eventId;
    }

    public List<R> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    public R record(int index) {
        return records.get(index);
    }

    public StreamPosition position(int index) {
        return positions != null ? positions.get(index) : StreamPosition.of(eventId.apply(records.get(index)));
    }

    public StreamPosition last() {
        return position(records.size() - 1);
    }
}
