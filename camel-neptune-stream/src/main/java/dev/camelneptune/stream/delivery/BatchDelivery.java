package dev.camelneptune.stream.delivery;

import java.util.ArrayList;
import java.util.List;

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
        StreamPosition last = page.last();
        R lastRecord = page.record(page.size() - 1);
        List<R> records = page.records();
        StreamPosition first = page.position(0);
        StreamPosition lastKept = last;
        if (!filter.keepsAll()) {
            records = new ArrayList<>(records.size());
            first = null;
            for (int index = 0; index < page.size(); index++) {
                R record = page.record(index);
                if (keeps(record)) {
                    records.add(record);
                    lastKept = page.position(index);
                    if (first == null) {
                        first = lastKept;
                    }
                }
            }
            if (records.isEmpty()) {
                // every record dropped: no exchange, and the position passes them as it passes processed ones
                consumer.advanceTo(last, lastRecord);
                return true;
            }
        }
        Exchange exchange = recordsExchange(records, first, lastKept);
        if (!consumer.process(exchange)) {
            consumer.failed(exchange, "Neptune stream batch " + first + " to " + lastKept + " (" + records.size()
                                      + " records) failed; the whole batch is read again on the next poll");
            return false;
        }
        consumer.advanceTo(last, lastRecord);
        consumer.delivered(records.size());
        return true;
    }
}
