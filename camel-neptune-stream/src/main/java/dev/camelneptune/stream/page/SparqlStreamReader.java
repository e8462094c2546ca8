package dev.camelneptune.stream.page;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelneptune.stream.NeptuneStreamConstants;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/** {@code GET /sparql/stream}: RDF statement changes; a record's element is the subject of its statement. */
public final class SparqlStreamReader extends StreamReader<SparqlRecord> {

    public SparqlStreamReader(Supplier<NeptunedataClient> client, long limit, String encoding, boolean onePassParser) {
        super(client, limit, encoding, onePassParser);
    }

    @Override
    protected List<SparqlRecord> call(
            NeptunedataClient client, IteratorType iteratorType, Long commitNum, Long opNum, long limit, String encoding,
            AwsRequestOverrideConfiguration override) {
        return client.getSparqlStream(GetSparqlStreamRequest.builder().iteratorType(iteratorType)
                .commitNum(commitNum).opNum(opNum).limit(limit).encoding(encoding).overrideConfiguration(override)
                .build()).records();
    }

    @Override
    protected Map<String, String> eventId(SparqlRecord record) {
        return record.eventId();
    }

    @Override
    protected Long commitTimestampInMillis(SparqlRecord record) {
        return record.commitTimestampInMillis();
    }

    @Override
    public String op(SparqlRecord record) {
        return record.op();
    }

    @Override
    protected Boolean isLastOpFlag(SparqlRecord record) {
        return record.isLastOp();
    }

    @Override
    public String recordType(SparqlRecord record) {
        return null;
    }

    @Override
    public String propertyKey(SparqlRecord record) {
        String statement = record.data() != null ? record.data().stmt() : null;
        if (statement == null) {
            return null;
        }
        String text = statement.stripLeading();
        int subjectEnd = termEnd(text, 0);
        int start = subjectEnd;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start < text.length() ? text.substring(start, termEnd(text, start)) : null;
    }

    @Override
    public String elementKey(SparqlRecord record) {
        return subject(record);
    }

    @Override
    protected void putDataHeaders(SparqlRecord record, Map<String, Object> headers) {
        if (record.data() != null) {
            putIfSet(headers, NeptuneStreamConstants.STATEMENT, record.data().stmt());
        }
    }

    /** The subject of a SPARQL record's N-Quads statement: its first term, an IRI {@code <...>} or a blank node. */
    public static String subject(SparqlRecord record) {
        String statement = record.data() != null ? record.data().stmt() : null;
        if (statement == null) {
            return null;
        }
        String text = statement.stripLeading();
        return text.substring(0, termEnd(text, 0));
    }

    /** Where the N-Quads term starting at {@code start} ends: after its {@code >} for an IRI, else at whitespace. */
    private static int termEnd(String text, int start) {
        if (text.startsWith("<", start)) {
            int close = text.indexOf('>', start);
            if (close > 0) {
                return close + 1;
            }
        }
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
