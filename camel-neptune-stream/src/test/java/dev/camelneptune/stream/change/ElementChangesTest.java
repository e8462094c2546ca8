package dev.camelneptune.stream.change;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.camelneptune.stream.change.ElementChange.Label;
import dev.camelneptune.stream.change.ElementChange.Property;
import dev.camelneptune.stream.change.ElementChange.Statement;
import dev.camelneptune.stream.change.ElementChange.Type;
import org.junit.jupiter.api.Test;

import static dev.camelneptune.stream.change.Records.e;
import static dev.camelneptune.stream.change.Records.ep;
import static dev.camelneptune.stream.change.Records.stmt;
import static dev.camelneptune.stream.change.Records.v;
import static dev.camelneptune.stream.change.Records.vl;
import static dev.camelneptune.stream.change.Records.vp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The fold of stream records into one change per element, on records built as Neptune documents them. */
class ElementChangesTest {

    private static final String ADD = "ADD";
    private static final String REMOVE = "REMOVE";

    @Test
    void aSingleCardinalityUpdateEndsWithTheOldValueRemovedAndTheNewValueAdded() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(7, 1, REMOVE, "alice", "name", "Alice"),
                vp(7, 2, ADD, "alice", "name", "Alicia")));

        ElementChange alice = changes.get(0);
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("name", "Alice", "String", v(7, 1)));
        assertThat(alice.getPropertiesAdded()).containsExactly(new Property("name", "Alicia", "String", v(7, 2)));
        assertThat(alice.isGone()).isFalse();
    }

    @Test
    void eachValueOfASetCardinalityPropertyIsAFactOfItsOwn() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(3, 1, ADD, "alice", "email", "a@example.com"),
                vp(3, 2, ADD, "alice", "email", "alice@example.com"),
                vp(4, 1, REMOVE, "alice", "email", "a@example.com")));

        ElementChange alice = changes.get(0);
        assertThat(alice.getPropertiesAdded())
                .containsExactly(new Property("email", "alice@example.com", "String", v(3, 2)));
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("email", "a@example.com", "String", v(4, 1)));
    }

    @Test
    void anAddThenARemoveOfTheSameValueEndsRemovedWithTheVersionOfTheRemove() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(5, 1, ADD, "alice", "age", 30),
                vp(6, 1, REMOVE, "alice", "age", 30)));

        ElementChange alice = changes.get(0);
        assertThat(alice.getPropertiesAdded()).isEmpty();
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("age", 30L, "Integer", v(6, 1)));
    }

    @Test
    void aRemoveThenAnAddOfTheSameValueEndsAddedWithTheVersionOfTheAdd() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(5, 1, REMOVE, "alice", "age", 30),
                vp(6, 1, ADD, "alice", "age", 30)));

        ElementChange alice = changes.get(0);
        assertThat(alice.getPropertiesRemoved()).isEmpty();
        assertThat(alice.getPropertiesAdded()).containsExactly(new Property("age", 30L, "Integer", v(6, 1)));
    }

    @Test
    void theSameValueWithAnotherDataTypeIsAnotherFact() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(5, 1, ADD, "alice", "n", 1),
                vp(5, 2, REMOVE, "alice", "n", 1L)));

        ElementChange alice = changes.get(0);
        assertThat(alice.getPropertiesAdded()).containsExactly(new Property("n", 1L, "Integer", v(5, 1)));
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("n", 1L, "Long", v(5, 2)));
    }

    @Test
    void aVertexDropEndsItsEdgesAndTheVertexGone() {
        // Neptune logs g.V('bob').drop() edge by edge (properties, then the edge), then the vertex (properties, label)
        ElementChanges changes = ElementChanges.fold(List.of(
                ep(9, 1, REMOVE, "k1", "since", 2019),
                e(9, 2, REMOVE, "k1", "knows", "alice", "bob"),
                e(9, 3, REMOVE, "k2", "knows", "bob", "carol"),
                vp(9, 4, REMOVE, "bob", "name", "Bob"),
                vl(9, 5, REMOVE, "bob", "person")));

        assertThat(changes).extracting(ElementChange::getId, ElementChange::getType, ElementChange::isGone,
                ElementChange::getVersion)
                .containsExactly(
                        tuple("k1", Type.EDGE, true, v(9, 2)),
                        tuple("k2", Type.EDGE, true, v(9, 3)),
                        tuple("bob", Type.VERTEX, true, v(9, 5)));
        assertThat(changes.get(0).getLabelsRemoved()).containsExactly(new Label("knows", v(9, 2)));
        assertThat(changes.get(2).getLabelsRemoved()).containsExactly(new Label("person", v(9, 5)));
        assertThat(changes.get(2).getPropertiesRemoved()).containsExactly(new Property("name", "Bob", "String", v(9, 4)));
    }

    @Test
    void aVertexDroppedAndCreatedAgainInOneExchangeIsNotGone() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(9, 1, REMOVE, "bob", "name", "Bob"),
                vl(9, 2, REMOVE, "bob", "person"),
                vl(10, 1, ADD, "bob", "robot"),
                vp(10, 2, ADD, "bob", "name", "Bob")));

        ElementChange bob = changes.get(0);
        assertThat(bob.isGone()).isFalse();
        assertThat(bob.getLabelsAdded()).containsExactly(new Label("robot", v(10, 1)));
        assertThat(bob.getLabelsRemoved()).containsExactly(new Label("person", v(9, 2)));
        assertThat(bob.getPropertiesAdded()).containsExactly(new Property("name", "Bob", "String", v(10, 2)));
        assertThat(bob.getPropertiesRemoved()).isEmpty();
    }

    @Test
    void aVertexWithSeveralLabelsThatKeepsOneIsNotGone() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(2, 1, ADD, "alice", "person"),
                vl(2, 2, ADD, "alice", "employee"),
                vl(3, 1, REMOVE, "alice", "employee")));

        ElementChange alice = changes.get(0);
        assertThat(alice.getLabelsAdded()).containsExactly(new Label("person", v(2, 1)));
        assertThat(alice.getLabelsRemoved()).containsExactly(new Label("employee", v(3, 1)));
        assertThat(alice.isGone()).isFalse();
    }

    @Test
    void aVertexWithSeveralLabelsIsGoneWhenEveryLabelIsRemoved() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(2, 1, ADD, "alice", "person"),
                vl(2, 2, ADD, "alice", "employee"),
                vl(3, 1, REMOVE, "alice", "person"),
                vl(3, 2, REMOVE, "alice", "employee")));

        assertThat(changes.get(0).isGone()).isTrue();
    }

    @Test
    void aLabelRemovalThatTheRecordsCannotTellFromADropIsReportedGone() {
        // openCypher REMOVE n:employee on a vertex that keeps its label person: the exchange never sees person
        ElementChanges changes = ElementChanges.fold(List.of(vl(3, 1, REMOVE, "alice", "employee")));

        assertThat(changes.get(0).isGone()).isTrue();
    }

    @Test
    void anElementWithAnAddAfterItsLastLabelRemovalIsNotGone() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(3, 1, REMOVE, "alice", "employee"),
                vp(4, 1, ADD, "alice", "name", "Alice")));

        assertThat(changes.get(0).isGone()).isFalse();
    }

    @Test
    void propertyChangesAloneNeverMakeAnElementGone() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(3, 1, REMOVE, "alice", "name", "Alice"),
                ep(3, 2, REMOVE, "k1", "since", 2019)));

        assertThat(changes).extracting(ElementChange::isGone).containsExactly(false, false);
    }

    @Test
    void anEdgeTakesItsLabelAndEndpointsFromItsERecord() {
        ElementChanges changes = ElementChanges.fold(List.of(
                e(4, 1, ADD, "k1", "knows", "alice", "bob"),
                ep(4, 2, ADD, "k1", "since", 2019),
                ep(5, 1, ADD, "k2", "since", 2020)));

        ElementChange k1 = changes.get(0);
        assertThat(List.of(k1.getLabel(), k1.getFrom(), k1.getTo())).containsExactly("knows", "alice", "bob");
        assertThat(k1.getLabelsAdded()).containsExactly(new Label("knows", v(4, 1)));
        assertThat(k1.getPropertiesAdded()).containsExactly(new Property("since", 2019L, "Integer", v(4, 2)));
        // the e record of k2 is not in the exchange: its label and endpoints are unknown here
        ElementChange k2 = changes.get(1);
        assertThat(k2.getType()).isEqualTo(Type.EDGE);
        assertThat(k2.getLabel()).isNull();
        assertThat(k2.getFrom()).isNull();
        assertThat(k2.getTo()).isNull();
    }

    @Test
    void elementsComeInTheOrderOfTheirFirstRecordWithTheVersionOfTheirLast() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(1, 1, ADD, "bob", "person"),
                vl(1, 2, ADD, "alice", "person"),
                vp(1, 3, ADD, "bob", "name", "Bob"),
                e(2, 1, ADD, "k1", "knows", "alice", "bob"),
                vp(2, 2, ADD, "alice", "name", "Alice")));

        assertThat(changes).extracting(ElementChange::getId, ElementChange::getVersion).containsExactly(
                tuple("bob", v(1, 3)),
                tuple("alice", v(2, 2)),
                tuple("k1", v(2, 1)));
    }

    @Test
    void factsComeInTheOrderOfTheRecordsThatDecidedThem() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(1, 1, ADD, "alice", "tag", "a"),
                vp(1, 2, ADD, "alice", "tag", "b"),
                vp(2, 1, REMOVE, "alice", "tag", "a"),
                vp(2, 2, ADD, "alice", "tag", "a")));

        assertThat(changes.get(0).getPropertiesAdded()).extracting(Property::value).containsExactly("b", "a");
    }

    @Test
    void aVertexAndAnEdgeWithTheSameIdAreTwoElements() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(1, 1, ADD, "x", "person"),
                e(1, 2, ADD, "x", "knows", "x", "y")));

        assertThat(changes).extracting(ElementChange::getType).containsExactly(Type.VERTEX, Type.EDGE);
    }

    @Test
    void snapshotRecordsFoldBeforeTheStreamRecordsThatFollowThem() {
        // neptune-export's neptuneStreamsJson: every record ADD at commitNum -1, opNum 0 (version 0), then the stream
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(-1, 0, ADD, "alice", "person"),
                vp(-1, 0, ADD, "alice", "name", "Alice"),
                vp(-1, 0, ADD, "alice", "age", 30),
                vl(-1, 0, ADD, "bob", "person"),
                vl(-1, 0, ADD, "carol", "person"),
                vp(12, 1, REMOVE, "alice", "name", "Alice"),
                vp(12, 2, ADD, "alice", "name", "Alicia"),
                vl(13, 1, REMOVE, "bob", "person")));

        assertThat(changes).extracting(ElementChange::getId, ElementChange::isGone, ElementChange::getVersion)
                .containsExactly(
                        tuple("alice", false, v(12, 2)),
                        tuple("bob", true, v(13, 1)),
                        tuple("carol", false, 0L));
        ElementChange alice = changes.get(0);
        assertThat(alice.getLabelsAdded()).containsExactly(new Label("person", 0));
        assertThat(alice.getPropertiesAdded()).containsExactly(new Property("age", 30L, "Integer", 0),
                new Property("name", "Alicia", "String", v(12, 2)));
        assertThat(alice.getPropertiesRemoved()).containsExactly(new Property("name", "Alice", "String", v(12, 1)));
    }

    @Test
    void snapshotRecordsSharingOnePositionAreEachAFact() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(-1, 0, ADD, "alice", "person"),
                vp(-1, 0, ADD, "alice", "email", "a@example.com"),
                vp(-1, 0, ADD, "alice", "email", "alice@example.com")));

        assertThat(changes.get(0).getPropertiesAdded()).containsExactly(
                new Property("email", "a@example.com", "String", 0), new Property("email", "alice@example.com", "String", 0));
        assertThat(changes.get(0).getVersion()).isZero();
    }

    @Test
    void rdfStatementsFoldPerSubject() {
        ElementChanges changes = ElementChanges.fold(List.of(
                stmt(1, 1, ADD, "<http://ex/alice> <http://ex/name> \"Alice\" .\n"),
                stmt(1, 2, ADD, "_:b1 <http://ex/knows> <http://ex/alice> .\n"),
                stmt(2, 1, REMOVE, "<http://ex/alice> <http://ex/name> \"Alice\" .\n"),
                stmt(2, 2, ADD, "<http://ex/alice> <http://ex/name> \"Alicia\" <http://ex/g> .\n")));

        assertThat(changes).extracting(ElementChange::getId, ElementChange::getType)
                .containsExactly(tuple("<http://ex/alice>", Type.SUBJECT),
                        tuple("_:b1", Type.SUBJECT));
        ElementChange alice = changes.get(0);
        assertThat(alice.getStatementsRemoved())
                .containsExactly(new Statement("<http://ex/alice> <http://ex/name> \"Alice\" .\n", v(2, 1)));
        assertThat(alice.getStatementsAdded())
                .containsExactly(new Statement("<http://ex/alice> <http://ex/name> \"Alicia\" <http://ex/g> .\n", v(2, 2)));
        assertThat(alice.getVersion()).isEqualTo(v(2, 2));
    }

    @Test
    void aSubjectIsNeverGoneEvenWhenEveryStatementTheRecordsHoldIsRemoved() {
        ElementChanges changes = ElementChanges.fold(List.of(
                stmt(1, 1, ADD, "<http://ex/alice> <http://ex/name> \"Alice\" .\n"),
                stmt(2, 1, REMOVE, "<http://ex/alice> <http://ex/name> \"Alice\" .\n")));

        assertThat(changes.get(0).getStatementsRemoved()).hasSize(1);
        assertThat(changes.get(0).isGone()).isFalse();
    }

    @Test
    void aRecordThatIsNeitherAddNorRemoveFailsNamingItsPosition() {
        assertThatThrownBy(() -> ElementChanges.fold(List.of(vp(4, 2, "UPDATE", "alice", "name", "A"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream record 4:2 has op UPDATE: it must be ADD or REMOVE");
    }

    @Test
    void aRecordOfAnUnknownTypeFailsNamingItsPositionAndTheKnownTypes() {
        assertThatThrownBy(
                () -> ElementChanges.fold(List.of(Records.record(4, 2, ADD, "xx", "alice", "name", "A", null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stream record 4:2 has type xx: a property-graph record is vl, vp, e or ep");
    }

    @Test
    void propertyValuesArePlainJavaWithTheirDataType() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vp(1, 1, ADD, "alice", "name", "Alice"),
                vp(1, 2, ADD, "alice", "age", 30),
                vp(1, 3, ADD, "alice", "born", 1_000_000_000_000L),
                vp(1, 4, ADD, "alice", "score", 2.5),
                vp(1, 5, ADD, "alice", "admin", true)));

        assertThat(changes.get(0).getPropertiesAdded()).extracting(Property::value, Property::dataType).containsExactly(
                tuple("Alice", "String"),
                tuple(30L, "Integer"),
                tuple(1_000_000_000_000L, "Long"),
                tuple(2.5, "Double"),
                tuple(true, "Boolean"));
    }

    @Test
    void theJsonOfElementChangesIsAnArrayWithTheFieldsOfEachType() {
        ElementChanges changes = ElementChanges.fold(List.of(
                vl(1, 1, ADD, "alice", "person"),
                vp(1, 2, ADD, "alice", "age", 30),
                e(1, 3, ADD, "k1", "knows", "alice", "bob"),
                vp(2, 1, REMOVE, "alice", "age", 30),
                ep(2, 2, ADD, "k2", "since", 2.5),
                stmt(3, 1, ADD, "<http://ex/s> <http://ex/p> \"o\" .\n")));

        String expected = """
                [{"id":"alice","type":"vertex",
                  "labelsAdded":[{"label":"person","version":%d}],"labelsRemoved":[],
                  "propertiesAdded":[],
                  "propertiesRemoved":[{"key":"age","value":30,"dataType":"Integer","version":%d}],
                  "gone":false,"version":%d},
                 {"id":"k1","type":"edge","label":"knows","from":"alice","to":"bob",
                  "labelsAdded":[{"label":"knows","version":%d}],"labelsRemoved":[],
                  "propertiesAdded":[],"propertiesRemoved":[],
                  "gone":false,"version":%d},
                 {"id":"k2","type":"edge","label":null,"from":null,"to":null,
                  "labelsAdded":[],"labelsRemoved":[],
                  "propertiesAdded":[{"key":"since","value":2.5,"dataType":"Double","version":%d}],"propertiesRemoved":[],
                  "gone":false,"version":%d},
                 {"id":"<http://ex/s>","type":"subject",
                  "statementsAdded":[{"stmt":"<http://ex/s> <http://ex/p> \\"o\\" .\\n","version":%d}],"statementsRemoved":[],
                  "gone":false,"version":%d}]
                """.formatted(v(1, 1), v(2, 1), v(2, 1), v(1, 3), v(1, 3), v(2, 2), v(2, 2), v(3, 1), v(3, 1));
        assertThat(ElementChangeConverter.toJson(changes))
                .isEqualTo(expected.lines().map(String::strip).collect(Collectors.joining()));
    }

    @Test
    void theMapOfAChangeHasTheFieldsOfItsJson() {
        ElementChange alice = ElementChanges.fold(List.of(
                vl(1, 1, ADD, "alice", "person"),
                vp(1, 2, ADD, "alice", "name", "Alice"))).get(0);

        assertThat(ElementChangeConverter.toMap(alice)).containsExactly(
                Map.entry("id", "alice"), Map.entry("type", "vertex"),
                Map.entry("labelsAdded", List.of(Map.of("label", "person", "version", v(1, 1)))),
                Map.entry("labelsRemoved", List.of()),
                Map.entry("propertiesAdded",
                        List.of(Map.of("key", "name", "value", "Alice", "dataType", "String", "version", v(1, 2)))),
                Map.entry("propertiesRemoved", List.of()),
                Map.entry("gone", false), Map.entry("version", v(1, 2)));
    }
}
