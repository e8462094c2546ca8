package dev.camelneptune.stream.page;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelneptune.stream.NeptuneStreamConstants;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphData;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

/** {@code GET /propertygraph/stream}: Gremlin and openCypher changes; a record's element is its vertex or edge id. */
public final class PropertygraphStreamReader extends StreamReader<PropertygraphRecord> {

    public PropertygraphStreamReader(
                                     Supplier<NeptunedataClient> client, long limit, String encoding,
                                     boolean onePassParser) {
        super(client, limit, encoding, onePassParser);
    }

    @Override
    protected List<PropertygraphRecord> call(
            NeptunedataClient client, IteratorType iteratorType, Long commitNum, Long opNum, long limit, String encoding,
            AwsRequestOverrideConfiguration override) {
        return client.getPropertygraphStream(GetPropertygraphStreamRequest.builder().iteratorType(iteratorType)
                .commitNum(commitNum).opNum(opNum).limit(limit).encoding(encoding).overrideConfiguration(override)
                .build()).records();
    }

    @Override
    protected Map<String, String> eventId(PropertygraphRecord record) {
        return record.eventId();
    }

    @Override
    protected Long commitTimestampInMillis(PropertygraphRecord record) {
        return record.commitTimestampInMillis();
    }

    @Override
    public String op(PropertygraphRecord record) {
        return record.op();
    }

    @Override
    protected Boolean isLastOpFlag(PropertygraphRecord record) {
        return record.isLastOp();
    }

    @Override
    public String recordType(PropertygraphRecord record) {
        return record.data() != null ? record.data().type() : null;
    }

    @Override
    public String propertyKey(PropertygraphRecord record) {
        PropertygraphData data = record.data();
        return data != null && ("vp".equals(data.type()) || "ep".equals(data.type())) ? data.key() : null;
    }

    @Override
    public String elementKey(PropertygraphRecord record) {
        return record.data() != null ? record.data().id() : null;
    }

    @Override
    protected void putDataHeaders(PropertygraphRecord record, Map<String, Object> headers) {
        PropertygraphData data = record.data();
        if (data != null) {
            putIfSet(headers, NeptuneStreamConstants.ELEMENT_ID, data.id());
            putIfSet(headers, NeptuneStreamConstants.ELEMENT_TYPE, data.type());
            putIfSet(headers, NeptuneStreamConstants.KEY, data.key());
            putIfSet(headers, NeptuneStreamConstants.FROM, data.from());
            putIfSet(headers, NeptuneStreamConstants.TO, data.to());
        }
    }
}
