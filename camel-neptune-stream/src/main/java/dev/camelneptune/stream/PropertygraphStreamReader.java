package dev.camelneptune.stream;

import org.apache.camel.Message;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

/** {@code GET /propertygraph/stream}: Gremlin and openCypher changes. */
final class PropertygraphStreamReader implements StreamReader<PropertygraphRecord> {

    private final NeptunedataClient client;
    private final long limit;
    private final String encoding;

    PropertygraphStreamReader(NeptunedataClient client, int limit, String encoding) {
        this.client = client;
        this.limit = limit;
        this.encoding = encoding;
    }

    @Override
    public StreamPage<PropertygraphRecord> read(StreamRequest request) {
        return new StreamPage<>(client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(request.iteratorType())
                .commitNum(request.commitNum())
                .opNum(request.opNum())
                .limit(limit)
                .encoding(encoding)
                .build()).records());
    }

    @Override
    public StreamPosition position(PropertygraphRecord record) {
        return EventIds.position(record.eventId());
    }

    @Override
    public long commitTimestamp(PropertygraphRecord record) {
        return record.commitTimestampInMillis();
    }

    @Override
    public void toMessage(PropertygraphRecord record, Message message) {
        PropertygraphData data = record.data();
        message.setBody(record);
        message.setHeader(NeptuneStreamConstants.OP, record.op());
        message.setHeader(NeptuneStreamConstants.IS_LAST_OP, Boolean.TRUE.equals(record.isLastOp()));
        if (data != null) {
            message.setHeader(NeptuneStreamConstants.ELEMENT_ID, data.id());
            message.setHeader(NeptuneStreamConstants.ELEMENT_TYPE, data.type());
            message.setHeader(NeptuneStreamConstants.KEY, data.key());
            if (data.from() != null) {
                message.setHeader(NeptuneStreamConstants.FROM, data.from());
                message.setHeader(NeptuneStreamConstants.TO, data.to());
            }
        }
    }
}
