package dev.camelneptune.stream.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.camelneptune.stream.StreamPosition;

/**
 * What the records of one exchange (a batch, a transaction or one record) did to one element: a vertex or an edge of
 * the property graph, or a subject of the RDF graph. Built by {@link ElementChanges#fold(List)}.
 * <p>
 * Every change in Neptune is a set operation on one fact: a label of an element, one value of one property of an
 * element (a property of single cardinality holds one value, one of set cardinality several, each its own fact), an RDF
 * statement. For each fact the records touched, an element change holds its net effect, decided by the fact's last
 * record in stream order: ADD puts it in {@code ...Added}, REMOVE in {@code ...Removed}, with that record's
 * {@linkplain StreamPosition#version() version}. So an ADD then a REMOVE of the same value ends removed, a REMOVE then
 * an ADD ends added, and a single-cardinality update (REMOVE of the old value, ADD of the new) ends with the old value
 * removed and the new one added. Applied to a copy with "newest version wins" per fact, this gives the copy the state
 * the graph had after the exchange's last record, whatever was applied before, as often as it is applied again.
 * <p>
 * {@link #isGone()} says that the records removed the element itself:
 * <ul>
 * <li>a vertex or an edge is gone when its last label record in the exchange ({@code vl} for a vertex, {@code e} for an
 * edge) is a REMOVE, none of its labels ends added, and none of its records after that REMOVE is an ADD. That is how
 * Neptune logs a drop: the element's properties, (for a vertex) its edges, then its labels are removed. It is exact for
 * edges and for vertices with one label (every Gremlin vertex: a Gremlin label cannot be removed). A vertex with
 * several labels that loses some of them without being dropped (openCypher {@code REMOVE n:Label}) looks the same to an
 * exchange that sees none of its remaining labels: it is then reported gone. A copy that keeps labels knows exactly: a
 * vertex exists while it has a label.</li>
 * <li>a subject is never gone ({@code false}): the RDF graph has no record that removes a subject, which is there as
 * long as some statement has it as subject, and an exchange only sees its own records, not the statements left in the
 * store. A copy that keeps statements drops a subject when its last statement is removed.</li>
 * </ul>
 * {@link #getVersion()} is the version of the element's last record in the exchange.
 */
public final class ElementChange {

    /** What an element is. */
    public enum Type {
        /** A vertex of the property graph (records {@code vl}, {@code vp}). */
        VERTEX,
        /** An edge of the property graph (records {@code e}, {@code ep}). */
        EDGE,
        /** A subject of the RDF graph: the statements whose subject it is. */
        SUBJECT;

        /** The name in JSON and maps: {@code vertex}, {@code edge}, {@code subject}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A label added to or removed from a vertex or an edge, with the version of the record that decided it. */
    public record Label(String label, long version) {
    }

    /**
     * One value of one property added to or removed from a vertex or an edge, with the version of the record that
     * decided it.
     *
     * @param key      the property name
     * @param value    the value as plain Java: {@code String}, {@code Long} (whole numbers; {@code BigInteger} beyond a
     *                 long), {@code Double}, {@code Boolean}
     * @param dataType the record's {@code dataType} ({@code String}, {@code Integer}, {@code Long}, {@code Double},
     *                 {@code Date}...), null if it has none
     * @param version  the version of the record that decided this value
     */
    public record Property(String key, Object value, String dataType, long version) {
    }

    /** An RDF statement (N-Quads, as in the record) added or removed, with the version of its deciding record. */
    public record Statement(String stmt, long version) {
    }

    private final String id;
    private final Type type;
    private final String label;
    private final String from;
    private final String to;
    private final List<Label> labelsAdded;
    private final List<Label> labelsRemoved;
    private final List<Property> propertiesAdded;
    private final List<Property> propertiesRemoved;
    private final List<Statement> statementsAdded;
    private final List<Statement> statementsRemoved;
    private final boolean gone;
    private final long version;

    ElementChange(String id, Type type, String label, String from, String to, List<Label> labelsAdded,
                  List<Label> labelsRemoved, List<Property> propertiesAdded, List<Property> propertiesRemoved,
                  List<Statement> statementsAdded, List<Statement> statementsRemoved, boolean gone, long version) {
        this.id = id;
        this.type = type;
        this.label = label;
        this.from = from;
        this.to = to;
        this.labelsAdded = List.copyOf(labelsAdded);
        this.labelsRemoved = List.copyOf(labelsRemoved);
        this.propertiesAdded = List.copyOf(propertiesAdded);
        this.propertiesRemoved = List.copyOf(propertiesRemoved);
        this.statementsAdded = List.copyOf(statementsAdded);
        this.statementsRemoved = List.copyOf(statementsRemoved);
        this.gone = gone;
        this.version = version;
    }

    /** The vertex or edge id; for a subject, its N-Quads term: {@code <http://...>} or {@code _:label}. */
    public String getId() {
        return id;
    }

    public Type getType() {
        return type;
    }

    /** An edge's label, when the exchange holds its {@code e} record; else (and for vertices and subjects) null. */
    public String getLabel() {
        return label;
    }

    /** An edge's source vertex id, when the exchange holds its {@code e} record; else null. */
    public String getFrom() {
        return from;
    }

    /** An edge's target vertex id, when the exchange holds its {@code e} record; else null. */
    public String getTo() {
        return to;
    }

    /** Labels whose last record was an ADD, in the order of those records. */
    public List<Label> getLabelsAdded() {
        return labelsAdded;
    }

    /** Labels whose last record was a REMOVE, in the order of those records. */
    public List<Label> getLabelsRemoved() {
        return labelsRemoved;
    }

    /** Property values whose last record was an ADD, in the order of those records. */
    public List<Property> getPropertiesAdded() {
        return propertiesAdded;
    }

    /** Property values whose last record was a REMOVE, in the order of those records. */
    public List<Property> getPropertiesRemoved() {
        return propertiesRemoved;
    }

    /** For a subject: statements whose last record was an ADD, in the order of those records. */
    public List<Statement> getStatementsAdded() {
        return statementsAdded;
    }

    /** For a subject: statements whose last record was a REMOVE, in the order of those records. */
    public List<Statement> getStatementsRemoved() {
        return statementsRemoved;
    }

    /** Whether the records removed the element itself: see the class description for the exact rule. */
    public boolean isGone() {
        return gone;
    }

    /** The version of the element's last record in the exchange ({@link StreamPosition#version()}). */
    public long getVersion() {
        return version;
    }

    /**
     * This change as a map, with the field names of its JSON: {@code id}, {@code type} ({@code vertex}, {@code edge},
     * {@code subject}), for an edge {@code label}, {@code from}, {@code to} (null when unknown), for a vertex or an
     * edge {@code labelsAdded}, {@code labelsRemoved} (maps {@code label}, {@code version}), {@code propertiesAdded},
     * {@code propertiesRemoved} (maps {@code key}, {@code value}, {@code dataType}, {@code version}), for a subject
     * {@code statementsAdded}, {@code statementsRemoved} (maps {@code stmt}, {@code version}), then {@code gone} and
     * {@code version}. A new, modifiable map each call.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("type", type.wireName());
        if (type == Type.SUBJECT) {
            map.put("statementsAdded", statements(statementsAdded));
            map.put("statementsRemoved", statements(statementsRemoved));
        } else {
            if (type == Type.EDGE) {
                map.put("label", label);
                map.put("from", from);
                map.put("to", to);
            }
            map.put("labelsAdded", labels(labelsAdded));
            map.put("labelsRemoved", labels(labelsRemoved));
            map.put("propertiesAdded", properties(propertiesAdded));
            map.put("propertiesRemoved", properties(propertiesRemoved));
        }
        map.put("gone", gone);
        map.put("version", version);
        return map;
    }

    private static List<Map<String, Object>> labels(List<Label> labels) {
        List<Map<String, Object>> maps = new ArrayList<>(labels.size());
        for (Label label : labels) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("label", label.label());
            map.put("version", label.version());
            maps.add(map);
        }
        return maps;
    }

    private static List<Map<String, Object>> properties(List<Property> properties) {
        List<Map<String, Object>> maps = new ArrayList<>(properties.size());
        for (Property property : properties) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", property.key());
            map.put("value", property.value());
            map.put("dataType", property.dataType());
            map.put("version", property.version());
            maps.add(map);
        }
        return maps;
    }

    private static List<Map<String, Object>> statements(List<Statement> statements) {
        List<Map<String, Object>> maps = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("stmt", statement.stmt());
            map.put("version", statement.version());
            maps.add(map);
        }
        return maps;
    }

    @Override
    public String toString() {
        return ElementChangeConverter.toJson(this);
    }
}
