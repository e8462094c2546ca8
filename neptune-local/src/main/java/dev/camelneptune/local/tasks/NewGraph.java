package dev.camelneptune.local.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * What to create through {@link Graphs#create(NewGraph)}: an empty, AVAILABLE graph unless told otherwise.
 *
 * <pre>
 * neptune.graphs().create(NewGraph.graph().id("g-0123456789").name("people").empty(false));
 * </pre>
 */
public final class NewGraph {

    String id = NewTask.randomId("g-");
    String name;
    String status;
    boolean empty = true;
    Duration createdAgo = Duration.ZERO;
    // what CreateGraphUsingImportTask sets; GetGraph echoes it
    int provisionedMemory = 128;
    boolean publicConnectivity;
    int replicaCount;
    boolean deletionProtection;
    Integer vectorSearchDimension;
    String kmsKeyIdentifier;

    private NewGraph() {
    }

    public static NewGraph graph() {
        return new NewGraph();
    }

    /** {@code g-[a-z0-9]{10}}; random by default. */
    public NewGraph id(String id) {
        this.id = Objects.requireNonNull(id);
        return this;
    }

    /**
     * The model's {@code GraphName}: lower-case letters, digits and single hyphens, 1..63; {@code graph-<id>} by
     * default.
     */
    public NewGraph name(String name) {
        this.name = Objects.requireNonNull(name);
        return this;
    }

    /** A status it keeps whatever its tasks do (the model's {@code GraphStatus}, e.g. {@code UPDATING}). */
    public NewGraph status(String status) {
        this.status = Objects.requireNonNull(status);
        return this;
    }

    /** It was created this long before, e.g. before the tasks that run on it started. */
    public NewGraph createdAgo(Duration ago) {
        this.createdAgo = Objects.requireNonNull(ago);
        return this;
    }

    /** Whether it holds no data yet; an import task is refused on a graph that is not empty. */
    public NewGraph empty(boolean empty) {
        this.empty = empty;
        return this;
    }
}
