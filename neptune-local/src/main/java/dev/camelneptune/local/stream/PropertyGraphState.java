package dev.camelneptune.local.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The property graph as it stands after commit {@code commitNum}, read with {@link PropertyGraphStream#state()}: what a
 * copy built from the change log up to that commit must equal, element by element, fact by fact. Immutable; vertices
 * and edges sorted by id.
 * <p>
 * Vertices and edges written by {@link PropertyGraphStream#preload(int)} are in the change log only, not here.
 *
 * @param commitNum the last commit the state includes, 0 before the first
 * @param vertices  every vertex by id
 * @param edges     every edge by id
 */
public record PropertyGraphState(long commitNum, Map<String, Vertex> vertices, Map<String, Edge> edges) {

    /**
     * A vertex: its labels (one or more) and, per property key, the set of its values (a single-cardinality property is
     * a set of one). Values are the Java values the transactions gave ({@code String}, {@code Integer}, {@code Long},
     * {@code Double}, ...); a record writes each with the {@code dataType} of its class's simple name.
     */
    public record Vertex(String id, Set<String> labels, Map<String, Set<Object>> properties) {
    }

    /** An edge: its label, endpoints, and properties (single cardinality: one value per key). */
    public record Edge(String id, String label, String from, String to, Map<String, Object> properties) {
    }

    static PropertyGraphState of(long commitNum, Graph graph) {
        Map<String, Vertex> vertices = new TreeMap<>();
        Map<String, Edge> edges = new TreeMap<>();
        for (Graph.Element element : graph.elements()) {
            if (element.isEdge()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                element.properties.forEach((key, values) -> properties.put(key, values.iterator().next()));
                edges.put(element.id, new Edge(
                        element.id, element.label(), element.from, element.to,
                        Collections.unmodifiableMap(properties)));
            } else {
                Map<String, Set<Object>> properties = new LinkedHashMap<>();
                element.properties.forEach((key, values) -> properties.put(key, Set.copyOf(values)));
                vertices.put(element.id,
                        new Vertex(element.id, Set.copyOf(element.labels), Collections.unmodifiableMap(properties)));
            }
        }
        return new PropertyGraphState(commitNum, Collections.unmodifiableMap(vertices), Collections.unmodifiableMap(edges));
    }
}
