package dev.camelneptune.stream.delivery;

import java.util.List;

import dev.camelneptune.stream.NeptuneStreamConfiguration;
import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.StreamRecords;
import dev.camelneptune.stream.page.StreamPage;
import dev.camelneptune.stream.page.StreamReader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A delivery mode: how the pages a poll reads become exchanges, and when the position moves. The consumer reads the
 * pages (and prefetches); the mode hands them to the route and calls {@link NeptuneStreamConsumer#advanceTo} once
 * records have succeeded. Every mode keeps the consumer's guarantees: at least once, never a gap, and a failure never
 * moves the position past the failed record.
 *
 * @param <R> the SDK record type
 */
public abstract class Delivery<R> {

    protected final NeptuneStreamConsumer<R> consumer;
    protected final StreamReader<R> reader;
    /** The records the route asked not to see: dropped before an exchange is made, passed by the position. */
    protected final RecordFilter filter;

    Delivery(NeptuneStreamConsumer<R> consumer) {
        this.consumer = consumer;
        this.reader = consumer.reader();
        this.filter = RecordFilter.of(consumer.configuration());
    }

    /** The mode the configuration asks for. */
    public static <R> Delivery<R> of(NeptuneStreamConfiguration configuration, NeptuneStreamConsumer<R> consumer) {
        if (configuration.isBatching()) {
            return new BatchDelivery<>(consumer);
        }
        if (configuration.isGroupByTransaction()) {
            return new TransactionDelivery<>(consumer, configuration.getTransactionPartSize());
        }
        if (configuration.getConcurrentConsumers() > 1) {
            return new LaneDelivery<>(
                    consumer, configuration.getConcurrentConsumers(),
                    configuration.getMaxPendingRecords());
        }
        return new RecordDelivery<>(consumer);
    }

    /** What this mode is, in the words of the component page (the dev console shows it). */
    public abstract String description();

    public void start() {
    }

    public void stop() {
    }

    /**
     * Hands a page (never empty, in stream order) to the route.
     *
     * @return true if the whole page was handed over and the poll may read the page after it; false after a failure or
     *         when the consumer is stopping, which ends the poll
     */
    public abstract boolean deliver(StreamPage<R> page);

    /** The stream has nothing after the last page: deliver what was waiting for more records (an open transaction). */
    public void caughtUp() {
    }

    /**
     * The poll is over, whatever the reason: wait for what is in flight, and forget what was read but not delivered
     * (the next poll reads it again from the position).
     */
    public void endPoll() {
    }

    /** Whether the route gets {@code record} (the filter options keep it). */
    protected boolean keeps(R record) {
        return filter.keeps(reader, record);
    }

    /** An exchange for one record: the SDK record as body, its headers filled in when the route first reads them. */
    protected Exchange recordExchange(R record, StreamPosition recordPosition) {
        Exchange exchange = consumer.createExchange(false);
        exchange.setIn(new StreamRecordMessage<>(exchange.getContext(), reader, record, recordPosition));
        return exchange;
    }

    /**
     * An exchange for several records (a batch or a transaction, in stream order): their list as body, and as headers
     * their count, the first and last position and the commit timestamp of the last.
     */
    protected Exchange recordsExchange(List<R> records, StreamPosition first, StreamPosition last) {
        Exchange exchange = consumer.createExchange(false);
        Message message = exchange.getIn();
        message.setBody(new StreamRecords<>(records));
        message.setHeader(NeptuneStreamConstants.RECORD_COUNT, records.size());
        message.setHeader(NeptuneStreamConstants.FIRST_POSITION, first.toString());
        message.setHeader(NeptuneStreamConstants.LAST_POSITION, last.toString());
        long commitTimestamp = reader.commitTimestamp(records.get(records.size() - 1));
        if (commitTimestamp >= 0) {
            message.setHeader(NeptuneStreamConstants.COMMIT_TIMESTAMP, commitTimestamp);
        }
        return exchange;
    }
}
