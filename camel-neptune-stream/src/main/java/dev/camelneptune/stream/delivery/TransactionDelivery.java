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
    /** The open transaction's records not delivered yet (those the filter keeps), in order; from one or more pages. */
    private List<R> open = new ArrayList<>();
    private StreamPosition openFirst;
    private StreamPosition openLast;
    /** The parts of the open transaction delivered so far. */
    private int parts;
    /** The last record read of the open transaction (kept or dropped) and its position; null when none is open. */
    private R transactionLast;
    private StreamPosition transactionLastPosition;

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
            boolean kept = keeps(record);
            if (transactionLast != null && transactionLastPosition.commitNum() != position.commitNum()) {
                // the open transaction's last record had no isLastOp: this record begins the next commit
                if (!endTransaction()) {
                    return false;
                }
            } else if (kept && open.size() == partSize && !emit(false)) {
                // a part is sent only once a further record of its commit shows it is not the last
                return false;
            }
            transactionLast = record;
            transactionLastPosition = position;
            if (kept) {
                if (open.isEmpty()) {
                    openFirst = position;
                }
                open.add(record);
                openLast = position;
            }
            if (reader.isLastOp(record) && !endTransaction()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void caughtUp() {
        if (transactionLast != null) {
            endTransaction();
        }
    }

    @Override
    public void endPoll() {
        open = new ArrayList<>();
        parts = 0;
        transactionLast = null;
        transactionLastPosition = null;
    }

    /**
     * Delivers what is left of the open transaction as its last part, then moves the position to its last record. A
     * transaction whose records the filter all dropped makes no exchange: the position passes it.
     */
    private boolean endTransaction() {
        if (!open.isEmpty() && !emit(true)) {
            return false;
        }
        consumer.advanceTo(transactionLastPosition, transactionLast);
        transactionLast = null;
        transactionLastPosition = null;
        parts = 0;
        return true;
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
        return true;
    }
}
