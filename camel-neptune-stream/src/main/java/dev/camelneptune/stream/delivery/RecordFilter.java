package dev.camelneptune.stream.delivery;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.camelneptune.stream.NeptuneStreamConfiguration;
import dev.camelneptune.stream.page.StreamReader;

/**
 * The records a route asked not to see ({@code includeTypes}, {@code includeOps}, {@code excludeKeys}): a delivery mode
 * drops them before it makes an exchange, and moves the position past them as past records the route processed. It
 * never looks beyond the record itself, so a record is dropped or kept the same way whenever it is read again.
 */
public final class RecordFilter {

    /** The property graph record types, as the stream names them. */
    static final List<String> TYPES = List.of("vl", "vp", "e", "ep");
    static final List<String> OPS = List.of("ADD", "REMOVE");

    private static final RecordFilter NONE = new RecordFilter(null, null, Set.of());

    /** null when every type is kept. */
    private final Set<String> types;
    /** null when every op is kept. */
    private final Set<String> ops;
    private final Set<String> excludedKeys;

    private RecordFilter(Set<String> types, Set<String> ops, Set<String> excludedKeys) {
        this.types = types;
        this.ops = ops;
        this.excludedKeys = excludedKeys;
    }

    /**
     * The filter the configuration asks for.
     *
     * @throws IllegalArgumentException naming the option and its values when one holds a value it does not know
     */
    public static RecordFilter of(NeptuneStreamConfiguration configuration) {
        Set<String> types = values("includeTypes", configuration.getIncludeTypes(), TYPES, false);
        Set<String> ops = values("includeOps", configuration.getIncludeOps(), OPS, true);
        Set<String> keys = values("excludeKeys", configuration.getExcludeKeys(), null, false);
        if (types == null && ops == null && keys == null) {
            return NONE;
        }
        return new RecordFilter(types, ops, keys != null ? keys : Set.of());
    }

    /** Whether this filter drops nothing. */
    public boolean keepsAll() {
        return this == NONE;
    }

    /** Whether the route gets {@code record}. */
    public <R> boolean keeps(StreamReader<R> reader, R record) {
        if (this == NONE) {
            return true;
        }
        if (ops != null && !ops.contains(reader.op(record))) {
            return false;
        }
        if (types != null && !types.contains(reader.recordType(record))) {
            return false;
        }
        if (!excludedKeys.isEmpty()) {
            String key = reader.propertyKey(record);
            return key == null || !excludedKeys.contains(key);
        }
        return true;
    }

    /**
     * The comma-separated values of option {@code name}, or null when it is not set.
     *
     * @param known     the values allowed, or null for any
     * @param upperCase whether values are matched in upper case (ops), else as given
     */
    private static Set<String> values(String name, String text, List<String> known, boolean upperCase) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String value = upperCase ? part.trim().toUpperCase(Locale.ROOT) : part.trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(
                        name + " is a comma-separated list with no empty entries, not '"
                                                   + text + "'");
            }
            if (known != null && !known.contains(value)) {
                throw new IllegalArgumentException(
                        name + " takes " + String.join(", ", known) + " (comma-separated), not " + part.trim());
            }
            values.add(value);
        }
        return values;
    }
}
