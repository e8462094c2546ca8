package dev.camelneptune.examples;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;

/**
 * Sums up each Neptune transaction while its records flow by: {@link #add} for every record, and {@link #complete} on
 * the one whose {@code CamelNeptuneStreamIsLastOp} header is true, which returns the transaction's summary line.
 * <p>
 * A route calls it inline rather than through the aggregate EIP, so the summary is printed right after the
 * transaction's last change and before the next transaction's first.
 */
public class TransactionSummary {

    private final Map<Long, Summary> open = new HashMap<>();

    /** Counts one change record into its transaction. */
    public synchronized void add(
            @Header("CamelNeptuneStreamCommitNum") Long commitNum,
            @Header("CamelNeptuneStreamCommitTimestamp") Long commitTimestamp,
            @Header("CamelNeptuneStreamOp") String op,
            @Header("CamelNeptuneStreamElementType") String type,
            @Header("CamelNeptuneStreamElementId") String id) {
        open.computeIfAbsent(commitNum, c -> new Summary(c, commitTimestamp)).add(op, type, id);
    }

    /** The summary of the transaction whose last operation this is, which is then forgotten. */
    public synchronized String complete(@Header("CamelNeptuneStreamCommitNum") Long commitNum) {
        Summary summary = open.remove(commitNum);
        return summary == null ? "commit " + commitNum + ": no changes seen" : summary.toString();
    }

    /** What one transaction did. */
    static final class Summary {
        private final Long commitNum;
        private final Long commitTimestamp;
        private int changes;
        private int adds;
        private int removes;
        private final Set<String> vertices = new HashSet<>();
        private final Set<String> edges = new HashSet<>();

        Summary(Long commitNum, Long commitTimestamp) {
            this.commitNum = commitNum;
            this.commitTimestamp = commitTimestamp;
        }

        void add(String op, String type, String id) {
            changes++;
            if ("ADD".equals(op)) {
                adds++;
            } else if ("REMOVE".equals(op)) {
                removes++;
            }
            if (id != null && type != null) {
                (type.startsWith("e") ? edges : vertices).add(id);
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("commit ").append(commitNum);
            if (commitTimestamp != null) {
                sb.append(" at ").append(Instant.ofEpochMilli(commitTimestamp));
            }
            sb.append(": ").append(String.format("%,d", changes)).append(changes == 1 ? " change" : " changes")
                    .append(" (").append(String.format("%,d", adds)).append(" ADD, ")
                    .append(String.format("%,d", removes)).append(" REMOVE)");
            if (!vertices.isEmpty() || !edges.isEmpty()) {
                sb.append(" on ").append(plural(vertices.size(), "vertex", "vertices"))
                        .append(", ").append(plural(edges.size(), "edge", "edges"));
            }
            return sb.toString();
        }

        private static String plural(int n, String one, String many) {
            return String.format("%,d", n) + " " + (n == 1 ? one : many);
        }
    }
}
