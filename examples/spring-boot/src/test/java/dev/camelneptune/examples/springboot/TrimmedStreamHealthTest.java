package dev.camelneptune.examples.springboot;

import java.time.Duration;
import java.util.Map;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health endpoint reports the change-log consumer's own state: when the position it resumes from has been trimmed
 * from the stream, the consumer stops (its default expiredStreamPolicy) and {@code /actuator/health} turns DOWN, naming
 * that consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.neptune-stream.offset-repository = #bean:trimmedOffsets")
class TrimmedStreamHealthTest {

    private static final NeptuneLocal NEPTUNE = NeptuneLocal.builder().start().seedDemo();

    static {
        // the consumer last processed 1:2; commits 1 and 2 are gone by the time it comes back
        NEPTUNE.stream().propertyGraph().trimBefore(3);
    }

    @DynamicPropertySource
    static void neptune(DynamicPropertyRegistry registry) {
        registry.add("neptune.url", () -> NEPTUNE.endpoint().toString());
    }

    @AfterAll
    static void stopNeptune() {
        NEPTUNE.close();
    }

    @TestConfiguration
    static class StoredPosition {
        @Bean
        StateRepository<String, String> trimmedOffsets() {
            MemoryStateRepository offsets = new MemoryStateRepository();
            offsets.setState("spring-boot-change-log", "1:2");
            return offsets;
        }
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void actuatorHealthIsDownForTheChangeLogConsumerWhenItsPositionWasTrimmed() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ResponseEntity<Map<String, Object>> health = http.exchange("/actuator/health", HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() {
                    });
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(health.getBody()).containsEntry("status", "DOWN");
            assertThat(camelDetails(health.getBody())).containsEntry("consumer:change-log", "DOWN");
            assertThat(health.getBody().toString()).contains("has been trimmed");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> camelDetails(Map<String, Object> health) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        return (Map<String, Object>) ((Map<String, Object>) components.get("camelHealth")).get("details");
    }
}
