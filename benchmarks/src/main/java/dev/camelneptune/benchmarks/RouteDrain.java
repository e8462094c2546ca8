package dev.camelneptune.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

/**
 * The route a user writes: {@code neptune-stream -> processor}, on the same SDK client as the raw loop (bound in the
 * registry, so the component autowires it). Each drain adds a fresh route with a fresh offset repository, times it from
 * adding the route to the last record's exchange, then checks the position stored in the repository.
 */
final class RouteDrain implements AutoCloseable {

    enum Repository {
        MEMORY,
        FILE
    }

    private final CamelContext camel = new DefaultCamelContext();
    private final URI endpoint;
    private final Path directory;
    private final AtomicInteger routes = new AtomicInteger();

    RouteDrain(NeptunedataClient client, URI endpoint) throws Exception {
        this.endpoint = endpoint;
        this.directory = Files.createTempDirectory("camel-neptune-bench");
        camel.getRegistry().bind("neptuneDataClient", client);
        camel.start();
    }

    /** What the route does with each exchange (one record, or a batch with batching=true). */
    interface Sink {
        void accept(Exchange exchange) throws Exception;
    }

    /**
     * Drains {@code expected} records from TRIM_HORIZON, spending {@code workNanos} of CPU on each in the route;
     * returns the elapsed nanoseconds. {@code prefetch} null keeps the default.
     */
    long drain(int limit, long expected, Repository kind, Boolean prefetch, long workNanos) throws Exception {
        return drain(limit, expected, kind, prefetch == null ? "" : "&prefetch=" + prefetch,
                exchange -> CpuWork.spin(workNanos));
    }

    /**
     * Drains {@code expected} records from TRIM_HORIZON with the URI options {@code options} (e.g.
     * {@code &batching=true}), handing each exchange to {@code sink}; returns the elapsed nanoseconds.
     */
    long drain(int limit, long expected, Repository kind, String options, Sink sink) throws Exception {
        String id = "drain-" + routes.incrementAndGet();
        StateRepository<String, String> repository = kind == Repository.FILE
                ? new AtomicFileStateRepository(directory.resolve(id + ".offsets"))
                : new MemoryStateRepository();
        camel.getRegistry().bind(id, repository);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        AtomicReference<String> last = new AtomicReference<>();
        boolean lanes = options.contains("concurrentConsumers");
        String uri = "neptune-stream:" + endpoint + "?iteratorType=TRIM_HORIZON&limit=" + limit
                     + "&offsetRepository=#" + id + "&offsetKey=bench&initialDelay=0&delay=10&region=us-east-1" + options;
        long start = System.nanoTime();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(id).process(exchange -> {
                    sink.accept(exchange);
                    if (exchange.getMessage().getBody() instanceof List<?> batch) {
                        if (seen.addAndGet(batch.size()) >= expected) {
                            var eventId = ((PropertygraphRecord) batch.get(batch.size() - 1)).eventId();
                            last.set(eventId.get("commitNum") + ":" + eventId.get("opNum"));
                            done.countDown();
                        }
                    } else {
                        String position = exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
                                          + exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM);
                        if (lanes) {
                            // records complete out of stream order: the last one is the furthest in the stream
                            last.accumulateAndGet(position, RouteDrain::furthest);
                        }
                        if (seen.incrementAndGet() == expected) {
                            if (!lanes) {
                                last.set(position);
                            }
                            done.countDown();
                        }
                    }
                });
            }
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(id + " saw " + seen.get() + " of " + expected + " records in 5 minutes");
        }
        long elapsed = System.nanoTime() - start;
        // the consumer stores the position once the exchange has completed, just after the processor returned
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!last.get().equals(repository.getState("bench")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        String stored = repository.getState("bench");
        if (!last.get().equals(stored)) {
            throw new IllegalStateException(id + ": the last record was " + last.get() + " but the repository holds " + stored);
        }
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
        camel.getRegistry().unbind(id);
        return elapsed;
    }

    private static String furthest(String a, String b) {
        if (a == null) {
            return b;
        }
        StreamPosition x = StreamPosition.parse(a);
        StreamPosition y = StreamPosition.parse(b);
        int c = x.commitNum() != y.commitNum()
                ? Long.compare(x.commitNum(), y.commitNum()) : Long.compare(x.opNum(), y.opNum());
        return c >= 0 ? a : b;
    }

    @Override
    public void close() throws Exception {
        camel.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
