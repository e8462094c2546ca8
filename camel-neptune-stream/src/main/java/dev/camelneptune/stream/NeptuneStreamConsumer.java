package dev.camelneptune.stream;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/**
 * Polls a Neptune stream and emits one exchange per change record, in stream order.
 * <p>
 * Each poll reads pages back to back until the stream answers "no records" (caught up), so a backlog drains at full
 * speed; then the scheduler's delay (and backoff options) apply. Records are processed one at a time; after each
 * exchange completes successfully its position is stored in the offset repository. A failed exchange ends the poll:
 * nothing after it is emitted and the position stays, so the next poll reads again from the failed record.
 * <p>
 * With {@code prefetch}, the page after the current one is read on a second thread while the route processes the
 * current one; it is used only if the whole current page succeeded, so it is asked for from exactly the position the
 * consumer would ask for without prefetch. After a failure it is discarded, and the next poll reads again from the
 * failed record.
 */
@ManagedResource(description = "Managed Neptune stream consumer")
public class NeptuneStreamConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(NeptuneStreamConsumer.class);

    private final NeptuneStreamConfiguration configuration;
    private final String offsetKey;
    private StreamReader<Object> reader;
    /** With prefetch: reads the next page while the route works on the current one. */
    private ExecutorService prefetcher;
    private StateRepository<String, String> offsetRepository;
    private boolean repositoryStartedHere;

    /** The last record processed successfully; null until there is one. */
    private volatile StreamPosition position;
    /** What to ask for while there is no position. */
    private StreamRequest seed;
    /** After a restart from an expired position: what was lost, to name the gap once the new start is known. */
    private String gapAfter;
    private boolean expiredLogged;
    private volatile long lastCommitTimestamp = -1;
    private volatile boolean caughtUp;
    private final LongAdder recordsProcessed = new LongAdder();
    private NeptuneStreamMetrics metrics;

    public NeptuneStreamConsumer(NeptuneStreamEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.offsetKey = configuration.resolveOffsetKey();
    }

    @Override
    public NeptuneStreamEndpoint getEndpoint() {
        return (NeptuneStreamEndpoint) super.getEndpoint();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void doStart() throws Exception {
        reader = (StreamReader<Object>) getEndpoint().createReader();
        if (configuration.isPrefetch()) {
            prefetcher = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "NeptuneStreamPrefetch");
        }
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
                throw new IllegalStateException("offset repository key " + offsetKey + " holds " + stored
                                                + ", which is not a stream position (commitNum:opNum)", e);
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
        if (repositoryStartedHere) {
            ServiceHelper.stopService(offsetRepository);
            repositoryStartedHere = false;
        }
    }

    private StreamRequest configuredSeed() {
        IteratorType type = IteratorType.fromValue(configuration.getIteratorType());
        return type == IteratorType.AT_SEQUENCE_NUMBER || type == IteratorType.AFTER_SEQUENCE_NUMBER
                ? new StreamRequest(type, configuration.getCommitNum(), configuration.getOpNum())
                : StreamRequest.of(type);
    }

    @Override
    protected int poll() throws Exception {
        int processed = 0;
        StreamPage<Object> page = isPollAllowed() ? fetch() : null;
        while (page != null) {
            List<Object> records = page.records();
            Future<Read> next = prefetcher != null ? prefetchAfter(records.get(records.size() - 1)) : null;
            int done = processBatch(new ArrayDeque<>(records));
            processed += done;
            if (done < records.size() || !isPollAllowed()) {
                if (next != null) {
                    // read past a failure (or a stop): never used, the next poll reads again from the position
                    next.cancel(false);
                }
                break;
            }
            page = next != null ? accept(next.get()) : fetch();
        }
        return processed;
    }

    /** One read of the stream: the page, or what the read threw, for the polling thread to handle. */
    private record Read(StreamRequest request, StreamPage<Object> page, RuntimeException failure) {
    }

    private Read read(StreamRequest request) {
        try {
            return new Read(request, reader.read(request), null);
        } catch (RuntimeException e) {
            return new Read(request, null, e);
        }
    }

    /** Starts reading the page after {@code lastRecord}: what {@link #fetch()} asks for once that record succeeded. */
    private Future<Read> prefetchAfter(Object lastRecord) {
        StreamRequest request = StreamRequest.after(reader.position(lastRecord));
        return prefetcher.submit(() -> read(request));
    }

    /** Reads the next page; null when caught up. */
    private StreamPage<Object> fetch() {
        return accept(read(position != null ? StreamRequest.after(position) : seed));
    }

    /** Takes the outcome of a read on the polling thread: the page, or null when caught up. */
    private StreamPage<Object> accept(Read read) {
        StreamRequest request = read.request();
        StreamPage<Object> page;
        try {
            if (read.failure() != null) {
                throw read.failure();
            }
            page = read.page();
        } catch (StreamRecordsNotFoundException e) {
            forceConsumerAsReady();
            caughtUp = true;
            if (position == null && request.iteratorType() == IteratorType.LATEST) {
                // nothing in the stream yet: everything that comes from now on is new
                seed = StreamRequest.of(IteratorType.TRIM_HORIZON);
            }
            return null;
        } catch (ExpiredStreamException e) {
            return restartAfterExpiry(request, e);
        }
        forceConsumerAsReady();
        expiredLogged = false;
        if (page.records().isEmpty()) {
            caughtUp = true;
            return null;
        }
        caughtUp = false;
        StreamPosition first = reader.position(page.records().get(0));
        if (position == null) {
            // pin the start: LATEST or TRIM_HORIZON asked again after a failure could answer a different record
            seed = StreamRequest.at(first);
        }
        if (gapAfter != null) {
            LOG.warn("Neptune stream {}: resumed at {}; the records after {} and before {} were never delivered",
                    configuration.getStreamType(), first, gapAfter, first);
            gapAfter = null;
        }
        return page;
    }

    private StreamPage<Object> restartAfterExpiry(StreamRequest request, ExpiredStreamException e) {
        String lost = position != null ? "after " + position : "at " + request;
        ExpiredStreamPolicy policy = configuration.getExpiredStreamPolicy();
        if (policy == ExpiredStreamPolicy.FAIL) {
            String message = "Neptune stream " + configuration.getStreamType() + " position " + lost
                             + " has been trimmed from the stream (ExpiredStreamException: " + e.awsErrorDetails().errorMessage()
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
        IteratorType restart = policy == ExpiredStreamPolicy.RESTART_FROM_LATEST ? IteratorType.LATEST : IteratorType.TRIM_HORIZON;
        LOG.warn("Neptune stream {} position {} has been trimmed from the stream; restarting from {} as"
                 + " expiredStreamPolicy={} says: the records in between are skipped",
                configuration.getStreamType(), lost, restart, policy);
        gapAfter = position != null ? position.toString() : request.toString();
        position = null;
        seed = StreamRequest.of(restart);
        return fetch();
    }

    /**
     * Processes one page: the queue holds its SDK records, in stream order; each becomes an exchange when its turn
     * comes. Returns how many completed successfully; fewer than the page holds means a failure (or shutdown) ended
     * the page, and the position stays at the last success.
     */
    @Override
    public int processBatch(Queue<Object> records) throws Exception {
        int total = records.size();
        int answer = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Object record = records.poll();
            StreamPosition recordPosition = reader.position(record);
            long commitTimestamp = reader.commitTimestamp(record);
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            reader.toMessage(record, message);
            message.setHeader(NeptuneStreamConstants.COMMIT_NUM, recordPosition.commitNum());
            message.setHeader(NeptuneStreamConstants.OP_NUM, recordPosition.opNum());
            message.setHeader(NeptuneStreamConstants.COMMIT_TIMESTAMP, commitTimestamp);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.isFailed() || exchange.isRollbackOnly()) {
                getExceptionHandler().handleException("Neptune stream record " + recordPosition
                                                      + " failed; it is read again on the next poll and nothing after it"
                                                      + " is emitted before it succeeds",
                        exchange, exchange.getException());
                releaseExchange(exchange, false);
                pendingExchanges = 0;
                return answer;
            }
            releaseExchange(exchange, false);
            advanceTo(recordPosition, commitTimestamp);
            answer++;
        }
        pendingExchanges = 0;
        return answer;
    }

    /** Stores the position first: if that fails, the record is delivered again rather than skipped. */
    private void advanceTo(StreamPosition recordPosition, long commitTimestamp) {
        if (offsetRepository != null) {
            offsetRepository.setState(offsetKey, recordPosition.toString());
        }
        position = recordPosition;
        lastCommitTimestamp = commitTimestamp;
        recordsProcessed.increment();
    }

    @ManagedAttribute(description = "The last record processed successfully, as commitNum:opNum (null before the first)")
    public String getPosition() {
        StreamPosition p = position;
        return p != null ? p.toString() : null;
    }

    @ManagedAttribute(description = "The commit timestamp (ms since the epoch) of the last record processed successfully, -1 before the first")
    public long getLastCommitTimestamp() {
        return lastCommitTimestamp;
    }

    @ManagedAttribute(description = "How far behind the stream this consumer is, in ms: 0 when the last read found no newer"
                                    + " record, else the age of the last record processed (-1 before the first)")
    public long getLagMillis() {
        if (caughtUp) {
            return 0;
        }
        long last = lastCommitTimestamp;
        return last < 0 ? -1 : Math.max(0, System.currentTimeMillis() - last);
    }

    @ManagedAttribute(description = "Records processed successfully since the consumer was created")
    public long getRecordsProcessed() {
        return recordsProcessed.sum();
    }

    /** The dev console's and the meters' view of this consumer; null before its first start. */
    NeptuneStreamMetrics getMetrics() {
        return metrics;
    }

    @ManagedAttribute(description = "The key of this consumer's position in the offset repository")
    public String getOffsetKey() {
        return offsetKey;
    }
}
