package dev.camelneptune.benchmarks;

import java.util.Map;

import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

/**
 * The loop a user writes by hand: TRIM_HORIZON, then AFTER_SEQUENCE_NUMBER of the last record read, one page at a time,
 * tracking each record's position as it goes. The baseline of the drain and prefetch figures.
 */
final class RawStreamLoop {

    private static volatile long sink;

    private RawStreamLoop() {
    }

    /**
     * Reads {@code expected} records from the start of the property-graph stream, spending {@code workNanos} of CPU on
     * each; returns the elapsed nanoseconds.
     */
    static long drain(NeptunedataClient client, int limit, long expected, long workNanos) {
        return drain(client, limit, expected, () -> CpuWork.spin(workNanos));
    }

    /** As above, running {@code perRecord} for each record (e.g. a blocking call to a sink). */
    static long drain(NeptunedataClient client, int limit, long expected, Runnable perRecord) {
        long start = System.nanoTime();
        GetPropertygraphStreamRequest request = GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit((long) limit).build();
        long seen = 0;
        long commitNum = 0;
        long opNum = 0;
        long check = 0;
        while (seen < expected) {
            GetPropertygraphStreamResponse page;
            try {
                page = client.getPropertygraphStream(request);
            } catch (StreamRecordsNotFoundException caughtUp) {
                break;
            }
            for (PropertygraphRecord record : page.records()) {
                Map<String, String> eventId = record.eventId();
                commitNum = Long.parseLong(eventId.get("commitNum"));
                opNum = Long.parseLong(eventId.get("opNum"));
                check += record.data().id().length();
                perRecord.run();
                seen++;
            }
            request = GetPropertygraphStreamRequest.builder()
                    .iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER).commitNum(commitNum).opNum(opNum)
                    .limit((long) limit).build();
        }
        long elapsed = System.nanoTime() - start;
        if (seen != expected) {
            throw new IllegalStateException("raw loop read " + seen + " records, expected " + expected);
        }
        sink = check;
        return elapsed;
    }
}
