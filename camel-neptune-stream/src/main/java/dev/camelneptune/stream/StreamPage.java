package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One response of the stream: its records, in stream order, as the SDK returned them, and where each sits. A record's
 * position is read from its eventId when asked for, on the thread that hands the record to the route: with prefetch,
 * the thread that reads pages has the SDK's parsing to do and is the busier one.
 *
 * @param <R> the SDK record type
 */
final class StreamPage<R> {

    private final List<R> records;
    private final Function<R, Map<String, String>> eventId;

    StreamPage(List<R> records, Function<R, Map<String, String>> eventId) {
        this.records = records;
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
        return EventIds.position(eventId.apply(records.get(index)));
    }

    StreamPosition last() {
        return position(records.size() - 1);
    }
}
