package dev.camelneptune.stream;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The body of a batch or transaction exchange: the SDK records ({@code PropertygraphRecord} or {@code SparqlRecord}),
 * in stream order. A plain read-only {@code List} to the route (iterate it, split it); it converts to a {@code String}
 * that is a JSON array of the records' wire JSON, and to {@link dev.camelneptune.stream.change.ElementChanges} (one
 * change per element). It is a view of the page the SDK returned, not a copy.
 *
 * @param <R> the SDK record type
 */
public final class StreamRecords<R> extends AbstractList<R> implements RandomAccess {

    private final List<R> records;

    public StreamRecords(List<R> records) {
        this.records = records;
    }

    @Override
    public R get(int index) {
        return records.get(index);
    }

    @Override
    public int size() {
        return records.size();
    }
}
