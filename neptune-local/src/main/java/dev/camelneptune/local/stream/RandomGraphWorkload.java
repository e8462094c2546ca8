package dev.camelneptune.local.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random property-graph transactions, the same for the same seed: vertices with one to three labels added and dropped
 * (with their edges), edges added and dropped, single-cardinality properties set again and again from small value pools
 * (so the same facts come and go), set-cardinality values added and removed, properties removed, labels added and
 * removed. It keeps the graph at about {@link #vertices(int) a target number of vertices}, so that changes keep hitting
 * the same elements. For tests that need a change log with every kind of record, and for demos.
 *
 * <pre>
 * RandomGraphWorkload workload = new RandomGraphWorkload(neptune.stream().propertyGraph(), 42);
 * workload.commit(1_000); // a thousand transactions of one to four operations
 * </pre>
 */
public final class RandomGraphWorkload {

    private static final String[] VERTEX_LABELS = { "person", "employee", "customer", "admin", "device" };
    private static final String[] EDGE_LABELS = { "knows", "follows", "owns" };
    private static final String[] TAGS = { "red", "green", "blue", "cyan", "black", "white" };

    private final PropertyGraphStream stream;
    private final Random random;
    private final List<String> vertexIds = new ArrayList<>();
    private final List<String> edgeIds = new ArrayList<>();
    private final Map<String, Integer> operations = new LinkedHashMap<>();
    private int targetVertices = 200;
    private int maxOperations = 4;
    private long nextId;

    public RandomGraphWorkload(PropertyGraphStream stream, long seed) {
        this.stream = stream;
        this.random = new Random(seed);
    }

    /** About how many vertices the graph keeps (200 by default): fewer means more changes to each element. */
    public RandomGraphWorkload vertices(int target) {
        if (target < 2) {
            throw new IllegalArgumentException("the target number of vertices must be 2 or more, not " + target);
        }
        this.targetVertices = target;
        return this;
    }

    /** The most operations one transaction holds (4 by default; each is one or more records). */
    public RandomGraphWorkload maxOperationsPerTransaction(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a transaction holds at least one operation, not " + max);
        }
        this.maxOperations = max;
        return this;
    }

    /** Commits {@code transactions} random transactions. */
    public void commit(int transactions) {
        for (int i = 0; i < transactions; i++) {
            commit();
        }
    }

    /**
     * Commits one random transaction of one to {@link #maxOperationsPerTransaction} operations; returns its commitNum.
     */
    public synchronized long commit() {
        int count = 1 + random.nextInt(maxOperations);
        return stream.commit(tx -> {
            for (int i = 0; i < count; i++) {
                operation(tx);
            }
        });
    }

    /** How many operations of each kind were committed so far, by name ({@code addVertex}, {@code dropVertex}...). */
    public synchronized Map<String, Integer> operationCounts() {
        return Map.copyOf(operations);
    }

    private void operation(GraphTransaction tx) {
        Graph graph = tx.graph();
        int roll = random.nextInt(100);
        if (vertexIds.size() < 2 || roll < (vertexIds.size() < targetVertices ? 20 : 6)) {
            addVertex(tx);
        } else if (roll < 30) {
            addEdge(tx);
        } else if (roll < 48) {
            String id = pick(vertexIds);
            String key = random.nextBoolean() ? "age" : random.nextBoolean() ? "name" : "score";
            tx.setProperty(id, key, value(key));
            count("setVertexProperty");
        } else if (roll < 58) {
            tx.addPropertyValue(pick(vertexIds), "tags", pick(TAGS));
            count("addSetValue");
        } else if (roll < 65) {
            removeSetValue(tx, graph);
        } else if (roll < 72 && !edgeIds.isEmpty()) {
            String key = random.nextBoolean() ? "since" : "weight";
            tx.setProperty(pick(edgeIds), key, value(key));
            count("setEdgeProperty");
        } else if (roll < 78) {
            removeProperty(tx, graph);
        } else if (roll < 83) {
            changeLabel(tx, graph);
        } else if (roll < 88 && !edgeIds.isEmpty()) {
            String id = pick(edgeIds);
            tx.remove(id);
            edgeIds.remove(id);
            count("dropEdge");
        } else if (roll < 100 && vertexIds.size() > targetVertices / 2) {
            String id = pick(vertexIds);
            edgeIds.removeAll(graph.vertex(id).edges);
            tx.remove(id);
            vertexIds.remove(id);
            count("dropVertex");
        } else {
            addVertex(tx);
        }
    }

    private void addVertex(GraphTransaction tx) {
        String id = "v" + ++nextId;
        Set<String> labels = new LinkedHashSet<>();
        int labelCount = 1 + random.nextInt(3);
        while (labels.size() < labelCount) {
            labels.add(pick(VERTEX_LABELS));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", value("name"));
        if (random.nextBoolean()) {
            properties.put("age", value("age"));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            tags.add(pick(TAGS));
        }
        if (!tags.isEmpty()) {
            properties.put("tags", tags);
        }
        tx.addVertex(id, labels, properties);
        vertexIds.add(id);
        count(labels.size() > 1 ? "addMultiLabelVertex" : "addVertex");
    }

    private void addEdge(GraphTransaction tx) {
        String id = "e" + ++nextId;
        Map<String, Object> properties = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            properties.put("since", value("since"));
        }
        if (random.nextBoolean()) {
            properties.put("weight", value("weight"));
        }
        tx.addEdge(id, pick(vertexIds), pick(vertexIds), pick(EDGE_LABELS), properties);
        edgeIds.add(id);
        count("addEdge");
    }

    private void removeSetValue(GraphTransaction tx, Graph graph) {
        String id = pick(vertexIds);
        Set<Object> tags = graph.vertex(id).properties.get("tags");
        if (tags == null) {
            tx.addPropertyValue(id, "tags", pick(TAGS));
            count("addSetValue");
        } else {
            tx.removePropertyValue(id, "tags", List.copyOf(tags).get(random.nextInt(tags.size())));
            count("removeSetValue");
        }
    }

    private void removeProperty(GraphTransaction tx, Graph graph) {
        String id = !edgeIds.isEmpty() && random.nextInt(4) == 0 ? pick(edgeIds) : pick(vertexIds);
        List<String> keys = List.copyOf(graph.get(id).properties.keySet());
        if (keys.isEmpty()) {
            tx.setProperty(id, "since", value("since"));
            count(graph.get(id).isEdge() ? "setEdgeProperty" : "setVertexProperty");
        } else {
            tx.removeProperty(id, keys.get(random.nextInt(keys.size())));
            count("removeProperty");
        }
    }

    private void changeLabel(GraphTransaction tx, Graph graph) {
        String id = pick(vertexIds);
        Set<String> labels = graph.vertex(id).labels;
        if (labels.size() > 1 && random.nextBoolean()) {
            tx.removeLabel(id, List.copyOf(labels).get(random.nextInt(labels.size())));
            count("removeLabel");
        } else {
            String label = pick(VERTEX_LABELS);
            if (!labels.contains(label)) {
                tx.addLabel(id, label);
                count("addLabel");
            }
        }
    }

    /** A value from a small pool, so that the same facts are set, removed and set again. */
    private Object value(String key) {
        return switch (key) {
            case "name" -> "N" + random.nextInt(20);
            case "age" -> 18 + random.nextInt(10);
            case "score" -> random.nextInt(8) * 0.5;
            case "since" -> 2010L + random.nextInt(10);
            case "weight" -> random.nextInt(5) * 0.25;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private String pick(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private void count(String operation) {
        operations.merge(operation, 1, Integer::sum);
    }
}
