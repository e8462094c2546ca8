package dev.camelneptune.local.stream;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The property graph neptune-local models as Neptune does (the user guide's "Neptune Gremlin implementation
 * differences": set and single cardinality of vertex properties, labels; "Serialization formats in Neptune Streams":
 * one record per label or property value), the records each change writes, and the graph's current state.
 */
class PropertyGraphModelTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final PropertyGraphStream graph = neptune.stream().propertyGraph();
    private final NeptunedataClient client = LocalClients.data(neptune);

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private List<PropertygraphRecord> records() {
        return client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit(100_000L).build()).records();
    }

    /** Each record of commits from {@code commitNum} on as {@code "op type id key=value"} (edges: {@code from->to}). */
    private List<String> recordsFrom(long commitNum) {
        return records().stream().filter(r -> Long.parseLong(r.eventId().get("commitNum")) >= commitNum)
                .map(r -> r.op() + " " + r.data().type() + " " + r.data().id() + " " + r.data().key() + "="
                          + r.data().value().asMap().get("value")
                          + (r.data().from() != null ? " " + r.data().from() + "->" + r.data().to() : ""))
                .toList();
    }

    @Test
    void aVertexWithSeveralLabelsWritesOneVlRecordPerLabel() {
        graph.commit(tx -> tx.addVertex("alice", List.of("person", "employee"), Map.of("name", "Alice")));

        assertThat(recordsFrom(1)).containsExactly(
                "ADD vl alice label=\"person\"",
                "ADD vl alice label=\"employee\"",
                "ADD vp alice name=\"Alice\"");
        assertThat(graph.state().vertices().get("alice").labels()).containsExactlyInAnyOrder("person", "employee");
    }

    @Test
    void labelsAreAddedAndRemovedOneRecordEachAndAVertexKeepsItsLastLabel() {
        graph.commit(tx -> tx.addVertex("alice", "person"));
        graph.commit(tx -> tx.addLabel("alice", "admin").addLabel("alice", "admin"));
        graph.commit(tx -> tx.removeLabel("alice", "person"));

        assertThat(recordsFrom(2)).containsExactly("ADD vl alice label=\"admin\"", "REMOVE vl alice label=\"person\"");
        assertThat(graph.state().vertices().get("alice").labels()).containsExactly("admin");
        assertThatThrownBy(() -> graph.commit(tx -> tx.removeLabel("alice", "admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last label");
    }

    @Test
    void setCardinalityValuesAreAddedAndRemovedOneByOne() {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("tags", List.of("red", "blue"))));
        graph.commit(tx -> tx.addPropertyValue("alice", "tags", "green").addPropertyValue("alice", "tags", "red"));
        graph.commit(tx -> tx.removePropertyValue("alice", "tags", "blue"));

        assertThat(recordsFrom(1)).containsExactly(
                "ADD vl alice label=\"person\"",
                "ADD vp alice tags=\"red\"",
                "ADD vp alice tags=\"blue\"",
                // red is in the set already: no record
                "ADD vp alice tags=\"green\"",
                "REMOVE vp alice tags=\"blue\"");
        assertThat(graph.state().vertices().get("alice").properties().get("tags")).containsExactlyInAnyOrder("red", "green");
    }

    @Test
    void aSingleCardinalityUpdateRemovesEveryOldValueThenAddsTheNewOne() {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("tags", List.of("red", "blue"))));
        graph.commit(tx -> tx.setProperty("alice", "tags", "green"));

        assertThat(recordsFrom(2)).containsExactly(
                "REMOVE vp alice tags=\"red\"",
                "REMOVE vp alice tags=\"blue\"",
                "ADD vp alice tags=\"green\"");
        assertThat(graph.state().vertices().get("alice").properties()).isEqualTo(Map.of("tags", Set.of("green")));
    }

    @Test
    void removingAPropertyRemovesEachOfItsValues() {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("tags", List.of("red", "blue"), "name", "Alice")));
        graph.commit(tx -> tx.removeProperty("alice", "tags"));

        assertThat(recordsFrom(2)).containsExactly("REMOVE vp alice tags=\"red\"", "REMOVE vp alice tags=\"blue\"");
        assertThat(graph.state().vertices().get("alice").properties()).isEqualTo(Map.of("name", Set.of("Alice")));
    }

    @Test
    void edgePropertiesHaveSingleCardinality() {
        graph.commit(tx -> tx.addVertex("a", "person").addVertex("b", "person")
                .addEdge("e", "a", "b", "knows", Map.of("since", 2019)));
        graph.commit(tx -> tx.setProperty("e", "since", 2020));

        assertThat(recordsFrom(2)).containsExactly("REMOVE ep e since=2019", "ADD ep e since=2020");
        assertThatThrownBy(() -> graph.commit(tx -> tx.addPropertyValue("e", "since", 2021)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single cardinality");
        assertThatThrownBy(() -> graph.commit(tx -> tx.addEdge("f", "a", "b", "knows", Map.of("tags", List.of(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single cardinality");
    }

    @Test
    void droppingAVertexRemovesItsEdgesThenItsPropertiesThenItsLabels() {
        graph.commit(tx -> tx
                .addVertex("a", List.of("person", "admin"), Map.of("tags", List.of("red", "blue")))
                .addVertex("b", "person")
                .addEdge("ab", "a", "b", "knows", Map.of("since", 2019))
                .addEdge("ba", "b", "a", "follows")
                .addEdge("bb", "b", "b", "likes"));
        graph.commit(tx -> tx.remove("a"));

        assertThat(recordsFrom(2)).containsExactly(
                "REMOVE ep ab since=2019",
                "REMOVE e ab label=\"knows\" a->b",
                "REMOVE e ba label=\"follows\" b->a",
                "REMOVE vp a tags=\"red\"",
                "REMOVE vp a tags=\"blue\"",
                "REMOVE vl a label=\"person\"",
                "REMOVE vl a label=\"admin\"");
        PropertyGraphState state = graph.state();
        assertThat(state.vertices()).containsOnlyKeys("b");
        assertThat(state.edges()).containsOnlyKeys("bb");
    }

    @Test
    void theStateIsTheGraphAfterTheLastCommitAndAFailedTransactionLeavesItAsItWas() {
        graph.commit(tx -> tx.addVertex("a", List.of("person", "admin"), Map.of("age", 30, "tags", List.of("x")))
                .addVertex("b", "person").addEdge("ab", "a", "b", "knows", Map.of("weight", 0.5)));
        PropertyGraphState before = graph.state();

        assertThatThrownBy(() -> graph.commit(tx -> tx.remove("a").removeLabel("b", "person")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(graph.state()).isEqualTo(before);
        assertThat(before.commitNum()).isEqualTo(1);
        assertThat(before.vertices().get("a"))
                .isEqualTo(new PropertyGraphState.Vertex(
                        "a", Set.of("person", "admin"),
                        Map.of("age", Set.of(30), "tags", Set.of("x"))));
        assertThat(before.edges().get("ab"))
                .isEqualTo(new PropertyGraphState.Edge("ab", "knows", "a", "b", Map.of("weight", 0.5)));
        assertThat(records()).hasSize(7);
        assertThat(graph.lastEventId()).isEqualTo(new EventId(1, 7));
    }

    @Test
    void theRandomWorkloadUsesEveryKindOfChangeAndIsTheSameForTheSameSeed() {
        new RandomGraphWorkload(graph, 7).vertices(20).commit(500);
        NeptuneLocal other = NeptuneLocal.builder().manualClock().start();
        try {
            RandomGraphWorkload again = new RandomGraphWorkload(other.stream().propertyGraph(), 7).vertices(20);
            again.commit(500);

            assertThat(other.stream().propertyGraph().state().vertices()).isEqualTo(graph.state().vertices());
            assertThat(other.stream().propertyGraph().state().edges()).isEqualTo(graph.state().edges());
            assertThat(again.operationCounts()).containsOnlyKeys("addVertex", "addMultiLabelVertex", "addEdge",
                    "setVertexProperty", "setEdgeProperty", "addSetValue", "removeSetValue", "removeProperty", "addLabel",
                    "removeLabel", "dropEdge", "dropVertex");
        } finally {
            other.close();
        }
    }

    /**
     * The records and the state tell the same story: folding the change log of a random workload, each record an ADD or
     * REMOVE of one fact, gives the state the graph reports.
     */
    @Test
    void foldingTheChangeLogGivesTheState() {
        new RandomGraphWorkload(graph, 11).vertices(30).commit(2_000);

        Map<String, Set<String>> labels = new TreeMap<>();
        Map<String, Set<String>> vertexProperties = new TreeMap<>();
        Map<String, String> edges = new TreeMap<>();
        Map<String, Set<String>> edgeProperties = new TreeMap<>();
        for (PropertygraphRecord record : records()) {
            boolean add = record.op().equals("ADD");
            String id = record.data().id();
            String value = text(record.data().value().asMap().get("value"));
            switch (record.data().type()) {
                case "vl" -> apply(labels, id, value, add);
                case "vp" -> apply(vertexProperties, id, record.data().key() + "=" + value, add);
                case "e" -> {
                    if (add) {
                        edges.put(id, value + " " + record.data().from() + "->" + record.data().to());
                    } else {
                        edges.remove(id);
                    }
                }
                case "ep" -> apply(edgeProperties, id, record.data().key() + "=" + value, add);
                default -> throw new IllegalStateException(record.data().type());
            }
        }

        PropertyGraphState state = graph.state();
        assertThat(state.vertices()).hasSizeGreaterThan(10);
        assertThat(state.edges()).hasSizeGreaterThan(10);
        Map<String, Set<String>> stateLabels = new TreeMap<>();
        Map<String, Set<String>> stateVertexProperties = new TreeMap<>();
        state.vertices().values().forEach(v -> {
            stateLabels.put(v.id(), v.labels());
            v.properties().forEach((key, values) -> values
                    .forEach(value -> apply(stateVertexProperties, v.id(), key + "=" + value, true)));
        });
        Map<String, String> stateEdges = new TreeMap<>();
        Map<String, Set<String>> stateEdgeProperties = new TreeMap<>();
        state.edges().values().forEach(e -> {
            stateEdges.put(e.id(), e.label() + " " + e.from() + "->" + e.to());
            e.properties().forEach((key, value) -> apply(stateEdgeProperties, e.id(), key + "=" + value, true));
        });
        assertThat(labels).isEqualTo(stateLabels);
        assertThat(vertexProperties).isEqualTo(stateVertexProperties);
        assertThat(edges).isEqualTo(stateEdges);
        assertThat(edgeProperties).isEqualTo(stateEdgeProperties);
    }

    private static void apply(Map<String, Set<String>> facts, String id, String fact, boolean add) {
        if (add) {
            assertThat(facts.computeIfAbsent(id, k -> new HashSet<>()).add(fact)).as("ADD of a fact held: %s %s", id, fact)
                    .isTrue();
        } else {
            Set<String> of = facts.getOrDefault(id, new HashSet<>());
            assertThat(of.remove(fact)).as("REMOVE of a fact not held: %s %s", id, fact).isTrue();
            if (of.isEmpty()) {
                facts.remove(id);
            }
        }
    }

    private static String text(Document value) {
        if (value.isString()) {
            return value.asString();
        }
        return value.isNumber() ? value.asNumber().stringValue() : String.valueOf(value.asBoolean());
    }
}
