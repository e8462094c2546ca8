package dev.camelneptune.stream;

import java.util.Map;

/**
 * A record's place in a Neptune stream: {@code commitNum} and {@code opNum}. Stored in the offset repository as
 * {@code commitNum:opNum}, e.g. {@code 1207:3}.
 * <p>
 * {@link #version()} turns it into one {@code long} that orders positions exactly as (commitNum, opNum) do, for sinks
 * that keep the newest version of each fact.
 */
public record StreamPosition(long commitNum, long opNum) {

    /** The smallest commitNum a version orders: -1, the commitNum of neptune-export's snapshot records. */
    public static final long MIN_VERSIONED_COMMIT_NUM = -1;
    /** The bits of a version that hold the opNum; the 39 above them hold commitNum + 1. */
    private static final int OP_NUM_BITS = 24;
    /** The largest commitNum a version orders: 2^39 - 2 (549,755,813,886). */
    public static final long MAX_VERSIONED_COMMIT_NUM = (1L << (63 - OP_NUM_BITS)) - 2;
    /** The largest opNum a version orders: 2^24 - 1 (16,777,215 records in one commit). */
    public static final long MAX_VERSIONED_OP_NUM = (1L << OP_NUM_BITS) - 1;

    /** Parses the stored form {@code commitNum:opNum}. */
    public static StreamPosition parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a stream position is commitNum:opNum, e.g. 1207:3, not " + value);
        }
        try {
            return new StreamPosition(
                    Long.parseLong(value.substring(0, colon).trim()),
                    Long.parseLong(value.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a stream position is commitNum:opNum, e.g. 1207:3, not " + value, e);
        }
    }

    /** Reads a record's {@code eventId}, which the SDK types as a map of strings ({@code commitNum}, {@code opNum}). */
    public static StreamPosition of(Map<String, String> eventId) {
        return new StreamPosition(Long.parseLong(eventId.get("commitNum")), Long.parseLong(eventId.get("opNum")));
    }

    /** Whether this position has a version: commitNum and opNum are inside the range {@link #version} orders. */
    public boolean hasVersion() {
        return commitNum >= MIN_VERSIONED_COMMIT_NUM && commitNum <= MAX_VERSIONED_COMMIT_NUM && opNum >= 0
                && opNum <= MAX_VERSIONED_OP_NUM;
    }

    /**
     * This position's version: {@link #version(long, long)}.
     *
     * @throws IllegalArgumentException when the position is outside the range versions order
     */
    public long version() {
        return version(commitNum, opNum);
    }

    /**
     * The version of position (commitNum, opNum): {@code ((commitNum + 1) << 24) | opNum}. One {@code long} that orders
     * positions exactly as (commitNum, opNum) do, never negative (as OpenSearch's external versions must be), and
     * smallest for neptune-export's snapshot records (commitNum -1, opNum 0: version 0), so that a snapshot sorts
     * before every stream record (commitNum 1 and more, opNum 1 and more: 2^25 + 1 and more).
     * <p>
     * It is exact for commitNum from -1 to {@link #MAX_VERSIONED_COMMIT_NUM} (over 17 years of 1,000 commits a second)
     * and opNum from 0 to {@link #MAX_VERSIONED_OP_NUM} (records in one commit); the largest position gives
     * {@link Long#MAX_VALUE}. Outside that range there is no version: this throws rather than give a number that could
     * order two positions wrongly.
     *
     * @throws IllegalArgumentException when commitNum or opNum is outside that range, naming the position and the range
     */
    public static long version(long commitNum, long opNum) {
        if (commitNum < MIN_VERSIONED_COMMIT_NUM || commitNum > MAX_VERSIONED_COMMIT_NUM || opNum < 0
                || opNum > MAX_VERSIONED_OP_NUM) {
            throw new IllegalArgumentException(
                    "stream position " + commitNum + ":" + opNum + " has no version: a version orders"
                                               + " positions with commitNum from " + MIN_VERSIONED_COMMIT_NUM + " to "
                                               + MAX_VERSIONED_COMMIT_NUM + " and opNum from 0 to " + MAX_VERSIONED_OP_NUM);
        }
        return ((commitNum + 1) << OP_NUM_BITS) | opNum;
    }

    @Override
    public String toString() {
        return commitNum + ":" + opNum;
    }
}
