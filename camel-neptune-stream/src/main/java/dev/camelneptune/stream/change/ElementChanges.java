package dev.camelneptune.stream.change;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import dev.camelneptune.stream.StreamRecords;

/**
 * The records of one exchange folded into one {@link ElementChange} per element (vertex, edge or RDF subject), in the
 * stream order of each element's first record. Converted from a batch or transaction body ({@link StreamRecords}) or
 * from one record; converts to a {@code String} that is a JSON array of the changes' JSON (the fields of
 * {@link ElementChange#toMap()}). A read-only {@code List}: split it, and convert each change to a {@code Map} to bind
 * its fields in SQL.
 */
public final class ElementChanges extends AbstractList<ElementChange> implements RandomAccess {

    private final List<ElementChange> changes;

    ElementChanges(List<ElementChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * Folds {@code records} (SDK {@code PropertygraphRecord}s or {@code SparqlRecord}s, in stream order) into one
     * change per element. It relies on the records' order, never on their positions being increasing, positive or
     * distinct: neptune-export's snapshot records (all ADD, {@code eventId} commitNum -1, opNum 0) fold like any other,
     * before the stream records that follow them.
     *
     * @throws IllegalArgumentException when a record is neither ADD nor REMOVE, has no data, or has a property-graph
     *                                  type other than {@code vl}, {@code vp}, {@code e}, {@code ep}, naming its
     *                                  position
     */
    public static ElementChanges fold(List<?> records) {
        ElementFolder folder = new ElementFolder();
        for (Object record : records) {
            folder.add(record);
        }
        return folder.changes();
    }

    @Override
    public ElementChange get(int index) {
        return changes.get(index);
    }

    @Override
    public int size() {
        return changes.size();
    }

    /** The JSON array of the changes. */
    @Override
    public String toString() {
        return ElementChangeConverter.toJson(this);
    }
}
