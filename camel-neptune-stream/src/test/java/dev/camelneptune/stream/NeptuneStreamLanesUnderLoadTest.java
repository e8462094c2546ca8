package dev.camelneptune.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamResponse;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.StreamRecordsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordered lanes ({@code concurrentConsumers}) under the loads production brings: pages far larger than a lane's share,
 * one element changed by every record or by half of them, a stop while every lane is busy, a thread pool that refuses a
 * task or runs each task on a new thread, a record that never ends. Whatever the load, each record runs on its
 * element's lane and nowhere else (never on the polling thread), each element's records run in stream order, and the
 * stored position never passes a record that has not completed.
 */
class NeptuneStreamLanesUnderLoadTest extends NeptuneStreamTestSupport {

    private final MemoryStateRepository offsets = new MemoryStateRepository();
    /** Every time the route began a record, in that order. */
    private final List<Run> runs = Collections.synchronizedList(new ArrayList<>());

    /** The route began {@code position} of {@code element} on {@code thread}. */
    record Run(String element, StreamPosition position, String thread) {
    }

    /** A record of the log: its position and the element it changes. */
    record Logged(StreamPosition position, String element) {
    }

    @Test
    void oneElementChangedByEveryRecordGetsThemAllInStreamOrderWhenTheRouteIsSlowerThanTheReader() throws Exception {
        // a counter vertex and 6,000 changes of it: every record of every page goes to the same lane
        graph.commit(tx -> tx.addVertex("counter", "counter", Map.of("n", 0)));
        for (int c = 0; c < 3; c++) {
            int base = c * 1000;
            graph.commit(tx -> {
                for (int i = 1; i <= 1000; i++) {
                    tx.setProperty("counter", "n", base + i);
                }
            });
        }
        List<Logged> log = log();
        assertThat(log).hasSize(6002).allMatch(r -> r.element().equals("counter"));

        // pages of 5,000 records, each record 0.1 ms in the route: the reader is far ahead of the lane
        consumeOnLanes("concurrentConsumers=8&limit=5000&offsetRepository=#offsets&offsetKey=lanes",
                e -> LockSupport.parkNanos(100_000));

        await().atMost(Duration.ofSeconds(60)).until(() -> "4:2000".equals(offsets.getState("lanes")));
        assertRanOnLanesOnly();
        assertThat(positionsRun()).as("every record once, in stream order")
                .containsExactlyElementsOf(log.stream().map(Logged::position).toList());
    }

    @Test
    void oneElementWithHalfTheRecordsAndTheRestSpreadKeepsEachElementsOrder() throws Exception {
        // one hot vertex changed by every commit, and 100 others changed in turn: half the records are the hot one's
        graph.commit(tx -> {
            tx.addVertex("hot", "counter");
            for (int j = 0; j < 100; j++) {
                tx.addVertex("v-" + j, "thing");
            }
        });
        for (int i = 0; i < 1000; i++) {
            int n = i;
            graph.commit(tx -> tx.setProperty("hot", "n", n).setProperty("v-" + (n % 100), "n", n));
        }
        List<Logged> log = log();
        assertThat(log.stream().filter(r -> r.element().equals("hot")).count()).isEqualTo(log.size() / 2);

        consumeOnLanes("concurrentConsumers=8&limit=5000&offsetRepository=#offsets&offsetKey=lanes",
                e -> LockSupport.parkNanos(100_000));

        String last = log.get(log.size() - 1).position().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> last.equals(offsets.getState("lanes")));
        assertRanOnLanesOnly();
        assertThat(runs).as("every record once").hasSize(log.size());
        assertThat(byElement(runs.stream().map(r -> new Logged(r.position(), r.element())).toList()))
                .as("each element's records in stream order").isEqualTo(byElement(log));
    }

    @Test
    void stoppingWhileEightLanesAreBusyEndsWithinTheGracefulTimeoutAndTheRestartGoesOnWithNoGap() throws Exception {
        // 50 vertices, each changed by 40 commits: 4,000 records, every lane has work
        graph.commit(tx -> {
            for (int j = 0; j < 50; j++) {
                tx.addVertex("el-" + j, "thing");
            }
        });
        for (int k = 0; k < 40; k++) {
            int n = k;
            graph.commit(tx -> {
                for (int j = 0; j < 50; j++) {
                    tx.setProperty("el-" + j, "n", n);
                }
            });
        }
        List<Logged> log = log();
        context.getShutdownStrategy().setTimeout(10);
        AtomicBoolean slow = new AtomicBoolean(true);
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger mostBusy = new AtomicInteger();
        consumeOnLanes("concurrentConsumers=8&limit=5000&offsetRepository=#offsets&offsetKey=lanes", e -> {
            mostBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
            if (slow.get()) {
                // a sink that takes 40 ms per record: the whole log would take 20 s on 8 lanes
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40));
            }
            busy.decrementAndGet();
        });
        await().until(() -> mostBusy.get() == 8 && runs.size() >= 100);

        long start = System.nanoTime();
        context.getRouteController().stopRoute("lanes");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("the stop, with the graceful-stop timeout at 10 s").isLessThan(Duration.ofSeconds(10));
        StreamPosition stored = StreamPosition.parse(offsets.getState("lanes"));
        Set<StreamPosition> ran = Set.copyOf(positionsRun());
        assertThat(log.stream().map(Logged::position).filter(p -> !after(p, stored)))
                .as("every record up to the stored position %s has run", stored).allMatch(ran::contains);

        slow.set(false);
        context.getRouteController().startRoute("lanes");

        String last = log.get(log.size() - 1).position().toString();
        await().until(() -> last.equals(offsets.getState("lanes")));
        assertThat(Set.copyOf(positionsRun())).as("no gap").hasSize(log.size());
        assertRanOnLanesOnly();
        assertEachElementsRecordsRanAfterTheirPredecessors(log);
    }

    @Test
    void aRecordItsLaneRefusesFailsAndIsReadAgainNeverRunOnThePollingThread() throws Exception {
        // the lanes' thread pool refuses the second task handed to it, through its rejection policy, as a full pool
        // would (every lane gets work in the first poll, so there is a second task)
        context.getExecutorServiceManager().setThreadPoolFactory(new RefusingLanes(2));
        commitPeople(30);
        List<Logged> log = log();
        Map<StreamPosition, List<String>> storedWhenRun = new ConcurrentHashMap<>();
        consumeOnLanes("concurrentConsumers=4&offsetRepository=#offsets&offsetKey=lanes",
                e -> storedWhenRun.computeIfAbsent(StreamPosition.parse(position(e)), p -> new CopyOnWriteArrayList<>())
                        .add(String.valueOf(offsets.getState("lanes"))));

        await().until(() -> "30:2".equals(offsets.getState("lanes")));
        assertRanOnLanesOnly();
        assertThat(Set.copyOf(positionsRun())).as("no gap").hasSize(log.size());
        assertEachElementsRecordsRanAfterTheirPredecessors(log);
        NeptuneStreamConsumer<?> consumer = (NeptuneStreamConsumer<?>) context.getRoute("lanes").getConsumer();
        String error = consumer.getMetrics().getLastError();
        assertThat(error).as("the refusal, reported").contains("was refused by NeptuneStreamLane-");
        Matcher refusal = Pattern.compile("Neptune stream record (\\d+:\\d+) was refused").matcher(error);
        assertThat(refusal.find()).isTrue();
        StreamPosition refused = StreamPosition.parse(refusal.group(1));
        assertThat(storedWhenRun.get(refused)).as("the stored positions when %s ran: never past it", refused)
                .isNotEmpty().allMatch(p -> p.equals("null") || !after(StreamPosition.parse(p), refused));
    }

    @Test
    void aPoolThatRunsEveryTaskOnANewThreadStillRunsEachElementsRecordsOneAtATimeInStreamOrder() throws Exception {
        // as Camel's pools are on Java 21 with camel.threads.virtual.enabled=true: a new thread for every task
        context.getExecutorServiceManager().setThreadPoolFactory(new ThreadPerTask());
        graph.commit(tx -> {
            tx.addVertex("hot", "counter");
            for (int j = 0; j < 20; j++) {
                tx.addVertex("v-" + j, "thing");
            }
        });
        for (int i = 0; i < 500; i++) {
            int n = i;
            graph.commit(tx -> tx.setProperty("hot", "n", n).setProperty("v-" + (n % 20), "n", n));
        }
        List<Logged> log = log();
        Map<String, Thread> busy = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        consumeOnLanes("concurrentConsumers=4&limit=5000&offsetRepository=#offsets&offsetKey=lanes", e -> {
            String element = e.getMessage().getHeader(NeptuneStreamConstants.ELEMENT_ID, String.class);
            if (busy.putIfAbsent(element, Thread.currentThread()) != null) {
                overlaps.incrementAndGet();
            }
            LockSupport.parkNanos(100_000);
            busy.remove(element, Thread.currentThread());
        });

        String last = log.get(log.size() - 1).position().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> last.equals(offsets.getState("lanes")));
        assertThat(overlaps.get()).as("records of one element that ran at the same time").isZero();
        assertThat(runs).as("every record once").hasSize(log.size());
        assertThat(byElement(runs.stream().map(r -> new Logged(r.position(), r.element())).toList()))
                .as("each element's records in stream order").isEqualTo(byElement(log));
    }

    @Test
    void aRecordThatNeverEndsFailsThePollAfterTheGracefulTimeoutNamingItsLaneAndThePositionStaysBeforeIt()
            throws Exception {
        commitPeople(10);
        // the longest a poll waits for its lanes without any record completing: the graceful-stop timeout
        context.getShutdownStrategy().setTimeout(2);
        CountDownLatch release = new CountDownLatch(1);
        consumeOnLanes("concurrentConsumers=4&offsetRepository=#offsets&offsetKey=lanes", e -> {
            if (position(e).equals("3:1")) {
                release.await(60, TimeUnit.SECONDS);
            }
        });
        NeptuneStreamConsumer<?> consumer = (NeptuneStreamConsumer<?>) context.getRoute("lanes").getConsumer();

        await().until(() -> consumer.getMetrics().getLastError() != null);
        assertThat(consumer.getMetrics().getLastError())
                .contains("record 3:1", "NeptuneStreamLane-", "2000 ms")
                .doesNotContain("Neptune stream record 3:1 failed");
        assertThat(offsets.getState("lanes")).isEqualTo("2:2");

        release.countDown();

        await().until(() -> "10:2".equals(offsets.getState("lanes")));
        assertThat(Set.copyOf(positionsRun())).hasSize(20);
    }

    /** Starts route {@code lanes} with {@code options}: it notes each record it begins, then runs {@code work}. */
    private void consumeOnLanes(String options, Work work) throws Exception {
        // started here, so the consumer leaves it running (and holding the position) when the route stops
        offsets.start();
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(options)).routeId("lanes").process(e -> {
                    runs.add(new Run(
                            e.getMessage().getHeader(NeptuneStreamConstants.ELEMENT_ID, String.class),
                            StreamPosition.parse(position(e)), Thread.currentThread().getName()));
                    work.run(e);
                });
            }
        });
    }

    interface Work {
        void run(Exchange exchange) throws Exception;
    }

    private void assertRanOnLanesOnly() {
        synchronized (runs) {
            assertThat(runs).as("records run on the lanes' threads only").allSatisfy(
                    run -> assertThat(run.thread()).as("the thread of %s", run.position()).contains("NeptuneStreamLane"));
        }
    }

    /**
     * Each time a record ran, every record of its element before it in the log had run before (at least once): an
     * element's records may run again after a failure or a restart, but never overtake one another.
     */
    private void assertEachElementsRecordsRanAfterTheirPredecessors(List<Logged> log) {
        Map<String, List<StreamPosition>> expected = byElement(log);
        Map<String, Integer> furthest = new HashMap<>();
        synchronized (runs) {
            for (Run run : runs) {
                int index = expected.get(run.element()).indexOf(run.position());
                int reached = furthest.getOrDefault(run.element(), -1);
                assertThat(index).as("%s of %s ran when its element had reached only record %d", run.position(),
                        run.element(), reached).isLessThanOrEqualTo(reached + 1);
                furthest.put(run.element(), Math.max(reached, index));
            }
        }
    }

    private List<StreamPosition> positionsRun() {
        synchronized (runs) {
            return runs.stream().map(Run::position).toList();
        }
    }

    private static Map<String, List<StreamPosition>> byElement(List<Logged> records) {
        return records.stream().collect(Collectors.groupingBy(Logged::element, LinkedHashMap::new,
                Collectors.mapping(Logged::position, Collectors.toList())));
    }

    private static boolean after(StreamPosition a, StreamPosition b) {
        return a.commitNum() != b.commitNum() ? a.commitNum() > b.commitNum() : a.opNum() > b.opNum();
    }

    /** The whole log, read straight with the SDK: each record's position and element id, in stream order. */
    private List<Logged> log() {
        List<Logged> log = new ArrayList<>();
        try (NeptunedataClient client = NeptunedataClient.builder().endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            GetPropertygraphStreamResponse page
                    = client.getPropertygraphStream(r -> r.iteratorType(IteratorType.TRIM_HORIZON).limit(100_000L));
            while (true) {
                page.records().forEach(r -> log.add(new Logged(StreamPosition.of(r.eventId()), r.data().id())));
                StreamPosition last = StreamPosition.of(page.lastEventId());
                try {
                    page = client.getPropertygraphStream(r -> r.iteratorType(IteratorType.AFTER_SEQUENCE_NUMBER)
                            .commitNum(last.commitNum()).opNum(last.opNum()).limit(100_000L));
                } catch (StreamRecordsNotFoundException caughtUp) {
                    return log;
                }
            }
        }
    }

    /** Whether {@code threadFactory} makes the threads of the lanes. */
    private static boolean forLanes(ThreadFactory threadFactory) {
        return threadFactory.newThread(() -> {
        }).getName().contains("NeptuneStreamLane");
    }

    /**
     * Camel's thread pools, except that the lanes' pool refuses the {@code refuse}-th task handed to it, through the
     * pool's rejection policy, as a full pool would.
     */
    static final class RefusingLanes extends DefaultThreadPoolFactory {

        private final int refuse;
        private final AtomicInteger tasks = new AtomicInteger();

        RefusingLanes(int refuse) {
            this.refuse = refuse;
        }

        @Override
        public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory threadFactory) {
            if (!forLanes(threadFactory)) {
                return super.newThreadPool(profile, threadFactory);
            }
            int queue = profile.getMaxQueueSize() > 0 ? profile.getMaxQueueSize() : Integer.MAX_VALUE;
            ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    profile.getPoolSize(), profile.getMaxPoolSize(), profile.getKeepAliveTime(), profile.getTimeUnit(),
                    new LinkedBlockingQueue<>(queue), threadFactory) {
                @Override
                public void execute(Runnable task) {
                    if (tasks.incrementAndGet() == refuse) {
                        getRejectedExecutionHandler().rejectedExecution(task, this);
                    } else {
                        super.execute(task);
                    }
                }
            };
            pool.setRejectedExecutionHandler(profile.getRejectedExecutionHandler() != null
                    ? profile.getRejectedExecutionHandler() : new ThreadPoolExecutor.CallerRunsPolicy());
            return pool;
        }
    }

    /** Camel's thread pools, except that the lanes' pool starts a new thread for every task it is handed. */
    static final class ThreadPerTask extends DefaultThreadPoolFactory {

        @Override
        public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory threadFactory) {
            if (!forLanes(threadFactory)) {
                return super.newThreadPool(profile, threadFactory);
            }
            return new AbstractExecutorService() {
                private volatile boolean shutdown;

                @Override
                public void execute(Runnable task) {
                    if (shutdown) {
                        throw new RejectedExecutionException("shut down");
                    }
                    threadFactory.newThread(task).start();
                }

                @Override
                public void shutdown() {
                    shutdown = true;
                }

                @Override
                public List<Runnable> shutdownNow() {
                    shutdown = true;
                    return List.of();
                }

                @Override
                public boolean isShutdown() {
                    return shutdown;
                }

                @Override
                public boolean isTerminated() {
                    return shutdown;
                }

                @Override
                public boolean awaitTermination(long timeout, TimeUnit unit) {
                    return true;
                }
            };
        }
    }
}
