package dev.camelneptune.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The filter options drop records before an exchange is made, in every delivery mode, and the position moves past the
 * dropped records as past processed ones: a route whose records are all dropped still stores its position, and a
 * failure never moves the position past the failed record.
 */
class NeptuneStreamFilterTest extends NeptuneStreamTestSupport {

    private static final String KEY = "filtered";

    private final MemoryStateRepository offsets = new MemoryStateRepository();
    /** What reached the route, record by record, as commitNum:opNum type key. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /**
     * Two vertices and an edge between them (commit 1: a's label 1:1, name 1:2, password 1:3; b's label 1:4, name 1:5;
     * the edge 1:6, its since 1:7), the edge's property changed (2:1 REMOVE, 2:2 ADD), a's password and name changed
     * (3:1 to 3:4), the edge's property changed again (4:1, 4:2): the log ends with edge records.
     */
    private void commitGraph() {
        graph.commit(tx -> tx.addVertex("a", "person", Map.of("name", "A")).setProperty("a", "password", "x")
                .addVertex("b", "person", Map.of("name", "B")).addEdge("k", "a", "b", "knows", Map.of("since", 2019)));
        graph.commit(tx -> tx.setProperty("k", "since", 2020));
        graph.commit(tx -> tx.setProperty("a", "password", "y").setProperty("a", "name", "Anna"));
        graph.commit(tx -> tx.setProperty("k", "since", 2021));
    }

    private void consumeIn(String mode, String filter, String failAt, AtomicBoolean downstreamUp) throws Exception {
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("iteratorType=TRIM_HORIZON&limit=4&offsetRepository=#offsets&offsetKey=" + KEY + "&"
                               + filter + mode))
                        .routeId("stream").process(e -> {
                            List<String> records = records(e);
                            if (failAt != null && !downstreamUp.get()
                                    && records.stream().anyMatch(r -> r.startsWith(failAt + " "))) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                            seen.addAll(records);
                        });
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> records(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<Object> records = body instanceof List<?> list ? (List<Object>) list : List.of(body);
        List<String> lines = new ArrayList<>();
        for (Object record : records) {
            if (record instanceof PropertygraphRecord pg) {
                lines.add(StreamPosition.of(pg.eventId()) + " " + pg.data().type() + " " + pg.data().key());
            } else {
                SparqlRecord rdf = (SparqlRecord) record;
                lines.add(StreamPosition.of(rdf.eventId()) + " " + rdf.data().stmt().strip());
            }
        }
        return lines;
    }

    private static String lastPosition() {
        return "4:2";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "prefetch=false", "batching=true", "groupByTransaction=true&transactionPartSize=2",
            "concurrentConsumers=4&maxPendingRecords=3" })
    void onlyTheIncludedTypesReachTheRouteAndThePositionPassesTheDroppedOnes(String mode) throws Exception {
        commitGraph();
        consumeIn(mode, "includeTypes=vl,vp&", null, null);

        await().untilAsserted(() -> assertThat(offsets.getState(KEY)).isEqualTo(lastPosition()));
        assertThat(seen).extracting(line -> line.split(" ")[1]).containsOnly("vl", "vp");
        // in stream order, but for lanes, which keep each element's order only
        assertThat(seen).extracting(line -> line.split(" ")[0]).containsExactlyInAnyOrder(
                "1:1", "1:2", "1:3", "1:4", "1:5", "3:1", "3:2", "3:3", "3:4");
        if (!mode.startsWith("concurrentConsumers")) {
            assertThat(seen).extracting(line -> line.split(" ")[0]).containsExactly(
                    "1:1", "1:2", "1:3", "1:4", "1:5", "3:1", "3:2", "3:3", "3:4");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "prefetch=false", "batching=true", "groupByTransaction=true",
            "concurrentConsumers=4&maxPendingRecords=3" })
    void aRouteWhoseRecordsAreAllDroppedStillStoresItsPosition(String mode) throws Exception {
        commitGraph();
        consumeIn(mode, "includeOps=ADD&includeTypes=e&", null, null);

        await().untilAsserted(() -> assertThat(offsets.getState(KEY)).isEqualTo(lastPosition()));
        assertThat(seen).containsExactly("1:6 e label");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "prefetch=false", "batching=true", "groupByTransaction=true",
            "concurrentConsumers=4&maxPendingRecords=3" })
    void excludedKeysAndOpsNeverReachTheRoute(String mode) throws Exception {
        commitGraph();
        consumeIn(mode, "excludeKeys=password,since&includeOps=ADD&", null, null);

        await().untilAsserted(() -> assertThat(offsets.getState(KEY)).isEqualTo(lastPosition()));
        assertThat(seen).containsExactlyInAnyOrder("1:1 vl label", "1:2 vp name", "1:4 vl label", "1:5 vp name",
                "1:6 e label", "3:4 vp name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "prefetch=false", "batching=true", "groupByTransaction=true",
            "concurrentConsumers=4&maxPendingRecords=3" })
    void aFailureAfterDroppedRecordsKeepsThePositionBeforeTheFailedRecord(String mode) throws Exception {
        commitGraph();
        AtomicBoolean downstreamUp = new AtomicBoolean();
        consumeIn(mode, "includeTypes=vp&", "3:4", downstreamUp);

        // 3:4 (a's new name) fails: whatever the mode, the position never passes it, nor the dropped records before it
        await().pollDelay(java.time.Duration.ofMillis(300)).untilAsserted(
                () -> assertThat(seen).extracting(line -> line.split(" ")[0]).doesNotContain("3:4"));
        String stored = offsets.getState(KEY);
        assertThat(stored == null ? null : StreamPosition.parse(stored))
                .satisfiesAnyOf(p -> assertThat(p).isNull(),
                        p -> assertThat(p.version()).isLessThan(new StreamPosition(3, 4).version()));

        downstreamUp.set(true);
        await().untilAsserted(() -> assertThat(offsets.getState(KEY)).isEqualTo(lastPosition()));
        assertThat(seen).extracting(line -> line.split(" ")[0]).contains("3:4");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "prefetch=false", "batching=true", "groupByTransaction=true",
            "concurrentConsumers=4&maxPendingRecords=3" })
    void sparqlStatementsOfAnExcludedPredicateAreDropped(String mode) throws Exception {
        neptune.stream().sparql().commit(tx -> tx.add("<http://ex/a> <http://ex/name> \"A\" .")
                .add("<http://ex/a> <http://ex/secret> \"s\" ."));
        neptune.stream().sparql().commit(tx -> tx.remove("<http://ex/a> <http://ex/secret> \"s\" ."));
        consumeIn(mode, "streamType=sparql&excludeKeys=<http://ex/secret>&", null, null);

        await().untilAsserted(() -> assertThat(offsets.getState(KEY)).isEqualTo("2:1"));
        assertThat(seen).containsExactly("1:1 <http://ex/a> <http://ex/name> \"A\" .");
    }
}
