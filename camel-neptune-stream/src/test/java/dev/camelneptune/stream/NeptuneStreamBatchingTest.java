package dev.camelneptune.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code batching=true}: one exchange per page, the position stored only after the whole batch. */
class NeptuneStreamBatchingTest extends NeptuneStreamTestSupport {

    /** What each batch exchange held: its headers and its records' positions. */
    private final List<String> batches = new CopyOnWriteArrayList<>();

    @Test
    void eachPageIsOneExchangeWithItsRecordsInOrderAndItsFirstAndLastPosition() throws Exception {
        commitPeople(5);
        consumeBatches(streamUri("batching=true&limit=4"), null);

        await().until(() -> received.size() == 10);

        assertThat(batches).containsExactly("4 records 1:1..2:2 [1:1, 1:2, 2:1, 2:2]",
                "4 records 3:1..4:2 [3:1, 3:2, 4:1, 4:2]",
                "2 records 5:1..5:2 [5:1, 5:2]");
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 5));
    }

    @Test
    void theBodyConvertsToAJsonArrayOfTheRecordsWireJson() throws Exception {
        commitPeople(2);
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> eachRecord = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("batching=true"))
                        .process(e -> e.getMessage().getBody(List.class)
                                .forEach(r -> eachRecord.add(e.getContext().getTypeConverter().convertTo(String.class, r))))
                        .convertBodyTo(String.class)
                        .process(e -> bodies.add(e.getMessage().getBody(String.class)));
            }
        });

        await().until(() -> !bodies.isEmpty());

        ObjectMapper mapper = new ObjectMapper();
        JsonNode array = mapper.readTree(bodies.get(0));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(4);
        JsonNode first = array.get(0);
        assertThat(first.at("/eventId/commitNum").asLong()).isEqualTo(1);
        assertThat(first.at("/eventId/opNum").asLong()).isEqualTo(1);
        assertThat(first.at("/data/type").asText()).isEqualTo("vl");
        assertThat(first.at("/op").asText()).isEqualTo("ADD");
        assertThat(array.get(1).at("/data/key").asText()).isEqualTo("name");
        assertThat(array.get(3).at("/isLastOp").asBoolean()).isTrue();
        // each element is what the record alone converts to
        for (int i = 0; i < 4; i++) {
            assertThat(array.get(i)).isEqualTo(mapper.readTree(eachRecord.get(i)));
        }
    }

    @Test
    void aFailedBatchIsReadAgainWholeAndThePositionStaysBeforeIt() throws Exception {
        commitPeople(6);
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        AtomicBoolean downstreamUp = new AtomicBoolean();
        // the second batch (3:1..4:2) fails until the downstream is up
        consumeBatches(streamUri("batching=true&limit=4&offsetRepository=#offsets&offsetKey=people"), downstreamUp);

        await().until(() -> batches.stream().filter(b -> b.startsWith("4 records 3:1..4:2")).count() >= 3);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 2));
        assertThat(offsets.getState("people")).isEqualTo("2:2");

        downstreamUp.set(true);

        await().until(() -> received.size() == 12);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 6));
        assertThat(offsets.getState("people")).isEqualTo("6:2");
        assertThat(batches).allMatch(b -> b.startsWith("4 records 1:1..2:2") || b.startsWith("4 records 3:1..4:2")
                || b.startsWith("4 records 5:1..6:2"));
    }

    /**
     * Starts a route that records each batch in {@link #batches} and its records in {@link #received}; with
     * {@code downstreamUp}, the batch holding 3:1 fails while it is false.
     */
    private void consumeBatches(String uri, AtomicBoolean downstreamUp) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("batches").process(e -> {
                    Message message = e.getMessage();
                    List<?> records = message.getBody(List.class);
                    List<String> positions = records.stream().map(r -> position((PropertygraphRecord) r)).toList();
                    batches.add(message.getHeader(NeptuneStreamConstants.RECORD_COUNT) + " records "
                                + message.getHeader(NeptuneStreamConstants.FIRST_POSITION) + ".."
                                + message.getHeader(NeptuneStreamConstants.LAST_POSITION) + " " + positions);
                    if (downstreamUp != null && positions.contains("3:1") && !downstreamUp.get()) {
                        throw new IllegalStateException("downstream unavailable");
                    }
                    received.addAll(positions);
                });
            }
        });
    }

    static String position(PropertygraphRecord record) {
        return record.eventId().get("commitNum") + ":" + record.eventId().get("opNum");
    }

}
