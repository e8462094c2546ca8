package dev.camelneptune.graph;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * Every task of a list operation with {@code allPages=true}: a read-only {@code List} of the SDK's task summaries
 * ({@code ImportTaskSummary} or {@code ExportTaskSummary}). It has a type of its own so that it converts to the
 * service's JSON (an array of the summaries) without a converter for every {@code List} of the CamelContext.
 *
 * @param <T> the summary type
 */
public final class NeptuneGraphTaskList<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> tasks;

    private NeptuneGraphTaskList(List<T> tasks) {
        this.tasks = Collections.unmodifiableList(tasks);
    }

    static <T> NeptuneGraphTaskList<T> of(Iterable<T> tasks) {
        List<T> copy = new ArrayList<>();
        tasks.forEach(copy::add);
        return new NeptuneGraphTaskList<>(copy);
    }

    @Override
    public T get(int index) {
        return tasks.get(index);
    }

    @Override
    public int size() {
        return tasks.size();
    }
}
