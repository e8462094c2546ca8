package dev.camelneptune.examples;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The README's command, in process: it starts everything itself and ends by itself once the demo is over. */
class DemoCommandTest {

    @Test
    void demoEndsByItselfOnceTheImportSucceededAndEveryChangeWentBy() {
        // a small backlog and a fast clock keep it short; the default command runs the same code
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> NeptuneDemo.run("--backlog", "2000", "--speed", "100"));

        // 17 records in the demo change log, then the backlog
        assertThat(outcome).matches("demo done in [\\d.]+ s: task t-[a-z0-9]{10} SUCCEEDED; 2,017 changes followed");
    }
}
