package dev.camelneptune.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code prefetch} (on by default): the next page is read while the route works; the position semantics stay the same.
 */
class NeptuneStreamPrefetchTest extends NeptuneStreamTestSupport {

    @Test
    void byDefaultTheNextPageIsReadWhileTheRouteIsStillProcessingTheCurrentOne() throws Exception {
        commitPeople(3);
        CountDownLatch release = new CountDownLatch(1);
        long requestsBefore = neptune.requestCount();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("limit=2")).routeId("stream").process(e -> {
                    release.await(30, TimeUnit.SECONDS);
                    received.add(position(e));
                });
            }
        });

        // the route holds the first record of the first page; the second page is asked for meanwhile
        await().until(() -> neptune.requestCount() >= requestsBefore + 2);
        assertThat(received).isEmpty();

        release.countDown();
        await().until(() -> received.size() == 6);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 3));
    }

    @Test
    void withPrefetchOffTheNextPageIsReadOnlyOnceTheCurrentOneIsDone() throws Exception {
        commitPeople(3);
        CountDownLatch release = new CountDownLatch(1);
        long requestsBefore = neptune.requestCount();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("limit=2&prefetch=false")).routeId("stream").process(e -> {
                    release.await(30, TimeUnit.SECONDS);
                    received.add(position(e));
                });
            }
        });

        // the route holds the first record: one request so far, and no second one while it waits
        await().until(() -> neptune.requestCount() >= requestsBefore + 1);
        await().during(Duration.ofMillis(300)).until(() -> neptune.requestCount() == requestsBefore + 1);

        release.countDown();
        await().until(() -> received.size() == 6);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 3));
    }

    @Test
    void aFailureStopsAtTheFailedRecordAndThePrefetchedRecordsAfterItAreReadAgainNotSkipped() throws Exception {
        commitPeople(5);
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean downstreamUp = new AtomicBoolean();
        // pages of two records: 3:2 is the second record of the third page, 4:1.. are prefetched past it
        consumeFailingAt(streamUri("limit=2&prefetch=true&offsetRepository=#offsets&offsetKey=people"), "3:2",
                downstreamUp, attempts);

        await().until(() -> attempts.stream().filter("3:2"::equals).count() >= 3);
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2", "3:1");
        assertThat(offsets.getState("people")).isEqualTo("3:1");
        assertThat(attempts).containsOnly("1:1", "1:2", "2:1", "2:2", "3:1", "3:2");

        downstreamUp.set(true);

        await().until(() -> received.size() == 10);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 5));
        assertThat(offsets.getState("people")).isEqualTo("5:2");
    }
}
