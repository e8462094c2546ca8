package dev.camelneptune.stream;

import org.apache.camel.Message;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

/** {@code GET /sparql/stream}: RDF statement changes. */
final class SparqlStreamReader implements StreamReader<SparqlRecord> {

    private final NeptunedataClient client;
    private final long limit;
    private final String encoding;

    SparqlStreamReader(NeptunedataClient client, int limit, String encoding) {
        this.client = client;
        this.limit = limit;
        this.encoding = encoding;
    }

    @Override
    public StreamPage<SparqlRecord> read(StreamRequest request) {
        return new StreamPage<>(client.getSparqlStream(GetSparqlStreamRequest.builder()
                .iteratorType(request.iteratorType())
                .commitNum(request.commitNum())
                .opNum(request.opNum())
                .limit(limit)
                .encoding(encoding)
                .build()).records());
    }

    @Override
    public StreamPosition position(SparqlRecord record) {
        return EventIds.position(record.eventId());
    }

    @Override
    public long commitTimestamp(SparqlRecord record) {
        return record.commitTimestampInMillis();
    }

    @Override
    public void toMessage(SparqlRecord record, Message message) {
        message.setBody(record);
        message.setHeader(NeptuneStreamConstants.OP, record.op());
        message.setHeader(NeptuneStreamConstants.IS_LAST_OP, Boolean.TRUE.equals(record.isLastOp()));
        if (record.data() != null) {
            message.setHeader(NeptuneStreamConstants.STATEMENT, record.data().stmt());
        }
    }
}
