package dev.camelneptune.benchmarks;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/**
 * A route that wants half of the records: with Camel's {@code filter} EIP on the record's key header (an exchange per
 * record, the other half dropped in the route), and with the consumer's {@code excludeKeys} (no exchange for the
 * dropped half). Each drain is timed from adding the route to the stored position reaching the log's last record, which
 * both routes store, and checks that both saw the same records.
 */
final class FilterDrain implements AutoCloseable {

    /** The preloaded log's keys (name, age, city) and label records: these two keys are half of the records. */
    static final String EXCLUDED_KEYS = "age,city";

    private final CamelContext camel = new DefaultCamelContext();
    private final URI endpoint;
    private final String lastPosition;
    private final AtomicInteger routes = new AtomicInteger();

    FilterDrain(NeptunedataClient client, URI endpoint, String lastPosition) throws Exception {
        this.endpoint = endpoint;
        this.lastPosition = lastPosition;
        camel.getRegistry().bind("neptuneDataClient", client);
        camel.start();
    }

    /** The filter EIP in the route; returns the elapsed nanoseconds. */
    long filterEip(int limit, long expectedKept) throws Exception {
        return drain(limit, expectedKept, "", true);
    }

    /** The consumer's excludeKeys; returns the elapsed nanoseconds. */
    long consumerFilter(int limit, long expectedKept) throws Exception {
        return drain(limit, expectedKept, "&excludeKeys=" + EXCLUDED_KEYS, false);
    }

    private long drain(int limit, long expectedKept, String options, boolean eip) throws Exception {
        String id = "filter-" + routes.incrementAndGet();
        MemoryStateRepository repository = new MemoryStateRepository();
        camel.getRegistry().bind(id, repository);
        LongAdder kept = new LongAdder();
        String uri = "neptune-stream:" + endpoint + "?iteratorType=TRIM_HORIZON&limit=" + limit + "&offsetRepository=#"
                     + id + "&offsetKey=bench&initialDelay=0&delay=10&region=us-east-1" + options;
        long start = System.nanoTime();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (eip) {
                    from(uri).routeId(id)
                            .filter(simple("${header.CamelNeptuneStreamKey} != 'age'"
                                           + " && ${header.CamelNeptuneStreamKey} != 'city'"))
                            .process(exchange -> kept.increment());
                } else {
                    from(uri).routeId(id).process(exchange -> kept.increment());
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!lastPosition.equals(repository.getState("bench"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        id + " stored " + repository.getState("bench") + ", not " + lastPosition
                                                + ", in 5 minutes");
            }
            Thread.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
        camel.getRegistry().unbind(id);
        if (kept.sum() != expectedKept) {
            throw new IllegalStateException(id + " kept " + kept.sum() + " records, not " + expectedKept);
        }
        return elapsed;
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
