package dev.camelneptune.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * neptune-local's serving rate alone: the same pages as the SDK loop, fetched with plain HTTP GETs and read as bytes,
 * with no JSON parsing; only the {@code lastEventId} at the end of each page is located, to ask for the next one.
 */
final class RawHttpLoop {

    private static final byte[] LAST_EVENT_ID = "\"lastEventId\":{\"commitNum\":".getBytes(StandardCharsets.US_ASCII);

    private RawHttpLoop() {
    }

    /**
     * Reads {@code expected} records from the start; returns the elapsed nanoseconds. Adds the bytes read to
     * {@code bytes}.
     */
    static long drain(URI endpoint, int limit, long expected, long[] bytes) throws IOException {
        long start = System.nanoTime();
        String base = endpoint + "/propertygraph/stream?limit=" + limit;
        String query = "&iteratorType=TRIM_HORIZON";
        long seen = 0;
        byte[] buffer = new byte[64 * 1024];
        while (seen < expected) {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + query).toURL().openConnection();
            if (connection.getResponseCode() == 404) {
                connection.getErrorStream().readAllBytes();
                break;
            }
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = in.readAllBytes();
            }
            bytes[0] += body.length;
            int at = lastIndexOf(body, LAST_EVENT_ID);
            int p = at + LAST_EVENT_ID.length;
            long commitNum = 0;
            while (body[p] != ',') {
                commitNum = commitNum * 10 + (body[p++] - '0');
            }
            p += ",\"opNum\":".length();
            long opNum = 0;
            while (body[p] != '}') {
                opNum = opNum * 10 + (body[p++] - '0');
            }
            seen += totalRecords(body);
            query = "&iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + commitNum + "&opNum=" + opNum;
        }
        long elapsed = System.nanoTime() - start;
        if (seen != expected) {
            throw new IllegalStateException("raw HTTP loop read " + seen + " records, expected " + expected);
        }
        return elapsed;
    }

    private static long totalRecords(byte[] body) {
        byte[] key = "\"totalRecords\":".getBytes(StandardCharsets.US_ASCII);
        int p = lastIndexOf(body, key) + key.length;
        long n = 0;
        while (p < body.length && body[p] >= '0' && body[p] <= '9') {
            n = n * 10 + (body[p++] - '0');
        }
        return n;
    }

    private static int lastIndexOf(byte[] body, byte[] key) {
        outer: for (int i = body.length - key.length; i >= 0; i--) {
            for (int j = 0; j < key.length; j++) {
                if (body[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no " + new String(key, StandardCharsets.US_ASCII) + " in the response");
    }
}
