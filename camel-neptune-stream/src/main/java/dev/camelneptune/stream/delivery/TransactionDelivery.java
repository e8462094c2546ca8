package dev.camelneptune.stream.delivery;

import java.util.ArrayList;
import java.util.List;

import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamPage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code groupByTransaction=true}: one exchange per committed transaction, its records in order, gathered across pages.
 * A transaction ends at the record with {@code isLastOp} (or, should a record lack it, where the next commit begins, or
 * where the stream has nothing newer: a commit enters the stream whole). A transaction larger than
 * {@code transactionPartSize} is delivered in parts of that size, numbered from 1, the last one flagged, so that memory
 * holds at most one part besides the pages.
 * <p>
 * The position moves to the transaction's last record only when its last part succeeded. After a failure (or a stop)
 * the next poll reads the transaction again from its first record, and delivers it again from part 1.
 */
final class TransactionDelivery<R> extends Delivery<R> {

    private final int partSize;
    /** The open transaction's records not delivered yet, in order; they may come from several pages. */
    private List<R> open = new ArrayList<>();
    private StreamPosition openFirst;
    private StreamPosition openLast;
    /** The parts of the open transaction delivered so far. */
    private int parts;

    TransactionDelivery(NeptuneStreamConsumer<R> consumer, int partSize) {
        super(consumer);
        this.partSize = partSize;
    }

    @Override
    public String description() {
        return "whole transactions (parts of " + partSize + " records)";
    }

    @Override
    public boolean deliver(StreamPage<R> page) {
        for (int index = 0; index < page.size(); index++) {
            R record = page.record(index);
            StreamPosition position = page.position(index);
            if (!open.isEmpty() && openFirst.commitNum() != position.commitNum()) {
                // the open transaction's last record had no isLastOp: this record begins the next commit
                if (!emit(true)) {
                    return false;
                }
            } else if (open.size() == partSize && !emit(false)) {
                // a part is sent only once a further record of its commit shows it is not the last
                return false;
            }
            if (open.isEmpty()) {
                openFirst = position;
            }
            open.add(record);
            openLast = position;
            if (reader.isLastOp(record) && !emit(true)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void caughtUp() {
        if (!open.isEmpty()) {
            emit(true);
        }
    }

    @Override
    public void endPoll() {
        open = new ArrayList<>();
        parts = 0;
    }

    private boolean emit(boolean lastPart) {
        if (!consumer.isBatchAllowed()) {
            return false;
        }
        List<R> records = open;
        open = new ArrayList<>();
        int part = ++parts;
        long commitNum = openFirst.commitNum();
        Exchange exchange = recordsExchange(records, openFirst, openLast);
        Message message = exchange.getIn();
        message.setHeader(NeptuneStreamConstants.COMMIT_NUM, commitNum);
        message.setHeader(NeptuneStreamConstants.TRANSACTION_PART, part);
        message.setHeader(NeptuneStreamConstants.TRANSACTION_LAST_PART, lastPart);
        if (!consumer.process(exchange)) {
            consumer.failed(exchange, "Neptune stream transaction " + commitNum + " (part " + part + ", " + records.size()
                                      + " records) failed; the position stays before the transaction, which is read"
                                      + " again from its first record on the next poll");
            return false;
        }
        consumer.delivered(records.size());
        if (lastPart) {
            consumer.advanceTo(openLast, records.get(records.size() - 1));
            parts = 0;
        }
        return true;
    }
}
