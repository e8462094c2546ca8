package dev.camelneptune.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise in one test: a 100,000-record change log is delivered exactly once, in order, across a CamelContext
 * stop and start in the middle, with the file offset repository.
 */
class ExactlyOnceAcrossRestartTest extends NeptuneStreamTestSupport {

    private static final int RECORDS = 100_000;

    @TempDir
    Path dir;

    /** How often each record was delivered, by its place in the log (preload writes four records a commit). */
    private final int[] deliveries = new int[RECORDS];
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicLong outOfOrder = new AtomicLong();
    private volatile int lastIndex = -1;

    @Test
    void everyRecordIsDeliveredExactlyOnceInOrderAcrossAStopAndStart() throws Exception {
        graph.preload(RECORDS);
        Path offsets = dir.resolve("offsets.state");
        context.getRegistry().bind("offsets", new AtomicFileStateRepository(offsets));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("neptune-stream:http://localhost:" + neptune.port()
                     + "?iteratorType=TRIM_HORIZON&limit=1000&offsetRepository=#offsets")
                        .process(e -> record(e.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM, Long.class),
                                e.getMessage().getHeader(NeptuneStreamConstants.OP_NUM, Long.class)));
            }
        });

        await().atMost(Duration.ofMinutes(1)).until(() -> delivered.get() >= RECORDS / 2);
        context.stop();
        int atStop = delivered.get();
        assertThat(atStop).isLessThan(RECORDS);

        // a stopped context forgets its registry and components: set them up again, as a restarted application would
        context.getRegistry().bind("offsets", new AtomicFileStateRepository(offsets));
        useTestCredentials(context);
        context.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> delivered.get() >= RECORDS);

        assertThat(delivered.get()).isEqualTo(RECORDS);
        assertThat(outOfOrder.get()).isZero();
        for (int i = 0; i < RECORDS; i++) {
            assertThat(deliveries[i]).as("deliveries of record %d", i).isEqualTo(1);
        }
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
}
