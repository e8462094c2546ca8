package dev.camelneptune.local.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelneptune.local.LocalClock;

/**
 * The Neptune Analytics graphs tasks run on: which exist, their status and whether they hold data. The task API answers
 * from them as the service does: an import or export on an unknown graph is 404 {@code ResourceNotFoundException}; an
 * import needs an empty, AVAILABLE graph and an export an AVAILABLE one, else 409 {@code ConflictException}.
 * <p>
 * A graph's status follows its tasks unless a test sets one: {@code IMPORTING} while an import task runs on it, else
 * {@code AVAILABLE}; a graph made by {@code CreateGraphUsingImportTask} is {@code IMPORTING} until its task succeeds,
 * {@code FAILED} if it does not. It holds data once an import into it succeeded. Thread-safe; it shares its lock with
 * {@link Tasks}.
 */
public final class Graphs {

    /** The ARN of a graph is this followed by its id (neptune-local has one region and one account). */
    static final String ARN_PREFIX = "arn:aws:neptune-graph:us-east-1:123456789012:graph/";

    /** The graph endpoint of a graph is its id followed by this (the region of neptune-local's ARNs). */
    static final String ENDPOINT_SUFFIX = ".us-east-1.neptune-graph.amazonaws.com";

    static final class Record {
        final String id;
        final String name;
        final long createMillis;
        final GraphSnapshot.Settings settings;
        String pinnedStatus;
        boolean loaded;
        long emptiedMillis = Long.MIN_VALUE;
        String createdByTask;

        Record(NewGraph spec, String name, long createMillis) {
            this.id = spec.id;
            this.name = name;
            this.createMillis = createMillis;
            this.settings = new GraphSnapshot.Settings(
                    spec.provisionedMemory, spec.publicConnectivity,
                    spec.replicaCount, spec.deletionProtection, spec.vectorSearchDimension, spec.kmsKeyIdentifier,
                    spec.id + ENDPOINT_SUFFIX);
        }
    }

    private final LocalClock clock;
    private final Map<String, Record> byId = new LinkedHashMap<>();
    private Tasks tasks;

    public Graphs(LocalClock clock) {
        this.clock = clock;
    }

    void attach(Tasks tasks) {
        this.tasks = tasks;
    }

    // ---------------------------------------------------------------- Java API

    /** Creates an empty, AVAILABLE graph; returns its id. */
    public String create(String graphId) {
        return create(NewGraph.graph().id(graphId));
    }

    /** Creates a graph as {@code spec} says; returns its id. */
    public synchronized String create(NewGraph spec) {
        String name = spec.name != null ? spec.name : "graph-" + spec.id.substring(2);
        if (!ModelRules.GRAPH_ID.matcher(spec.id).matches()) {
            throw new IllegalArgumentException("graph ids match " + ModelRules.GRAPH_ID + ": " + spec.id);
        }
        if (name.length() > 63 || !ModelRules.GRAPH_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("graph names match " + ModelRules.GRAPH_NAME + " (1..63): " + name);
        }
        if (spec.status != null) {
            requireStatus(spec.status);
        }
        if (byId.containsKey(spec.id) || named(name) != null) {
            throw new IllegalArgumentException("a graph " + spec.id + " or named " + name + " already exists");
        }
        Record graph = new Record(spec, name, clock.millis() - spec.createdAgo.toMillis());
        graph.pinnedStatus = spec.status;
        graph.loaded = !spec.empty;
        byId.put(spec.id, graph);
        return spec.id;
    }

    public synchronized boolean exists(String graphId) {
        return byId.containsKey(graphId);
    }

    /** The graph as the API would show it now. */
    public synchronized GraphSnapshot get(String graphId) {
        return snapshot(known(graphId), clock.millis());
    }

    /** Every graph, in creation order. */
    public synchronized List<GraphSnapshot> list() {
        long now = clock.millis();
        List<GraphSnapshot> all = new ArrayList<>();
        byId.values().forEach(g -> all.add(snapshot(g, now)));
        return all;
    }

    /**
     * Sets the graph's status (the model's {@code GraphStatus}, e.g. {@code UPDATING}), whatever its tasks do; null
     * lets its tasks decide again.
     */
    public synchronized void status(String graphId, String status) {
        if (status != null) {
            requireStatus(status);
        }
        known(graphId).pinnedStatus = status;
    }

    /** Empties the graph (as {@code ResetGraph} does) or fills it (as if data had been loaded). */
    public synchronized void empty(String graphId, boolean empty) {
        Record graph = known(graphId);
        graph.loaded = !empty;
        if (empty) {
            graph.emptiedMillis = clock.millis();
        }
    }

    /** Deletes the graph: it is unknown from now on, and every task still running on it is {@code DELETED}. */
    public synchronized void delete(String graphId) {
        known(graphId);
        byId.remove(graphId);
        tasks.graphDeleted(graphId, clock.millis());
    }

    // ---------------------------------------------------------------- for the task store and the wire

    /** The graph, or null. */
    synchronized Record record(String graphId) {
        return byId.get(graphId);
    }

    synchronized Record named(String name) {
        return byId.values().stream().filter(g -> g.name.equals(name)).findFirst().orElse(null);
    }

    /** A new graph made by {@code CreateGraphUsingImportTask}: its status follows that task. */
    synchronized Record createForImport(NewGraph spec, String taskId) {
        Record graph = new Record(spec, spec.name, clock.millis());
        graph.createdByTask = taskId;
        byId.put(spec.id, graph);
        return graph;
    }

    synchronized GraphSnapshot snapshot(Record graph, long now) {
        String status = graph.pinnedStatus;
        String reason = null;
        if (status == null && graph.createdByTask != null) {
            TaskSnapshot task = tasks.snapshotOf(graph.createdByTask, now);
            if ("SUCCEEDED".equals(task.status())) {
                status = "AVAILABLE";
            } else if (task.isRunning()) {
                status = "IMPORTING";
            } else {
                status = "FAILED";
                reason = "Import task " + task.taskId() + " is " + task.status()
                         + (task.statusReason() != null ? ": " + task.statusReason() : "");
            }
        } else if (status == null) {
            status = tasks.importUnderway(graph.id, now) ? "IMPORTING" : "AVAILABLE";
        }
        boolean empty = !graph.loaded && !tasks.importSucceeded(graph.id, graph.emptiedMillis, now);
        return new GraphSnapshot(
                graph.id, graph.name, ARN_PREFIX + graph.id, status, reason, empty,
                Instant.ofEpochMilli(graph.createMillis), graph.settings);
    }

    private Record known(String graphId) {
        Record graph = byId.get(graphId);
        if (graph == null) {
            throw new IllegalArgumentException("no graph " + graphId);
        }
        return graph;
    }

    private static void requireStatus(String status) {
        if (!ModelRules.GRAPH_STATUSES.contains(status)) {
            throw new IllegalArgumentException("a graph status is one of " + ModelRules.GRAPH_STATUSES + ": " + status);
        }
    }
}
