package dev.camelneptune.stream;

/**
 * A delivery mode: how the pages a poll reads become exchanges, and when the position moves. The consumer reads the
 * pages (and prefetches); the mode hands them to the route and calls {@link NeptuneStreamConsumer#advanceTo} once
 * records have succeeded. Every mode keeps the consumer's guarantees: at least once, never a gap, and a failure never
 * moves the position past the failed record.
 *
 * @param <R> the SDK record type
 */
abstract class Delivery<R> {

    protected final NeptuneStreamConsumer<R> consumer;
    protected final StreamReader<R> reader;

    Delivery(NeptuneStreamConsumer<R> consumer) {
        this.consumer = consumer;
        this.reader = consumer.reader();
    }

    /** The mode the configuration asks for. */
    static <R> Delivery<R> of(NeptuneStreamConfiguration configuration, NeptuneStreamConsumer<R> consumer) {
        if (configuration.isBatching()) {
            return new BatchDelivery<>(consumer);
        }
        if (configuration.isGroupByTransaction()) {
            return new TransactionDelivery<>(consumer, configuration.getTransactionPartSize());
        }
        if (configuration.getConcurrentConsumers() > 1) {
            return new LaneDelivery<>(consumer, configuration.getConcurrentConsumers(), configuration.getLimit());
        }
        return new RecordDelivery<>(consumer);
    }

    void start() {
    }

    void stop() {
    }

    /**
     * Hands a page (never empty, in stream order) to the route.
     *
     * @return true if the whole page was handed over and the poll may read the page after it; false after a failure or
     *         when the consumer is stopping, which ends the poll
     */
    abstract boolean deliver(StreamPage<R> page);

    /** The stream has nothing after the last page: deliver what was waiting for more records (an open transaction). */
    void caughtUp() {
    }

    /**
     * The poll is over, whatever the reason: wait for what is in flight, and forget what was read but not delivered
     * (the next poll reads it again from the position).
     */
    void endPoll() {
    }
}
