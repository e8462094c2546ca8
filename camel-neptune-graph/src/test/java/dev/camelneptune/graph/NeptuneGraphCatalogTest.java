package dev.camelneptune.graph;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog JSON Camel's generator wrote lists every option with a description, and every header. */
class NeptuneGraphCatalogTest {

    private static JsonNode catalog;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in
                = NeptuneGraphCatalogTest.class.getResourceAsStream("/META-INF/dev/camelneptune/graph/neptune-graph.json")) {
            assertThat(in).as("catalog JSON on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyConfigurationOptionIsListedWithADescription() {
        List<String> options = Arrays.stream(NeptuneGraphConfiguration.class.getMethods())
                .map(Method::getName)
                .filter(name -> name.startsWith("set"))
                .map(name -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
                .toList();

        assertThat(options).hasSizeGreaterThan(25).allSatisfy(option -> {
            assertThat(catalog.path("properties").path(option).path("description").asText()).as(option).isNotBlank();
            assertThat(catalog.path("componentProperties").has(option) || "label".equals(option)).as(option).isTrue();
        });
    }

    @Test
    void optionsCarryTheirEnumValuesDefaultsAndSecretFlags() {
        JsonNode properties = catalog.path("properties");

        assertThat(properties.path("operation").path("required").asBoolean()).isTrue();
        assertThat(properties.path("operation").path("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(NeptuneGraphOperations.values()).map(Enum::name).toList());
        assertThat(properties.path("waitPollInterval").path("defaultValue").asText()).isEqualTo("60000");
        assertThat(List.of("accessKey", "secretKey", "sessionToken"))
                .allSatisfy(secret -> assertThat(properties.path(secret).path("secret").asBoolean()).as(secret).isTrue());
        assertThat(properties.path("region").path("secret").asBoolean()).isFalse();
        assertThat(properties.path("neptuneGraphClient").path("autowired").asBoolean()).isTrue();
    }

    @Test
    void everyHeaderIsListedWithADescription() throws IllegalAccessException {
        for (Field constant : NeptuneGraphConstants.class.getFields()) {
            String header = (String) constant.get(null);
            assertThat(catalog.path("headers").path(header).path("description").asText()).as(header).isNotBlank();
        }
        assertThat(catalog.path("headers").size()).isEqualTo(NeptuneGraphConstants.class.getFields().length);
        assertThat(catalog.path("headers").has("CamelNeptuneGraphTaskStatus")).isTrue();
        assertThat(catalog.path("headers").has("CamelNeptuneGraphNextToken")).isTrue();
    }
}
