package dev.camelneptune.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.camelneptune.local.stream.StreamApi;
import dev.camelneptune.local.tasks.Graphs;
import dev.camelneptune.local.tasks.TaskApi;
import dev.camelneptune.local.tasks.Tasks;

/**
 * An embedded, in-memory Neptune on a real HTTP port (HTTPS with {@link Builder#https(SSLContext)}): the NeptuneGraph
 * task API with its graphs ({@link #tasks()}, {@link #graphs()}) and the Neptune Streams API ({@link #stream()}), with
 * faults on demand ({@link #faults()}) and a clock tests control ({@link #clock()}).
 *
 * <pre>
 * try (NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start()) {
 *     NeptuneGraphClient client = NeptuneGraphClient.builder().endpointOverride(neptune.endpoint())...
 * }
 * </pre>
 */
public final class NeptuneLocal implements AutoCloseable {

    static {
        // The JDK server writes a response's headers and body in separate packets; with Nagle's algorithm on, each
        // response then waits for the client's delayed ACK (about 40 ms a request). Read once, when the first server
        // of the JVM is created, so it is set here unless the user chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final LocalClock clock;
    private final Faults faults = new Faults();
    private final AtomicLong requests = new AtomicLong();
    private final Graphs graphs;
    private final Tasks tasks;
    private final StreamApi stream;
    private final List<LocalApi> apis;
    private final SigV4Check sigV4;
    private final SSLContext sslContext;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile int port;

    private NeptuneLocal(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.clock = builder.clock;
        this.graphs = new Graphs(clock);
        this.tasks = new Tasks(clock, graphs);
        this.stream = new StreamApi(clock);
        this.apis = List.of(new TaskApi(tasks), stream);
        this.sigV4 = builder.sigV4 ? new SigV4Check(builder.sigV4AccessKeyId, builder.sigV4SecretAccessKey) : null;
        this.sslContext = builder.sslContext;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server on a free loopback port with the system clock. */
    public static NeptuneLocal start() {
        return builder().start();
    }

    /** Starts serving (again, after {@link #stop()}: on the same port, with all data kept). */
    public synchronized NeptuneLocal startServer() {
        if (server != null) {
            return this;
        }
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
            HttpServer s;
            if (sslContext != null) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
                s = https;
            } else {
                s = HttpServer.create(address, 128);
            }
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "neptune-local-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            executor = Executors.newCachedThreadPool(factory);
            s.setExecutor(executor);
            addContexts(s);
            s.start();
            port = s.getAddress().getPort();
            server = s;
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("neptune-local cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops serving; the data stays, and {@link #startServer()} serves it again on the same port. */
    public synchronized void stop() {
        HttpServer s = server;
        if (s != null) {
            server = null;
            s.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code http://host:port} ({@code https://} with TLS), what an SDK client's {@code endpointOverride} takes. */
    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create((sslContext != null ? "https://" : "http://") + h + ":" + port);
    }

    public int port() {
        return port;
    }

    public LocalClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    /** How many HTTP requests have reached the server so far, e.g. to prove that a client made none. */
    public long requestCount() {
        return requests.get();
    }

    /** The NeptuneGraph import and export tasks: create and steer them (the task API serves them over HTTP). */
    public Tasks tasks() {
        return tasks;
    }

    /** The Neptune Analytics graphs the task API checks tasks against: create them, set their state, delete them. */
    public Graphs graphs() {
        return graphs;
    }

    /** The Neptune Streams API (property graph and SPARQL change logs) and its Java API to commit changes. */
    public StreamApi stream() {
        return stream;
    }

    /** Fills every API with demo data, as {@code --demo} does: graphs and tasks in various states, change logs. */
    public NeptuneLocal seedDemo() {
        tasks.seedDemo();
        stream.seedDemo();
        return this;
    }

    /** The 404 of a path no API serves. */
    static LocalResponse noApiAt(String path) {
        return LocalResponse.json(404, "{\"message\":\"no API at " + path.replace("\"", "") + "\"}");
    }

    /**
     * One context per path prefix of each API, each request through the same chain: {@link ServeFilter} (count, read,
     * write), {@link SigV4Filter} when signatures are required, {@link FaultFilter}, then the API itself.
     */
    private void addContexts(HttpServer s) {
        s.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                Exchanges.read(exchange);
                Exchanges.forget(exchange);
                Exchanges.write(exchange, noApiAt(exchange.getRequestURI().getPath()));
            }
        });
        for (LocalApi api : apis) {
            for (String prefix : api.pathPrefixes()) {
                HttpContext context = s.createContext(prefix, new ApiHandler(api));
                context.getFilters().add(new ServeFilter(requests));
                if (sigV4 != null) {
                    context.getFilters().add(new SigV4Filter(sigV4, api));
                }
                context.getFilters().add(new FaultFilter(faults, api));
            }
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private LocalClock clock = LocalClock.system();
        private boolean sigV4;
        private String sigV4AccessKeyId;
        private String sigV4SecretAccessKey;
        private SSLContext sslContext;

        /** The address to listen on; loopback by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to listen on; 0 (the default) takes a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A clock that moves only when a test advances it. */
        public Builder manualClock() {
            this.clock = LocalClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
            return this;
        }

        public Builder clock(LocalClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Answers 403 {@code AccessDeniedException} (in each API's error format) to every request without an
         * {@code Authorization} header of SigV4's shape for the API it is addressed to, whose signing name the service
         * models give: {@code neptune-graph} for the task paths, {@code neptune-db} for the stream paths.
         * {@code AWS4-HMAC-SHA256 Credential=<key>/<yyyyMMdd>/<region>/<signing name>/aws4_request,
         * SignedHeaders=..., Signature=<64 hex>}. The shape is checked, not the signature itself: any key pair passes.
         * To check the signature too, use {@link #requireSigV4(String, String)}.
         */
        public Builder requireSigV4() {
            this.sigV4 = true;
            this.sigV4AccessKeyId = null;
            this.sigV4SecretAccessKey = null;
            return this;
        }

        /**
         * As {@link #requireSigV4()}, and the signature is computed again with the SDK's own SigV4 signer for this key
         * pair and the API's signing name, as the service does: a request signed with another secret key gets 403
         * {@code InvalidSignatureException}, one signed with another access key 403
         * {@code UnrecognizedClientException}. The request time is not checked against the clock (the service refuses
         * signatures older than 15 minutes).
         */
        public Builder requireSigV4(String accessKeyId, String secretAccessKey) {
            this.sigV4 = true;
            this.sigV4AccessKeyId = java.util.Objects.requireNonNull(accessKeyId, "accessKeyId");
            this.sigV4SecretAccessKey = java.util.Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP, with the key and certificate of {@code sslContext} (e.g. a self-signed one, to
         * test that clients check certificates). HTTP is the default.
         */
        public Builder https(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public NeptuneLocal build() {
            return new NeptuneLocal(this);
        }

        public NeptuneLocal start() {
            return build().startServer();
        }
    }
}
