package dev.camelneptune.local.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One RDF transaction: statements added and removed, each one record whose {@code data} is {@code {"stmt": "..."}} in
 * N-Quads. Obtained from {@link SparqlStream#commit(java.util.function.Consumer)}, valid only inside it.
 */
public final class SparqlTransaction {

    private final Set<String> statements;
    private final Map<String, Boolean> pending = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    SparqlTransaction(Set<String> statements) {
        this.statements = statements;
    }

    /** Adds one statement, an N-Quads line such as {@code <http://ex/s> <http://ex/p> "o" .} */
    public SparqlTransaction add(String statement) {
        String stmt = normalise(statement);
        if (contains(stmt)) {
            throw new IllegalArgumentException("statement already present: " + statement);
        }
        pending.put(stmt, true);
        changes.add(record(stmt, false));
        return this;
    }

    /** Removes one statement that is present. */
    public SparqlTransaction remove(String statement) {
        String stmt = normalise(statement);
        if (!contains(stmt)) {
            throw new IllegalArgumentException("no such statement: " + statement);
        }
        pending.put(stmt, false);
        changes.add(record(stmt, true));
        return this;
    }

    private boolean contains(String stmt) {
        Boolean changed = pending.get(stmt);
        return changed != null ? changed : statements.contains(stmt);
    }

    private static String normalise(String statement) {
        String trimmed = statement.strip();
        if (!trimmed.endsWith(".")) {
            throw new IllegalArgumentException("an N-Quads statement ends with ' .': " + statement);
        }
        return trimmed + "\n";
    }

    private static Change record(String stmt, boolean remove) {
        return new Change(remove, JsonBytes.object(out -> out.writeStringField("stmt", stmt)));
    }

    List<Change> changes() {
        return changes;
    }

    /** Applies the committed changes to the statement set. */
    void apply() {
        pending.forEach((stmt, present) -> {
            if (present) {
                statements.add(stmt);
            } else {
                statements.remove(stmt);
            }
        });
    }
}
