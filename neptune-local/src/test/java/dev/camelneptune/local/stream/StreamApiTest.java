package dev.camelneptune.local.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelneptune.local.Fault;
import dev.camelneptune.local.Json;
import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.ExpiredStreamException;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.InvalidParameterException;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.MemoryLimitExceededException;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;
import software.amazon.awssdk.services.neptunedata.model.ThrottlingException;
import software.amazon.awssdk.services.neptunedata.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream API as the real NeptunedataClient sees it over HTTP. */
class StreamApiTest {

    private NeptuneLocal neptune;
    private PropertyGraphStream graph;
    private NeptunedataClient client;

    @BeforeEach
    void start() {
        neptune = NeptuneLocal.builder().manualClock().start();
        graph = neptune.stream().propertyGraph();
        client = NeptunedataClient.builder()
                .endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        neptune.close();
    }

    private GetPropertygraphStreamResponse read(IteratorType type, Long commitNum, Long opNum, long limit) {
        return client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(type).commitNum(commitNum).opNum(opNum).limit(limit).build());
    }

    private static List<String> eventIds(GetPropertygraphStreamResponse response) {
        return response.records().stream().map(r -> r.eventId().get("commitNum") + ":" + r.eventId().get("opNum"))
                .toList();
    }

    private void commitPeople(int count) {
        for (int i = 1; i <= count; i++) {
            String id = "v" + i;
            graph.commit(tx -> tx.addVertex(id, "person", Map.of("name", "P" + id)));
        }
    }

    @Test
    void aVertexWithAPropertyIsOneTransactionOfVlAndVpRecordsInTheWireFormat() {
        neptune.clock().advance(Duration.ofSeconds(5));
        long commit = graph.commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")));

        GetPropertygraphStreamResponse response = read(IteratorType.TRIM_HORIZON, null, null, 10);

        assertThat(response.format()).isEqualTo("PG_JSON");
        assertThat(response.totalRecords()).isEqualTo(2);
        assertThat(response.lastEventId()).containsEntry("commitNum", String.valueOf(commit)).containsEntry("opNum", "2");
        assertThat(response.lastTrxTimestampInMillis()).isEqualTo(neptune.clock().millis());
        PropertygraphRecord label = response.records().get(0);
        assertThat(label.commitTimestampInMillis()).isEqualTo(neptune.clock().millis());
        assertThat(label.op()).isEqualTo("ADD");
        assertThat(label.isLastOp()).isNull();
        assertThat(label.data().id()).isEqualTo("alice");
        assertThat(label.data().type()).isEqualTo("vl");
        assertThat(label.data().key()).isEqualTo("label");
        assertThat(label.data().value().asMap().get("value").asString()).isEqualTo("person");
        PropertygraphRecord name = response.records().get(1);
        assertThat(name.data().type()).isEqualTo("vp");
        assertThat(name.data().value().asMap().get("dataType").asString()).isEqualTo("String");
        assertThat(name.isLastOp()).isTrue();
    }

    @Test
    void isLastOpIsAbsentFromTheWireExceptOnTheLastOperation() throws Exception {
        graph.commit(tx -> tx.addVertex("a", "person").addVertex("b", "person"));

        JsonNode body = Json.MAPPER.readTree(get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=10", false).body());

        assertThat(body.get("records").get(0).has("isLastOp")).isFalse();
        assertThat(body.get("records").get(1).get("isLastOp").asBoolean()).isTrue();
        assertThat(body.get("records").get(0).get("eventId").get("commitNum").isNumber()).isTrue();
        assertThat(body.get("lastTrxTimestamp").isNumber()).isTrue();
    }

    @Test
    void edgesPropertyChangesAndRemovalsProduceTheRecordsNeptuneWrites() {
        graph.commit(tx -> tx.addVertex("a", "person").addVertex("b", "person"));
        graph.commit(tx -> tx.addEdge("e", "a", "b", "knows", Map.of("since", 2019)));
        graph.commit(tx -> tx.setProperty("a", "age", 30));
        graph.commit(tx -> tx.setProperty("a", "age", 31));
        graph.commit(tx -> tx.remove("a"));

        List<String> records = read(IteratorType.AT_SEQUENCE_NUMBER, 2L, 1L, 100).records().stream()
                .map(r -> r.eventId().get("commitNum") + " " + r.op() + " " + r.data().type() + " " + r.data().id()
                          + " " + r.data().key() + "=" + r.data().value().asMap().get("value")
                          + (r.data().from() != null ? " " + r.data().from() + "->" + r.data().to() : ""))
                .toList();

        assertThat(records).containsExactly(
                "2 ADD e e label=\"knows\" a->b",
                "2 ADD ep e since=2019",
                "3 ADD vp a age=30",
                "4 REMOVE vp a age=30",
                "4 ADD vp a age=31",
                "5 REMOVE ep e since=2019",
                "5 REMOVE e e label=\"knows\" a->b",
                "5 REMOVE vp a age=31",
                "5 REMOVE vl a label=\"person\"");
    }

    @Test
    void aFailedTransactionCommitsNothingAndLeavesTheGraphUnchanged() {
        graph.commit(tx -> tx.addVertex("a", "person"));

        assertThatThrownBy(() -> graph.commit(tx -> tx.setProperty("a", "age", 1).addEdge("e", "a", "missing", "knows")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");

        assertThat(graph.lastCommitNum()).isEqualTo(1);
        graph.commit(tx -> tx.setProperty("a", "age", 2));
        assertThat(read(IteratorType.LATEST, null, null, 1).records().get(0).op()).isEqualTo("ADD");
    }

    @Test
    void trimHorizonStartsAtTheOldestUntrimmedRecord() {
        commitPeople(5);
        graph.trimBefore(3);

        assertThat(eventIds(read(IteratorType.TRIM_HORIZON, null, null, 3))).containsExactly("3:1", "3:2", "4:1");
    }

    @Test
    void latestReturnsOnlyTheLastRecordWhateverTheLimit() {
        commitPeople(3);

        assertThat(eventIds(read(IteratorType.LATEST, null, null, 100))).containsExactly("3:2");
    }

    @Test
    void atSequenceNumberStartsAtTheRecordAndOpNumDefaultsToOne() {
        commitPeople(3);

        assertThat(eventIds(read(IteratorType.AT_SEQUENCE_NUMBER, 2L, 2L, 2))).containsExactly("2:2", "3:1");
        assertThat(eventIds(read(IteratorType.AT_SEQUENCE_NUMBER, 2L, null, 1))).containsExactly("2:1");
    }

    @Test
    void afterSequenceNumberStartsRightAfterTheRecord() {
        commitPeople(3);

        assertThat(eventIds(read(IteratorType.AFTER_SEQUENCE_NUMBER, 1L, 2L, 2))).containsExactly("2:1", "2:2");
        assertThat(eventIds(read(IteratorType.AFTER_SEQUENCE_NUMBER, 2L, 1L, 1))).containsExactly("2:2");
    }

    @Test
    void readingPastTheLastRecordIsStreamRecordsNotFound404() {
        commitPeople(2);

        assertThatThrownBy(() -> read(IteratorType.AFTER_SEQUENCE_NUMBER, 2L, 2L, 10))
                .isInstanceOfSatisfying(StreamRecordsNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void anEmptyStreamIsStreamRecordsNotFound() {
        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 10))
                .isInstanceOf(StreamRecordsNotFoundException.class);
    }

    @Test
    void aTrimmedPositionIsExpiredStream400() {
        commitPeople(5);
        graph.trimBefore(3);

        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, 2L, 1L, 10))
                .isInstanceOfSatisfying(ExpiredStreamException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> read(IteratorType.AFTER_SEQUENCE_NUMBER, 2L, 1L, 10))
                .isInstanceOf(ExpiredStreamException.class);
    }

    @Test
    void readingAfterTheLastTrimmedRecordLosesNothingAndIsNotExpired() {
        commitPeople(5);
        graph.trimBefore(3);

        assertThat(eventIds(read(IteratorType.AFTER_SEQUENCE_NUMBER, 2L, 2L, 1))).containsExactly("3:1");
    }

    @Test
    void retentionOnTheServersClockTrimsOldCommits() {
        neptune.stream().retention(Duration.ofHours(1));
        commitPeople(2);
        neptune.clock().advance(Duration.ofMinutes(90));
        graph.commit(tx -> tx.addVertex("late", "person"));

        assertThat(eventIds(read(IteratorType.TRIM_HORIZON, null, null, 10))).containsExactly("3:1");
        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, 1L, 1L, 10))
                .isInstanceOf(ExpiredStreamException.class);
    }

    @Test
    void limitOutsideOneToOneHundredThousandIsInvalidParameter() {
        commitPeople(1);

        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.detailedMessage()).contains("limit");
                });
        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 100_001))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void sequenceIteratorsWithoutCommitNumAndUnknownIteratorsAreInvalidParameter() throws Exception {
        commitPeople(1);

        assertThatThrownBy(() -> read(IteratorType.AT_SEQUENCE_NUMBER, null, null, 10))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.detailedMessage()).contains("commitNum"));
        HttpResponse<byte[]> unknown = get("/propertygraph/stream?iteratorType=OLDEST", false);
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(unknown.body());
        assertThat(error.get("code").asText()).isEqualTo("InvalidParameterException");
        assertThat(error.get("requestId").asText()).isNotBlank();
        assertThat(error.get("detailedMessage").asText()).contains("iteratorType");
    }

    @Test
    void gzipIsServedWithContentEncodingWhenAskedAndTheSdkReadsIt() throws Exception {
        commitPeople(50);

        HttpResponse<byte[]> raw = get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=100", true);
        assertThat(raw.headers().firstValue("Content-Encoding")).contains("gzip");
        JsonNode body = Json.MAPPER.readTree(new GZIPInputStream(new ByteArrayInputStream(raw.body())));
        assertThat(body.get("totalRecords").asInt()).isEqualTo(100);
        assertThat(get("/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=100", false).headers()
                .firstValue("Content-Encoding")).isEmpty();

        GetPropertygraphStreamResponse viaSdk = client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit(100L).encoding("gzip").build());
        assertThat(viaSdk.records()).hasSize(100);
    }

    @Test
    void aResponseStopsAfterTheRecordThatCrossesTenMegabytes() {
        String fourMegabytes = "x".repeat(4 * 1024 * 1024);
        for (int i = 0; i < 4; i++) {
            String id = "big" + i;
            graph.commit(tx -> tx.addVertex(id, "blob", Map.of("payload", fourMegabytes)));
        }

        GetPropertygraphStreamResponse response = read(IteratorType.TRIM_HORIZON, null, null, 100);

        // vl 1:1, vp 1:2 (4 MB), vl 2:1, vp 2:2 (8 MB), vl 3:1, vp 3:2 crosses 10 MB and is included
        assertThat(eventIds(response)).containsExactly("1:1", "1:2", "2:1", "2:2", "3:1", "3:2");
    }

    @Test
    void theAliasPathServesTheSameStream() throws Exception {
        commitPeople(1);

        assertThat(Json.MAPPER.readTree(get("/pg/stream?iteratorType=TRIM_HORIZON", false).body()).get("totalRecords").asInt())
                .isEqualTo(2);
    }

    @Test
    void throttlingFaultsAreTheStreamApisThrottlingExceptionWithStatus500() {
        commitPeople(1);
        neptune.faults().throttleNext(1);

        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 10))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(read(IteratorType.TRIM_HORIZON, null, null, 10).records()).hasSize(2);
    }

    @Test
    void injectedServiceErrorsKeepTheirCodesAndStatuses() {
        commitPeople(1);
        neptune.faults().next(1, Fault.error(429, "TooManyRequestsException"))
                .next(1, Fault.error(500, "MemoryLimitExceededException"));

        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 10))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        assertThatThrownBy(() -> read(IteratorType.TRIM_HORIZON, null, null, 10))
                .isInstanceOfSatisfying(MemoryLimitExceededException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    void theSparqlStreamServesNquadsStatements() {
        neptune.stream().sparql().commit(tx -> tx.add("<http://ex/a> <http://ex/p> \"1\" ."));
        neptune.stream().sparql().commit(tx -> tx.remove("<http://ex/a> <http://ex/p> \"1\" ."));

        GetSparqlStreamResponse response = client.getSparqlStream(b -> b.iteratorType(IteratorType.TRIM_HORIZON));

        assertThat(response.format()).isEqualTo("NQUADS");
        assertThat(response.records()).extracting(r -> r.op() + " " + r.data().stmt())
                .containsExactly("ADD <http://ex/a> <http://ex/p> \"1\" .\n", "REMOVE <http://ex/a> <http://ex/p> \"1\" .\n");
        assertThat(response.records()).allSatisfy(r -> assertThat(r.isLastOp()).isTrue());
    }

    /** How fast they preload is the benchmark's business (its first line prints it), not a unit test's. */
    @Test
    void aMillionRecordsPreloadAndAreServedUpToTheTenMegabyteCap() {
        graph.preload(1_000_000);

        assertThat(graph.recordCount()).isEqualTo(1_000_000);
        assertThat(eventIds(read(IteratorType.LATEST, null, null, 1))).containsExactly("250000:4");
        assertThat(read(IteratorType.AFTER_SEQUENCE_NUMBER, 200_000L, 1L, 40_000).records().size()).isEqualTo(40_000);
        // about 190 bytes a record: the cap, not the limit, ends a 100,000-record page
        GetPropertygraphStreamResponse capped = read(IteratorType.AFTER_SEQUENCE_NUMBER, 1L, 4L, 100_000);
        assertThat(capped.records().size()).isBetween(50_000, 60_000);
        assertThat(capped.totalRecords()).isEqualTo(capped.records().size());
    }

    @Test
    void theDemoSeedsAReadableChangeLog() {
        neptune.seedDemo();

        GetPropertygraphStreamResponse response = read(IteratorType.TRIM_HORIZON, null, null, 1000);
        assertThat(response.records()).extracting(r -> r.data().type()).contains("vl", "vp", "e", "ep");
        assertThat(response.records()).extracting(PropertygraphRecord::op).contains("ADD", "REMOVE");
        assertThat(client.getSparqlStream(b -> b.iteratorType(IteratorType.TRIM_HORIZON).limit(100L)).records()).isNotEmpty();
    }

    private HttpResponse<byte[]> get(String pathAndQuery, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(neptune.endpoint() + pathAndQuery));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
