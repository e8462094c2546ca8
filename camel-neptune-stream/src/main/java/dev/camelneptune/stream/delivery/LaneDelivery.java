package dev.camelneptune.stream.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.NeptuneStreamDeposedException;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamPage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.Rejectable;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * {@code concurrentConsumers=N}: one exchange per record, on N ordered lanes. A record goes to the lane of its element
 * (property graph: the vertex or edge id; SPARQL: the subject), and each lane processes its records one at a time in
 * stream order, so every element's changes are processed in order while different elements proceed in parallel.
 * <p>
 * The stored position is the low watermark: the last record such that it and every record before it completed. At most
 * {@code maxPendingRecords} records (the window) are handed to the lanes past it: the polling thread waits for room
 * before it hands over the next one. After a failure no lane starts another record, the watermark stops before the
 * failed record, and the poll ends once the lanes are idle; the next poll reads everything after the watermark again,
 * so records other lanes completed after the failed one are delivered twice (never skipped).
 * <p>
 * Threads. A lane is a queue of its records in stream order, drained by at most one task at a time of a Camel thread
 * pool (the context's {@link ExecutorServiceManager}, with a profile of its own: as many threads as lanes, and a policy
 * that rejects rather than run a task on the caller, as Camel's default profile would). A drain takes the lane's
 * records one by one until its queue is empty, so whatever the pool does with its threads (one per lane, a shared few,
 * a new virtual thread per task), a record never runs beside another record of its lane, nor before one ahead of it,
 * and never on the polling thread. The window bounds the records of all lanes together, so a lane's queue never holds
 * more than the window: the window, not a queue, is what makes the polling thread wait. A record a lane refuses (the
 * pool rejects its drain, or runs it on the polling thread) fails like a failed exchange: the watermark stays before it
 * and the next poll reads it again; records are never reordered to make room.
 * <p>
 * Waiting. The polling thread waits for the lanes (for room in the window, and for the poll's records at its end) only
 * as long as records keep completing: when none completes for the context's graceful-stop timeout
 * ({@link ShutdownStrategy#getTimeout()}, 45 s by default), the poll fails with an error naming the lane and the record
 * it waits for, and nothing this poll handed over moves the position any more. That timeout is how long Camel itself
 * waits for an exchange in flight when a route stops: a record that takes longer would not be waited for on a stop
 * either, and a stuck sink shows as a failing poll (health check DOWN) instead of a consumer silently hanging.
 * <p>
 * Stopping. While Camel stops the route gracefully, the records in flight complete and those waiting on a lane are
 * skipped (they are after the watermark, so they are read again on the next start); the poll then ends and Camel stops
 * the consumer, within the graceful-stop timeout. If that timeout ran out, stopping the consumer interrupts what still
 * runs and drops what waits; none of it moves the position any more.
 */
final class LaneDelivery<R> extends Delivery<R> {

    private final int laneCount;
    private final int window;
    /** The lanes while started, null while stopped: written by start and stop, read by the polling thread. */
    private volatile List<Lane> lanes;
    /** The thread pool that drains the lanes, while started. */
    private volatile ExecutorService pool;
    /** The records the current poll handed to the lanes; null between polls. */
    private final AtomicReference<Dispatch> current = new AtomicReference<>();
    /** How long the polling thread waits for the lanes while no record completes, in ms. */
    private volatile long stallMillis;

    LaneDelivery(NeptuneStreamConsumer<R> consumer, int laneCount, int window) {
        super(consumer);
        this.laneCount = laneCount;
        this.window = window;
    }

    @Override
    public void start() {
        CamelContext context = consumer.getEndpoint().getCamelContext();
        ShutdownStrategy shutdown = context.getShutdownStrategy();
        stallMillis = shutdown.getTimeUnit().toMillis(shutdown.getTimeout());
        ThreadPoolProfile profile = new ThreadPoolProfile("NeptuneStreamLanes");
        // a thread for each lane, and room for each lane's drain: a lane has at most one drain queued or running
        profile.setPoolSize(laneCount);
        profile.setMaxPoolSize(laneCount);
        profile.setMaxQueueSize(laneCount);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        pool = context.getExecutorServiceManager().newThreadPool(consumer, "NeptuneStreamLanes", profile);
        List<Lane> started = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            started.add(new Lane("NeptuneStreamLane-" + (i + 1)));
        }
        lanes = List.copyOf(started);
    }

    @Override
    public void stop() {
        List<Lane> stopping = lanes;
        if (stopping == null) {
            return;
        }
        lanes = null;
        Dispatch dispatch = current.get();
        if (dispatch != null) {
            dispatch.close();
        }
        // Camel has already waited (up to its graceful-stop timeout) for the exchanges in flight: what still runs is
        // interrupted, what waits is dropped, and neither moves the position
        List<Runnable> dropped = consumer.getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pool);
        if (dropped != null) {
            for (Runnable drain : dropped) {
                if (drain instanceof Rejectable rejectable) {
                    rejectable.reject();
                }
            }
        }
    }

    @Override
    public String description() {
        return "ordered lanes (" + laneCount + " lanes, at most " + window + " records past the position)";
    }

    @Override
    public boolean deliver(StreamPage<R> page) {
        List<Lane> started = lanes;
        if (started == null) {
            return false;
        }
        Dispatch dispatch = current.get();
        if (dispatch == null || dispatch.poller != Thread.currentThread()) {
            dispatch = new Dispatch(started);
            current.set(dispatch);
            if (lanes != started) {
                // stopped before stop() could see this dispatch
                dispatch.close();
                return false;
            }
        }
        int size = page.size();
        boolean keepsAll = filter.keepsAll();
        boolean nextKept = keepsAll || keeps(page.record(0));
        for (int index = 0; index < size; index++) {
            R record = page.record(index);
            boolean kept = nextKept;
            nextKept = keepsAll || index + 1 < size && keeps(page.record(index + 1));
            if (!kept && index + 1 < size && !nextKept) {
                // dropped, and so is the next record: the last record of the run stands for the whole run
                continue;
            }
            Lane lane = started.get(laneOf(record));
            Dispatch.Task task = dispatch.reserve(lane, record, page.position(index), index, size);
            if (task == null) {
                return false;
            }
            if (kept) {
                lane.add(task);
            } else {
                // the last of a run of dropped records: done at once, so the watermark passes the run once every
                // record before it has completed, as it passes processed records
                dispatch.ended(task, true, false);
            }
        }
        return true;
    }

    @Override
    public void endPoll() {
        Dispatch dispatch = current.get();
        if (dispatch == null || dispatch.poller != Thread.currentThread()) {
            return;
        }
        try {
            dispatch.awaitIdle();
        } finally {
            current.compareAndSet(dispatch, null);
        }
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
     * One lane: its records in stream order, and at most one drain of the pool that runs them one by one. The drain is
     * the only task the pool ever gets for this lane, so the lane's order does not depend on the pool's threads.
     */
    private final class Lane implements Runnable, Rejectable {

        final String name;
        private final ArrayDeque<Dispatch.Task> queue = new ArrayDeque<>();
        /** A drain is queued in the pool or running. */
        private boolean draining;
        /** The record the drain runs now, and since when (System.nanoTime), for the error when one takes too long. */
        private StreamPosition running;
        private long runningSince;

        Lane(String name) {
            this.name = name;
        }

        /** Queues {@code task} behind the lane's other records, and has the pool drain the lane if it is idle. */
        void add(Dispatch.Task task) {
            boolean accepted;
            boolean schedule = false;
            synchronized (this) {
                // only records of a poll given up on can make a lane hold more than the window
                accepted = queue.size() < window;
                if (accepted) {
                    queue.add(task);
                    schedule = !draining;
                    draining = true;
                }
            }
            if (!accepted) {
                task.refused(new RejectedExecutionException(name + " already holds " + window + " records"));
            } else if (schedule) {
                try {
                    pool.execute(this);
                } catch (RejectedExecutionException e) {
                    // a pool that throws instead of calling reject(), or one already shut down
                    refuseAll(e);
                }
            }
        }

        /** The drain: runs the lane's records one by one, in the order they were queued, until none is left. */
        @Override
        public void run() {
            while (true) {
                Dispatch.Task task;
                synchronized (this) {
                    task = queue.poll();
                    if (task == null) {
                        draining = false;
                        return;
                    }
                    running = task.position;
                    runningSince = System.nanoTime();
                }
                try {
                    if (Thread.currentThread() == task.poller()) {
                        // a pool that runs a rejected task on the caller
                        task.refused(new RejectedExecutionException(
                                "the thread pool ran " + name + " on the consumer's polling thread"));
                    } else {
                        task.run();
                    }
                } finally {
                    synchronized (this) {
                        running = null;
                    }
                }
            }
        }

        /** The pool rejected this lane's drain: every record waiting on the lane is refused. */
        @Override
        public void reject() {
            refuseAll(new RejectedExecutionException("the lanes' thread pool rejected the task that runs " + name));
        }

        private void refuseAll(RejectedExecutionException cause) {
            List<Dispatch.Task> refused;
            synchronized (this) {
                refused = new ArrayList<>(queue);
                queue.clear();
                draining = false;
            }
            refused.forEach(task -> task.refused(cause));
        }

        synchronized String doing() {
            if (running == null) {
                return "which is between records";
            }
            return "which has been processing record " + running + " for "
                   + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runningSince) + " ms";
        }
    }

    /**
     * The records of one poll on the lanes, by sequence number (their order in the stream), and the watermark. Made by
     * the polling thread at the poll's first page; the lanes report to it as their records end.
     */
    private final class Dispatch {

        private final Thread poller = Thread.currentThread();
        /** The lanes this poll hands its records to. */
        private final List<Lane> lanes;
        /** Records handed over and not yet below the watermark, in slot {@code sequence % window}. */
        private final Object[] records = new Object[window];
        private final StreamPosition[] positions = new StreamPosition[window];
        private final boolean[] completed = new boolean[window];
        private long dispatched;
        /** Every record with a lower sequence number has completed. */
        private long watermark;
        /** Records handed to a lane and not yet ended (run, skipped or refused). */
        private int running;
        /** When a record last ended, or the dispatch began (System.nanoTime). */
        private long lastEnded = System.nanoTime();
        /** A record failed (or the consumer stops): no lane starts another one. */
        private volatile boolean failed;
        /** Stopped, or given up on: nothing more is handed over, run, or stored. */
        private volatile boolean closed;

        Dispatch(List<Lane> lanes) {
            this.lanes = lanes;
        }

        /** A record handed to its lane: runs once, or is refused once (never both). */
        final class Task {

            final Lane lane;
            final long sequence;
            final R record;
            final StreamPosition position;
            final int indexInPage;
            final int pageSize;

            Task(Lane lane, long sequence, R record, StreamPosition position, int indexInPage, int pageSize) {
                this.lane = lane;
                this.sequence = sequence;
                this.record = record;
                this.position = position;
                this.indexInPage = indexInPage;
                this.pageSize = pageSize;
            }

            Thread poller() {
                return poller;
            }

            /** On the lane's drain: runs the route on the record, unless the poll failed or the consumer stops. */
            void run() {
                process(this);
            }

            void refused(RejectedExecutionException cause) {
                if (!closed) {
                    consumer.getExceptionHandler().handleException(
                            "Neptune stream record " + position + " was refused by " + lane.name + " (" + cause.getMessage()
                                                                   + "); it fails like a failed exchange: the position"
                                                                   + " stays before it, no lane starts another record, and"
                                                                   + " the next poll reads everything after the position"
                                                                   + " again",
                            cause);
                }
                ended(this, false, false);
            }
        }

        /**
         * Waits for room in the window and takes the next sequence number for {@code record}; null to stop handing
         * records over (a failure, a stop).
         */
        synchronized Task reserve(Lane lane, R record, StreamPosition position, int indexInPage, int pageSize) {
            boolean interrupted = false;
            while (!failed && dispatched - watermark >= window && consumer.isBatchAllowed()) {
                try {
                    waitForARecordToEnd(position, lane);
                } catch (InterruptedException e) {
                    // the consumer stops: the lanes skip what waits
                    failed = true;
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failed || !consumer.isBatchAllowed()) {
                return null;
            }
            long sequence = dispatched++;
            int slot = slot(sequence);
            records[slot] = record;
            positions[slot] = position;
            running++;
            consumer.setPendingExchanges(running);
            return new Task(lane, sequence, record, position, indexInPage, pageSize);
        }

        /** On the lane's drain: runs the route on the record, unless the poll failed or the consumer stops. */
        private void process(Task task) {
            boolean succeeded = false;
            try {
                Exchange exchange = exchangeFor(task);
                if (exchange != null) {
                    succeeded = consumer.process(exchange);
                    if (!succeeded) {
                        consumer.failed(exchange, "Neptune stream record " + task.position + " failed; the"
                                                  + " position stays before it, no lane starts another record, and the"
                                                  + " next poll reads everything after the position again");
                    }
                }
            } finally {
                ended(task, succeeded, true);
            }
        }

        /**
         * The record's exchange, or null when the poll failed or the consumer stops. Made under the lock that
         * {@link #ended} holds when a refused position write deposes the consumer, so that another lane's record cannot
         * slip in between the check and the exchange: once deposed, no exchange is created.
         */
        private synchronized Exchange exchangeFor(Task task) {
            if (failed || !consumer.isBatchAllowed()) {
                return null;
            }
            Exchange exchange = recordExchange(task.record, task.position);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, task.indexInPage);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, task.pageSize);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, task.indexInPage == task.pageSize - 1);
            return exchange;
        }

        /**
         * A record ended: run (successfully or not), skipped, refused, or dropped by the filter ({@code processed}
         * false: it counts as done but not as processed).
         */
        private synchronized void ended(Task task, boolean succeeded, boolean processed) {
            running--;
            lastEnded = System.nanoTime();
            if (!closed) {
                consumer.setPendingExchanges(running);
                if (!succeeded) {
                    failed = true;
                } else {
                    completed[slot(task.sequence)] = true;
                    if (processed) {
                        consumer.delivered(1);
                    }
                    Object newest = null;
                    StreamPosition newestPosition = null;
                    while (watermark < dispatched && completed[slot(watermark)]) {
                        int slot = slot(watermark);
                        newest = records[slot];
                        newestPosition = positions[slot];
                        completed[slot] = false;
                        records[slot] = null;
                        watermark++;
                    }
                    if (newestPosition != null) {
                        advanceTo(newestPosition, newest);
                    }
                }
            }
            notifyAll();
        }

        /** Stores {@code position}, the new watermark, the position of {@code record}. */
        private void advanceTo(StreamPosition position, Object record) {
            try {
                @SuppressWarnings("unchecked")
                R typed = (R) record;
                consumer.advanceTo(position, typed);
            } catch (NeptuneStreamDeposedException e) {
                // deposed: the consumer logged it once; no lane starts another record
                failed = true;
            } catch (RuntimeException e) {
                // the position was not stored: stop here, and the next poll reads again from the stored one
                failed = true;
                consumer.getExceptionHandler().handleException("Neptune stream: cannot store the position " + position, e);
            }
        }

        /**
         * Waits until no record of this poll is on a lane (those queued behind a failure or a stop are skipped), or
         * fails the poll when none ends for the graceful-stop timeout.
         */
        synchronized void awaitIdle() {
            boolean interrupted = false;
            while (running > 0 && !closed) {
                try {
                    waitForARecordToEnd(null, null);
                } catch (InterruptedException e) {
                    // the consumer stops: the lanes finish what they run and skip the rest
                    failed = true;
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Waits on this dispatch until a record ends; gives the poll up when none has ended for the graceful-stop
         * timeout.
         *
         * @param nextPosition the record the polling thread would hand over next, to its lane {@code nextLane} (null at
         *                     the end of the poll)
         */
        private void waitForARecordToEnd(StreamPosition nextPosition, Lane nextLane) throws InterruptedException {
            long left = stallMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastEnded);
            if (left <= 0) {
                giveUp(nextPosition, nextLane);
            }
            wait(left);
        }

        /** No record ended for the graceful-stop timeout: the poll fails, and nothing it handed over is stored. */
        private void giveUp(StreamPosition nextPosition, Lane nextLane) {
            closed = true;
            failed = true;
            notifyAll();
            StreamPosition waitingFor = positions[slot(watermark)];
            @SuppressWarnings("unchecked")
            Lane lane = lanes.get(laneOf((R) records[slot(watermark)]));
            StreamPosition stored = consumer.currentPosition();
            String next = nextPosition != null
                    ? " (with " + window + " records past the position, the next record, " + nextPosition + " for "
                      + nextLane.name + ", waits for room)"
                    : "";
            throw new IllegalStateException(
                    "Neptune stream: no record ended on the lanes for " + stallMillis + " ms (the context's graceful-stop"
                                            + " timeout); the consumer waits for record " + waitingFor + " on "
                                            + lane.name + ", " + lane.doing() + next + ". The poll gives up:"
                                            + " the position stays at " + (stored != null ? stored : "its start")
                                            + ", before " + waitingFor + ", nothing this poll handed over moves it any"
                                            + " more, and the next poll reads everything after it again");
        }

        /** Stops the dispatch: nothing more is handed over or stored; the records waiting on a lane are skipped. */
        synchronized void close() {
            closed = true;
            failed = true;
            consumer.setPendingExchanges(0);
            notifyAll();
        }

        private int slot(long sequence) {
            return (int) (sequence % window);
        }
    }
}
