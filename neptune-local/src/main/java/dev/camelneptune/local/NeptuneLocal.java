package dev.camelneptune.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.camelneptune.local.stream.StreamApi;
import dev.camelneptune.local.tasks.TaskApi;

/**
 * An embedded, in-memory Neptune on a real HTTP port: the NeptuneGraph task API ({@link #tasks()}) and the Neptune
 * Streams API ({@link #stream()}), with faults on demand ({@link #faults()}) and a clock tests control
 * ({@link #clock()}).
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
    private final TaskApi tasks;
    private final StreamApi stream;
    private final List<LocalApi> apis;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile int port;

    private NeptuneLocal(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.clock = builder.clock;
        this.tasks = new TaskApi(clock);
        this.stream = new StreamApi(clock);
        this.apis = List.of(tasks, stream);
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
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 128);
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "neptune-local-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            executor = Executors.newCachedThreadPool(factory);
            s.setExecutor(executor);
            s.createContext("/", this::serve);
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

    /** {@code http://host:port}, what an SDK client's {@code endpointOverride} takes. */
    public URI endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
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

    /** The NeptuneGraph task API and its Java steering API. */
    public TaskApi tasks() {
        return tasks;
    }

    /** The Neptune Streams API (property graph and SPARQL change logs) and its Java API to commit changes. */
    public StreamApi stream() {
        return stream;
    }

    /** Fills every API with demo data, as {@code --demo} does. */
    public NeptuneLocal seedDemo() {
        apis.forEach(LocalApi::seedDemo);
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            LocalApi api = apiFor(path);
            if (api == null) {
                write(exchange, LocalResponse.json(404, "{\"message\":\"no API at " + path.replace("\"", "") + "\"}"));
                return;
            }
            Fault fault = faults.take(path);
            if (fault != null) {
                switch (fault.kind()) {
                    case ERROR -> {
                        write(exchange, api.error(fault.status(), fault.code(), "injected fault: " + fault.code()));
                        return;
                    }
                    case RESET -> {
                        // no status line at all: the client sees the connection closed
                        exchange.getResponseBody().close();
                        return;
                    }
                    case DELAY -> sleep(fault.delay().toMillis());
                    default -> {
                        // CUT_BODY is applied to the normal answer below
                    }
                }
            }
            LocalResponse response;
            try {
                response = api.handle(toRequest(exchange, path));
            } catch (ApiError e) {
                response = api.error(e.status(), e.code(), e.getMessage());
            } catch (RuntimeException e) {
                response = api.error(500, "InternalServerException", String.valueOf(e));
            }
            if (fault != null && fault.kind() == Fault.Kind.CUT_BODY) {
                writeCut(exchange, response);
            } else {
                write(exchange, response);
            }
        }
    }

    private LocalApi apiFor(String path) {
        for (LocalApi api : apis) {
            for (String prefix : api.pathPrefixes()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return api;
                }
            }
        }
        return null;
    }

    private static LocalRequest toRequest(HttpExchange exchange, String path) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new LocalRequest(exchange.getRequestMethod(), path,
                LocalRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body);
    }

    private static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Promises the whole body, sends half of it, and drops the connection. */
    private static void writeCut(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), Math.max(body.length, 2));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // closing the exchange before the promised length is written makes the server drop the connection
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private LocalClock clock = LocalClock.system();

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

        public NeptuneLocal build() {
            return new NeptuneLocal(this);
        }

        public NeptuneLocal start() {
            return build().startServer();
        }
    }
}
