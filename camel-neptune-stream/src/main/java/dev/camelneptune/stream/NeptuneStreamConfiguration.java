package dev.camelneptune.stream;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dev.camelneptune.common.NeptuneAwsConfiguration;
import dev.camelneptune.stream.delivery.RecordFilter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

@UriParams
public class NeptuneStreamConfiguration extends NeptuneAwsConfiguration {

    static final int MAX_LIMIT = 100_000;
    /** The default lane window, chosen from the slow-sink and kill-test measurements (BENCHMARKS.md). */
    static final int DEFAULT_MAX_PENDING_RECORDS = 256;
    private static final int DEFAULT_PORT = 8182;
    /** The iterator types the service knows (the SDK's enum also has UNKNOWN_TO_SDK_VERSION). */
    static final List<IteratorType> ITERATOR_TYPES = List.of(IteratorType.AT_SEQUENCE_NUMBER,
            IteratorType.AFTER_SEQUENCE_NUMBER, IteratorType.TRIM_HORIZON, IteratorType.LATEST);

    @UriPath(description = "The Neptune cluster endpoint: host[:port] (HTTPS, port 8182 by default), or a full"
                           + " http(s)://host:port URL, e.g. for a local server or a proxy.")
    @Metadata(required = true)
    private String endpoint;

    @UriParam(label = "consumer", enums = "AT_SEQUENCE_NUMBER,AFTER_SEQUENCE_NUMBER,TRIM_HORIZON,LATEST",
              defaultValue = "TRIM_HORIZON",
              description = "Where to start when the offset repository holds no position for this consumer:"
                            + " TRIM_HORIZON (the oldest record still retained), LATEST (the newest record),"
                            + " AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER (of commitNum and opNum).")
    private IteratorType iteratorType = IteratorType.TRIM_HORIZON;
    @UriParam(label = "consumer",
              description = "The commit number to start at or after; required with AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER.")
    private Long commitNum;
    @UriParam(label = "consumer", defaultValue = "1",
              description = "The operation number within commitNum to start at or after.")
    private long opNum = 1;
    @UriParam(label = "consumer", defaultValue = "1000",
              description = "The most records one request returns, 1 to 100000. The service also cuts a response"
                            + " after 10 MB, whatever the limit.")
    private int limit = 1000;
    @UriParam(label = "consumer", enums = "gzip",
              description = "Set to gzip to have the service compress its responses.")
    private String encoding;
    @UriParam(label = "consumer", enums = "propertygraph,sparql", defaultValue = "propertygraph",
              description = "Which stream to read: the property graph (Gremlin, openCypher) change log or the SPARQL one.")
    private StreamType streamType = StreamType.propertygraph;
    @UriParam(label = "consumer",
              description = "Where the consumer stores its position (commitNum:opNum of the last record processed"
                            + " successfully) and finds it on start. For one node, use an"
                            + " AtomicFileStateRepository; without a repository the position lives only in memory.")
    private StateRepository<String, String> offsetRepository;
    @UriParam(label = "consumer",
              description = "The key of this consumer's position in the offset repository. Defaults to the endpoint"
                            + " and the stream type, e.g. my-cluster.example.com:8182/propertygraph.")
    private String offsetKey;
    @UriParam(label = "consumer", defaultValue = "FAIL",
              description = "What to do when the stored position has been trimmed from the stream"
                            + " (ExpiredStreamException): FAIL stops advancing (health check DOWN, an ERROR naming the"
                            + " lost position); RESTART_FROM_TRIM_HORIZON or RESTART_FROM_LATEST continue from there,"
                            + " with a WARN naming the gap.")
    private ExpiredStreamPolicy expiredStreamPolicy = ExpiredStreamPolicy.FAIL;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Fetch the next page on a second thread while the route processes the current one, so"
                            + " reading and processing overlap. The position semantics do not change: a failed"
                            + " exchange still ends the poll, and the prefetched page is discarded and read again."
                            + " Holds up to two pages in memory.")
    private boolean prefetch = true;
    @UriParam(label = "consumer,advanced", defaultValue = "true",
              description = "Parse each page with the component's own streaming JSON reader, straight into the SDK's"
                            + " record classes, noting each record's position as it goes, instead of with the SDK's"
                            + " generic unmarshaller. The records are the same; the request, its signing, retries and"
                            + " typed errors stay the SDK's. Set to false to have the SDK parse the pages.")
    private boolean streamingParser = true;
    @UriParam(label = "consumer",
              description = "One exchange per page (at most limit records) instead of one per record, for bulk sinks."
                            + " The body is a List of the page's SDK records in stream order, which converts to a JSON"
                            + " array of the records' JSON. The position is stored only after the whole batch"
                            + " succeeds; a failed batch is read again whole.")
    private boolean batching;
    @UriParam(label = "consumer",
              description = "One exchange per committed transaction: all of a commit's records, in order, even when"
                            + " the commit spans pages. The body is a List of the SDK records. The position is stored"
                            + " only after the whole transaction succeeds. A transaction larger than"
                            + " transactionPartSize comes in parts, flagged with their part number and whether they"
                            + " are the last.")
    private boolean groupByTransaction;
    @UriParam(label = "consumer", defaultValue = "10000",
              description = "With groupByTransaction, the most records one exchange holds: a larger transaction is"
                            + " delivered in parts of this size (headers CamelNeptuneStreamTransactionPart and"
                            + " CamelNeptuneStreamTransactionLastPart), so a bulk load does not have to fit in memory.")
    private int transactionPartSize = 10_000;
    @UriParam(label = "consumer", defaultValue = "1",
              description = "Process records on this many ordered lanes at once, for slow routes. Records go to a lane"
                            + " by element id (property graph: the vertex or edge id; SPARQL: the subject), so each"
                            + " element's changes are processed in stream order while different elements proceed in"
                            + " parallel. The stored position is the low watermark: the last record that it and every"
                            + " record before it completed. 1 processes one record at a time.")
    private int concurrentConsumers = 1;
    @UriParam(label = "consumer,filter",
              description = "Only these property graph record types make exchanges, a comma-separated list of vl"
                            + " (vertex label), vp (vertex property), e (edge), ep (edge property); for example vl,vp"
                            + " for vertices only. The other records are dropped before an exchange is made, and the"
                            + " position moves past them as past processed ones. Not for the SPARQL stream.")
    private String includeTypes;
    @UriParam(label = "consumer,filter",
              description = "Only records of these operations make exchanges: ADD, REMOVE or both (comma-separated)."
                            + " The others are dropped before an exchange is made, and the position moves past them"
                            + " as past processed ones.")
    private String includeOps;
    @UriParam(label = "consumer,filter",
              description = "Records that change these properties are dropped before an exchange is made, and the"
                            + " position moves past them as past processed ones: a comma-separated list of property"
                            + " keys (property graph vp and ep records) or of predicate IRIs in angle brackets"
                            + " (SPARQL), e.g. password,lastSeen.")
    private String excludeKeys;
    @UriParam(label = "consumer", defaultValue = "256",
              description = "With concurrentConsumers above 1, the most records handed to the lanes past the stored"
                            + " position (the low watermark): running, waiting on their lane, or done but behind a"
                            + " record that is not. The consumer waits for room before it hands over the next record."
                            + " This bounds what a crash delivers again (at most this many records) and what the lanes"
                            + " hold in memory; a larger window keeps more lanes busy when some records take longer"
                            + " than others. 1 to 100000.")
    private int maxPendingRecords = DEFAULT_MAX_PENDING_RECORDS;

    @UriParam(label = "advanced", description = "The NeptunedataClient to use instead of building one.")
    @Metadata(autowired = true)
    private NeptunedataClient neptuneDataClient;
    @UriParam(label = "security",
              description = "Send requests unsigned (no SigV4), for a Neptune cluster without IAM database authentication."
                            + " Needs no credentials, and takes none.")
    private boolean useAnonymousCredentials;

    /**
     * Rejects options that cannot work, naming the option and the rule, so a bad URI fails when the endpoint is created
     * rather than at the first poll.
     */
    public void validate() {
        if (!ITERATOR_TYPES.contains(iteratorType)) {
            throw new IllegalArgumentException("iteratorType must be one of " + ITERATOR_TYPES + ", not " + iteratorType);
        }
        if ((iteratorType == IteratorType.AT_SEQUENCE_NUMBER || iteratorType == IteratorType.AFTER_SEQUENCE_NUMBER)
                && commitNum == null) {
            throw new IllegalArgumentException("commitNum is required when iteratorType is " + iteratorType);
        }
        if (opNum < 1) {
            throw new IllegalArgumentException("opNum must be 1 or more, not " + opNum);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (encoding != null && !"gzip".equals(encoding)) {
            throw new IllegalArgumentException("encoding must be gzip or not set, not " + encoding);
        }
        if (streamType == null) {
            throw new IllegalArgumentException("streamType must be one of " + List.of(StreamType.values()) + ", not null");
        }
        if (batching && groupByTransaction) {
            throw new IllegalArgumentException(
                    "batching and groupByTransaction cannot both be true: an exchange holds"
                                               + " either a page or a transaction");
        }
        if (transactionPartSize < 1) {
            throw new IllegalArgumentException("transactionPartSize must be 1 or more, not " + transactionPartSize);
        }
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("concurrentConsumers must be 1 or more, not " + concurrentConsumers);
        }
        if (maxPendingRecords < 1 || maxPendingRecords > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "maxPendingRecords must be between 1 and " + MAX_LIMIT + ", not " + maxPendingRecords);
        }
        if (concurrentConsumers > 1 && (batching || groupByTransaction)) {
            throw new IllegalArgumentException(
                    "concurrentConsumers > 1 delivers one record per exchange: it cannot be"
                                               + " combined with " + (batching ? "batching" : "groupByTransaction"));
        }
        if (includeTypes != null && streamType == StreamType.sparql) {
            throw new IllegalArgumentException(
                    "includeTypes selects property graph records (vl, vp, e, ep): it cannot be set with"
                                               + " streamType=sparql, whose records are statements");
        }
        RecordFilter.of(this);
        clusterUri();
        validateClientOptions("neptuneDataClient", neptuneDataClient, "useAnonymousCredentials", useAnonymousCredentials);
    }

    /** The iterator type named {@code text} (any case), or an error naming the option and its values. */
    static IteratorType iteratorType(String text) {
        for (IteratorType type : ITERATOR_TYPES) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("iteratorType must be one of " + ITERATOR_TYPES + ", not " + text);
    }

    /**
     * The cluster the path names, as a URL: a full URL as given, or https://host:8182. It is where requests go, unless
     * overrideEndpoint=true sends them to uriEndpointOverride (a tunnel, proxy or load balancer in front of the
     * cluster); either way the default offsetKey comes from the path, so redirecting requests keeps the position.
     */
    public URI clusterUri() {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("endpoint (the path) is required: host[:port] or http(s)://host:port");
        }
        String lower = endpoint.toLowerCase(Locale.ROOT);
        boolean fullUrl = lower.startsWith("http://") || lower.startsWith("https://");
        if (!fullUrl && lower.contains("://")) {
            throw new IllegalArgumentException(
                    "endpoint must be host[:port] or http(s)://host:port, not " + endpoint
                                               + ": only the http and https schemes are supported");
        }
        URI uri;
        try {
            uri = URI.create(fullUrl ? endpoint : "https://" + endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint must be host[:port] or http(s)://host:port, not " + endpoint, e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be host[:port] or http(s)://host:port, not " + endpoint);
        }
        return fullUrl || uri.getPort() >= 0 ? uri : URI.create("https://" + endpoint + ":" + DEFAULT_PORT);
    }

    /** The offset key in use: {@link #getOffsetKey()} or {@code endpoint/streamType}. */
    public String resolveOffsetKey() {
        return offsetKey != null ? offsetKey : endpoint + "/" + streamType;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public IteratorType getIteratorType() {
        return iteratorType;
    }

    public void setIteratorType(IteratorType iteratorType) {
        this.iteratorType = iteratorType;
    }

    public Long getCommitNum() {
        return commitNum;
    }

    public void setCommitNum(Long commitNum) {
        this.commitNum = commitNum;
    }

    public long getOpNum() {
        return opNum;
    }

    public void setOpNum(long opNum) {
        this.opNum = opNum;
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public StreamType getStreamType() {
        return streamType;
    }

    public void setStreamType(StreamType streamType) {
        this.streamType = streamType;
    }

    public StateRepository<String, String> getOffsetRepository() {
        return offsetRepository;
    }

    public void setOffsetRepository(StateRepository<String, String> offsetRepository) {
        this.offsetRepository = offsetRepository;
    }

    public String getOffsetKey() {
        return offsetKey;
    }

    public void setOffsetKey(String offsetKey) {
        this.offsetKey = offsetKey;
    }

    public boolean isPrefetch() {
        return prefetch;
    }

    public void setPrefetch(boolean prefetch) {
        this.prefetch = prefetch;
    }

    public boolean isStreamingParser() {
        return streamingParser;
    }

    public void setStreamingParser(boolean streamingParser) {
        this.streamingParser = streamingParser;
    }

    public boolean isBatching() {
        return batching;
    }

    public void setBatching(boolean batching) {
        this.batching = batching;
    }

    public boolean isGroupByTransaction() {
        return groupByTransaction;
    }

    public void setGroupByTransaction(boolean groupByTransaction) {
        this.groupByTransaction = groupByTransaction;
    }

    public int getTransactionPartSize() {
        return transactionPartSize;
    }

    public void setTransactionPartSize(int transactionPartSize) {
        this.transactionPartSize = transactionPartSize;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public int getMaxPendingRecords() {
        return maxPendingRecords;
    }

    public void setMaxPendingRecords(int maxPendingRecords) {
        this.maxPendingRecords = maxPendingRecords;
    }

    public ExpiredStreamPolicy getExpiredStreamPolicy() {
        return expiredStreamPolicy;
    }

    public void setExpiredStreamPolicy(ExpiredStreamPolicy expiredStreamPolicy) {
        this.expiredStreamPolicy = expiredStreamPolicy;
    }

    public String getIncludeTypes() {
        return includeTypes;
    }

    public void setIncludeTypes(String includeTypes) {
        this.includeTypes = includeTypes;
    }

    public String getIncludeOps() {
        return includeOps;
    }

    public void setIncludeOps(String includeOps) {
        this.includeOps = includeOps;
    }

    public String getExcludeKeys() {
        return excludeKeys;
    }

    public void setExcludeKeys(String excludeKeys) {
        this.excludeKeys = excludeKeys;
    }

    public NeptunedataClient getNeptuneDataClient() {
        return neptuneDataClient;
    }

    public void setNeptuneDataClient(NeptunedataClient neptuneDataClient) {
        this.neptuneDataClient = neptuneDataClient;
    }

    public boolean isUseAnonymousCredentials() {
        return useAnonymousCredentials;
    }

    public void setUseAnonymousCredentials(boolean useAnonymousCredentials) {
        this.useAnonymousCredentials = useAnonymousCredentials;
    }

    public NeptuneStreamConfiguration copy() {
        try {
            return (NeptuneStreamConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
