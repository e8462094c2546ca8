package dev.camelneptune.stream;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dev.camelneptune.common.NeptuneAwsConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

@UriParams
public class NeptuneStreamConfiguration extends NeptuneAwsConfiguration {

    static final int MAX_LIMIT = 100_000;
    private static final int DEFAULT_PORT = 8182;
    private static final List<String> ITERATOR_TYPES
            = List.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST");
    private static final List<String> STREAM_TYPES = List.of("propertygraph", "sparql");

    @UriPath(description = "The Neptune cluster endpoint: host[:port] (HTTPS, port 8182 by default), or a full"
                           + " http(s)://host:port URL, e.g. for a local server or a proxy.")
    @Metadata(required = true)
    private String endpoint;

    @UriParam(label = "consumer", enums = "AT_SEQUENCE_NUMBER,AFTER_SEQUENCE_NUMBER,TRIM_HORIZON,LATEST",
              defaultValue = "TRIM_HORIZON",
              description = "Where to start when the offset repository holds no position for this consumer:"
                            + " TRIM_HORIZON (the oldest record still retained), LATEST (the newest record),"
                            + " AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER (of commitNum and opNum).")
    private String iteratorType = "TRIM_HORIZON";
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
    private String streamType = "propertygraph";
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
    @UriParam(label = "consumer",
              description = "Fetch the next page on a second thread while the route processes the current one, so"
                            + " reading and processing overlap. The position semantics do not change: a failed"
                            + " exchange still ends the poll, and the prefetched page is discarded and read again."
                            + " Holds up to two pages in memory.")
    private boolean prefetch;

    @UriParam(label = "advanced", description = "The NeptunedataClient to use instead of building one.")
    @Metadata(autowired = true)
    private NeptunedataClient neptuneDataClient;
    @UriParam(label = "security",
              description = "Send requests unsigned (no SigV4), for a Neptune cluster without IAM database authentication."
                            + " Needs no credentials, and takes none.")
    private boolean useAnonymousCredentials;

    /**
     * Rejects options that cannot work, naming the option and the rule, so a bad URI fails when the endpoint is
     * created rather than at the first poll.
     */
    public void validate() {
        if (!ITERATOR_TYPES.contains(iteratorType)) {
            throw new IllegalArgumentException("iteratorType must be one of " + ITERATOR_TYPES + ", not " + iteratorType);
        }
        if (iteratorType.endsWith("_SEQUENCE_NUMBER") && commitNum == null) {
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
        if (!STREAM_TYPES.contains(streamType)) {
            throw new IllegalArgumentException("streamType must be one of " + STREAM_TYPES + ", not " + streamType);
        }
        clusterUri();
        validateClientOptions("neptuneDataClient", neptuneDataClient, "useAnonymousCredentials", useAnonymousCredentials);
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
            throw new IllegalArgumentException("endpoint must be host[:port] or http(s)://host:port, not " + endpoint
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

    public String getIteratorType() {
        return iteratorType;
    }

    public void setIteratorType(String iteratorType) {
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

    public String getStreamType() {
        return streamType;
    }

    public void setStreamType(String streamType) {
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

    public ExpiredStreamPolicy getExpiredStreamPolicy() {
        return expiredStreamPolicy;
    }

    public void setExpiredStreamPolicy(ExpiredStreamPolicy expiredStreamPolicy) {
        this.expiredStreamPolicy = expiredStreamPolicy;
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
