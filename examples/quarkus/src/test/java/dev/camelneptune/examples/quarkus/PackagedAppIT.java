package dev.camelneptune.examples.quarkus;

import java.nio.file.Path;
import java.time.Duration;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.state.AtomicFileStateRepository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}, its own JVM, the classpath Quarkus packaged rather
 * than the test's): it starts, is ready with the stream consumer, and follows the change log to its end, which it
 * proves by the position it writes to its offset file.
 */
@QuarkusIntegrationTest
@WithTestResource(NeptuneLocalResource.class)
class PackagedAppIT {

    NeptuneLocal neptune;

    Path offsets;

    @Test
    void thePackagedAppIsReadyAndFollowsTheChangeLogToItsEnd() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("UP")));

        long lastCommit = neptune.stream().propertyGraph().lastCommitNum();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String position = storedPosition();
            assertThat(position).as("position in %s", offsets).isNotNull();
            assertThat(Long.parseLong(position.substring(0, position.indexOf(':')))).isEqualTo(lastCommit);
        });
    }

    private String storedPosition() {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(offsets);
        repository.start();
        try {
            return repository.getState(NeptuneLocalResource.OFFSET_KEY);
        } finally {
            repository.stop();
        }
    }
}
