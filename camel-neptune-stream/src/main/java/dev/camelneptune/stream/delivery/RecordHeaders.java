package dev.camelneptune.stream.delivery;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.page.StreamReader;

/**
 * A record's headers, gathered in the case-insensitive order of their names, so that Camel's default header map (a
 * {@code TreeMap} in {@link String#CASE_INSENSITIVE_ORDER}) takes them all in one linear build instead of one tree
 * insertion each: the names share the 18-character prefix {@code CamelNeptuneStream}, so every comparison of an
 * insertion walks it, and that was a sixth of the route thread's time in a drain.
 * <p>
 * Only what {@link TreeMap#putAll} reads of a sorted map is offered ({@link #comparator()}, {@link #size()} and
 * {@link #entrySet()}); it exists for {@link #copyInto} and nothing else.
 */
final class RecordHeaders extends AbstractMap<String, Object> implements SortedMap<String, Object> {

    /** Every name a record can carry, in the order the header map keeps them. */
    private static final String[] NAMES = Arrays.stream(new String[] {
            NeptuneStreamConstants.COMMIT_NUM, NeptuneStreamConstants.OP_NUM, NeptuneStreamConstants.VERSION,
            NeptuneStreamConstants.COMMIT_TIMESTAMP,
            NeptuneStreamConstants.OP, NeptuneStreamConstants.IS_LAST_OP, NeptuneStreamConstants.ELEMENT_ID,
            NeptuneStreamConstants.ELEMENT_TYPE, NeptuneStreamConstants.KEY, NeptuneStreamConstants.FROM,
            NeptuneStreamConstants.TO, NeptuneStreamConstants.STATEMENT })
            .sorted(String.CASE_INSENSITIVE_ORDER).toArray(String[]::new);
    /** Each name's place in {@link #NAMES}: a hash look-up, where a search by the order would compare the prefix. */
    private static final Map<String, Integer> SLOTS = new HashMap<>();

    static {
        for (int slot = 0; slot < NAMES.length; slot++) {
            SLOTS.put(NAMES[slot], slot);
        }
    }

    private final Object[] values = new Object[NAMES.length];
    private int size;

    /**
     * Puts the headers {@code reader} gives the record into {@code headers}: in one build when it is an empty map of
     * Camel's default kind, one by one otherwise.
     */
    static <R> void copyInto(StreamReader<R> reader, R record, StreamPosition position, Map<String, Object> headers) {
        if (headers instanceof TreeMap<String, Object> tree && tree.isEmpty()
                && tree.comparator() == String.CASE_INSENSITIVE_ORDER) {
            RecordHeaders sorted = new RecordHeaders();
            reader.putHeaders(record, position, sorted);
            tree.putAll(sorted);
        } else {
            reader.putHeaders(record, position, headers);
        }
    }

    @Override
    public Object put(String name, Object value) {
        Integer slot = SLOTS.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("not a record header: " + name);
        }
        Object previous = values[slot];
        if (previous == null) {
            size++;
        }
        values[slot] = value;
        return previous;
    }

    @Override
    public Comparator<? super String> comparator() {
        return String.CASE_INSENSITIVE_ORDER;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int slot = from;
                        while (slot < values.length && values[slot] == null) {
                            slot++;
                        }
                        return slot;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(NAMES[next], values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public SortedMap<String, Object> subMap(String fromKey, String toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, Object> headMap(String toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, Object> tailMap(String fromKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String firstKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String lastKey() {
        throw new UnsupportedOperationException();
    }
}
