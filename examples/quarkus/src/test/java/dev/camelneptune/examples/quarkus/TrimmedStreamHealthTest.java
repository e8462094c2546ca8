package dev.camelneptune.examples.quarkus;

import java.time.Duration;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The consumer last processed 1:2, and commits 1 and 2 are gone from the stream by the time the app starts: the
 * consumer stops (its default expiredStreamPolicy) and /q/health/ready turns DOWN, saying why.
 */
@QuarkusTest
@WithTestResource(value = NeptuneLocalResource.class, initArgs = {
        @ResourceArg(name = "trimBefore", value = "3"),
        @ResourceArg(name = "storedPosition", value = "1:2") })
class TrimmedStreamHealthTest {

    @Test
    void readinessIsDownWithTheReasonWhenTheStoredPositionWasTrimmed() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camel-consumers' }.data.'route.id'", equalTo("change-log"))
                .body(containsString("has been trimmed")));
    }
}
