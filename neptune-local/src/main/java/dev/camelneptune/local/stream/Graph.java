package dev.camelneptune.local.stream;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The current property graph: elements by id. A vertex has one or more labels and properties of set cardinality (each
 * key holds a set of values); an edge has one label, its endpoints and properties of single cardinality. Not
 * thread-safe: {@link PropertyGraphStream} serialises access.
 */
final class Graph {

    static final class Element {
        final String id;
        /** A vertex's labels in the order they were added; an edge's one label. */
        final Set<String> labels = new LinkedHashSet<>();
        final String from;
        final String to;
        /** Each key's values in the order they were added; never an empty set. */
        final Map<String, Set<Object>> properties = new LinkedHashMap<>();
        final Set<String> edges = new LinkedHashSet<>();

        Element(String id, String from, String to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        boolean isEdge() {
            return from != null;
        }

        /** An edge's label. */
        String label() {
            return labels.iterator().next();
        }

        boolean hasValue(String key, Object value) {
            Set<Object> values = properties.get(key);
            return values != null && values.contains(value);
        }

        void addValue(String key, Object value) {
            properties.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }

        void removeValue(String key, Object value) {
            Set<Object> values = properties.get(key);
            values.remove(value);
            if (values.isEmpty()) {
                properties.remove(key);
            }
        }
    }

    private final Map<String, Element> elements = new HashMap<>();

    Element get(String id) {
        Element element = elements.get(id);
        if (element == null) {
            throw new IllegalArgumentException("no vertex or edge with id " + id);
        }
        return element;
    }

    Element vertex(String id) {
        Element element = get(id);
        if (element.isEdge()) {
            throw new IllegalArgumentException(id + " is an edge, not a vertex");
        }
        return element;
    }

    void put(Element element) {
        if (elements.containsKey(element.id)) {
            throw new IllegalArgumentException("an element with id " + element.id + " already exists");
        }
        if (element.isEdge()) {
            Element from = vertex(element.from);
            Element to = vertex(element.to);
            from.edges.add(element.id);
            to.edges.add(element.id);
        }
        elements.put(element.id, element);
    }

    void remove(Element element) {
        elements.remove(element.id);
        if (element.isEdge()) {
            elements.get(element.from).edges.remove(element.id);
            elements.get(element.to).edges.remove(element.id);
        }
    }

    Iterable<Element> elements() {
        return elements.values();
    }
}
