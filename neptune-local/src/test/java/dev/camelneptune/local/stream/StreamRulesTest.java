package dev.camelneptune.local.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.Fault;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.LocalClients;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.InvalidParameterException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stream API's parameters and errors as the Neptune user guide ("Calling the Neptune Streams REST API", "Neptune
 * Streams API Exceptions") and the neptunedata 2023-08-01 model describe them.
 */
class StreamRulesTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final NeptunedataClient client = LocalClients.data(neptune);

    @BeforeEach
    void twoCommitsOfTwoRecords() {
        for (String id : new String[] { "a", "b" }) {
            neptune.stream().propertyGraph().commit(tx -> tx.addVertex(id, "person", Map.of("name", id)));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    /** User guide: iteratorType "AT_SEQUENCE_NUMBER (default)", and commitNum is required with it. */
    @Test
    void withoutIteratorTypeTheStreamReadsAtSequenceNumberWhichNeedsCommitNum() throws Exception {
        HttpResponse<String> noCommitNum = get("/propertygraph/stream?limit=10");
        assertThat(noCommitNum.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(noCommitNum.body()).get("code").asText()).isEqualTo("InvalidParameterException");
        assertThat(noCommitNum.body()).contains("commitNum");

        JsonNode atCommit2 = Json.MAPPER.readTree(get("/propertygraph/stream?commitNum=2&opNum=1").body());
        assertThat(atCommit2.get("records").get(0).get("eventId").get("commitNum").asLong()).isEqualTo(2);
        assertThat(atCommit2.get("totalRecords").asInt()).isEqualTo(2);
    }

    /** User guide: limit "Range: 1–100,000"; the exceptions table: "An invalid or out-of-range value" is 400. */
    @Test
    void aLimitOutOfRangeOrNotANumberIsInvalidNotWrappedAround() throws Exception {
        for (String limit : new String[] { "4294967297", "0", "-1", "100001", "abc" }) {
            HttpResponse<String> response = get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=" + limit);
            assertThat(response.statusCode()).as("limit=" + limit).isEqualTo(400);
            assertThat(response.body()).contains("InvalidParameterException", "limit");
        }
    }

    @Test
    void aCommitNumOrOpNumBelowOneIsInvalidNotClamped() {
        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, 0L, 1L))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.detailedMessage()).contains("commitNum"));
        assertThatThrownBy(() -> read(IteratorType.AFTER_SEQUENCE_NUMBER, -3L, 1L))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.detailedMessage()).contains("commitNum"));
        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, 1L, 0L))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.detailedMessage()).contains("opNum"));
    }

    @Test
    void anOpNumPastTheEndOfItsCommitIsInvalidNotTheNextCommit() {
        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, 1L, 3L))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.detailedMessage()).contains("opNum 3");
                });
        assertThatThrownBy(() -> read(IteratorType.AFTER_SEQUENCE_NUMBER, 1L, 3L))
                .isInstanceOf(InvalidParameterException.class);

        // right after the last operation of a commit is the next commit's first: that position is valid
        assertThat(read(IteratorType.AFTER_SEQUENCE_NUMBER, 1L, 2L).records().get(0).eventId())
                .containsEntry("commitNum", "2").containsEntry("opNum", "1");
    }

    /** The service's caught-up message: "Requested startEventId is from the future. Last valid eventId is [...]". */
    @Test
    void caughtUpNamesTheLastValidEventIdAsTheServiceDoes() {
        assertThatThrownBy(() -> read(IteratorType.AFTER_SEQUENCE_NUMBER, 2L, 2L))
                .isInstanceOfSatisfying(StreamRecordsNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.detailedMessage()).isEqualTo("Requested startEventId is from the future. Last valid"
                                                              + " eventId is [commitNum = 2, opNum = 2]");
                });
    }

    /** The model binds encoding to the Accept-Encoding header; a query parameter of that name is not it. */
    @Test
    void gzipComesOnlyWithAcceptEncodingNotWithAnEncodingQueryParameter() throws Exception {
        HttpResponse<String> queryParameter = get("/propertygraph/stream?iteratorType=TRIM_HORIZON&encoding=gzip");

        assertThat(queryParameter.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(Json.MAPPER.readTree(queryParameter.body()).get("totalRecords").asInt()).isEqualTo(4);
    }

    /** Each modelled error of GetPropertygraphStream arrives with its model status, as the SDK's own exception. */
    @ParameterizedTest
    @CsvSource({
            "ClientTimeoutException, 408", "ConstraintViolationException, 400", "IllegalArgumentException, 400",
            "InvalidArgumentException, 400", "PreconditionsFailedException, 400", "UnsupportedOperationException, 400",
            "AccessDeniedException, 403" })
    void modelledStreamErrorsHaveTheirModelStatus(String code, int status) {
        neptune.faults().next(1, Fault.error(599, code));

        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.getClass().getSimpleName()).isEqualTo(code);
                });
    }

    /**
     * User guide, "Neptune Service Errors": the engine's error body is {@code requestId}, {@code code} and
     * {@code detailedMessage}. The SDK types the exception from {@code code} alone (no {@code x-amzn-ErrorType}) and
     * keeps the text in {@code detailedMessage()}.
     */
    @Test
    void errorBodiesHaveExactlyTheDocumentedMembersAndTheSdkTypesThemFromCode() throws Exception {
        HttpResponse<String> response = get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("requestId", "code", "detailedMessage");
        assertThat(body.get("code").asText()).isEqualTo("InvalidParameterException");
        assertThat(body.get("detailedMessage").asText()).contains("limit");

        assertThatThrownBy(() -> client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(0L)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.detailedMessage()).isEqualTo(body.get("detailedMessage").asText());
                    assertThat(e.awsErrorDetails().errorMessage()).as("the SDK reads only a message member").isNull();
                });
    }

    /** neptunedata model: MethodNotAllowedException is 405; the user guide: "Only an HTTP GET operation is allowed." */
    @Test
    void aRequestOtherThanGetIsMethodNotAllowed405() throws Exception {
        for (String method : new String[] { "POST", "PUT", "DELETE" }) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(neptune.endpoint() + "/propertygraph/stream?iteratorType=TRIM_HORIZON"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertThat(body.get("code").asText()).isEqualTo("MethodNotAllowedException");
            assertThat(body.get("detailedMessage").asText()).contains("GET", method);
        }
    }

    /** The stream is served at its paths, not below them. */
    @Test
    void aPathBelowAStreamPathIsNotFound() throws Exception {
        for (String path : new String[] { "/propertygraph/stream/extra", "/sparql/stream/x", "/pg/stream/records" }) {
            HttpResponse<String> response = get(path + "?iteratorType=TRIM_HORIZON");

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Json.MAPPER.readTree(response.body()).get("detailedMessage").asText()).contains(path);
        }
    }

    /**
     * RFC 9110 12.5.3: a coding with q=0 is "not acceptable"; the user guide: gzip when Accept-Encoding specifies it.
     */
    @Test
    void acceptEncodingIsReadWithItsQualityValues() throws Exception {
        assertThat(contentEncoding("gzip;q=0")).isEmpty();
        assertThat(contentEncoding("identity, gzip; q=0.0")).isEmpty();
        assertThat(contentEncoding("gzip;q=0.5")).contains("gzip");
        assertThat(contentEncoding("deflate, GZIP")).contains("gzip");
        assertThat(contentEncoding("identity")).isEmpty();
    }

    /**
     * User guide, "Calling the Neptune Streams REST API": the Gremlin stream endpoint {@code /gremlin/stream} "is still
     * supported for backward compatibility", with its output format GREMLIN_JSON ("Serialization Formats": "currently
     * identical" to PG_JSON).
     */
    @Test
    void theDeprecatedGremlinStreamPathServesThePropertyGraphStreamAsGremlinJson() throws Exception {
        JsonNode gremlin = Json.MAPPER.readTree(get("/gremlin/stream?iteratorType=TRIM_HORIZON").body());
        JsonNode propertyGraph = Json.MAPPER.readTree(get("/propertygraph/stream?iteratorType=TRIM_HORIZON").body());

        assertThat(gremlin.get("format").asText()).isEqualTo("GREMLIN_JSON");
        assertThat(propertyGraph.get("format").asText()).isEqualTo("PG_JSON");
        assertThat(gremlin.get("records")).isEqualTo(propertyGraph.get("records"));
        assertThat(gremlin.get("lastEventId")).isEqualTo(propertyGraph.get("lastEventId"));
    }

    private java.util.Optional<String> contentEncoding(String acceptEncoding) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(neptune.endpoint() + "/propertygraph/stream?iteratorType=TRIM_HORIZON"))
                .header("Accept-Encoding", acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray())
                .headers().firstValue("Content-Encoding");
    }

    private GetPropertygraphStreamResponse read(IteratorType type, Long commitNum, Long opNum) {
        return client.getPropertygraphStream(GetPropertygraphStreamRequest.builder().iteratorType(type)
                .commitNum(commitNum).opNum(opNum).limit(10L).build());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(neptune.endpoint() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
