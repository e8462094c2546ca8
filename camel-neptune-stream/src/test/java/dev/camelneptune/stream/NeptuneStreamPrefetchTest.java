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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;

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
        List<String> requests = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("client", requestsNotedIn(requests));
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean downstreamUp = new AtomicBoolean();
        // pages of two records: 3:2 is the second record of the third page, and while the route works on that page the
        // consumer reads the fourth (4:1, 4:2), after 3:2
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("limit=2&prefetch=true&neptuneDataClient=#client&offsetRepository=#offsets"
                               + "&offsetKey=people"))
                        .routeId("stream").process(e -> {
                            String position = position(e);
                            attempts.add(position);
                            if (position.equals("3:2") && !downstreamUp.get()) {
                                // fail only once the page after this one has been read
                                await().atMost(Duration.ofSeconds(2))
                                        .until(() -> requests.contains("AFTER_SEQUENCE_NUMBER 3:2"));
                                throw new IllegalStateException("downstream unavailable");
                            }
                            received.add(position);
                        });
            }
        });

        await().until(() -> attempts.stream().filter("3:2"::equals).count() >= 3);
        assertThat(requests).as("the page after the failing record was read ahead").contains("AFTER_SEQUENCE_NUMBER 3:2");
        assertThat(attempts).as("yet none of its records reached the route").containsOnly("1:1", "1:2", "2:1", "2:2",
                "3:1", "3:2");
        assertThat(received).containsExactly("1:1", "1:2", "2:1", "2:2", "3:1");
        assertThat(offsets.getState("people")).isEqualTo("3:1");
        assertThat(requests).as("each new poll reads from the position").contains("AFTER_SEQUENCE_NUMBER 3:1");

        downstreamUp.set(true);

        await().until(() -> received.size() == 10);
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 5));
        assertThat(offsets.getState("people")).isEqualTo("5:2");
    }

    /** A client of neptune-local that notes each stream request it sends, as "ITERATOR_TYPE commitNum:opNum". */
    private NeptunedataClient requestsNotedIn(List<String> requests) {
        return NeptunedataClient.builder().endpointOverride(neptune.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof GetPropertygraphStreamRequest request) {
                            requests.add(request.iteratorTypeAsString()
                                         + (request.commitNum() != null
                                                 ? " " + request.commitNum() + ":" + request.opNum() : ""));
                        }
                    }
                }))
                .build();
    }
}
