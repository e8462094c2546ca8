package dev.camelneptune.stream.delivery;

import java.util.Map;

import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamReader;
import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultMessage;

/**
 * The message of a one-record exchange: the SDK record as body, and its headers filled in from the record the first
 * time anything reads or changes the headers (as camel-jms fills a JmsMessage's headers). A route that never looks at a
 * header does not pay for ten header insertions per record.
 */
final class StreamRecordMessage<R> extends DefaultMessage {

    private final StreamReader<R> reader;
    private final R record;
    private final StreamPosition position;

    StreamRecordMessage(CamelContext context, StreamReader<R> reader, R record, StreamPosition position) {
        super(context);
        this.reader = reader;
        this.record = record;
        this.position = position;
        setBody(record);
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return true;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> headers) {
        RecordHeaders.copyInto(reader, record, position, headers);
    }
}
