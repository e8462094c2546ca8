package dev.camelneptune.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelneptune.stream.state.AtomicFileStateRepository;
import dev.camelneptune.stream.state.JdbcStateRepository;
import dev.camelneptune.stream.state.PositionClaim;
import dev.camelneptune.stream.state.PositionStore;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer deposed by a new leader: it had claimed its key on start, another node claimed it since (a leader paused
 * past its lease, then resumed), and its next write is refused. In every delivery mode it stops at once: the exchange
 * in flight finishes, no further exchange is created, its position is not stored; its health check is DOWN with the
 * reason, it logs one ERROR, and it claims the key again only when it starts again.
 */
class NeptuneStreamFencingTest extends NeptuneStreamTestSupport {

    private static final int TRANSACTIONS = 40;

    @TempDir
    Path dir;

    private final JdbcDataSource database = new JdbcDataSource();
    private JdbcStateRepository positions;
    /** The new leader's view of the same table. */
    private JdbcStateRepository newLeader;
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger createdAfterDeposed = new AtomicInteger();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ListAppender log;

    @BeforeEach
    void positionsInADatabase() {
        log = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender("list");
        log.clear();
        database.setURL("jdbc:h2:mem:fencing-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        positions = new JdbcStateRepository(database);
        positions.setOwner("node-a");
        newLeader = new JdbcStateRepository(database);
        newLeader.setOwner("node-b");
        commitPeople(TRANSACTIONS);
    }

    @AfterEach
    void stopNewLeader() {
        newLeader.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "one record at a time", "batching=true&limit=4", "groupByTransaction=true",
            "concurrentConsumers=4&limit=5" })
    void aDeposedConsumerStopsAtOnceCreatesNoFurtherExchangeAndIsDown(String mode) throws Exception {
        NeptuneStreamConsumer<?> consumer = consumeHoldingTheSecondExchange(positions, mode.contains("=") ? mode : "");
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();

        // while this consumer holds its second exchange, another node becomes leader and claims the key
        newLeader.start();
        PositionClaim claim = newLeader.claim("people");
        release.countDown();

        await().until(() -> consumer.deposed() != null);
        int delivered = received.size();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> received.size() == delivered);

        assertThat(createdAfterDeposed).as("exchanges created once deposed").hasValue(0);
        assertThat(received).as("stopped before the end of the log").hasSizeLessThan(2 * TRANSACTIONS);
        assertThat(newLeader.read("people")).as("no position stored after the new leader's claim")
                .isEqualTo(claim.position());
        HealthCheck.Result health = consumer.getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).get().asString()
                .contains("route stream was deposed: position key 'people' was claimed by node-b (epoch 2) after this"
                          + " node's claim (epoch 1)");
        assertThat(health.getError()).get().isInstanceOf(NeptuneStreamDeposedException.class);
        assertThat(errors()).singleElement().asString().contains("was deposed", "node-b (epoch 2)",
                "claims the key again only when it is started again");
        assertThat(log.getEvents()).as("logged once, at any level")
                .filteredOn(e -> e.getMessage().getFormattedMessage().contains("was deposed")
                        || e.getThrown() instanceof NeptuneStreamDeposedException)
                .hasSize(1);
        assertThat(consumer.isStarted()).as("stays started, idle, until stopped").isTrue();
    }

    @Test
    void aDeposedConsumerClaimsAgainWhenItStartsAgainAndResumesFromTheNewLeadersPosition() throws Exception {
        NeptuneStreamConsumer<?> consumer = consumeHoldingTheSecondExchange(positions, "");
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
        newLeader.start();
        PositionClaim claim = newLeader.claim("people");
        release.countDown();
        await().until(() -> consumer.deposed() != null);
        // the new leader goes on to commit 30, then stops (it loses its lease in turn)
        newLeader.store(claim, new StreamPosition(30, 2));
        received.clear();

        context.getRouteController().stopRoute("stream");
        context.getRouteController().startRoute("stream");

        await().until(() -> received.size() == 2 * (TRANSACTIONS - 30));
        assertThat(received).containsExactlyElementsOf(positionsOfPeople(31, TRANSACTIONS));
        NeptuneStreamConsumer<?> restarted = (NeptuneStreamConsumer<?>) context.getRoute("stream").getConsumer();
        assertThat(restarted.deposed()).isNull();
        assertThat(newLeader.claim("people").epoch()).as("claimed again: epoch 3, so this claim is 4").isEqualTo(4);
    }

    /** On one host the file repository fences the same way: here two processes share the file. */
    @Test
    void onTheFileRepositoryADeposedConsumerStopsToo() throws Exception {
        Path file = dir.resolve("positions.state");
        AtomicFileStateRepository offsets = new AtomicFileStateRepository(file);
        offsets.setFlushInterval(0);
        offsets.setOwner("node-a");
        NeptuneStreamConsumer<?> consumer = consumeHoldingTheSecondExchange(offsets, "");
        assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
        AtomicFileStateRepository otherProcess = new AtomicFileStateRepository(file);
        otherProcess.setOwner("node-b");
        otherProcess.start();
        try {
            otherProcess.claim("people");
            release.countDown();

            await().until(() -> consumer.deposed() != null);
            assertThat(createdAfterDeposed).hasValue(0);
            assertThat(received).hasSize(2);
            assertThat(consumer.getHealthCheck().call().getMessage()).get().asString()
                    .contains("claimed by node-b (epoch 2)");
            assertThat(otherProcess.read("people")).isEqualTo(new StreamPosition(1, 1));
        } finally {
            otherProcess.stop();
        }
    }

    /** Any other StateRepository is used as before: no claim, no fencing. */
    @Test
    void aPlainStateRepositoryIsUsedThroughGetStateAndSetState() throws Exception {
        StringStates plain = new StringStates();
        plain.setState("people", "10:2");
        context.getRegistry().bind("offsets", plain);
        consume(streamUri("offsetRepository=#offsets&offsetKey=people"));

        await().until(() -> received.size() == 2 * (TRANSACTIONS - 10));
        assertThat(received.get(0)).isEqualTo("11:1");
        await().until(() -> (TRANSACTIONS + ":2").equals(plain.getState("people")));
        assertThat(plain).isNotInstanceOf(PositionStore.class);
    }

    private NeptuneStreamConsumer<?> consumeHoldingTheSecondExchange(StateRepository<String, String> offsets, String mode)
            throws Exception {
        context.getRegistry().bind("offsets", offsets);
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                NeptuneStreamConsumer<?> consumer = (NeptuneStreamConsumer<?>) context.getRoute("stream").getConsumer();
                if (consumer.deposed() != null) {
                    createdAfterDeposed.incrementAndGet();
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event.getType() == CamelEvent.Type.ExchangeCreated && context.getRoute("stream") != null;
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("offsetRepository=#offsets&offsetKey=people" + (mode.isEmpty() ? "" : "&" + mode)))
                        .routeId("stream").process(e -> {
                            if (exchanges.incrementAndGet() == 2) {
                                holding.countDown();
                                release.await();
                            }
                            Object body = e.getMessage().getBody();
                            if (body instanceof List<?> records) {
                                String first = e.getMessage().getHeader(NeptuneStreamConstants.FIRST_POSITION, String.class);
                                for (int i = 0; i < records.size(); i++) {
                                    received.add(first + "+" + i);
                                }
                            } else {
                                received.add(position(e));
                            }
                        });
            }
        });
        return (NeptuneStreamConsumer<?>) context.getRoute("stream").getConsumer();
    }

    private List<String> errors() {
        return log.getEvents().stream().filter(e -> e.getLevel().name().equals("ERROR"))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    /** A user's own repository of strings. */
    private static final class StringStates extends ServiceSupport implements StateRepository<String, String> {
        private final java.util.Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            values.put(key, value);
        }

        @Override
        public String getState(String key) {
            return values.get(key);
        }
    }
}
