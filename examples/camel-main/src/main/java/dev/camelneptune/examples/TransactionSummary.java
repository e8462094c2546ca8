package dev.camelneptune.examples;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Sums up one Neptune transaction while its records flow by. Used by the aggregate EIP, grouped by
 * {@code CamelNeptuneStreamCommitNum} and completed by {@code CamelNeptuneStreamIsLastOp}: the aggregated body is a
 * {@link Summary} whose {@code toString()} is the line to print.
 */
public class TransactionSummary implements AggregationStrategy {

    static final String COMMIT_NUM = "CamelNeptuneStreamCommitNum";
    static final String COMMIT_TIMESTAMP = "CamelNeptuneStreamCommitTimestamp";
    static final String OP = "CamelNeptuneStreamOp";
    static final String TYPE = "CamelNeptuneStreamElementType";
    static final String ID = "CamelNeptuneStreamElementId";

    @Override
    public Exchange aggregate(Exchange summarySoFar, Exchange change) {
        Message in = change.getMessage();
        Summary summary = summarySoFar == null
                ? new Summary(in.getHeader(COMMIT_NUM, Long.class), in.getHeader(COMMIT_TIMESTAMP, Long.class))
                : summarySoFar.getMessage().getBody(Summary.class);
        summary.add(in.getHeader(OP, String.class), in.getHeader(TYPE, String.class), in.getHeader(ID, String.class));
        in.setBody(summary);
        return change;
    }

    /** What one transaction did. */
    public static final class Summary {
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

        public int getChanges() {
            return changes;
        }

        public Long getCommitNum() {
            return commitNum;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("commit ").append(commitNum);
            if (commitTimestamp != null) {
                sb.append(" at ").append(Instant.ofEpochMilli(commitTimestamp));
            }
            sb.append(": ").append(changes).append(changes == 1 ? " change" : " changes")
                    .append(" (").append(adds).append(" ADD, ").append(removes).append(" REMOVE)");
            if (!vertices.isEmpty() || !edges.isEmpty()) {
                sb.append(" on ").append(plural(vertices.size(), "vertex", "vertices"))
                        .append(", ").append(plural(edges.size(), "edge", "edges"));
            }
            return sb.toString();
        }

        private static String plural(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }
}
