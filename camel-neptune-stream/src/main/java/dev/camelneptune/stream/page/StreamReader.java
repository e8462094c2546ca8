package dev.camelneptune.stream.page;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelneptune.stream.NeptuneErrors;
import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.StreamPosition;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

/**
 * Reads one Neptune stream through the NeptunedataClient and knows its records: when a record was committed, whether it
 * ends its transaction, which element it changes and which headers it carries (where it sits in the stream is its
 * {@link StreamPage}'s to say). The consumer asks for pages and never looks inside a record itself. There is one
 * subclass per stream type ({@link PropertygraphStreamReader}, {@link SparqlStreamReader}): the SDK gives the two
 * requests and the two record types no common interface.
 *
 * @param <R> the SDK record type
 */
public abstract class StreamReader<R> {

    private final Supplier<NeptunedataClient> client;
    private final long limit;
    private final String encoding;
    private final boolean onePassParser;

    /**
     * @param client        the endpoint's client (built when the endpoint starts)
     * @param limit         the most records a page holds
     * @param encoding      {@code gzip} for compressed responses, or null
     * @param onePassParser whether {@link StreamPageParser} parses each page instead of the SDK's unmarshaller
     */
    protected StreamReader(Supplier<NeptunedataClient> client, long limit, String encoding, boolean onePassParser) {
        this.client = client;
        this.limit = limit;
        this.encoding = encoding;
        this.onePassParser = onePassParser;
    }

    /**
     * Fetches one page, with its records' positions: never empty.
     *
     * @throws software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException when there is nothing at
     *                                                                                          or after the start
     * @throws software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException         when the start has been
     *                                                                                          trimmed
     * @throws software.amazon.awssdk.awscore.exception.AwsServiceException                     any other error of the
     *                                                                                          service, its message
     *                                                                                          naming Neptune's reason
     *                                                                                          ({@link NeptuneErrors})
     */
    public StreamPage<R> read(StreamRequest request) {
        PageParserInterceptor parser = onePassParser ? new PageParserInterceptor() : null;
        List<R> records;
        try {
            records = call(client.get(), request.iteratorType(), request.commitNum(), request.opNum(), limit,
                    encoding, parser != null ? parser.override() : null);
        } catch (RuntimeException e) {
            throw NeptuneErrors.withReason(e);
        }
        return new StreamPage<>(records, parser != null ? parser.positions() : null, this::eventId);
    }

    /** One request to the stream: the records of the page it answers, in stream order. */
    protected abstract List<R> call(
            NeptunedataClient client, IteratorType iteratorType, Long commitNum, Long opNum, long limit, String encoding,
            AwsRequestOverrideConfiguration override);

    /** The record's {@code eventId} as the SDK keeps it. */
    protected abstract Map<String, String> eventId(R record);

    /** The record's commit time in ms since the epoch, or null if it has none. */
    protected abstract Long commitTimestampInMillis(R record);

    /** ADD or REMOVE. */
    public abstract String op(R record);

    /** True on the last record of a transaction (null otherwise). */
    protected abstract Boolean isLastOpFlag(R record);

    /** The record's type (property graph: vl, vp, e or ep); null for a stream whose records have none (SPARQL). */
    public abstract String recordType(R record);

    /**
     * The property the record changes: its key (property graph vp and ep records) or its predicate (SPARQL); null when
     * it changes none.
     */
    public abstract String propertyKey(R record);

    /** The element (property graph) or subject (SPARQL) the record changes; null if it has no data. */
    public abstract String elementKey(R record);

    /** Puts the headers particular to the stream type (element id, statement...). */
    protected abstract void putDataHeaders(R record, Map<String, Object> headers);

    /** When the record's transaction was committed, in ms since the epoch; -1 if the record does not say. */
    public long commitTimestamp(R record) {
        Long millis = commitTimestampInMillis(record);
        return millis != null ? millis : -1;
    }

    public boolean isLastOp(R record) {
        return Boolean.TRUE.equals(isLastOpFlag(record));
    }

    /**
     * Puts the headers of the record at {@code position}: position, version (when the position has one), commit
     * timestamp, op, isLastOp and the type's own.
     */
    public void putHeaders(R record, StreamPosition position, Map<String, Object> headers) {
        headers.put(NeptuneStreamConstants.COMMIT_NUM, position.commitNum());
        headers.put(NeptuneStreamConstants.OP_NUM, position.opNum());
        if (position.hasVersion()) {
            headers.put(NeptuneStreamConstants.VERSION, position.version());
        }
        long millis = commitTimestamp(record);
        if (millis >= 0) {
            headers.put(NeptuneStreamConstants.COMMIT_TIMESTAMP, millis);
        }
        headers.put(NeptuneStreamConstants.OP, op(record));
        headers.put(NeptuneStreamConstants.IS_LAST_OP, isLastOp(record));
        putDataHeaders(record, headers);
    }

    /** Puts {@code value} under {@code name} unless it is null. */
    protected static void putIfSet(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
