package dev.camelneptune.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelneptune.stream.change.ElementChange;
import dev.camelneptune.stream.change.ElementChange.Label;
import dev.camelneptune.stream.change.ElementChange.Property;
import dev.camelneptune.stream.change.ElementChange.Statement;
import dev.camelneptune.stream.change.ElementChange.Type;
import dev.camelneptune.stream.change.ElementChanges;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Batch, transaction and single-record bodies of the real consumer, read from neptune-local, convert to element
 * changes: one per element, with its facts' net effect and versions.
 */
class NeptuneStreamElementChangesTest extends NeptuneStreamTestSupport {

    /** The element changes of each exchange, in order. */
    private final List<ElementChanges> exchanges = new CopyOnWriteArrayList<>();

    /** Commit 1: alice, bob and k1 (alice knows bob); 2: alice renamed; 3: bob dropped, with k1. */
    private void commitAliceAndBob() {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice"))
                .addVertex("bob", "person", Map.of("name", "Bob"))
                .addEdge("k1", "alice", "bob", "knows", Map.of("since", 2019)));
        graph.commit(tx -> tx.setProperty("alice", "name", "Alicia"));
        graph.commit(tx -> tx.remove("bob"));
    }

    private void consumeElementChanges(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("changes")
                        .convertBodyTo(ElementChanges.class)
                        .process(e -> exchanges.add(e.getMessage().getBody(ElementChanges.class)));
            }
        });
    }

    private static long v(long commitNum, long opNum) {
        return StreamPosition.version(commitNum, opNum);
    }

    @Test
    void aBatchFoldsIntoOneChangePerElementWithTheNetEffectOfItsRecords() throws Exception {
        commitAliceAndBob();
        consumeElementChanges(streamUri("batching=true"));

        await().until(() -> !exchanges.isEmpty());

        // commit 1: vl alice, vp name, vl bob, vp name, e k1, ep since; 2: REMOVE Alice, ADD Alicia;
        // 3: REMOVE ep since, REMOVE e k1, REMOVE vp name, REMOVE vl bob
        ElementChanges changes = exchanges.get(0);
        assertThat(changes).extracting(ElementChange::getId, ElementChange::getType, ElementChange::isGone,
                ElementChange::getVersion)
                .containsExactly(tuple("alice", Type.VERTEX, false, v(2, 2)), tuple("bob", Type.VERTEX, true, v(3, 4)),
                        tuple("k1", Type.EDGE, true, v(3, 2)));
        ElementChange alice = changes.get(0);
        assertThat(alice.getLabelsAdded()).containsExactly(new Label("person", v(1, 1)));
        assertThat(alice.getPropertiesAdded()).containsExactly(new Property("name", "Alicia", "String", v(2, 2)));
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("name", "Alice", "String", v(2, 1)));
        ElementChange bob = changes.get(1);
        assertThat(bob.getLabelsAdded()).isEmpty();
        assertThat(bob.getLabelsRemoved()).containsExactly(new Label("person", v(3, 4)));
        assertThat(bob.getPropertiesRemoved()).containsExactly(new Property("name", "Bob", "String", v(3, 3)));
        ElementChange k1 = changes.get(2);
        assertThat(List.of(k1.getLabel(), k1.getFrom(), k1.getTo())).containsExactly("knows", "alice", "bob");
        assertThat(k1.getPropertiesRemoved()).containsExactly(new Property("since", 2019L, "Integer", v(3, 1)));
    }

    @Test
    void eachTransactionFoldsOnItsOwn() throws Exception {
        commitAliceAndBob();
        consumeElementChanges(streamUri("groupByTransaction=true"));

        await().until(() -> exchanges.size() == 3);

        assertThat(exchanges.get(0)).extracting(ElementChange::getId, ElementChange::isGone)
                .containsExactly(tuple("alice", false), tuple("bob", false), tuple("k1", false));
        assertThat(exchanges.get(1)).singleElement().satisfies(alice -> {
            assertThat(alice.getLabelsAdded()).isEmpty();
            assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("name", "Alice", "String", v(2, 1)));
            assertThat(alice.getPropertiesAdded()).containsExactly(new Property("name", "Alicia", "String", v(2, 2)));
        });
        assertThat(exchanges.get(2)).extracting(ElementChange::getId, ElementChange::isGone)
                .containsExactly(tuple("k1", true), tuple("bob", true));
    }

    @Test
    void eachRecordConvertsToTheChangeItMakesToItsElement() throws Exception {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")));
        consumeElementChanges(streamUri(""));

        await().until(() -> exchanges.size() == 2);

        assertThat(exchanges).extracting(changes -> changes.get(0).getLabelsAdded(),
                changes -> changes.get(0).getPropertiesAdded())
                .containsExactly(tuple(List.of(new Label("person", v(1, 1))), List.of()),
                        tuple(List.of(), List.of(new Property("name", "Alice", "String", v(1, 2)))));
    }

    @Test
    void theSparqlStreamFoldsPerSubject() throws Exception {
        neptune.stream().sparql().commit(tx -> tx.add("<http://ex/alice> <http://ex/name> \"Alice\" .")
                .add("<http://ex/bob> <http://ex/knows> <http://ex/alice> ."));
        neptune.stream().sparql().commit(tx -> tx.remove("<http://ex/alice> <http://ex/name> \"Alice\" .")
                .add("<http://ex/alice> <http://ex/name> \"Alicia\" ."));
        consumeElementChanges(streamUri("streamType=sparql&batching=true"));

        await().until(() -> !exchanges.isEmpty());

        ElementChanges changes = exchanges.get(0);
        assertThat(changes).extracting(ElementChange::getId, ElementChange::getType, ElementChange::isGone,
                ElementChange::getVersion)
                .containsExactly(tuple("<http://ex/alice>", Type.SUBJECT, false, v(2, 2)),
                        tuple("<http://ex/bob>", Type.SUBJECT, false, v(1, 2)));
        assertThat(changes.get(0).getStatementsRemoved())
                .containsExactly(new Statement("<http://ex/alice> <http://ex/name> \"Alice\" .\n", v(2, 1)));
        assertThat(changes.get(0).getStatementsAdded())
                .containsExactly(new Statement("<http://ex/alice> <http://ex/name> \"Alicia\" .\n", v(2, 2)));
    }

    @Test
    void elementChangesConvertToAJsonArrayAndEachChangeToAMap() throws Exception {
        commitAliceAndBob();
        List<String> json = new CopyOnWriteArrayList<>();
        List<Map<?, ?>> maps = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("batching=true"))
                        .convertBodyTo(ElementChanges.class)
                        .process(e -> e.getMessage().getBody(ElementChanges.class)
                                .forEach(change -> maps.add(e.getContext().getTypeConverter().convertTo(Map.class, change))))
                        .convertBodyTo(String.class)
                        .process(e -> json.add(e.getMessage().getBody(String.class)));
            }
        });

        await().until(() -> !json.isEmpty());

        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
        JsonNode array = mapper.readTree(json.get(0));
        assertThat(array).hasSize(3);
        assertThat(array.get(0).at("/propertiesAdded/0/value").asText()).isEqualTo("Alicia");
        assertThat(array.get(1).at("/gone").asBoolean()).isTrue();
        assertThat(array.get(2).at("/from").asText()).isEqualTo("alice");
        assertThat(maps).extracting(m -> m.get("id"), m -> m.get("type"), m -> m.get("gone"))
                .containsExactly(tuple("alice", "vertex", false), tuple("bob", "vertex", true), tuple("k1", "edge", true));
        // the JSON is the maps, written out
        assertThat(mapper.readValue(json.get(0), List.class)).isEqualTo(maps);
    }
}
