package dev.camelneptune.stream.delivery;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamPage;
import org.apache.camel.Exchange;

/**
 * {@code batching=true}: one exchange per page, as camel-kafka's batching consumer gives one per poll. The position
 * moves to the page's last record only after the whole batch succeeded; a failed batch is read again whole.
 */
final class BatchDelivery<R> extends Delivery<R> {

    BatchDelivery(NeptuneStreamConsumer<R> consumer) {
        super(consumer);
    }

    @Override
    public String description() {
        return "batches (one exchange per page)";
    }

    @Override
    public boolean deliver(StreamPage<R> page) {
        if (!consumer.isBatchAllowed()) {
            return false;
        }
        StreamPosition first = page.position(0);
        StreamPosition last = page.last();
        Exchange exchange = recordsExchange(page.records(), first, last);
        if (!consumer.process(exchange)) {
            consumer.failed(exchange, "Neptune stream batch " + first + " to " + last + " (" + page.size()
                                      + " records) failed; the whole batch is read again on the next poll");
            return false;
        }
        consumer.advanceTo(last, page.record(page.size() - 1));
        consumer.delivered(page.size());
        return true;
    }
}
