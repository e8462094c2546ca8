package dev.camelneptune.stream;

import java.util.List;

import org.apache.camel.health.HealthCheck;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reason Neptune gives for an error reaches the user wherever the consumer reports the error: the consumer's
 * health, the last error the dev console shows, the WARN of a failed poll. The engine sends it as
 * {@code detailedMessage} (its documented body is {@code requestId}, {@code code}, {@code detailedMessage}), which the
 * SDK does not copy into the exception's message, as neptune-local does.
 */
class ServiceErrorReasonTest extends NeptuneStreamTestSupport {

    private ListAppender log;

    @BeforeEach
    void captureLog() {
        log = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender("list");
        log.clear();
    }

    /** What each WARN says, with the exception it carries. */
    private List<String> warnings() {
        return log.getEvents().stream().filter(e -> e.getLevel().name().equals("WARN"))
                .map(e -> e.getMessage().getFormattedMessage() + (e.getThrown() != null ? " " + e.getThrown() : ""))
                .toList();
    }

    private NeptuneStreamConsumer<?> streamConsumer() {
        return (NeptuneStreamConsumer<?>) context.getRoute("stream").getConsumer();
    }

    /** The health check Camel's registry reports for the consumer is DOWN and its error says what Neptune said. */
    private void awaitDownBecause(String reason) {
        await().untilAsserted(() -> {
            HealthCheck.Result health = streamConsumer().getHealthCheck().call();
            assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health.getError()).get().asString().contains(reason);
        });
    }

    @Test
    void aThrottlingStormTakesHealthDownWithTheServicesReason() throws Exception {
        commitPeople(1);
        neptune.faults().throttleNext(1_000);
        consume(streamUri("iteratorType=TRIM_HORIZON"));

        awaitDownBecause("ThrottlingException: injected fault: ThrottlingException");
        assertThat(streamConsumer().getMetrics().getLastError()).contains("injected fault: ThrottlingException");
        assertThat(warnings()).anySatisfy(m -> assertThat(m).contains("injected fault: ThrottlingException"));
        assertThat(received).isEmpty();
    }

    /** A 400 InvalidParameterException: opNum past the end of its commit, which only the server can know. */
    @Test
    void aBadParameterTakesHealthDownWithTheServicesReason() throws Exception {
        commitPeople(1);
        consume(streamUri("iteratorType=AT_SEQUENCE_NUMBER&commitNum=1&opNum=9"));

        awaitDownBecause("InvalidParameterException: opNum 9 is out of range: commit 1 has 2 operations");
        assertThat(streamConsumer().getMetrics().getLastError()).contains("opNum 9 is out of range");
        assertThat(warnings()).anySatisfy(m -> assertThat(m).contains("opNum 9 is out of range"));
        assertThat(received).isEmpty();
    }
}
