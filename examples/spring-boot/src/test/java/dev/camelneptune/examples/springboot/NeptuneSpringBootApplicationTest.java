package dev.camelneptune.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.camelneptune.graph.NeptuneGraphComponent;
import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.NeptuneStreamComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spring Boot example against a neptune-local on a free port. The only thing the test changes is where Neptune is
 * ({@code neptune.url}); every component option comes from the example's application.properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NeptuneSpringBootApplicationTest {

    private static final NeptuneLocal NEPTUNE = NeptuneLocal.builder().start().seedDemo();
    private static final Path OFFSETS = temporaryFile();

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("spring-boot-offsets", ".properties");
            Files.delete(file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void neptune(DynamicPropertyRegistry registry) {
        registry.add("neptune.url", () -> NEPTUNE.endpoint().toString());
        registry.add("neptune.offsets-file", () -> OFFSETS.toString());
    }

    @AfterAll
    static void stopNeptune() {
        NEPTUNE.close();
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    StateRepository<String, String> offsets;
    @Autowired
    TestRestTemplate http;

    @Test
    void componentOptionsAreBoundFromApplicationProperties() {
        var stream = camelContext.getComponent("neptune-stream", NeptuneStreamComponent.class).getConfiguration();
        assertThat(stream.getLimit()).isEqualTo(500);
        assertThat(stream.getRegion()).isEqualTo("us-east-1");
        assertThat(stream.getOffsetKey()).isEqualTo("spring-boot-change-log");
        assertThat(stream.getOffsetRepository()).as("#bean:offsets").isSameAs(offsets);

        var graph = camelContext.getComponent("neptune-graph", NeptuneGraphComponent.class).getConfiguration();
        assertThat(graph.isOverrideEndpoint()).isTrue();
        assertThat(graph.getUriEndpointOverride()).isEqualTo(NEPTUNE.endpoint().toString());
        assertThat(graph.getMaxResults()).isEqualTo(50);
    }

    @Test
    void graphProducerReachesNeptuneWithOnlyTheOperationInItsUri() {
        ListImportTasksResponse page = template.requestBody("neptune-graph:tasks?operation=listImportTasks", null,
                ListImportTasksResponse.class);

        assertThat(page.tasks()).extracting(t -> t.taskId())
                .containsExactly("t-demo000001", "t-demo000002", "t-demo000003", "t-demo000004");
    }

    @Test
    void changeLogRouteConsumesTheWholeStreamAndStoresItsPosition() {
        String last = NEPTUNE.stream().propertyGraph().lastCommitNum() + ":";

        await().atMost(Duration.ofSeconds(20))
                .until(() -> String.valueOf(offsets.getState("spring-boot-change-log")).startsWith(last));
        // the bean offsets writes the position to the file neptune.offsets-file names (":" encoded)
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(OFFSETS)
                && Files.readString(OFFSETS).contains("spring-boot-change-log=" + last.replace(":", "%3A")));
    }

    @Test
    void actuatorHealthShowsTheChangeLogConsumerCheck() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Object> health = get("/actuator/health");
            assertThat(health).containsEntry("status", "UP");
            assertThat(camelDetails(health)).containsEntry("consumer:change-log", "UP");
        });
    }

    @Test
    void actuatorMetricsShowTheChangeLogConsumersPositionLagAndRecordsProcessed() {
        long lastCommit = NEPTUNE.stream().propertyGraph().lastCommitNum();
        long records = NEPTUNE.stream().propertyGraph().recordCount();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(meter("camel.neptune.stream.records.processed")).isEqualTo(records);
            assertThat(meter("camel.neptune.stream.position")).isEqualTo(lastCommit);
            assertThat(meter("camel.neptune.stream.lag.commits")).isZero();
            assertThat(meter("camel.neptune.stream.lag")).isZero();
        });
        Map<String, Object> lag = get("/actuator/metrics/camel.neptune.stream.lag");
        assertThat(lag).containsEntry("baseUnit", "milliseconds");
        assertThat(lag.get("availableTags").toString()).contains("change-log").contains("propertygraph");
    }

    /** The value of a change-log meter as /actuator/metrics shows it. */
    @SuppressWarnings("unchecked")
    private double meter(String name) {
        Map<String, Object> metric = get("/actuator/metrics/" + name + "?tag=routeId:change-log&tag=streamType:propertygraph");
        assertThat(metric).as(name).containsKey("measurements");
        var measurements = (java.util.List<Map<String, Object>>) metric.get("measurements");
        return ((Number) measurements.get(0).get("value")).doubleValue();
    }

    private Map<String, Object> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() {
        }).getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> camelDetails(Map<String, Object> health) {
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).containsKey("camelHealth");
        return (Map<String, Object>) ((Map<String, Object>) components.get("camelHealth")).get("details");
    }

}
