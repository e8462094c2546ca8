package dev.camelneptune.local.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One property-graph transaction: each call changes the graph and produces the records Neptune writes for it
 * ({@code vl}, {@code vp}, {@code e}, {@code ep}, with {@code ADD} or {@code REMOVE}). Properties have single
 * cardinality: setting one that exists removes the old value first, as {@code property(single, k, v)} does. Obtained
 * from {@link PropertyGraphStream#commit(java.util.function.Consumer)}, valid only inside it.
 */
public final class GraphTransaction {

    private final Graph graph;
    private final List<Change> changes = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    GraphTransaction(Graph graph) {
        this.graph = graph;
    }

    /** Adds a vertex: one {@code vl} record for the label, one {@code vp} per property. */
    public GraphTransaction addVertex(String id, String label, Map<String, ?> properties) {
        Graph.Element vertex = new Graph.Element(id, label, null, null);
        graph.put(vertex);
        undo.push(() -> graph.remove(vertex));
        changes.add(label(vertex, false));
        properties.forEach((key, value) -> addProperty(vertex, key, value));
        return this;
    }

    public GraphTransaction addVertex(String id, String label) {
        return addVertex(id, label, Map.of());
    }

    /** Adds an edge {@code from -> to}: one {@code e} record, one {@code ep} per property. */
    public GraphTransaction addEdge(String id, String from, String to, String label, Map<String, ?> properties) {
        Graph.Element edge = new Graph.Element(id, label, from, to);
        graph.put(edge);
        undo.push(() -> graph.remove(edge));
        changes.add(label(edge, false));
        properties.forEach((key, value) -> addProperty(edge, key, value));
        return this;
    }

    public GraphTransaction addEdge(String id, String from, String to, String label) {
        return addEdge(id, from, to, label, Map.of());
    }

    /** Sets a property of a vertex or edge: {@code REMOVE} of the old value if any, then {@code ADD}. */
    public GraphTransaction setProperty(String elementId, String key, Object value) {
        Graph.Element element = graph.get(elementId);
        if (element.properties.containsKey(key)) {
            removeProperty(element, key);
        }
        addProperty(element, key, value);
        return this;
    }

    /** Removes a property of a vertex or edge ({@code REMOVE} of its value). */
    public GraphTransaction removeProperty(String elementId, String key) {
        Graph.Element element = graph.get(elementId);
        if (!element.properties.containsKey(key)) {
            throw new IllegalArgumentException(elementId + " has no property " + key);
        }
        removeProperty(element, key);
        return this;
    }

    /**
     * Removes a vertex or an edge. A vertex takes its edges with it; each element goes property by property, then its
     * label, as Neptune logs a {@code drop()}.
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
            removeProperty(element, key);
        }
        graph.remove(element);
        undo.push(() -> graph.put(element));
        changes.add(label(element, true));
    }

    private void addProperty(Graph.Element element, String key, Object value) {
        Change change = property(element, key, value, false);
        element.properties.put(key, value);
        undo.push(() -> element.properties.remove(key));
        changes.add(change);
    }

    private void removeProperty(Graph.Element element, String key) {
        Object old = element.properties.remove(key);
        undo.push(() -> element.properties.put(key, old));
        changes.add(property(element, key, old, true));
    }

    private static Change label(Graph.Element element, boolean remove) {
        return new Change(remove, JsonBytes.object(out -> {
            out.writeStringField("id", element.id);
            out.writeStringField("type", element.isEdge() ? "e" : "vl");
            out.writeStringField("key", "label");
            out.writeFieldName("value");
            PropertyValue.write(out, element.label);
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
