package dev.camelneptune.stream.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.StreamPosition;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's Micrometer meters. Loaded only when Micrometer is on the classpath ({@link NeptuneStreamMetrics}
 * checks first), so an application without Micrometer never touches this class.
 */
final class MicrometerMeters {

    /** The name camel-micrometer binds its registry under. */
    static final String REGISTRY_NAME = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMeters.class);

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the meters in the application's registry; null when it has none. */
    static MicrometerMeters register(NeptuneStreamMetrics metrics, NeptuneStreamConsumer<?> consumer) {
        CamelContext context = consumer.getEndpoint().getCamelContext();
        MeterRegistry registry = find(context.getRegistry());
        if (registry == null) {
            LOG.debug("Micrometer is on the classpath but no MeterRegistry is in the registry: no meters for route {}",
                    consumer.getRouteId());
            return null;
        }
        Tags tags = Tags.of("camelContext", context.getName(), "routeId", String.valueOf(consumer.getRouteId()),
                "streamType", consumer.getEndpoint().getConfiguration().getStreamType().name());
        MicrometerMeters answer = new MicrometerMeters(registry);
        answer.meters.add(Gauge.builder("camel.neptune.stream.lag", consumer, NeptuneStreamConsumer::getLagMillis)
                .description("How far behind the stream the consumer is: 0 when the last read found no newer record,"
                             + " else the age of the last record processed (-1 before the first)")
                .baseUnit("milliseconds").tags(tags).register(registry));
        answer.meters.add(Gauge.builder("camel.neptune.stream.lag.commits", metrics, NeptuneStreamMetrics::getCommitsBehind)
                .description("Commits between the last record processed and the newest record of the stream (read every "
                             + NeptuneStreamMetrics.LAG_CHECK_INTERVAL_MILLIS / 1000 + " s; -1 while unknown)")
                .baseUnit("commits").tags(tags).register(registry));
        answer.meters.add(Gauge.builder("camel.neptune.stream.position", consumer, MicrometerMeters::commitNum)
                .description("The commitNum of the last record processed (-1 before the first)")
                .tags(tags).register(registry));
        answer.meters.add(FunctionCounter.builder("camel.neptune.stream.records.processed", consumer,
                NeptuneStreamConsumer::getRecordsProcessed)
                .description("Records processed successfully since the consumer was created")
                .baseUnit("records").tags(tags).register(registry));
        return answer;
    }

    /** Removes the meters this consumer registered. */
    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private static double commitNum(NeptuneStreamConsumer<?> consumer) {
        StreamPosition position = consumer.currentPosition();
        return position != null ? position.commitNum() : -1;
    }

    /** As camel-micrometer finds it: by its name, else the one composite registry, else the one registry. */
    private static MeterRegistry find(Registry registry) {
        MeterRegistry named = registry.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<CompositeMeterRegistry> composites = registry.findByType(CompositeMeterRegistry.class);
        if (composites != null && composites.size() == 1) {
            return composites.iterator().next();
        }
        Set<MeterRegistry> all = registry.findByType(MeterRegistry.class);
        return all != null && all.size() == 1 ? all.iterator().next() : null;
    }
}
