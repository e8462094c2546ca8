package dev.camelneptune.kamelets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.stream.PropertyGraphStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * kamelet:neptune-stream-source, loaded from the classpath as a user's route loads it, against neptune-local over HTTP
 * through the real NeptunedataClient the component builds.
 */
class NeptuneStreamSourceKameletTest extends CamelTestSupport {

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private final PropertyGraphStream graph = neptune.stream().propertyGraph();
    private final ObjectMapper json = new ObjectMapper();
    /** What the route processed successfully, as commitNum:opNum, in order. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    /** Stops the routes before the server they read from, so no poll fails on the way out. */
    @Override
    protected void doPostTearDown() {
        context.stop();
        neptune.close();
    }

    /** A kamelet: URI for the source against neptune-local, polling every 20 ms, plus {@code properties}. */
    private String source(String properties) {
        return "kamelet:neptune-stream-source?endpoint=" + neptune.endpoint()
               + "&region=us-east-1&accessKey=local&secretKey=local&delay=20" + properties;
    }

    private void consume(String uri, java.util.function.Consumer<Exchange> step) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("user").process(step::accept);
            }
        });
    }

    private static String position(Exchange exchange) {
        return exchange.getMessage().getHeader("CamelNeptuneStreamCommitNum") + ":"
               + exchange.getMessage().getHeader("CamelNeptuneStreamOpNum");
    }

    /** Commits {@code count} transactions of one person vertex with a name: two records each (vl, vp). */
    private void commitPeople(int count) {
        for (int i = 0; i < count; i++) {
            String id = "person-" + graph.lastCommitNum() + "-" + i;
            graph.commit(tx -> tx.addVertex(id, "person", Map.of("name", id)));
        }
    }

    private static List<String> positionsOfPeople(long from, long to) {
        List<String> positions = new ArrayList<>();
        for (long c = from; c <= to; c++) {
            positions.add(c + ":1");
            positions.add(c + ":2");
        }
        return positions;
    }

    @Test
    void everyRecordArrivesInStreamOrderAsItsWireJsonAndVersionWithThePositionHeaders() throws Exception {
        graph.commit(tx -> tx.addVertex("a", "person").addVertex("b", "person"));
        graph.commit(tx -> tx.addEdge("e1", "a", "b", "knows", Map.of("weight", 0.5)));
        List<Object> bodies = new CopyOnWriteArrayList<>();
        consume(source(""), e -> {
            bodies.add(e.getMessage().getBody());
            received.add(position(e));
        });

        await().until(() -> received.size() == 4);
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2");
        HttpResponse<String> wire = HttpClient.newHttpClient().send(
                HttpRequest
                        .newBuilder(
                                URI.create(neptune.endpoint() + "/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=100"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode wireRecords = json.readTree(wire.body()).get("records");
        for (int i = 0; i < 4; i++) {
            assertThat(bodies.get(i)).as("body %d is JSON text, not the SDK record", i).isInstanceOf(String.class);
            // the wire record, plus its version
            ObjectNode body = (ObjectNode) json.readTree((String) bodies.get(i));
            assertThat(body.remove("version").asLong())
                    .isEqualTo(((wireRecords.get(i).at("/eventId/commitNum").asLong() + 1) << 24)
                               | wireRecords.get(i).at("/eventId/opNum").asLong());
            assertThat(body).isEqualTo(wireRecords.get(i));
        }
    }

    @Test
    void aFailureInTheUsersRouteDoesNotMoveThePositionAndTheRecordComesAgain() throws Exception {
        commitPeople(3);
        AtomicBoolean downstreamUp = new AtomicBoolean();
        List<String> attempts = new CopyOnWriteArrayList<>();
        consume(source(""), e -> {
            String position = position(e);
            attempts.add(position);
            if (position.equals("2:1") && !downstreamUp.get()) {
                throw new IllegalStateException("downstream unavailable");
            }
            received.add(position);
        });

        await().until(() -> attempts.stream().filter("2:1"::equals).count() >= 3);
        assertThat(received).as("nothing after the failed record").containsExactly("1:1", "1:2");
        downstreamUp.set(true);

        await().until(() -> received.size() == 6);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 3));
    }

    @Test
    void theOffsetRepositoryHoldsThePositionAndARestartResumesAfterIt() throws Exception {
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        commitPeople(2);
        consume(source("&offsetRepository=#offsets&offsetKey=people"), e -> received.add(position(e)));

        await().until(() -> received.size() == 4);
        await().until(() -> "2:2".equals(offsets.getState("people")));
        context.getRouteController().stopRoute("user");
        commitPeople(1);
        context.getRouteController().startRoute("user");

        await().until(() -> received.size() == 6);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 3));
    }

    @Test
    void iteratorTypeLatestSkipsWhatCameBefore() throws Exception {
        commitPeople(2);
        consume(source("&iteratorType=LATEST"), e -> received.add(position(e)));

        await().until(() -> !received.isEmpty());
        assertThat(received.get(0)).isEqualTo("2:2");
    }

    @Test
    void theSparqlStreamIsReadWithStreamTypeSparql() throws Exception {
        neptune.stream().sparql().commit(tx -> tx.add("<http://ex/alice> <http://ex/name> \"Alice\" ."));
        commitPeople(1);
        List<String> bodies = new CopyOnWriteArrayList<>();
        consume(source("&streamType=sparql"), e -> bodies.add(e.getMessage().getBody(String.class)));

        await().until(() -> !bodies.isEmpty());
        JsonNode record = json.readTree(bodies.get(0));
        assertThat(record.at("/data/stmt").asText()).contains("<http://ex/alice>");
    }

    @Test
    void theEndpointAndTheRegionAreRequiredProperties() {
        assertThatThrownBy(() -> consume("kamelet:neptune-stream-source?region=us-east-1&accessKey=a&secretKey=b",
                e -> {
                }))
                .rootCause().hasMessageContaining("neptune-stream-source").hasMessageContaining("endpoint");
        assertThatThrownBy(() -> consume("kamelet:neptune-stream-source?endpoint=" + neptune.endpoint()
                                         + "&accessKey=a&secretKey=b",
                e -> {
                }))
                .rootCause().hasMessageContaining("neptune-stream-source").hasMessageContaining("region");
    }
}
