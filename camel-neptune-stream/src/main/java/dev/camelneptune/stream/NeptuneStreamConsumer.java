package dev.camelneptune.stream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.camelneptune.stream.delivery.Delivery;
import dev.camelneptune.stream.metrics.NeptuneStreamMetrics;
import dev.camelneptune.stream.page.StreamPage;
import dev.camelneptune.stream.page.StreamReader;
import dev.camelneptune.stream.page.StreamRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/**
 * Polls a Neptune stream and hands its records to the route in stream order, storing the position only after they
 * succeeded.
 * <p>
 * Each poll reads pages back to back until the stream answers "no records" (caught up), so a backlog drains at full
 * speed; then the scheduler's delay (and backoff options) apply. How a page becomes exchanges is the delivery mode's
 * ({@link Delivery}): one exchange per record (the default), per page ({@code batching}), per transaction
 * ({@code groupByTransaction}) or one per record on ordered lanes ({@code concurrentConsumers}). Whatever the mode, a
 * failure ends the poll and the position stays before the failed record, so the next poll reads it again.
 * <p>
 * With {@code prefetch} (the default), the page after the current one is read on a second thread while the route works
 * on the current one. It is asked for from right after the current page's last record, which is where the consumer
 * reads next once the page has been handed over; if the page is not handed over whole (a failure, a stop), the
 * prefetched page is cancelled and never used.
 *
 * @param <R> the SDK record type of the stream ({@code PropertygraphRecord} or {@code SparqlRecord})
 */
@ManagedResource(description = "Managed Neptune stream consumer")
public class NeptuneStreamConsumer<R> extends ScheduledPollConsumer implements ShutdownAware {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneStreamConsumer.class);

    private final NeptuneStreamConfiguration configuration;
    private final StreamReader<R> reader;
    private final String offsetKey;
    private final Delivery<R> delivery;
    /** With prefetch: reads the next page while the route works on the current one. */
    private ExecutorService prefetcher;
    private StateRepository<String, String> offsetRepository;
    private boolean repositoryStartedHere;
    /** Runs an exchange through the (asynchronous) route and waits for it, as {@code Processor.process} does. */
    private AsyncProcessorAwaitManager awaitManager;

    /** The last record processed successfully (with lanes: the low watermark); null until there is one. */
    private volatile StreamPosition position;
    /** What to ask for while there is no position. */
    private StreamRequest seed;
    /** After a restart from an expired position: what was lost, to name the gap once the new start is known. */
    private String gapAfter;
    private boolean expiredLogged;
    /** The record at the position, for its commit timestamp (read when asked: JMX); null until there is one. */
    private volatile R positionRecord;
    private volatile boolean caughtUp;
    /** Records processed successfully in the current poll. */
    private final AtomicInteger delivered = new AtomicInteger();
    private final LongAdder recordsProcessed = new LongAdder();
    private NeptuneStreamMetrics metrics;
    /** While the context shuts down: what it asks of the running task (complete it, or everything pending). */
    private volatile ShutdownRunningTask shutdownRunningTask;
    /** Exchanges of the current poll not yet handed to the route, for a shutdown that completes all tasks. */
    private volatile int pendingExchanges;

    NeptuneStreamConsumer(NeptuneStreamEndpoint endpoint, Processor processor, StreamReader<R> reader) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.reader = reader;
        this.offsetKey = configuration.resolveOffsetKey();
        this.delivery = Delivery.of(configuration, this);
    }

    @Override
    public NeptuneStreamEndpoint getEndpoint() {
        return (NeptuneStreamEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        awaitManager = PluginHelper.getAsyncProcessorAwaitManager(getEndpoint().getCamelContext());
        if (configuration.isPrefetch()) {
            prefetcher = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "NeptuneStreamPrefetch");
        }
        delivery.start();
        offsetRepository = configuration.getOffsetRepository();
        if (offsetRepository != null && !ServiceHelper.isStarted(offsetRepository)) {
            ServiceHelper.startService(offsetRepository);
            repositoryStartedHere = true;
        }
        String stored = offsetRepository != null ? offsetRepository.getState(offsetKey) : null;
        if (stored != null) {
            try {
                position = StreamPosition.parse(stored);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "offset repository key " + offsetKey + " holds " + stored
                                                + ", which is not a stream position (commitNum:opNum)",
                        e);
            }
            LOG.info("Resuming Neptune stream {} after {} (stored under key {})", configuration.getStreamType(), position,
                    offsetKey);
        } else if (position == null && seed == null) {
            seed = configuredSeed();
            LOG.info("Starting Neptune stream {} at {} (no position stored under key {})", configuration.getStreamType(),
                    seed, offsetKey);
        }
        super.doStart();
        metrics = NeptuneStreamMetrics.start(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (metrics != null) {
            metrics.stop();
        }
        super.doStop();
        if (prefetcher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(prefetcher);
            prefetcher = null;
        }
        delivery.stop();
        if (repositoryStartedHere) {
            ServiceHelper.stopService(offsetRepository);
            repositoryStartedHere = false;
        }
    }

    private StreamRequest configuredSeed() {
        IteratorType type = configuration.getIteratorType();
        return type == IteratorType.AT_SEQUENCE_NUMBER || type == IteratorType.AFTER_SEQUENCE_NUMBER
                ? new StreamRequest(type, configuration.getCommitNum(), configuration.getOpNum())
                : StreamRequest.of(type);
    }

    @Override
    protected int poll() throws Exception {
        if (!isPollAllowed()) {
            return 0;
        }
        delivered.set(0);
        Future<Read<R>> next = null;
        try {
            StreamPage<R> page = accept(read(position != null ? StreamRequest.after(position) : seed), true);
            boolean handedOver = true;
            while (page != null && handedOver) {
                // where the consumer reads next once this page is handed over (with transactions or lanes the
                // position may still be behind it)
                StreamRequest after = StreamRequest.after(page.last());
                next = prefetcher != null ? prefetcher.submit(() -> read(after)) : null;
                handedOver = delivery.deliver(page) && isPollAllowed();
                if (handedOver) {
                    Read<R> read = next != null ? next.get() : read(after);
                    next = null;
                    page = accept(read, false);
                }
            }
            if (page == null && caughtUp) {
                delivery.caughtUp();
            }
        } finally {
            if (next != null) {
                // read past a failure, a stop or an exception: never used, the next poll reads again from the position
                next.cancel(true);
            }
            delivery.endPoll();
        }
        return delivered.get();
    }

    /** One read of the stream: the page, or what the read threw, for the polling thread to handle. */
    private record Read<R>(StreamRequest request, StreamPage<R> page, RuntimeException failure) {
    }

    private Read<R> read(StreamRequest request) {
        try {
            return new Read<>(request, reader.read(request), null);
        } catch (RuntimeException e) {
            return new Read<>(request, null, e);
        }
    }

    /**
     * Takes the outcome of a read on the polling thread: the page, or null when there is nothing more to read in this
     * poll (caught up).
     *
     * @param first whether this is the poll's first read, made from the stored position (or the seed)
     */
    private StreamPage<R> accept(Read<R> read, boolean first) {
        StreamRequest request = read.request();
        StreamPage<R> page;
        try {
            if (read.failure() != null) {
                throw read.failure();
            }
            page = read.page();
        } catch (StreamRecordsNotFoundException e) {
            forceConsumerAsReady();
            caughtUp = true;
            if (request == seed && request.iteratorType() == IteratorType.LATEST) {
                // nothing in the stream yet: everything that comes from now on is new
                seed = StreamRequest.of(IteratorType.TRIM_HORIZON);
            }
            return null;
        } catch (ExpiredStreamException e) {
            if (!first) {
                // trimmed while this poll was reading on: the next poll meets it at the position and applies the policy
                return null;
            }
            return restartAfterExpiry(request, e);
        }
        forceConsumerAsReady();
        expiredLogged = false;
        if (page.size() == 0) {
            caughtUp = true;
            return null;
        }
        caughtUp = false;
        if (request == seed) {
            // pin the start: LATEST or TRIM_HORIZON asked again after a failure could answer a different record
            StreamPosition start = page.position(0);
            seed = StreamRequest.at(start);
            if (gapAfter != null) {
                LOG.warn("Neptune stream {}: resumed at {}; the records after {} and before {} were never delivered",
                        configuration.getStreamType(), start, gapAfter, start);
                gapAfter = null;
            }
        }
        return page;
    }

    private StreamPage<R> restartAfterExpiry(StreamRequest request, ExpiredStreamException e) {
        String lost = position != null ? "after " + position : "at " + request;
        ExpiredStreamPolicy policy = configuration.getExpiredStreamPolicy();
        if (policy == ExpiredStreamPolicy.FAIL) {
            String message = "Neptune stream " + configuration.getStreamType() + " position " + lost
                             + " has been trimmed from the stream (ExpiredStreamException: " + NeptuneErrors.reason(e)
                             + "). The records between it and the oldest record the stream still retains are lost, and"
                             + " this consumer stops advancing. To recover, restart the route with"
                             + " expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON (or RESTART_FROM_LATEST), or store a"
                             + " retained position (commitNum:opNum) under key '" + offsetKey
                             + "' in the offset repository, or remove that key and set iteratorType.";
            if (!expiredLogged) {
                LOG.error(message);
                expiredLogged = true;
            }
            throw new NeptuneStreamExpiredException(message);
        }
        IteratorType restart
                = policy == ExpiredStreamPolicy.RESTART_FROM_LATEST ? IteratorType.LATEST : IteratorType.TRIM_HORIZON;
        LOG.warn("Neptune stream {} position {} has been trimmed from the stream (ExpiredStreamException: {});"
                 + " restarting from {} as expiredStreamPolicy={} says: the records in between are skipped",
                configuration.getStreamType(), lost, NeptuneErrors.reason(e), restart, policy);
        gapAfter = position != null ? position.toString() : request.toString();
        position = null;
        seed = StreamRequest.of(restart);
        return accept(read(seed), true);
    }

    // what the delivery modes use

    public StreamReader<R> reader() {
        return reader;
    }

    public NeptuneStreamConfiguration configuration() {
        return configuration;
    }

    /** The delivery mode of this consumer. */
    public Delivery<R> delivery() {
        return delivery;
    }

    /**
     * Whether the delivery may hand the route another exchange: not once the consumer stops, nor while the context
     * shuts down unless it asked to complete all pending tasks ({@code ShutdownRunningTask.CompleteAllTasks}).
     */
    public boolean isBatchAllowed() {
        if (!isRunAllowed()) {
            return false;
        }
        ShutdownRunningTask task = shutdownRunningTask;
        return task == null || task == ShutdownRunningTask.CompleteAllTasks;
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        this.shutdownRunningTask = shutdownRunningTask;
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        int pending = shutdownRunningTask == ShutdownRunningTask.CompleteAllTasks ? pendingExchanges : 0;
        // while polling an exchange may be about to start: tell the shutdown strategy to wait for it
        return pending == 0 && isPolling() ? 1 : pending;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        shutdownRunningTask = null;
    }

    /**
     * Runs the route on {@code exchange}. On success the exchange is released; on a failure (an exception the route did
     * not handle, or rollback) the caller reports it with {@link #failed}.
     *
     * @return whether the exchange succeeded
     */
    public boolean process(Exchange exchange) {
        try {
            // what Processor.process does, without looking the await manager up for every record
            awaitManager.process(getAsyncProcessor(), exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.isFailed() || exchange.isRollbackOnly()) {
            return false;
        }
        releaseExchange(exchange, false);
        return true;
    }

    /** Hands a failed exchange to the consumer's exception handler, saying what becomes of it, and releases it. */
    public void failed(Exchange exchange, String whatNext) {
        getExceptionHandler().handleException(whatNext, exchange, exchange.getException());
        releaseExchange(exchange, false);
    }

    /**
     * Stores {@code recordPosition}, the position of {@code record}: it and every record before it have been processed
     * successfully. The store comes first: if it fails, the records are delivered again rather than skipped.
     */
    public void advanceTo(StreamPosition recordPosition, R record) {
        if (offsetRepository != null) {
            offsetRepository.setState(offsetKey, recordPosition.toString());
        }
        position = recordPosition;
        positionRecord = record;
    }

    /** Counts records processed successfully in this poll (the scheduler backs off after polls that count none). */
    public void delivered(int records) {
        delivered.addAndGet(records);
        recordsProcessed.add(records);
    }

    public void setPendingExchanges(int pending) {
        pendingExchanges = pending;
    }

    /** The last record processed successfully (with lanes: the low watermark); null before the first. */
    public StreamPosition currentPosition() {
        return position;
    }

    @ManagedAttribute(description = "The last record processed successfully (with concurrentConsumers: every record up to"
                                    + " it), as commitNum:opNum (null before the first)")
    public String getPosition() {
        StreamPosition p = position;
        return p != null ? p.toString() : null;
    }

    @ManagedAttribute(description = "The commit timestamp (ms since the epoch) of the record at the position, -1 before the first")
    public long getLastCommitTimestamp() {
        R record = positionRecord;
        return record != null ? reader.commitTimestamp(record) : -1;
    }

    @ManagedAttribute(description = "How far behind the stream this consumer is, in ms: 0 when the last read found no newer"
                                    + " record, else the age of the record at the position (-1 before the first)")
    public long getLagMillis() {
        if (caughtUp) {
            return 0;
        }
        long last = getLastCommitTimestamp();
        return last < 0 ? -1 : Math.max(0, System.currentTimeMillis() - last);
    }

    @ManagedAttribute(description = "Records processed successfully since the consumer was created")
    public long getRecordsProcessed() {
        return recordsProcessed.sum();
    }

    /** The dev console's and the meters' view of this consumer; null before its first start. */
    public NeptuneStreamMetrics getMetrics() {
        return metrics;
    }

    @ManagedAttribute(description = "The key of this consumer's position in the offset repository")
    public String getOffsetKey() {
        return offsetKey;
    }
}
