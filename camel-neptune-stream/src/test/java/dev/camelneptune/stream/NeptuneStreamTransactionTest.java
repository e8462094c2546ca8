package dev.camelneptune.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code groupByTransaction=true}: one exchange per committed transaction, the position stored after the whole of it.
 */
class NeptuneStreamTransactionTest extends NeptuneStreamTestSupport {

    private final MemoryStateRepository offsets = new MemoryStateRepository();
    /** Each exchange as "commit c part p(/last) n records first..last, position stored when it arrived". */
    private final List<String> exchanges = new CopyOnWriteArrayList<>();

    @Test
    void aTransactionSpanningPagesArrivesAsOneExchangeWithAllItsRecordsInOrder() throws Exception {
        commitPeople(1);
        // 6 records in one commit: with limit=4 it spans the second and third page
        graph.commit(tx -> tx.addVertex("a", "person", Map.of("name", "A")).addVertex("b", "person", Map.of("name", "B"))
                .addVertex("c", "person", Map.of("name", "C")));
        commitPeople(1);
        consumeTransactions(streamUri("groupByTransaction=true&limit=4&offsetRepository=#offsets&offsetKey=tx"), null);

        await().until(() -> received.size() == 10);

        assertThat(exchanges).containsExactly("commit 1 part 1/last 2 records 1:1..1:2 stored null",
                "commit 2 part 1/last 6 records 2:1..2:6 stored 1:2", "commit 3 part 1/last 2 records 3:1..3:2 stored 2:6");
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2", "2:3", "2:4", "2:5", "2:6", "3:1", "3:2");
        assertThat(offsets.getState("tx")).isEqualTo("3:2");
    }

    @Test
    void aTransactionLargerThanThePartSizeComesInNumberedPartsAndOnlyItsLastPartMovesThePosition() throws Exception {
        commitPeople(1);
        graph.commit(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.addVertex("v" + i, "person", Map.of("name", "V" + i));
            }
        });
        consumeTransactions(streamUri("groupByTransaction=true&transactionPartSize=4&limit=3"
                                      + "&offsetRepository=#offsets&offsetKey=tx"),
                null);

        await().until(() -> received.size() == 12);

        assertThat(exchanges).containsExactly("commit 1 part 1/last 2 records 1:1..1:2 stored null",
                "commit 2 part 1 4 records 2:1..2:4 stored 1:2", "commit 2 part 2 4 records 2:5..2:8 stored 1:2",
                "commit 2 part 3/last 2 records 2:9..2:10 stored 1:2");
        assertThat(offsets.getState("tx")).isEqualTo("2:10");
    }

    @Test
    void aFailedPartIsDeliveredAgainFromTheFirstPartOfItsTransaction() throws Exception {
        commitPeople(1);
        graph.commit(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.addVertex("v" + i, "person", Map.of("name", "V" + i));
            }
        });
        commitPeople(1);
        AtomicBoolean downstreamUp = new AtomicBoolean();
        consumeTransactions(streamUri("groupByTransaction=true&transactionPartSize=4&limit=5"
                                      + "&offsetRepository=#offsets&offsetKey=tx"),
                downstreamUp);

        await().until(() -> exchanges.stream().filter(e -> e.startsWith("commit 2 part 2 ")).count() >= 3);
        assertThat(offsets.getState("tx")).isEqualTo("1:2");
        // every try of the transaction starts again with its first part
        assertThat(exchanges.stream().filter(e -> e.startsWith("commit 2 ")).map(e -> e.substring(0, 15)).distinct())
                .containsExactly("commit 2 part 1", "commit 2 part 2");

        downstreamUp.set(true);

        await().until(() -> "3:2".equals(offsets.getState("tx")));
        List<String> lastTry = exchanges.subList(exchanges.size() - 4, exchanges.size());
        assertThat(lastTry).extracting(e -> e.substring(0, e.indexOf(" records")))
                .containsExactly("commit 2 part 1 4", "commit 2 part 2 4", "commit 2 part 3/last 2", "commit 3 part 1/last 2");
    }

    @Test
    void theRecordsOfEachTransactionAreTheStreamsRecordsOfThatCommitAcrossABacklog() throws Exception {
        graph.preload(2_000);
        consumeTransactions(streamUri("groupByTransaction=true&limit=333"), null);

        await().until(() -> received.size() == 2_000);

        // preload commits four records per person: every exchange is one whole commit
        assertThat(exchanges).hasSize(500).allMatch(e -> e.contains("part 1/last 4 records"));
        Map<String, Integer> perCommit = new HashMap<>();
        received.forEach(p -> perCommit.merge(p.substring(0, p.indexOf(':')), 1, Integer::sum));
        assertThat(perCommit).hasSize(500).allSatisfy((commit, records) -> assertThat(records).isEqualTo(4));
    }

    /**
     * Starts a route that records each exchange in {@link #exchanges} and its records in {@link #received}; with
     * {@code downstreamUp}, the exchange holding 2:5 fails while it is false.
     */
    private void consumeTransactions(String uri, AtomicBoolean downstreamUp) throws Exception {
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("transactions").process(e -> {
                    Message message = e.getMessage();
                    List<String> positions = ((List<?>) message.getBody(List.class)).stream()
                            .map(r -> NeptuneStreamBatchingTest.position((PropertygraphRecord) r)).toList();
                    exchanges.add("commit " + message.getHeader(NeptuneStreamConstants.COMMIT_NUM) + " part "
                                  + message.getHeader(NeptuneStreamConstants.TRANSACTION_PART)
                                  + (message.getHeader(NeptuneStreamConstants.TRANSACTION_LAST_PART, Boolean.class)
                                          ? "/last" : "")
                                  + " " + message.getHeader(NeptuneStreamConstants.RECORD_COUNT) + " records "
                                  + message.getHeader(NeptuneStreamConstants.FIRST_POSITION) + ".."
                                  + message.getHeader(NeptuneStreamConstants.LAST_POSITION) + " stored "
                                  + offsets.getState("tx"));
                    assertThat(positions).hasSize(message.getHeader(NeptuneStreamConstants.RECORD_COUNT, Integer.class));
                    if (downstreamUp != null && positions.contains("2:5") && !downstreamUp.get()) {
                        throw new IllegalStateException("downstream unavailable");
                    }
                    received.addAll(positions);
                });
            }
        });
    }
}
