package dev.camelneptune.stream;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads one Neptune stream through the NeptunedataClient and knows its records: when a record was committed, whether it
 * ends its transaction, which element it changes and which headers it carries (where it sits in the stream is its
 * {@link StreamPage}'s to say). The consumer asks for pages and never looks inside a record itself. {@link StreamType}
 * makes one for each stream.
 *
 * @param <R> the SDK record type
 */
final class StreamReader<R> {

    private final Function<StreamRequest, StreamPage<R>> call;
    private final Function<R, Long> commitTimestamp;
    private final Function<R, String> op;
    private final Function<R, Boolean> isLastOp;
    private final BiConsumer<R, Map<String, Object>> dataHeaders;
    private final Function<R, String> elementKey;

    /**
     * @param call            one request to the stream, returning the page (its records in stream order)
     * @param commitTimestamp the record's commit time in ms (null if the record has none)
     * @param op              ADD or REMOVE
     * @param isLastOp        true on the last record of a transaction (null otherwise)
     * @param dataHeaders     puts the headers particular to the stream type (element id, statement...)
     * @param elementKey      what the record changes, for ordered lanes: the element id or the subject
     */
    StreamReader(Function<StreamRequest, StreamPage<R>> call, Function<R, Long> commitTimestamp, Function<R, String> op,
                 Function<R, Boolean> isLastOp,
                 BiConsumer<R, Map<String, Object>> dataHeaders, Function<R, String> elementKey) {
        this.call = call;
        this.commitTimestamp = commitTimestamp;
        this.op = op;
        this.isLastOp = isLastOp;
        this.dataHeaders = dataHeaders;
        this.elementKey = elementKey;
    }

    /**
     * Fetches one page, with its records' positions: never empty.
     *
     * @throws software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException when there is nothing at
     *                                                                                          or after the start
     * @throws software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException         when the start has been
     *                                                                                          trimmed
     */
    StreamPage<R> read(StreamRequest request) {
        return call.apply(request);
    }

    /** When the record's transaction was committed, in ms since the epoch; -1 if the record does not say. */
    long commitTimestamp(R record) {
        Long millis = commitTimestamp.apply(record);
        return millis != null ? millis : -1;
    }

    boolean isLastOp(R record) {
        return Boolean.TRUE.equals(isLastOp.apply(record));
    }

    /** The element (property graph) or subject (SPARQL) the record changes; null if it has no data. */
    String elementKey(R record) {
        return elementKey.apply(record);
    }

    /**
     * Puts the headers of the record at {@code position}: position, version, commit timestamp, op, isLastOp and the
     * type's own.
     *
     * @throws IllegalArgumentException when the position has no version ({@link StreamPosition#version(long, long)})
     */
    void putHeaders(R record, StreamPosition position, Map<String, Object> headers) {
        headers.put(NeptuneStreamConstants.COMMIT_NUM, position.commitNum());
        headers.put(NeptuneStreamConstants.OP_NUM, position.opNum());
        headers.put(NeptuneStreamConstants.VERSION, position.version());
        long millis = commitTimestamp(record);
        if (millis >= 0) {
            headers.put(NeptuneStreamConstants.COMMIT_TIMESTAMP, millis);
        }
        headers.put(NeptuneStreamConstants.OP, op.apply(record));
        headers.put(NeptuneStreamConstants.IS_LAST_OP, isLastOp(record));
        dataHeaders.accept(record, headers);
    }
}
