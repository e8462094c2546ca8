package dev.camelneptune.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NeptuneStreamConsumerTest extends NeptuneStreamTestSupport {

    @Test
    void trimHorizonDeliversEveryRecordInStreamOrderWithItsHeaders() throws Exception {
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")).addVertex("bob", "person"));
        graph.commit(tx -> tx.addEdge("knows", "alice", "bob", "knows"));
        List<Exchange> exchanges = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("iteratorType=TRIM_HORIZON")).process(e -> exchanges.add(e.copy()));
            }
        });

        await().until(() -> exchanges.size() == 4);

        assertThat(exchanges).extracting(NeptuneStreamTestSupport::position).containsExactly("1:1", "1:2", "1:3", "2:1");
        Map<String, Object> vertexProperty = exchanges.get(1).getMessage().getHeaders();
        assertThat(vertexProperty).containsEntry(NeptuneStreamConstants.COMMIT_NUM, 1L)
                .containsEntry(NeptuneStreamConstants.OP_NUM, 2L)
                .containsEntry(NeptuneStreamConstants.VERSION, (2L << 24) | 2L)
                .containsEntry(NeptuneStreamConstants.OP, "ADD")
                .containsEntry(NeptuneStreamConstants.IS_LAST_OP, false)
                .containsEntry(NeptuneStreamConstants.ELEMENT_ID, "alice")
                .containsEntry(NeptuneStreamConstants.ELEMENT_TYPE, "vp")
                .containsEntry(NeptuneStreamConstants.KEY, "name")
                .containsKey(NeptuneStreamConstants.COMMIT_TIMESTAMP)
                .hasSize(9);
        // Camel's header map: names match in any case, and the route can add its own
        assertThat(exchanges.get(1).getMessage().getHeader("camelneptunestreamELEMENTID")).isEqualTo("alice");
        exchanges.get(1).getMessage().setHeader("mine", 1);
        assertThat(exchanges.get(1).getMessage().getHeaders()).hasSize(10).containsEntry("Mine", 1);
        assertThat(exchanges.get(2).getMessage().getHeader(NeptuneStreamConstants.IS_LAST_OP)).isEqualTo(true);
        Map<String, Object> edge = exchanges.get(3).getMessage().getHeaders();
        assertThat(edge).containsEntry(NeptuneStreamConstants.ELEMENT_TYPE, "e")
                .containsEntry(NeptuneStreamConstants.FROM, "alice")
                .containsEntry(NeptuneStreamConstants.TO, "bob");
    }

    @Test
    void latestStartsAtTheNewestRecordAndThenFollowsNewCommits() throws Exception {
        commitPeople(3);
        consume(streamUri("iteratorType=LATEST"));

        await().until(() -> received.size() == 1);
        commitPeople(1);

        await().until(() -> received.size() == 3);
        assertThat(received).containsExactly("3:2", "4:1", "4:2");
    }

    @Test
    void latestOnAnEmptyStreamDeliversEverythingCommittedAfterwards() throws Exception {
        consume(streamUri("iteratorType=LATEST"));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();
        await().until(() -> consumer.isConsumerReady());

        commitPeople(2);

        await().until(() -> received.size() == 4);
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2");
    }

    @Test
    void atSequenceNumberStartsAtTheGivenCommitAndOperation() throws Exception {
        commitPeople(3);
        consume(streamUri("iteratorType=AT_SEQUENCE_NUMBER&commitNum=2&opNum=2"));

        await().until(() -> received.size() == 3);
        assertThat(received).containsExactly("2:2", "3:1", "3:2");
    }

    @Test
    void atSequenceNumberWithoutOpNumStartsAtTheCommitsFirstOperation() throws Exception {
        commitPeople(3);
        consume(streamUri("iteratorType=AT_SEQUENCE_NUMBER&commitNum=3"));

        await().until(() -> received.size() == 2);
        assertThat(received).containsExactly("3:1", "3:2");
    }

    @Test
    void afterSequenceNumberStartsRightAfterTheGivenRecord() throws Exception {
        commitPeople(3);
        consume(streamUri("iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=2"));

        await().until(() -> received.size() == 4);
        assertThat(received).containsExactly("2:1", "2:2", "3:1", "3:2");
    }

    @Test
    void aBacklogLargerThanTheLimitIsReadPageAfterPageInOrder() throws Exception {
        commitPeople(500);
        consume(streamUri("limit=7"));

        await().until(() -> received.size() == 1000);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 500));
    }

    @Test
    void aTransactionSplitAcrossTwoPagesArrivesWholeWithIsLastOpOnlyOnItsLastRecord() throws Exception {
        graph.commit(tx -> tx.addVertex("a", "person", Map.of("name", "A")).addVertex("b", "person", Map.of("name", "B"))
                .addVertex("c", "person"));
        List<String> seen = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("limit=3")).process(e -> seen.add(position(e)
                                                                 + " last="
                                                                 + e.getMessage().getHeader(NeptuneStreamConstants.IS_LAST_OP)
                                                                 + " batch=" + e.getProperty(Exchange.BATCH_INDEX) + "/"
                                                                 + e.getProperty(Exchange.BATCH_SIZE)));
            }
        });

        await().until(() -> seen.size() == 5);
        assertThat(seen).containsExactly("1:1 last=false batch=0/3", "1:2 last=false batch=1/3", "1:3 last=false batch=2/3",
                "1:4 last=false batch=0/2", "1:5 last=true batch=1/2");
    }

    @Test
    void gzipEncodingIsAskedForAndDecoded() throws Exception {
        commitPeople(20);
        ResponseHeaders responses = new ResponseHeaders();
        context.getRegistry().bind("recordingClient", responses.client(neptune.endpoint()));
        consume(streamUri("encoding=gzip&neptuneDataClient=#recordingClient"));

        await().until(() -> received.size() == 40);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 20));
        assertThat(responses.contentEncodings()).contains("gzip");
    }

    @Test
    void caughtUpIsIdleNotAnErrorAndNewCommitsFlow() throws Exception {
        commitPeople(2);
        consume(streamUri(""));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();
        await().until(() -> received.size() == 4);
        await().until(() -> consumer.getLagMillis() == 0);

        assertThat(consumer.getErrorCounter()).isZero();
        commitPeople(3);

        await().until(() -> received.size() == 10);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 5));
        assertThat(consumer.getPosition()).isEqualTo("5:2");
    }

    @Test
    void aFailingExchangeIsRedeliveredOnTheNextPollAndNothingAfterItIsSkipped() throws Exception {
        commitPeople(5);
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean downstreamUp = new AtomicBoolean();
        consumeFailingAt(streamUri("offsetRepository=#offsets&offsetKey=people"), "3:1", downstreamUp, attempts);

        await().until(() -> attempts.stream().filter("3:1"::equals).count() >= 3);
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2");
        assertThat(offsets.getState("people")).isEqualTo("2:2");
        assertThat(attempts).containsOnly("1:1", "1:2", "2:1", "2:2", "3:1");

        downstreamUp.set(true);

        await().until(() -> received.size() == 10);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 5));
        assertThat(offsets.getState("people")).isEqualTo("5:2");
    }

    @Test
    void aThrottlingBurstDelaysRecordsButLosesAndRepeatsNone() throws Exception {
        commitPeople(30);
        neptune.faults().throttleNext(6);
        consume(streamUri("limit=10"));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 60);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 30));
        assertThat(neptune.faults().pendingCount()).isZero();
    }

    @Test
    void theSparqlStreamDeliversStatements() throws Exception {
        neptune.stream().sparql().commit(tx -> tx.add("<http://ex/alice> <http://ex/name> \"Alice\" .")
                .add("<http://ex/bob> <http://ex/name> \"Bob\" ."));
        neptune.stream().sparql().commit(tx -> tx.remove("<http://ex/bob> <http://ex/name> \"Bob\" ."));
        List<String> seen = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("streamType=sparql")).process(e -> seen.add(position(e) + " "
                                                                           + e.getMessage().getHeader(NeptuneStreamConstants.OP)
                                                                           + " "
                                                                           + e.getMessage()
                                                                                   .getHeader(NeptuneStreamConstants.STATEMENT,
                                                                                           String.class)
                                                                                   .strip()));
            }
        });

        await().until(() -> seen.size() == 3);
        assertThat(seen).containsExactly("1:1 ADD <http://ex/alice> <http://ex/name> \"Alice\" .",
                "1:2 ADD <http://ex/bob> <http://ex/name> \"Bob\" .", "2:1 REMOVE <http://ex/bob> <http://ex/name> \"Bob\" .");
    }

    @Test
    void theBodyConvertsToTheRecordsWireFormatJsonWithItsVersion() throws Exception {
        graph.commit(tx -> tx.addVertex("a", "person").addVertex("b", "person"));
        graph.commit(tx -> tx.addEdge("e\"1", "a", "b", "knows", Map.of("weight", 0.5, "note", "line\nbreak")));
        List<String> bodies = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("")).convertBodyTo(String.class).process(e -> bodies.add(e.getMessage().getBody(String.class)));
            }
        });

        await().until(() -> bodies.size() == 5);
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> wire = HttpClient.newHttpClient().send(
                HttpRequest
                        .newBuilder(
                                URI.create(neptune.endpoint() + "/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=100"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode wireRecords = json.readTree(wire.body()).get("records");
        for (int i = 0; i < 5; i++) {
            // the wire record, plus its version
            ObjectNode body = (ObjectNode) json.readTree(bodies.get(i));
            assertThat(body.remove("version").asLong()).isEqualTo(StreamPosition.version(
                    wireRecords.get(i).at("/eventId/commitNum").asLong(), wireRecords.get(i).at("/eventId/opNum").asLong()));
            assertThat(body).isEqualTo(wireRecords.get(i));
        }
    }

    @Test
    void positionLastCommitTimestampAndLagAreReadable() throws Exception {
        commitPeople(3);
        consume(streamUri(""));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();

        await().until(() -> "3:2".equals(consumer.getPosition()));
        assertThat(consumer.getLastCommitTimestamp()).isBetween(System.currentTimeMillis() - 60_000,
                System.currentTimeMillis());
        await().until(() -> consumer.getLagMillis() == 0);
        assertThat(consumer.getOffsetKey()).isEqualTo(neptune.endpoint() + "/propertygraph");
    }
}
