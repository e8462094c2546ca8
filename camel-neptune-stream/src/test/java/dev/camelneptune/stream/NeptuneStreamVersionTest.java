package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every record carries its version: a header on each record exchange (every mode that delivers records one by one), and
 * a {@code version} field in each record's JSON (which is how batches and transactions carry it for each record).
 */
class NeptuneStreamVersionTest extends NeptuneStreamTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private void someChanges() {
        graph.commit(tx -> tx.addVertex("a", List.of("person", "admin"), Map.of("age", 30))
                .addVertex("b", "person").addEdge("ab", "a", "b", "knows", Map.of("since", 2019L)));
        graph.commit(tx -> tx.setProperty("a", "age", 31));
        graph.commit(tx -> tx.remove("b"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "concurrentConsumers=4" })
    void eachRecordExchangeCarriesItsVersionHeader(String mode) throws Exception {
        someChanges();
        List<String> seen = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(mode)).process(e -> seen.add(position(e) + " "
                                                            + e.getMessage().getHeader(NeptuneStreamConstants.VERSION)));
            }
        });

        await().until(() -> seen.size() == 11);
        assertThat(seen).allSatisfy(line -> {
            String[] parts = line.split("[: ]");
            long version = Long.parseLong(parts[2]);
            assertThat(version).isEqualTo(((Long.parseLong(parts[0]) + 1) << 24) | Long.parseLong(parts[1]));
        });
        assertThat(seen).contains("1:1 " + ((2L << 24) | 1), "3:3 " + ((4L << 24) | 3));
    }

    @Test
    void aRecordsJsonCarriesItsVersionBesideItsEventId() throws Exception {
        someChanges();
        List<String> bodies = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("")).convertBodyTo(String.class).process(e -> bodies.add(e.getMessage().getBody(String.class)));
            }
        });

        await().until(() -> bodies.size() == 11);
        JsonNode first = JSON.readTree(bodies.get(0));
        assertThat(first.get("version").asLong()).isEqualTo((2L << 24) | 1);
        assertThat(first.get("version").isIntegralNumber()).isTrue();
        for (String body : bodies) {
            JsonNode record = JSON.readTree(body);
            assertThat(record.get("version").asLong())
                    .isEqualTo(StreamPosition.version(record.at("/eventId/commitNum").asLong(),
                            record.at("/eventId/opNum").asLong()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "batching=true", "groupByTransaction=true" })
    void batchesAndTransactionsCarryEachRecordsVersionInTheirJson(String mode) throws Exception {
        someChanges();
        List<Long> versions = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(mode)).convertBodyTo(String.class).process(e -> {
                    for (JsonNode record : JSON.readTree(e.getMessage().getBody(String.class))) {
                        assertThat(record.get("version").asLong())
                                .isEqualTo(StreamPosition.version(record.at("/eventId/commitNum").asLong(),
                                        record.at("/eventId/opNum").asLong()));
                        versions.add(record.get("version").asLong());
                    }
                });
            }
        });

        await().until(() -> versions.size() == 11);
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(0)).isEqualTo((2L << 24) | 1);
        assertThat(versions.get(10)).isEqualTo((4L << 24) | 3);
    }
}
