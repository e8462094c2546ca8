package dev.camelneptune.local.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One property-graph transaction: each call changes the graph and produces the records Neptune writes for it
 * ({@code vl}, {@code vp}, {@code e}, {@code ep}, with {@code ADD} or {@code REMOVE}), one record per fact: one
 * {@code vl} per label of a vertex, one {@code vp}/{@code ep} per property value. Obtained from
 * {@link PropertyGraphStream#commit(java.util.function.Consumer)}, valid only inside it.
 * <p>
 * As in Neptune, a vertex has one or more labels and its properties have set cardinality: a key holds a set of values,
 * added one by one ({@link #addPropertyValue}, Gremlin's {@code property(set, k, v)}), and a value given as a
 * {@code Collection} adds each of its values. {@link #setProperty} is single cardinality ({@code property(single, k,
 * v)}): a {@code REMOVE} of every old value, then an {@code ADD} of the new one. Edge properties have single
 * cardinality only.
 * <p>
 * Dropping an element ({@link #remove}) writes a {@code REMOVE} for every fact it takes with it. Neptune documents that
 * a drop removes the vertex's edges but not the order of the records; neptune-local writes, in this order: each edge of
 * the vertex (its properties, then its {@code e} record), then the vertex's property values, then its labels. A
 * vertex's last record in a drop is therefore the {@code REMOVE} of its last label, and an edge's the {@code REMOVE} of
 * its {@code e} record.
 */
public final class GraphTransaction {

    private final Graph graph;
    private final List<Change> changes = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    GraphTransaction(Graph graph) {
        this.graph = graph;
    }

    /**
     * Adds a vertex with one label: one {@code vl} record, then one {@code vp} per property value (a {@code Collection}
     * value is a set of values).
     */
    public GraphTransaction addVertex(String id, String label, Map<String, ?> properties) {
        return addVertex(id, List.of(label), properties);
    }

    public GraphTransaction addVertex(String id, String label) {
        return addVertex(id, List.of(label), Map.of());
    }

    /**
     * Adds a vertex with one or more labels (openCypher's {@code CREATE (:a:b)}, Gremlin's {@code addV('a::b')}): one
     * {@code vl} record per label, then one {@code vp} per property value (a {@code Collection} value is a set of
     * values).
     */
    public GraphTransaction addVertex(String id, Collection<String> labels, Map<String, ?> properties) {
        requireId(id);
        Set<String> distinct = new LinkedHashSet<>(labels);
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("a vertex needs at least one label: " + id);
        }
        distinct.forEach(GraphTransaction::requireLabel);
        Graph.Element vertex = new Graph.Element(id, null, null);
        vertex.labels.addAll(distinct);
        graph.put(vertex);
        undo.push(() -> graph.remove(vertex));
        for (String label : distinct) {
            changes.add(label(vertex, label, false));
        }
        properties.forEach((key, value) -> {
            if (value instanceof Collection<?> values) {
                new LinkedHashSet<>(values).forEach(v -> addValue(vertex, key, v));
            } else {
                addValue(vertex, key, value);
            }
        });
        return this;
    }

    /** Adds an edge {@code from -> to}: one {@code e} record, one {@code ep} per property. */
    public GraphTransaction addEdge(String id, String from, String to, String label, Map<String, ?> properties) {
        requireId(id);
        requireLabel(label);
        Graph.Element edge = new Graph.Element(id, from, to);
        edge.labels.add(label);
        graph.put(edge);
        undo.push(() -> graph.remove(edge));
        changes.add(label(edge, label, false));
        properties.forEach((key, value) -> {
            if (value instanceof Collection<?>) {
                throw new IllegalArgumentException("edge properties have single cardinality: " + key + " of edge " + id);
            }
            addValue(edge, key, value);
        });
        return this;
    }

    public GraphTransaction addEdge(String id, String from, String to, String label) {
        return addEdge(id, from, to, label, Map.of());
    }

    /** Adds a label to a vertex (openCypher's {@code SET n:label}): one {@code vl} ADD; nothing if it has it. */
    public GraphTransaction addLabel(String vertexId, String label) {
        requireLabel(label);
        Graph.Element vertex = graph.vertex(vertexId);
        if (vertex.labels.add(label)) {
            undo.push(() -> vertex.labels.remove(label));
            changes.add(label(vertex, label, false));
        }
        return this;
    }

    /**
     * Removes a label of a vertex (openCypher's {@code REMOVE n:label}): one {@code vl} REMOVE. A vertex keeps at least
     * one label: its last one goes only with the vertex ({@link #remove}).
     */
    public GraphTransaction removeLabel(String vertexId, String label) {
        Graph.Element vertex = graph.vertex(vertexId);
        if (!vertex.labels.contains(label)) {
            throw new IllegalArgumentException(vertexId + " has no label " + label);
        }
        if (vertex.labels.size() == 1) {
            throw new IllegalArgumentException(
                    label + " is the last label of " + vertexId + ": a vertex keeps at least one; remove the vertex instead");
        }
        Set<String> before = new LinkedHashSet<>(vertex.labels);
        vertex.labels.remove(label);
        undo.push(() -> {
            vertex.labels.clear();
            vertex.labels.addAll(before);
        });
        changes.add(label(vertex, label, true));
        return this;
    }

    /**
     * Sets a property of a vertex or edge with single cardinality: a {@code REMOVE} of each value it holds, then an
     * {@code ADD} of {@code value}.
     */
    public GraphTransaction setProperty(String elementId, String key, Object value) {
        Graph.Element element = graph.get(elementId);
        PropertyValue.check(value);
        if (element.properties.containsKey(key)) {
            removeValues(element, key);
        }
        addValue(element, key, value);
        return this;
    }

    /**
     * Adds one value to a vertex property of set cardinality (Gremlin's {@code property(set, k, v)}): one {@code vp}
     * ADD; nothing if the vertex already holds that value. Edge properties have single cardinality: use
     * {@link #setProperty}.
     */
    public GraphTransaction addPropertyValue(String vertexId, String key, Object value) {
        Graph.Element element = graph.get(vertexId);
        if (element.isEdge()) {
            throw new IllegalArgumentException(
                    "edge properties have single cardinality: use setProperty for " + key + " of edge " + vertexId);
        }
        if (!element.hasValue(key, value)) {
            addValue(element, key, value);
        }
        return this;
    }

    /** Removes one value of a property of a vertex or edge: one {@code REMOVE} of that value. */
    public GraphTransaction removePropertyValue(String elementId, String key, Object value) {
        Graph.Element element = graph.get(elementId);
        if (!element.hasValue(key, value)) {
            throw new IllegalArgumentException(elementId + " has no value " + value + " of property " + key);
        }
        removeValue(element, key, value);
        return this;
    }

    /** Removes a property of a vertex or edge: one {@code REMOVE} per value it holds. */
    public GraphTransaction removeProperty(String elementId, String key) {
        Graph.Element element = graph.get(elementId);
        if (!element.properties.containsKey(key)) {
            throw new IllegalArgumentException(elementId + " has no property " + key);
        }
        removeValues(element, key);
        return this;
    }

    /**
     * Drops a vertex or an edge. A vertex takes its edges with it: each edge's properties and {@code e} record, then
     * the vertex's property values, then its labels, each a {@code REMOVE}.
     */
    public GraphTransaction remove(String elementId) {
        Graph.Element element = graph.get(elementId);
        for (String edgeId : List.copyOf(element.edges)) {
            removeElement(graph.get(edgeId));
        }
        removeElement(element);
        return this;
    }

    private void removeElement(Graph.Element element) {
        for (String key : List.copyOf(element.properties.keySet())) {
            removeValues(element, key);
        }
        graph.remove(element);
        undo.push(() -> graph.put(element));
        for (String label : element.labels) {
            changes.add(label(element, label, true));
        }
    }

    private void addValue(Graph.Element element, String key, Object value) {
        Change change = property(element, key, value, false);
        element.addValue(key, value);
        undo.push(() -> element.removeValue(key, value));
        changes.add(change);
    }

    private void removeValues(Graph.Element element, String key) {
        for (Object value : List.copyOf(element.properties.get(key))) {
            removeValue(element, key, value);
        }
    }

    private void removeValue(Graph.Element element, String key, Object value) {
        element.removeValue(key, value);
        undo.push(() -> element.addValue(key, value));
        changes.add(property(element, key, value, true));
    }

    private static void requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an element id must not be null or empty");
        }
    }

    private static void requireLabel(String label) {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("a label must not be null or empty");
        }
    }

    private static Change label(Graph.Element element, String label, boolean remove) {
        return new Change(remove, JsonBytes.object(out -> {
            out.writeStringField("id", element.id);
            out.writeStringField("type", element.isEdge() ? "e" : "vl");
            out.writeStringField("key", "label");
            out.writeFieldName("value");
            PropertyValue.write(out, label);
            if (element.isEdge()) {
                out.writeStringField("from", element.from);
                out.writeStringField("to", element.to);
            }
        }));
    }

    private static Change property(Graph.Element element, String key, Object value, boolean remove) {
        return new Change(remove, JsonBytes.object(out -> {
            out.writeStringField("id", element.id);
            out.writeStringField("type", element.isEdge() ? "ep" : "vp");
            out.writeStringField("key", key);
            out.writeFieldName("value");
            PropertyValue.write(out, value);
        }));
    }

    /** The graph as this transaction has changed it so far. */
    Graph graph() {
        return graph;
    }

    List<Change> changes() {
        return changes;
    }

    /** Reverts every change this transaction made to the graph (the commit failed). */
    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }
}
