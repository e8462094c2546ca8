package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The neptune-stream dev console, found by name as Camel finds every console (the generated service file). */
class NeptuneStreamDevConsoleTest extends NeptuneStreamTestSupport {

    @Test
    void showsPositionLagRecordsProcessedModeAndTheLastError() throws Exception {
        commitPeople(3);
        consumeFailingAt(streamUri("iteratorType=TRIM_HORIZON&prefetch=true"), "2:1", new AtomicBoolean(),
                new CopyOnWriteArrayList<>());
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("neptune-stream");
        assertThat(console).as("resolved through META-INF/services/org/apache/camel/dev-console/neptune-stream").isNotNull();

        await().untilAsserted(() -> assertThat(consumerEntry(console)).containsKey("lastError"));

        Map<String, Object> entry = consumerEntry(console);
        assertThat(entry).containsEntry("routeId", "stream")
                .containsEntry("streamType", "propertygraph")
                .containsEntry("deliveryMode", "one record at a time, with prefetch")
                .containsEntry("state", "Started")
                .containsEntry("position", "1:2")
                .containsEntry("recordsProcessed", 2L)
                .doesNotContainKey("commitsBehind");
        assertThat((Long) entry.get("lagMillis")).isPositive();
        assertThat((String) entry.get("lastError")).contains("Neptune stream record 2:1 failed")
                .contains("downstream unavailable");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("Route Id: stream").contains("Position: 1:2").contains("Records Processed: 2")
                .contains("downstream unavailable").contains("Last Error At: 20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "prefetch=false                                     | one record at a time",
            "batching=true                                      | batches (one exchange per page), with prefetch",
            "groupByTransaction=true&transactionPartSize=50     | whole transactions (parts of 50 records), with prefetch",
            "concurrentConsumers=4&maxPendingRecords=100&prefetch=false | ordered lanes (4 lanes, at most 100 records past the position)" })
    void namesTheDeliveryModeTheUriAsksFor(String options, String mode) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("iteratorType=TRIM_HORIZON&" + options)).routeId("stream").to("mock:out");
            }
        });
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("neptune-stream");
        assertThat(consumerEntry(console)).containsEntry("deliveryMode", mode);
        assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("Delivery Mode: " + mode);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consumerEntry(DevConsole console) {
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) json.get("neptuneStreamConsumers");
        assertThat(consumers).hasSize(1);
        return consumers.get(0);
    }
}
