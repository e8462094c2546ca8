package dev.camelneptune.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clean stop in the middle of a backlog, then a new CamelContext (a new process, as far as the consumer knows) on the
 * same position file: it resumes right after the last record processed before the stop. A clean stop writes the
 * position, so nothing is delivered twice; after a crash the records processed but not yet stored come again (see
 * {@code StreamKillTest}).
 */
class ResumeAfterStopTest extends NeptuneStreamTestSupport {

    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    /** How often each record was delivered, by its place in the log (preload writes four records a commit). */
    private final int[] deliveries = new int[RECORDS];
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger outOfOrder = new AtomicInteger();
    private volatile int lastIndex = -1;

    @Test
    void aNewContextResumesRightAfterTheLastRecordProcessedBeforeACleanStop() throws Exception {
        graph.preload(RECORDS);
        Path offsets = dir.resolve("offsets.state");
        String uri = streamUri("limit=500&offsetRepository=#offsets");
        // past the middle the first route holds its record until the stop has begun, so the stop lands in the backlog
        // however fast the machine is
        startRoute(context, offsets, uri, true);
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered.get() >= RECORDS / 2);
        context.stop();
        int atStop = delivered.get();
        assertThat(atStop).isLessThan(RECORDS);
        assertThat(Files.readString(offsets)).contains("=" + position(lastIndex).replace(":", "%3A"));

        try (CamelContext second = new DefaultCamelContext()) {
            useTestCredentials(second);
            useParserUnderTest(second);
            startRoute(second, offsets, uri, false);
            second.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> delivered.get() >= RECORDS);
        }

        assertThat(delivered.get()).isEqualTo(RECORDS);
        assertThat(outOfOrder.get()).isZero();
        for (int i = 0; i < RECORDS; i++) {
            assertThat(deliveries[i]).as("deliveries of record %s", position(i)).isEqualTo(1);
        }
    }

    private void startRoute(CamelContext camel, Path offsets, String uri, boolean holdPastTheMiddle) throws Exception {
        camel.getRegistry().bind("offsets", new AtomicFileStateRepository(offsets));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("resume").process(e -> {
                    record(e.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM, Long.class),
                            e.getMessage().getHeader(NeptuneStreamConstants.OP_NUM, Long.class));
                    if (holdPastTheMiddle && delivered.get() >= RECORDS / 2) {
                        NeptuneStreamConsumer<?> consumer
                                = (NeptuneStreamConsumer<?>) e.getContext().getRoute("resume").getConsumer();
                        // until the stop tells the consumer to hand over no more records
                        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(1))
                                .until(() -> !consumer.isBatchAllowed());
                    }
                });
            }
        });
    }

    private void record(long commitNum, long opNum) {
        int index = (int) ((commitNum - 1) * 4 + opNum - 1);
        if (index != lastIndex + 1) {
            outOfOrder.incrementAndGet();
        }
        lastIndex = index;
        deliveries[index]++;
        delivered.incrementAndGet();
    }

    private static String position(int index) {
        return (index / 4 + 1) + ":" + (index % 4 + 1);
    }
}
