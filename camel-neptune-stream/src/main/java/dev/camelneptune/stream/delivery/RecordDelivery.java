package dev.camelneptune.stream.delivery;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamPage;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/** The default mode: one exchange per record, one at a time; the position moves after each record succeeds. */
final class RecordDelivery<R> extends Delivery<R> {

    RecordDelivery(NeptuneStreamConsumer<R> consumer) {
        super(consumer);
    }

    @Override
    public String description() {
        return "one record at a time";
    }

    @Override
    public boolean deliver(StreamPage<R> page) {
        int size = page.size();
        // the records at and after this index were dropped by the filter and not yet passed by the position
        int droppedFrom = -1;
        try {
            for (int index = 0; index < size; index++) {
                if (!consumer.isBatchAllowed()) {
                    return false;
                }
                R record = page.record(index);
                if (!keeps(record)) {
                    if (droppedFrom < 0) {
                        droppedFrom = index;
                    }
                    continue;
                }
                droppedFrom = -1;
                StreamPosition position = page.position(index);
                Exchange exchange = recordExchange(record, position);
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, size);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == size - 1);
                consumer.setPendingExchanges(size - index - 1);
                if (!consumer.process(exchange)) {
                    consumer.failed(exchange, "Neptune stream record " + position + " failed; it is read"
                                              + " again on the next poll and nothing after it is emitted before it succeeds");
                    return false;
                }
                consumer.advanceTo(position, record);
                consumer.delivered(1);
            }
            if (droppedFrom >= 0) {
                // the page ends with dropped records: the position passes them as it passes processed ones
                consumer.advanceTo(page.last(), page.record(size - 1));
            }
            return true;
        } finally {
            consumer.setPendingExchanges(0);
        }
    }
}
