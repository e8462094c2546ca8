package dev.camelneptune.examples.quarkus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.camelneptune.local.NeptuneLocal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The app as Quarkus runs it, against a neptune-local this test starts: the YAML route follows the change log in
 * order, the Java route reads the import task's status, and /q/health/ready carries the stream consumer.
 */
@QuarkusTest
@WithTestResource(NeptuneLocalResource.class)
class NeptuneQuarkusAppTest {

    @Inject
    CamelContext camel;

    NeptuneLocal neptune;

    private EventNotifierSupport notifier;

    @AfterEach
    void removeNotifier() {
        if (notifier != null) {
            camel.getManagementStrategy().removeEventNotifier(notifier);
        }
    }

    @Test
    void theChangeLogRouteGetsNewRecordsInCommitOrder() {
        List<Exchange> seen = completedExchangesOf("change-log");

        long dave = neptune.stream().propertyGraph()
                .commit(tx -> tx.addVertex("dave", "person", Map.of("name", "Dave")));
        long daveKnowsAlice = neptune.stream().propertyGraph()
                .commit(tx -> tx.addEdge("dave-knows-alice", "dave", "alice", "knows", Map.of()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seen)
                .extracting(e -> e.getMessage().getHeader("CamelNeptuneStreamElementId", String.class))
                .contains("dave-knows-alice"));
        List<long[]> positions = seen.stream()
                .map(e -> new long[] {
                        e.getMessage().getHeader("CamelNeptuneStreamCommitNum", Long.class),
                        e.getMessage().getHeader("CamelNeptuneStreamOpNum", Long.class) })
                .toList();
        for (int i = 1; i < positions.size(); i++) {
            long[] before = positions.get(i - 1);
            long[] after = positions.get(i);
            assertThat(after[0] > before[0] || after[0] == before[0] && after[1] > before[1])
                    .as("record %d:%d after %d:%d", after[0], after[1], before[0], before[1]).isTrue();
        }
        assertThat(positions).extracting(p -> p[0]).contains(dave, daveKnowsAlice);
    }

    @Test
    void theImportTaskRouteGetsTheTaskStatus() {
        List<Exchange> seen = completedExchangesOf("import-task");

        await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
        Exchange exchange = seen.get(0);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("CamelNeptuneGraphTaskStatus", String.class)).isEqualTo("SUCCEEDED");
    }

    @Test
    void readinessCarriesTheStreamConsumer() {
        // Camel's consumers repository holds the change-log consumer's own check...
        HealthCheck consumerCheck = HealthCheckRegistry.get(camel).getRepository("consumers").orElseThrow().stream()
                .filter(check -> check.getId().equals("consumer:change-log"))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(consumerCheck.call().getState()).isEqualTo(HealthCheck.State.UP));
        // ...and MicroProfile Health reports it within Camel's aggregated consumers check (which names a consumer
        // only when it is DOWN: TrimmedStreamHealthTest)
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("UP"));
    }

    private List<Exchange> completedExchangesOf(String routeId) {
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        notifier = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((ExchangeCompletedEvent) event).getExchange();
                if (routeId.equals(exchange.getFromRouteId())) {
                    seen.add(exchange.copy());
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof ExchangeCompletedEvent;
            }
        };
        camel.getManagementStrategy().addEventNotifier(notifier);
        return seen;
    }
}
