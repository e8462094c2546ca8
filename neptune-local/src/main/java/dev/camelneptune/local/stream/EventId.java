package dev.camelneptune.local.stream;

/**
 * The position of one change record in a stream: the transaction ({@code commitNum}) and the operation within it
 * ({@code opNum}, from 1).
 */
public record EventId(long commitNum, long opNum) implements Comparable<EventId> {

    @Override
    public int compareTo(EventId other) {
        int byCommit = Long.compare(commitNum, other.commitNum);
        return byCommit != 0 ? byCommit : Long.compare(opNum, other.opNum);
    }

    /** As the service writes an event id in its messages, e.g. {@code [commitNum = 12, opNum = 1]}. */
    @Override
    public String toString() {
        return "[commitNum = " + commitNum + ", opNum = " + opNum + "]";
    }
}
