package dev.camelneptune.stream.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.NeptuneStreamDeposedException;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamPage;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * {@code concurrentConsumers=N}: one exchange per record, on N ordered lanes. A record goes to the lane of its element
 * (property graph: the vertex or edge id; SPARQL: the subject), and each lane processes its records one at a time in
 * stream order, so every element's changes are processed in order while different elements proceed in parallel.
 * <p>
 * The stored position is the low watermark: the last record such that it and every record before it completed. At most
 * {@code window} records (the page limit) are dispatched past it. After a failure no lane starts another record, the
 * watermark stops before the failed record, and the poll ends once the lanes are idle; the next poll reads everything
 * after the watermark again, so records other lanes completed after the failed one are delivered twice (never skipped).
 */
final class LaneDelivery<R> extends Delivery<R> {

    private final int laneCount;
    private final int window;
    private ExecutorService[] lanes;
    /** What the current poll dispatched; a new one for each poll. */
    private Dispatch dispatch;

    LaneDelivery(NeptuneStreamConsumer<R> consumer, int laneCount, int window) {
        super(consumer);
        this.laneCount = laneCount;
        this.window = window;
        this.dispatch = new Dispatch();
    }

    @Override
    public void start() {
        ExecutorServiceManager executors = consumer.getEndpoint().getCamelContext().getExecutorServiceManager();
        lanes = new ExecutorService[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = executors.newSingleThreadExecutor(consumer, "NeptuneStreamLane-" + (i + 1));
        }
    }

    @Override
    public void stop() {
        if (lanes == null) {
            return;
        }
        ExecutorServiceManager executors = consumer.getEndpoint().getCamelContext().getExecutorServiceManager();
        for (ExecutorService lane : lanes) {
            executors.shutdownGraceful(lane);
        }
        lanes = null;
    }

    @Override
    public String description() {
        return "ordered lanes (" + laneCount + " lanes, window " + window + ")";
    }

    @Override
    public boolean deliver(StreamPage<R> page) {
        Dispatch current = dispatch;
        int size = page.size();
        for (int index = 0; index < size; index++) {
            R record = page.record(index);
            StreamPosition position = page.position(index);
            long sequence = current.reserve(record, position);
            if (sequence < 0) {
                return false;
            }
            int indexInPage = index;
            lanes[laneOf(record)].execute(() -> current.run(sequence, record, position, indexInPage, size));
        }
        return true;
    }

    @Override
    public void endPoll() {
        dispatch.awaitIdle();
        dispatch = new Dispatch();
    }

    private int laneOf(R record) {
        String key = reader.elementKey(record);
        if (key == null) {
            return 0;
        }
        int hash = key.hashCode();
        return Math.floorMod(hash ^ (hash >>> 16), laneCount);
    }

    /**
     * The records of one poll in flight on the lanes, by sequence number (their order in the stream), and the
     * watermark.
     */
    private final class Dispatch {

        /** Records dispatched and not yet below the watermark, in slot {@code sequence % window}. */
        private final List<R> records = new ArrayList<>(Collections.nCopies(window, null));
        private final StreamPosition[] positions = new StreamPosition[window];
        private final boolean[] completed = new boolean[window];
        private long dispatched;
        /** Every record with a lower sequence number has completed. */
        private long watermark;
        private int running;
        private volatile boolean failed;

        /**
         * Waits for room in the window and takes the next sequence number for {@code record}; -1 to stop dispatching.
         */
        synchronized long reserve(R record, StreamPosition position) {
            while (!failed && dispatched - watermark >= window && consumer.isBatchAllowed()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            if (failed || !consumer.isBatchAllowed()) {
                return -1;
            }
            long sequence = dispatched++;
            records.set(slot(sequence), record);
            positions[slot(sequence)] = position;
            running++;
            consumer.setPendingExchanges(running);
            return sequence;
        }

        void run(long sequence, R record, StreamPosition position, int indexInPage, int pageSize) {
            boolean succeeded = false;
            try {
                if (!failed && consumer.isRunAllowed()) {
                    Exchange exchange = recordExchange(record, position);
                    exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, indexInPage);
                    exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, pageSize);
                    exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, indexInPage == pageSize - 1);
                    succeeded = consumer.process(exchange);
                    if (!succeeded) {
                        consumer.failed(exchange, "Neptune stream record " + position + " failed; the"
                                                  + " position stays before it, no lane starts another record, and the"
                                                  + " next poll reads everything after the position again");
                    }
                }
            } finally {
                finished(sequence, succeeded);
            }
        }

        private synchronized void finished(long sequence, boolean succeeded) {
            running--;
            consumer.setPendingExchanges(running);
            if (!succeeded) {
                failed = true;
            } else {
                completed[slot(sequence)] = true;
                consumer.delivered(1);
                int newest = -1;
                while (watermark < dispatched && completed[slot(watermark)]) {
                    newest = slot(watermark);
                    completed[newest] = false;
                    watermark++;
                }
                if (newest >= 0) {
                    advanceTo(newest);
                }
            }
            notifyAll();
        }

        /** Stores the position of the record in {@code slot}, the new watermark. */
        private void advanceTo(int slot) {
            try {
                consumer.advanceTo(positions[slot], records.get(slot));
            } catch (NeptuneStreamDeposedException e) {
                // deposed: the consumer logged it once; no lane starts another record
                failed = true;
            } catch (RuntimeException e) {
                // the position was not stored: stop here, and the next poll reads again from the stored one
                failed = true;
                consumer.getExceptionHandler().handleException("Neptune stream: cannot store the position "
                                                               + positions[slot],
                        e);
            }
        }

        /** Waits until no lane works on this poll's records: the ones queued behind a failure or a stop are skipped. */
        synchronized void awaitIdle() {
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // stopping: the lanes finish what they run (Camel waits for in-flight exchanges) and skip the rest
                    failed = true;
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private int slot(long sequence) {
            return (int) (sequence % window);
        }
    }
}
