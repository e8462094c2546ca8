package dev.camelneptune.local.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.LocalApi;
import dev.camelneptune.local.LocalClock;
import dev.camelneptune.local.LocalRequest;
import dev.camelneptune.local.LocalResponse;

/**
 * Neptune Streams API: {@code GET /propertygraph/stream} (alias {@code /pg/stream}, and the deprecated
 * {@code /gremlin/stream}, which the user guide says is still served, with format {@code GREMLIN_JSON}) and
 * {@code GET /sparql/stream}, with the service's query parameters ({@code iteratorType}, {@code AT_SEQUENCE_NUMBER} by
 * default; {@code commitNum}, {@code opNum}, {@code limit}, out-of-range values refused), gzip when
 * {@code Accept-Encoding} accepts it, and the engine's documented error body
 * {@code {"requestId","code","detailedMessage"}}. Old commits are trimmed after {@link #retention(Duration)}, measured
 * on the server's clock, or on demand with {@code trimBefore}.
 */
public final class StreamApi implements LocalApi {

    static final int MAX_LIMIT = 100_000;

    /** The paths served: exactly these, nothing below them. */
    private static final Set<String> PATHS = Set.of("/propertygraph/stream", "/pg/stream", "/gremlin/stream",
            "/sparql/stream");

    private static final Set<String> ITERATOR_TYPES = Set.of("AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER",
            "TRIM_HORIZON", "LATEST");

    /**
     * The HTTP status the service answers each error code of {@code GetPropertygraphStream} / {@code GetSparqlStream}
     * with (their {@code httpError} in the neptunedata 2023-08-01 model).
     */
    private static final Map<String, Integer> ERROR_STATUS = Map.ofEntries(
            Map.entry("StreamRecordsNotFoundException", 404),
            Map.entry("ExpiredStreamException", 400),
            Map.entry("InvalidParameterException", 400),
            Map.entry("BadRequestException", 400),
            Map.entry("ClientTimeoutException", 408),
            Map.entry("ConstraintViolationException", 400),
            Map.entry("IllegalArgumentException", 400),
            Map.entry("InvalidArgumentException", 400),
            Map.entry("PreconditionsFailedException", 400),
            Map.entry("UnsupportedOperationException", 400),
            Map.entry("AccessDeniedException", 403),
            Map.entry("MethodNotAllowedException", 405),
            Map.entry("ThrottlingException", 500),
            Map.entry("MemoryLimitExceededException", 500),
            Map.entry("InternalFailureException", 500),
            Map.entry("TooManyRequestsException", 429));

    private final LocalClock clock;
    private final PropertyGraphStream propertyGraph;
    private final SparqlStream sparql;
    private volatile Duration retention = Duration.ofDays(7);

    public StreamApi(LocalClock clock) {
        this.clock = clock;
        this.propertyGraph = new PropertyGraphStream(clock);
        this.sparql = new SparqlStream(clock);
    }

    /** The property graph and its change log. */
    public PropertyGraphStream propertyGraph() {
        return propertyGraph;
    }

    /** The RDF graph and its change log. */
    public SparqlStream sparql() {
        return sparql;
    }

    /** How long commits stay readable (7 days by default, as the service's default retention). */
    public StreamApi retention(Duration retention) {
        this.retention = retention;
        return this;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/propertygraph/stream", "/pg/stream", "/gremlin/stream", "/sparql/stream");
    }

    /** The neptunedata model's {@code signingName}. */
    @Override
    public String signingName() {
        return "neptune-db";
    }

    @Override
    public LocalResponse handle(LocalRequest request) throws ApiError {
        if (!PATHS.contains(request.path())) {
            throw new ApiError(404, "UnknownOperationException", "No operation at " + request.path());
        }
        if (!"GET".equals(request.method())) {
            // MethodNotAllowedException (405) in the neptunedata model; the user guide: "Only an HTTP GET operation is
            // allowed."
            throw new ApiError(
                    405, "MethodNotAllowedException",
                    "Only an HTTP GET operation is allowed on " + request.path() + ", not " + request.method());
        }
        ChangeLog log = request.path().startsWith("/sparql") ? sparql.log() : propertyGraph.log();
        Map<String, String> query = request.query();
        // the user guide: "AT_SEQUENCE_NUMBER (default)", which needs commitNum
        String iteratorType = query.getOrDefault("iteratorType", "AT_SEQUENCE_NUMBER");
        if (!ITERATOR_TYPES.contains(iteratorType)) {
            throw invalid("iteratorType must be one of " + ITERATOR_TYPES + ", got " + iteratorType);
        }
        long limit = number(query, "limit", 10);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        long commitNum = 0;
        long opNum = 1;
        if (iteratorType.endsWith("_SEQUENCE_NUMBER")) {
            if (!query.containsKey("commitNum")) {
                throw invalid("commitNum is required when iteratorType is " + iteratorType);
            }
            commitNum = number(query, "commitNum", 0);
            opNum = number(query, "opNum", 1);
            if (commitNum < 1) {
                throw invalid("commitNum must be 1 or more, got " + commitNum);
            }
            if (opNum < 1) {
                throw invalid("opNum must be 1 or more, got " + opNum);
            }
        }

        log.trimOlderThan(clock.millis() - retention.toMillis());
        byte[] body = log.page(iteratorType, commitNum, opNum, (int) limit);
        if (request.path().equals("/gremlin/stream")) {
            body = gremlinJson(body);
        }
        if (wantsGzip(request.header("Accept-Encoding"))) {
            return LocalResponse.json(200, gzip(body)).withHeader("Content-Encoding", "gzip");
        }
        return LocalResponse.json(200, body);
    }

    /** A query parameter that must be an integer (a long: no overflow to a small number). */
    private static long number(Map<String, String> query, String name, long defaultValue) throws ApiError {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be an integer, got " + value);
        }
    }

    private static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameterException", message);
    }

    /**
     * Whether {@code Accept-Encoding} names gzip with a quality above 0 (RFC 9110, 12.5.3): {@code gzip;q=0} refuses
     * it. Only this header asks for gzip (the model binds {@code encoding} to it), and only by name, as the user guide
     * says: "an Accept-Encoding header that specifies gzip".
     */
    static boolean wantsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = 0;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("x-gzip")) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2).trim());
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            gzip = Math.max(gzip, quality);
        }
        return gzip > 0;
    }

    /**
     * The page as {@code /gremlin/stream} serves it: the user guide's deprecated {@code GREMLIN_JSON} format,
     * "currently identical" to {@code PG_JSON} but for its name. The {@code format} member comes after the records, so
     * its last occurrence is the one to rename.
     */
    private static byte[] gremlinJson(byte[] pgJson) {
        byte[] from = "\"format\":\"PG_JSON\"".getBytes(StandardCharsets.UTF_8);
        byte[] to = "\"format\":\"GREMLIN_JSON\"".getBytes(StandardCharsets.UTF_8);
        for (int at = pgJson.length - from.length; at >= 0; at--) {
            if (Arrays.equals(pgJson, at, at + from.length, from, 0, from.length)) {
                byte[] renamed = new byte[pgJson.length - from.length + to.length];
                System.arraycopy(pgJson, 0, renamed, 0, at);
                System.arraycopy(to, 0, renamed, at, to.length);
                System.arraycopy(pgJson, at + from.length, renamed, at + to.length, pgJson.length - at - from.length);
                return renamed;
            }
        }
        throw new IllegalStateException("a property graph page without its format member");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The engine's error answer as the user guide documents it ("Neptune Service Errors"): {@code requestId},
     * {@code code} and {@code detailedMessage}, nothing else. The SDK reads the error code from {@code code} (the
     * neptunedata client's error code field), so no {@code x-amzn-ErrorType} header is needed, and the text from
     * {@code detailedMessage} only into the exception's {@code detailedMessage()}. Codes named the task API's way are
     * translated ({@code InternalServerException} is {@code InternalFailureException} here), and each known code gets
     * the status the service uses for it, so an injected {@code throttleNext} fault arrives as
     * {@code ThrottlingException} with status 500.
     */
    @Override
    public LocalResponse error(int status, String code, String message) {
        String streamCode = "InternalServerException".equals(code) ? "InternalFailureException" : code;
        String requestId = UUID.randomUUID().toString();
        byte[] body = JsonBytes.object(out -> {
            out.writeStringField("requestId", requestId);
            out.writeStringField("code", streamCode);
            out.writeStringField("detailedMessage", message);
        });
        return LocalResponse.json(ERROR_STATUS.getOrDefault(streamCode, status), body)
                .withHeader("x-amzn-RequestId", requestId);
    }

    /**
     * A small, readable history: three people meet, become friends, change and lose properties, and one leaves; plus a
     * few RDF statements.
     */
    public void seedDemo() {
        propertyGraph.commit(tx -> tx
                .addVertex("alice", "person", Map.of("name", "Alice"))
                .addVertex("bob", "person", Map.of("name", "Bob")));
        propertyGraph.commit(tx -> tx.setProperty("alice", "age", 30));
        propertyGraph.commit(tx -> tx.addEdge("alice-knows-bob", "alice", "bob", "knows", Map.of("since", 2019)));
        propertyGraph.commit(tx -> tx
                .addVertex("carol", "person", Map.of("name", "Carol"))
                .addEdge("carol-knows-alice", "carol", "alice", "knows"));
        propertyGraph.commit(tx -> tx.setProperty("alice", "age", 31));
        propertyGraph.commit(tx -> tx.setProperty("bob", "email", "bob@example.com"));
        propertyGraph.commit(tx -> tx.removeProperty("bob", "email"));
        propertyGraph.commit(tx -> tx.remove("carol"));

        sparql.commit(tx -> tx
                .add("<http://example.com/alice> <http://xmlns.com/foaf/0.1/name> \"Alice\" .")
                .add("<http://example.com/bob> <http://xmlns.com/foaf/0.1/name> \"Bob\" ."));
        sparql.commit(tx -> tx.add("<http://example.com/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.com/bob> ."));
        sparql.commit(tx -> tx.remove("<http://example.com/bob> <http://xmlns.com/foaf/0.1/name> \"Bob\" ."));
    }
}
