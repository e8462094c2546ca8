package dev.camelneptune.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelneptune.stream.page.SparqlStreamReader;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunedata.model.SparqlData;
import software.amazon.awssdk.services.neptunedata.model.SparqlRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code concurrentConsumers=N}: ordered lanes by element, and the low watermark as the stored position. */
class NeptuneStreamLanesTest extends NeptuneStreamTestSupport {

    private final MemoryStateRepository offsets = new MemoryStateRepository();

    @Test
    void differentElementsRunInParallelWhileEachElementsRecordsKeepStreamOrder() throws Exception {
        // 30 people, each one commit of two records of its own vertex; then a second change to each
        commitPeople(30);
        for (int i = 0; i < 30; i++) {
            String id = "person-" + i + "-" + i;
            graph.commit(tx -> tx.setProperty(id, "age", 40));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> byElement = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("concurrentConsumers=4&offsetRepository=#offsets&offsetKey=lanes")).process(e -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    threads.add(Thread.currentThread().getName());
                    // hold the first records until a second lane is inside the route too: lanes that ran one at a
                    // time would time out here and fail the exchange
                    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(10))
                            .until(() -> mostAtOnce.get() >= 2);
                    byElement.add(e.getMessage().getHeader(NeptuneStreamConstants.ELEMENT_ID) + " " + position(e));
                    received.add(position(e));
                    running.decrementAndGet();
                });
            }
        });

        await().until(() -> received.size() == 90);

        assertThat(mostAtOnce.get()).isBetween(2, 4);
        assertThat(threads).hasSizeBetween(2, 4).allMatch(t -> t.contains("NeptuneStreamLane"));
        assertThat(received).containsExactlyInAnyOrderElementsOf(allPositions());
        // each element's records came in stream order: vl, vp name, then the later vp age
        Map<String, List<String>> perElement = new LinkedHashMap<>();
        byElement.forEach(line -> perElement.computeIfAbsent(line.substring(0, line.indexOf(' ')), k -> new ArrayList<>())
                .add(line.substring(line.indexOf(' ') + 1)));
        assertThat(perElement).hasSize(30).allSatisfy((element, positions) -> {
            assertThat(positions).hasSize(3);
            assertThat(positions.get(0)).endsWith(":1");
            assertThat(positions.get(1)).isEqualTo(positions.get(0).replace(":1", ":2"));
            assertThat(Long.parseLong(positions.get(2).split(":")[0])).isGreaterThan(30);
        });
        await().until(() -> "60:1".equals(offsets.getState("lanes")));
    }

    @Test
    void thePositionIsTheLowWatermarkAndNeverPassesARecordStillInFlight() throws Exception {
        commitPeople(10);
        CountDownLatch release = new CountDownLatch(1);
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("concurrentConsumers=4&offsetRepository=#offsets&offsetKey=lanes")).process(e -> {
                    if (position(e).equals("3:1")) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    received.add(position(e));
                });
            }
        });

        // 3:1 is held (and whatever follows it on its lane); records after it complete on the other lanes
        await().until(() -> "2:2".equals(offsets.getState("lanes"))
                && received.stream().anyMatch(p -> StreamPosition.parse(p).commitNum() > 3));
        assertThat(received).doesNotContain("3:1", "3:2");
        assertThat(offsets.getState("lanes")).isEqualTo("2:2");

        release.countDown();

        await().until(() -> "10:2".equals(offsets.getState("lanes")));
        assertThat(received).containsExactlyInAnyOrderElementsOf(positionsOfPeople(1, 10));
    }

    @Test
    void aFailureHoldsTheWatermarkBeforeTheFailedRecordAndEverythingAfterItIsDeliveredAgainNotSkipped() throws Exception {
        commitPeople(20);
        context.getRegistry().bind("offsets", offsets);
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<String> storedWhileFailing = new CopyOnWriteArrayList<>();
        AtomicBoolean downstreamUp = new AtomicBoolean();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("concurrentConsumers=4&offsetRepository=#offsets&offsetKey=lanes")).process(e -> {
                    String position = position(e);
                    attempts.add(position);
                    if (position.equals("5:1") && !downstreamUp.get()) {
                        storedWhileFailing.add(String.valueOf(offsets.getState("lanes")));
                        throw new IllegalStateException("downstream unavailable");
                    }
                    received.add(position);
                });
            }
        });

        await().until(() -> attempts.stream().filter("5:1"::equals).count() >= 3);
        await().until(() -> "4:2".equals(offsets.getState("lanes")));
        // the watermark never got past the failed record, whatever the other lanes completed
        assertThat(storedWhileFailing).allMatch(p -> p.equals("null") || StreamPosition.parse(p).commitNum() < 5);

        downstreamUp.set(true);

        await().until(() -> "20:2".equals(offsets.getState("lanes")));
        assertThat(Set.copyOf(received)).containsExactlyInAnyOrderElementsOf(positionsOfPeople(1, 20));
    }

    @Test
    void sparqlRecordsGoToTheLaneOfTheirSubject() {
        assertThat(SparqlStreamReader.subject(sparql("<http://ex/alice> <http://ex/name> \"Alice\" .")))
                .isEqualTo("<http://ex/alice>");
        assertThat(SparqlStreamReader.subject(sparql("_:b7 <http://ex/p> <http://ex/o> <http://ex/g> ."))).isEqualTo("_:b7");
        assertThat(SparqlStreamReader.subject(sparql("<http://ex/a b> <http://ex/p> \"x\" ."))).isEqualTo("<http://ex/a b>");
    }

    private static SparqlRecord sparql(String statement) {
        return SparqlRecord.builder().data(SparqlData.builder().stmt(statement).build()).build();
    }

    private static List<String> allPositions() {
        List<String> all = new ArrayList<>(positionsOfPeople(1, 30));
        for (int c = 31; c <= 60; c++) {
            all.add(c + ":1");
        }
        return all;
    }

}
