package dev.camelneptune.local.stream;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The current property graph: elements by id, with label, properties and (edges) endpoints. Not thread-safe. */
final class Graph {

    static final class Element {
        final String id;
        final String label;
        final String from;
        final String to;
        final Map<String, Object> properties = new LinkedHashMap<>();
        final Set<String> edges = new LinkedHashSet<>();

        Element(String id, String label, String from, String to) {
            this.id = id;
            this.label = label;
            this.from = from;
            this.to = to;
        }

        boolean isEdge() {
            return from != null;
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
}
