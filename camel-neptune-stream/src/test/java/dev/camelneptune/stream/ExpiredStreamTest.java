package dev.camelneptune.stream;

import java.util.List;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A stored position that the stream has trimmed: never skipped silently. */
class ExpiredStreamTest extends NeptuneStreamTestSupport {

    /** What neptune-local's engine says (its detailedMessage) when the consumer asks for the position after 1:2. */
    private static final String SERVICE_REASON = "Requested startEventId [commitNum = 1, opNum = 2] has expired."
                                                 + " Oldest available event id: [commitNum = 3, opNum = 1]";

    private final MemoryStateRepository offsets = new MemoryStateRepository();
    private ListAppender log;

    @BeforeEach
    void trimmedPosition() {
        log = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender("list");
        log.clear();
        context.getRegistry().bind("offsets", offsets);
        commitPeople(5);
        // the consumer had processed up to 1:2; commits 1 and 2 are then trimmed, so 2:1 and 2:2 are lost to it
        offsets.setState("people", "1:2");
        graph.trimBefore(3);
    }

    private List<String> logged(String level) {
        return log.getEvents().stream().filter(e -> e.getLevel().name().equals(level))
                .map(e -> e.getMessage().getFormattedMessage()).toList();
    }

    @Test
    void byDefaultTheConsumerStopsAdvancingGoesDownAndSaysWhatWasLostAndHowToRecover() throws Exception {
        consume(streamUri("offsetRepository=#offsets&offsetKey=people"));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();

        await().until(() -> consumer.getErrorCounter() >= 2);

        assertThat(received).isEmpty();
        assertThat(offsets.getState("people")).isEqualTo("1:2");
        // the scheduled-poll health check Camel's health registry reports for this consumer
        HealthCheck.Result health = consumer.getHealthCheck().call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getError()).get().isInstanceOf(NeptuneStreamExpiredException.class);
        assertThat(logged("ERROR")).singleElement().asString()
                .contains("position after 1:2 has been trimmed", "expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON",
                        "key 'people'");
    }

    /**
     * The engine documents its error body as {@code requestId}, {@code code}, {@code detailedMessage} (no
     * {@code message}): the reason it gives is in the exception's {@code detailedMessage()}, and the consumer quotes
     * it.
     */
    @Test
    void failingOnATrimmedPositionQuotesTheServicesReason() throws Exception {
        consume(streamUri("offsetRepository=#offsets&offsetKey=people"));
        NeptuneStreamConsumer consumer = (NeptuneStreamConsumer) context.getRoute("stream").getConsumer();

        await().until(() -> consumer.getErrorCounter() >= 1);

        assertThat(logged("ERROR")).singleElement().asString()
                .contains("(ExpiredStreamException: " + SERVICE_REASON + ")");
        assertThat(consumer.getHealthCheck().call().getError()).get().asString().contains(SERVICE_REASON);
    }

    @Test
    void restartingFromATrimmedPositionQuotesTheServicesReasonInItsWarning() throws Exception {
        consume(streamUri("offsetRepository=#offsets&offsetKey=people&expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON"));

        await().until(() -> received.size() == 6);

        assertThat(logged("WARN")).anySatisfy(m -> assertThat(m)
                .contains("position after 1:2 has been trimmed from the stream (ExpiredStreamException: " + SERVICE_REASON
                          + ")"));
    }

    @Test
    void restartFromTrimHorizonContinuesWithTheOldestRetainedRecordAndWarnsOfTheGap() throws Exception {
        consume(streamUri("offsetRepository=#offsets&offsetKey=people&expiredStreamPolicy=RESTART_FROM_TRIM_HORIZON"));

        await().until(() -> received.size() == 6);

        assertThat(received).containsExactlyElementsOf(positionsOfPeople(3, 5));
        assertThat(offsets.getState("people")).isEqualTo("5:2");
        assertThat(logged("WARN")).anySatisfy(
                m -> assertThat(m).contains("resumed at 3:1", "records after 1:2 and before 3:1 were never delivered"));
    }

    @Test
    void restartFromLatestContinuesWithTheNewestRecordAndWarnsOfTheGap() throws Exception {
        consume(streamUri("offsetRepository=#offsets&offsetKey=people&expiredStreamPolicy=RESTART_FROM_LATEST"));

        await().until(() -> received.size() == 1);
        commitPeople(1);
        await().until(() -> received.size() == 3);

        assertThat(received).containsExactly("5:2", "6:1", "6:2");
        assertThat(logged("WARN")).anySatisfy(
                m -> assertThat(m).contains("resumed at 5:2", "records after 1:2 and before 5:2 were never delivered"));
    }
}
