package dev.camelneptune.local.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.camelneptune.local.ApiError;

/**
 * One change log (the property graph's or the SPARQL one), stored compactly and served in the wire format.
 * <p>
 * Commits are numbered 1, 2, 3... and their operations 1..n. The {@code data} JSON of each record is kept once, in 1
 * MiB slabs; per record there are only a slab position, a length and an ADD/REMOVE bit, so a million records cost about
 * their JSON size plus 12 bytes each. Trimming drops whole commits from the front and releases the slabs that only
 * trimmed records used. Thread-safe.
 */
final class ChangeLog {

    /** The service's response cap; the record that crosses it is still included. */
    static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private static final int SLAB_SIZE = 1 << 20;

    private static final SerializedString RECORDS = new SerializedString("records");
    private static final SerializedString COMMIT_TIMESTAMP = new SerializedString("commitTimestamp");
    private static final SerializedString EVENT_ID = new SerializedString("eventId");
    private static final SerializedString COMMIT_NUM = new SerializedString("commitNum");
    private static final SerializedString OP_NUM = new SerializedString("opNum");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString OP = new SerializedString("op");
    private static final SerializedString ADD = new SerializedString("ADD");
    private static final SerializedString REMOVE = new SerializedString("REMOVE");
    private static final SerializedString IS_LAST_OP = new SerializedString("isLastOp");
    private static final SerializedString LAST_EVENT_ID = new SerializedString("lastEventId");
    private static final SerializedString LAST_TRX_TIMESTAMP = new SerializedString("lastTrxTimestamp");
    private static final SerializedString FORMAT = new SerializedString("format");
    private static final SerializedString TOTAL_RECORDS = new SerializedString("totalRecords");

    private final String format;

    private long[] commitTimestamps = new long[1024];
    private int[] commitFirstRecord = new int[1024];
    private int commitCount;
    private int firstLiveCommit;

    private final List<byte[]> slabs = new ArrayList<>();
    private int slabFill = SLAB_SIZE;
    private long[] recordPositions = new long[4096];
    private int[] recordLengths = new int[4096];
    private final BitSet removes = new BitSet();
    private int recordCount;

    /** @param format the {@code format} the responses announce: {@code PG_JSON} or {@code NQUADS} */
    ChangeLog(String format) {
        this.format = format;
    }

    /** Appends one transaction; returns its commitNum. An empty transaction is not a commit and returns -1. */
    synchronized long append(long timestampMillis, List<Change> changes) {
        if (changes.isEmpty()) {
            return -1;
        }
        if (commitCount == commitTimestamps.length) {
            commitTimestamps = Arrays.copyOf(commitTimestamps, commitCount * 2);
            commitFirstRecord = Arrays.copyOf(commitFirstRecord, commitCount * 2);
        }
        commitTimestamps[commitCount] = timestampMillis;
        commitFirstRecord[commitCount] = recordCount;
        commitCount++;
        for (Change change : changes) {
            store(change);
        }
        return commitCount;
    }

    private void store(Change change) {
        byte[] data = change.data();
        if (recordCount == recordPositions.length) {
            recordPositions = Arrays.copyOf(recordPositions, recordCount * 2);
            recordLengths = Arrays.copyOf(recordLengths, recordCount * 2);
        }
        if (data.length > SLAB_SIZE - slabFill) {
            slabs.add(new byte[Math.max(SLAB_SIZE, data.length)]);
            slabFill = 0;
        }
        int slab = slabs.size() - 1;
        System.arraycopy(data, 0, slabs.get(slab), slabFill, data.length);
        recordPositions[recordCount] = ((long) slab << 32) | slabFill;
        recordLengths[recordCount] = data.length;
        if (change.remove()) {
            removes.set(recordCount);
        }
        slabFill += data.length;
        recordCount++;
    }

    /** The number of the last commit, 0 when nothing was ever committed. */
    synchronized long lastCommitNum() {
        return commitCount;
    }

    /** The position of the last record, {@code [0, 0]} when nothing was ever committed. */
    synchronized EventId lastEventId() {
        return recordCount > 0 ? eventIdOf(recordCount - 1) : new EventId(0, 0);
    }

    /** How many records are still readable (not trimmed). */
    synchronized int liveRecordCount() {
        return recordCount - firstLiveRecord();
    }

    /** Trims every commit whose number is below {@code commitNum}. */
    synchronized void trimBefore(long commitNum) {
        int target = (int) Math.min(Math.max(commitNum - 1, 0), commitCount);
        if (target > firstLiveCommit) {
            firstLiveCommit = target;
            releaseSlabsBefore(firstLiveRecord());
        }
    }

    /** Trims every commit committed before {@code oldestKeptMillis}. */
    synchronized void trimOlderThan(long oldestKeptMillis) {
        int c = firstLiveCommit;
        while (c < commitCount && commitTimestamps[c] < oldestKeptMillis) {
            c++;
        }
        trimBefore(c + 1L);
    }

    private void releaseSlabsBefore(int record) {
        int lastNeeded = record < recordCount ? (int) (recordPositions[record] >>> 32) : slabs.size() - 1;
        for (int s = 0; s < lastNeeded; s++) {
            slabs.set(s, null);
        }
    }

    private int firstLiveRecord() {
        return firstLiveCommit < commitCount ? commitFirstRecord[firstLiveCommit] : recordCount;
    }

    private int commitEnd(int commit) {
        return commit + 1 < commitCount ? commitFirstRecord[commit + 1] : recordCount;
    }

    /**
     * Serves one {@code GET .../stream} page.
     *
     * @param  iteratorType one of the four iterator types (already validated)
     * @param  commitNum    the commit to start at/after, from 1 (AT_ and AFTER_SEQUENCE_NUMBER only)
     * @param  opNum        the operation within it, from 1
     * @param  limit        at most this many records (1..100000, already validated)
     * @return              the response body
     * @throws ApiError     {@code StreamRecordsNotFoundException} past the end, {@code ExpiredStreamException} for a
     *                      trimmed position, {@code InvalidParameterException} for an opNum past its commit's end
     */
    synchronized byte[] page(String iteratorType, long commitNum, long opNum, int limit) throws ApiError {
        int start = startIndex(iteratorType, commitNum, opNum);
        int firstLive = firstLiveRecord();
        if (start < firstLive) {
            throw new ApiError(
                    400, "ExpiredStreamException", "Requested startEventId " + new EventId(commitNum, opNum)
                                                   + " has expired. Oldest available event id: "
                                                   + (firstLive < recordCount ? eventIdOf(firstLive) : "none"));
        }
        if (start >= recordCount) {
            throw new ApiError(
                    404, "StreamRecordsNotFoundException", "Requested startEventId is from the future."
                                                           + " Last valid eventId is "
                                                           + (recordCount > 0
                                                                   ? eventIdOf(recordCount - 1)
                                                                   : new EventId(0, 0)));
        }
        int end = "LATEST".equals(iteratorType) ? start + 1 : (int) Math.min((long) start + limit, recordCount);
        return render(start, end);
    }

    private int startIndex(String iteratorType, long commitNum, long opNum) throws ApiError {
        return switch (iteratorType) {
            case "TRIM_HORIZON" -> firstLiveRecord();
            case "LATEST" -> recordCount - 1 < firstLiveRecord() ? recordCount : recordCount - 1;
            case "AT_SEQUENCE_NUMBER" -> indexOf(commitNum, opNum, 0);
            case "AFTER_SEQUENCE_NUMBER" -> indexOf(commitNum, opNum, 1);
            default -> throw new IllegalArgumentException(iteratorType);
        };
    }

    /**
     * The index of record (commitNum, opNum), plus {@code shift}, in the whole history, trimmed or not; the end of the
     * history for a commit not made yet. An opNum past the end of its commit is an invalid parameter.
     */
    private int indexOf(long commitNum, long opNum, int shift) throws ApiError {
        if (commitNum > commitCount) {
            return recordCount;
        }
        int commit = (int) (commitNum - 1);
        int operations = commitEnd(commit) - commitFirstRecord[commit];
        if (opNum > operations) {
            throw new ApiError(
                    400, "InvalidParameterException", "opNum " + opNum + " is out of range: commit "
                                                      + commitNum + " has " + operations + " operations");
        }
        return (int) (commitFirstRecord[commit] + opNum - 1 + shift);
    }

    private EventId eventIdOf(int record) {
        int commit = commitOf(record);
        return new EventId(commit + 1L, record - commitFirstRecord[commit] + 1L);
    }

    private int commitOf(int record) {
        int lo = 0;
        int hi = commitCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (commitFirstRecord[mid] <= record) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Records {@code start} up to {@code end} (or the first past the 10 MB cap) as the service's page JSON. */
    private byte[] render(int start, int end) {
        JsonBytes.Sink sink = new JsonBytes.Sink(Math.min((end - start) * 256, MAX_RESPONSE_BYTES + 4096));
        JsonBytes.RawSlice data = new JsonBytes.RawSlice();
        try (JsonGenerator out = JsonBytes.generator(sink)) {
            out.writeStartObject();
            out.writeFieldName(RECORDS);
            out.writeStartArray();
            long recordsStart = sink.size() + out.getOutputBuffered();
            int commit = commitOf(start);
            int commitEnd = commitEnd(commit);
            int i = start;
            while (i < end) {
                if (i >= commitEnd) {
                    commit++;
                    commitEnd = commitEnd(commit);
                }
                writeRecord(out, data, i, commit, i == commitEnd - 1);
                i++;
                if (sink.size() + out.getOutputBuffered() - recordsStart >= MAX_RESPONSE_BYTES) {
                    break;
                }
            }
            out.writeEndArray();
            int last = i - 1;
            int lastCommit = commitOf(last);
            out.writeFieldName(LAST_EVENT_ID);
            out.writeStartObject();
            out.writeFieldName(COMMIT_NUM);
            out.writeNumber(lastCommit + 1L);
            out.writeFieldName(OP_NUM);
            out.writeNumber(last - commitFirstRecord[lastCommit] + 1L);
            out.writeEndObject();
            out.writeFieldName(LAST_TRX_TIMESTAMP);
            out.writeNumber(commitTimestamps[lastCommit]);
            out.writeFieldName(FORMAT);
            out.writeString(format);
            out.writeFieldName(TOTAL_RECORDS);
            out.writeNumber(i - start);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.toByteArray();
    }

    private void writeRecord(JsonGenerator out, JsonBytes.RawSlice data, int record, int commit, boolean lastOp)
            throws IOException {
        long position = recordPositions[record];
        out.writeStartObject();
        out.writeFieldName(COMMIT_TIMESTAMP);
        out.writeNumber(commitTimestamps[commit]);
        out.writeFieldName(EVENT_ID);
        out.writeStartObject();
        out.writeFieldName(COMMIT_NUM);
        out.writeNumber(commit + 1L);
        out.writeFieldName(OP_NUM);
        out.writeNumber(record - commitFirstRecord[commit] + 1L);
        out.writeEndObject();
        out.writeFieldName(DATA);
        out.writeRawValue(data.set(slabs.get((int) (position >>> 32)), (int) position, recordLengths[record]));
        out.writeFieldName(OP);
        out.writeString(removes.get(record) ? REMOVE : ADD);
        if (lastOp) {
            out.writeFieldName(IS_LAST_OP);
            out.writeBoolean(true);
        }
        out.writeEndObject();
    }
}
