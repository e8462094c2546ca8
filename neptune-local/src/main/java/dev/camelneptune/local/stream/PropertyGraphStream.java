package dev.camelneptune.local.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.camelneptune.local.LocalClock;

/**
 * The property graph and its change log ({@code GET /propertygraph/stream}): commit transactions of graph changes,
 * pre-load large logs, trim. Thread-safe: commits are serialised.
 *
 * <pre>
 * long commitNum = neptune.stream().propertyGraph().commit(tx -&gt; tx
 *         .addVertex("alice", List.of("person", "employee"), Map.of("name", "Alice", "tags", Set.of("a", "b")))
 *         .addEdge("e1", "alice", "bob", "knows", Map.of("since", 2019)));
 * PropertyGraphState now = neptune.stream().propertyGraph().state();
 * </pre>
 */
public final class PropertyGraphStream {

    private static final String[] PRELOAD_KEYS = { "name", "age", "city" };
    private static final String[] PRELOAD_CITIES = { "Lisbon", "Oslo", "Kyoto", "Lima", "Perth" };

    private final LocalClock clock;
    private final ChangeLog log = new ChangeLog("PG_JSON");
    private final Graph graph = new Graph();

    PropertyGraphStream(LocalClock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code transaction} and commits its changes as one transaction (its last record carries {@code isLastOp}).
     * If it throws, nothing is committed and the graph is unchanged.
     *
     * @return the new commitNum, or -1 if the transaction changed nothing
     */
    public synchronized long commit(Consumer<GraphTransaction> transaction) {
        GraphTransaction tx = new GraphTransaction(graph);
        try {
            transaction.accept(tx);
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        return log.append(clock.millis(), tx.changes());
    }

    /**
     * Appends {@code records} records fast, for benchmarks and large tests: transactions of one {@code person} vertex
     * each ({@code vl} plus {@code vp} name, age, city; ids {@code p-1}, {@code p-2}...), the last one cut short to hit
     * the count exactly. These vertices are written to the change log only, not to the graph the transaction API
     * changes, so they cannot be changed or removed later.
     *
     * @return the last commitNum
     */
    public synchronized long preload(int records) {
        long timestamp = clock.millis();
        long commitNum = log.lastCommitNum();
        JsonBytes.Writer writer = new JsonBytes.Writer(128);
        int written = 0;
        List<Change> changes = new ArrayList<>(4);
        for (int n = 1; written < records; n++) {
            changes.clear();
            String id = "p-" + n;
            changes.add(preloadRecord(writer, id, "vl", "label", "person"));
            for (int k = 0; k < PRELOAD_KEYS.length && written + changes.size() < records; k++) {
                Object value = switch (k) {
                    case 0 -> "Person " + n;
                    case 1 -> 20 + n % 50;
                    default -> PRELOAD_CITIES[n % PRELOAD_CITIES.length];
                };
                changes.add(preloadRecord(writer, id, "vp", PRELOAD_KEYS[k], value));
            }
            written += changes.size();
            commitNum = log.append(timestamp, changes);
        }
        return commitNum;
    }

    private static Change preloadRecord(JsonBytes.Writer writer, String id, String type, String key, Object value) {
        return new Change(false, writer.object(out -> {
            out.writeStringField("id", id);
            out.writeStringField("type", type);
            out.writeStringField("key", key);
            out.writeFieldName("value");
            PropertyValue.write(out, value);
        }));
    }

    /**
     * The graph as it stands now: every vertex with its labels and property values, every edge with its label,
     * endpoints and properties, and the last commit they include. A copy that applied the change log up to that commit
     * must equal it.
     */
    public synchronized PropertyGraphState state() {
        return PropertyGraphState.of(log.lastCommitNum(), graph);
    }

    /** Trims every commit before {@code commitNum}: reading them answers {@code ExpiredStreamException}. */
    public void trimBefore(long commitNum) {
        log.trimBefore(commitNum);
    }

    /** The last commitNum, 0 when nothing was committed. */
    public long lastCommitNum() {
        return log.lastCommitNum();
    }

    /** The position of the last record committed, {@code [0, 0]} when nothing was committed. */
    public EventId lastEventId() {
        return log.lastEventId();
    }

    /** How many records can still be read (committed and not trimmed). */
    public int recordCount() {
        return log.liveRecordCount();
    }

    ChangeLog log() {
        return log;
    }
}
