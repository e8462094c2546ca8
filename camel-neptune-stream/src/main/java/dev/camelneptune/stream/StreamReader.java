package dev.camelneptune.stream;

import org.apache.camel.Message;

/**
 * Reads one kind of Neptune stream through the NeptunedataClient and knows its record type: where a record sits
 * in the stream and how it becomes a message. The consumer asks for pages and never looks inside a record itself.
 *
 * @param <R> the SDK record type
 */
interface StreamReader<R> {

    /**
     * Fetches one page.
     *
     * @throws software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException when there is nothing
     *                                                                                          at or after the start
     * @throws software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException         when the start has been
     *                                                                                          trimmed
     */
    StreamPage<R> read(StreamRequest request);

    StreamPosition position(R record);

    long commitTimestamp(R record);

    /**
     * Puts the record in the message: the SDK record as body; its op, isLastOp and data fields as headers (the
     * consumer sets the position and timestamp headers).
     */
    void toMessage(R record, Message message);
}
