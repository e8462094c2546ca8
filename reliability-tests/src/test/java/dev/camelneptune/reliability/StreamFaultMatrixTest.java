package dev.camelneptune.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.Fault;
import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.NeptuneStreamConsumer;
import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault matrix for the neptune-stream consumer. Each test reads a 2,000-record log 100 records a page; the route
 * holds still on record 1,000 while the fault is set up, so the fault hits the middle of the stream. Whatever the
 * fault, the test ends with the route having processed exactly the whole log, in order: no record lost or repeated
 * (faults happen while reading a page, before any of its records is processed).
 */
class StreamFaultMatrixTest extends CamelTestSupport {

    private static final int RECORDS = 2_000;
    private static final String PAUSE_AT = "250:4";

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);
    private List<String> log;
    private ListAppender captured;

    @TempDir
    Path dir;

    @BeforeEach
    void seed() {
        neptune.stream().propertyGraph().preload(RECORDS);
        log = StreamLog.read(neptune.endpoint());
        captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        captured.clear();
    }

    /** The consumers' health checks, as camel-main's {@code camel.health.consumersEnabled} turns on. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(new ConsumersHealthCheckRepository());
        return context;
    }

    @Override
    protected void doPostTearDown() {
        context.stop();
        neptune.close();
    }

    @AfterEach
    void releaseRoute() {
        resume.countDown();
    }

    private void consume(String options) throws Exception {
        context.getRegistry().bind("offsets", new AtomicFileStateRepository(dir.resolve("offsets.properties")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // prefetch=false: the counts asserted at the moment a fault is set assume no page read ahead (with
                // the default prefetch, the page after the pause may or may not be read before the fault is set)
                from("neptune-stream:" + neptune.endpoint() + "?limit=100&delay=20&offsetRepository=#offsets"
                     + "&region=us-east-1&accessKey=local&secretKey=local&prefetch=false" + options)
                        .routeId("stream")
                        .process(e -> {
                            String position = e.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
                                              + e.getMessage().getHeader(NeptuneStreamConstants.OP_NUM);
                            received.add(position);
                            if (position.equals(PAUSE_AT)) {
                                paused.countDown();
                                resume.await(30, TimeUnit.SECONDS);
                            }
                        });
            }
        });
        assertThat(paused.await(30, TimeUnit.SECONDS)).as("the route reached record " + PAUSE_AT).isTrue();
    }

    private void resume() {
        resume.countDown();
    }

    private void awaitWholeLogExactlyOnceInOrder() {
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= RECORDS);
        assertThat(received).containsExactlyElementsOf(log);
    }

    private NeptuneStreamConsumer streamConsumer() {
        return (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:stream")).findFirst().orElseThrow();
    }

    /** The consumer's health is DOWN, and its reason (the last error) says what happened. */
    private void awaitDownBecause(String reason) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HealthCheck.Result result = health();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Consumer failed polling"));
            assertThat(result.getError()).hasValueSatisfying(e -> assertThat(describe(e)).contains(reason));
        });
    }

    private void awaitUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().getState() == HealthCheck.State.UP);
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** A burst shorter than the SDK's 4 attempts is retried inside one poll: the route never notices. */
    @ParameterizedTest(name = "{0} {1} burst is retried by the SDK")
    @CsvSource({
            "500, ThrottlingException",
            "500, MemoryLimitExceededException" })
    void errorBurstIsRetriedWithinThePoll(int status, String code) throws Exception {
        consume("");
        neptune.faults().next(3, Fault.error(status, code));
        long before = neptune.requestCount();
        resume();

        awaitWholeLogExactlyOnceInOrder();
        assertThat(neptune.faults().pendingCount()).isZero();
        assertThat(neptune.requestCount() - before).as("3 failed attempts and the page after them, at least").isGreaterThan(3);
        assertThat(streamConsumer().getErrorCounter()).as("polls that failed").isZero();
    }

    /**
     * A storm longer than the SDK's attempts fails polls: the consumer backs off (backoffErrorThreshold), its health
     * goes DOWN with the service's error and its reason (the engine's {@code detailedMessage}) as the reason, and once
     * the storm passes it goes on from where it was.
     */
    @ParameterizedTest(name = "{0} {1} storm: backoff, health DOWN, then recovery")
    @CsvSource({
            "500, ThrottlingException",
            "500, InternalFailureException",
            "500, MemoryLimitExceededException",
            "429, TooManyRequestsException" })
    void errorStormTakesHealthDownWithTheReasonThenRecovers(int status, String code) throws Exception {
        consume("&backoffErrorThreshold=1&backoffMultiplier=5");
        neptune.faults().next(1_000, Fault.error(status, code));
        resume();

        awaitDownBecause(code + ": injected fault: " + code);
        await().atMost(Duration.ofSeconds(30)).until(() -> streamConsumer().getBackoffCounter() > 0);
        assertThat(captured.getMessages())
                .anySatisfy(line -> assertThat(line).startsWith("WARN").contains(code + ": injected fault: " + code));
        assertThat(received).hasSize(1_000);
        neptune.faults().clear();

        awaitWholeLogExactlyOnceInOrder();
        awaitUp();
    }

    @Test
    void connectionResetAndBodyCutMidwayAreRetried() throws Exception {
        consume("");
        neptune.faults().resetNext(1).cutNext(1).next(1, Fault.delay(Duration.ZERO)).cutNext(2);
        resume();

        awaitWholeLogExactlyOnceInOrder();
        assertThat(neptune.faults().pendingCount()).isZero();
    }

    @Test
    void truncatedJsonIsRetriedAndPersistentlyTruncatedJsonTakesHealthDown() throws Exception {
        consume("");
        neptune.faults().truncateNext(2).next(1, Fault.delay(Duration.ZERO)).truncateNext(1_000);
        resume();

        awaitDownBecause("Unable to unmarshall response");
        assertThat(received).as("the page before the storm was served whole").hasSize(1_100);
        neptune.faults().clear();

        awaitWholeLogExactlyOnceInOrder();
        awaitUp();
    }

    @Test
    void responseSlowerThanTheSocketTimeoutIsRetriedAndASlowServerTakesHealthDown() throws Exception {
        try (NeptunedataClient impatient = NeptunedataClient.builder().endpointOverride(neptune.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofMillis(300)))
                .build()) {
            context.getRegistry().bind("impatient", impatient);
            consume("&neptuneDataClient=#impatient");
            neptune.faults().delayNext(1, Duration.ofSeconds(1)).next(1, Fault.delay(Duration.ZERO))
                    .delayNext(8, Duration.ofSeconds(1));
            resume();

            awaitDownBecause("Read timed out");
            assertThat(received).as("one slow answer was retried in time").hasSize(1_100);

            awaitWholeLogExactlyOnceInOrder();
            awaitUp();
        }
    }

    @Test
    void connectionRefusedTakesHealthDownAndTheConsumerResumesWhenTheServerIsBack() throws Exception {
        consume("");
        neptune.stop();
        resume();

        awaitDownBecause("Connection refused");
        assertThat(received).hasSize(1_000);
        neptune.startServer();

        awaitWholeLogExactlyOnceInOrder();
        awaitUp();
    }

    @Test
    void restartOfNeptuneLocalWithItsDataKeptLosesAndRepeatsNothing() throws Exception {
        consume("");
        neptune.stop();
        neptune.startServer();
        resume();

        awaitWholeLogExactlyOnceInOrder();
    }

    @Test
    void expiredPositionTakesHealthDownNamingTheLostPositionAndSkipsNothing() throws Exception {
        consume("");
        neptune.stream().propertyGraph().trimBefore(400);
        resume();

        awaitDownBecause("position after 250:4 has been trimmed from the stream (ExpiredStreamException: Requested"
                         + " startEventId [commitNum = 250, opNum = 4] has expired. Oldest available event id:"
                         + " [commitNum = 400, opNum = 1])");
        assertThat(received).as("nothing after the lost position was delivered").hasSize(1_000);
        assertThat(captured.getMessages()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("after 250:4", "expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON"));
    }

    @Test
    void expiredPositionWithRestartFromTrimHorizonWarnsNamingTheGap() throws Exception {
        consume("&expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON");
        neptune.stream().propertyGraph().trimBefore(400);
        resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 1_000 + RECORDS - 1_596);
        List<String> got = List.copyOf(received);
        assertThat(got.subList(1_000, got.size())).containsExactlyElementsOf(log.subList(1_596, RECORDS));
        assertThat(captured.getMessages()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("after 250:4", "400:1", "never delivered"));
    }
}
