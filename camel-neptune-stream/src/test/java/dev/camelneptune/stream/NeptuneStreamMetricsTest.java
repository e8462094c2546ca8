package dev.camelneptune.stream;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelneptune.local.Fault;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a MeterRegistry in the Camel registry (as camel-micrometer binds it), the consumer publishes its meters. */
class NeptuneStreamMetricsTest extends NeptuneStreamTestSupport {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    @Test
    void metersShowLagPositionAndRecordsProcessedTaggedWithRouteAndStreamType() throws Exception {
        commitPeople(3);
        consume(streamUri("iteratorType=TRIM_HORIZON"));

        await().until(() -> received.size() == 6);

        await().untilAsserted(() -> {
            assertThat(gauge("camel.neptune.stream.lag.commits")).isZero();
            assertThat(gauge("camel.neptune.stream.lag")).isZero();
        });
        assertThat(gauge("camel.neptune.stream.position")).isEqualTo(3);
        assertThat(registry.get("camel.neptune.stream.records.processed").tag("routeId", "stream")
                .tag("streamType", "propertygraph").functionCounter().count()).isEqualTo(6);
        assertThat(registry.get("camel.neptune.stream.lag").meter().getId().getBaseUnit()).isEqualTo("milliseconds");
        assertThat(devConsoleJson()).as("the dev console shows the lag in commits while the meters run")
                .contains("\"commitsBehind\":0").contains("\"newestCommitNum\":3");
    }

    private String devConsoleJson() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("neptune-stream");
        return ((JsonObject) console.call(DevConsole.MediaType.JSON)).toJson();
    }

    @Test
    void lagInCommitsCountsTheCommitsBetweenThePositionAndTheNewestRecord() throws Exception {
        commitPeople(5);
        AtomicBoolean downstreamUp = new AtomicBoolean();
        consumeFailingAt(streamUri("iteratorType=TRIM_HORIZON"), "2:1", downstreamUp, new CopyOnWriteArrayList<>());

        await().untilAsserted(() -> {
            assertThat(received).containsExactly("1:1", "1:2");
            assertThat(gauge("camel.neptune.stream.lag.commits")).isEqualTo(4);
        });
        assertThat(gauge("camel.neptune.stream.position")).isEqualTo(1);
        assertThat(gauge("camel.neptune.stream.lag")).isPositive();

        downstreamUp.set(true);

        await().untilAsserted(() -> assertThat(gauge("camel.neptune.stream.lag.commits")).isZero());
        assertThat(received).hasSize(10);
    }

    @Test
    void theNewestRecordIsReadOffThePollingThreadSoASlowReadDoesNotHoldConsumption() throws Exception {
        commitPeople(2);
        // the first request is the newest-record check, made as the consumer starts (the first poll waits for
        // initialDelay): it hangs for 5 s while the route consumes
        neptune.faults().delayNext(1, Duration.ofSeconds(5));
        consume(streamUri("iteratorType=TRIM_HORIZON&initialDelay=1500"));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();

        await().until(() -> received.size() == 4);
        assertThat(consumer.getMetrics().getNewestCommitNum()).as("the check is still waiting").isEqualTo(-1);
        assertThat(gauge("camel.neptune.stream.lag.commits")).as("unknown until a check answered").isEqualTo(-1);

        await().untilAsserted(() -> assertThat(gauge("camel.neptune.stream.lag.commits")).isZero());
        assertThat(consumer.getMetrics().getNewestCommitNum()).isEqualTo(2);
    }

    @Test
    void aFailedNewestRecordReadLeavesConsumptionAloneAndTheNextCheckRecovers() throws Exception {
        commitPeople(2);
        // the newest-record check is the first request (see above); a 400 is not retried by the SDK
        neptune.faults().next(1, "/propertygraph/stream", Fault.error(400, "BadRequestException"));
        consume(streamUri("iteratorType=TRIM_HORIZON&initialDelay=2000"));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();

        await().until(() -> received.size() == 4);
        assertThat(neptune.faults().injectedCount()).isEqualTo(1);
        assertThat(consumer.getMetrics().getLastError()).as("a check failure is not the consumer's error").isNull();
        assertThat(consumer.getMetrics().getLastCheckTimestamp()).as("no check has succeeded yet").isEqualTo(-1);
        assertThat(gauge("camel.neptune.stream.lag.commits")).isEqualTo(-1);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(gauge("camel.neptune.stream.lag.commits")).isZero());
    }

    @Test
    void stoppingTheRouteRemovesItsMeters() throws Exception {
        consume(streamUri("iteratorType=TRIM_HORIZON"));
        assertThat(registry.find("camel.neptune.stream.lag").tag("routeId", "stream").gauge()).isNotNull();

        context.getRouteController().stopRoute("stream");

        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("camel.neptune.stream"));
    }

    private double gauge(String name) {
        return registry.get(name).tag("routeId", "stream").tag("streamType", "propertygraph").gauge().value();
    }
}
