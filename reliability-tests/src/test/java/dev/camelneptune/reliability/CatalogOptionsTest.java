package dev.camelneptune.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options each component's generated catalog JSON lists (component options and endpoint options, each with its
 * kind, group, label, type, default, enum values, required, secret and autowired flags and description) are exactly the
 * checked-in expectation {@code src/test/resources/catalog/<scheme>-options.json}. The catalog is public interface:
 * tooling, the Spring Boot starters and the docs are generated from it, so a change to it must be a deliberate edit of
 * the expectation (review the diff; {@code -Dcatalog.update=true} rewrites the files).
 */
class CatalogOptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest
    @ValueSource(strings = { "neptune-graph", "neptune-stream" })
    void catalogListsExactlyTheExpectedOptions(String scheme) throws IOException {
        Path expectation = Path.of("src/test/resources/catalog", scheme + "-options.json");
        Map<String, Map<String, JsonNode>> actual = options(catalog(scheme));
        if (Boolean.getBoolean("catalog.update")) {
            Files.writeString(expectation, MAPPER.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        Map<String, Map<String, JsonNode>> expected = MAPPER.readValue(expectation.toFile(), new TypeReference<>() {
        });

        assertThat(differences(expected, actual))
                .as("the catalog options of %s differ from %s: if the change is meant, run the test with"
                    + " -Dcatalog.update=true and review the diff", scheme, expectation)
                .isEmpty();
    }

    /** One line per option missing, added, or with an attribute changed. */
    private static List<String> differences(
            Map<String, Map<String, JsonNode>> expected,
            Map<String, Map<String, JsonNode>> actual) {
        List<String> differences = new ArrayList<>();
        expected.forEach((kind, options) -> {
            Map<String, JsonNode> now = actual.getOrDefault(kind, Map.of());
            options.forEach((name, option) -> {
                if (!now.containsKey(name)) {
                    differences.add(kind + "." + name + " is missing");
                } else {
                    Set<String> attributes = new TreeSet<>();
                    option.fieldNames().forEachRemaining(attributes::add);
                    now.get(name).fieldNames().forEachRemaining(attributes::add);
                    for (String attribute : attributes) {
                        if (!Objects.equals(option.get(attribute), now.get(name).get(attribute))) {
                            differences.add(kind + "." + name + "." + attribute + ": expected " + option.get(attribute)
                                            + " but is " + now.get(name).get(attribute));
                        }
                    }
                }
            });
            now.keySet().stream().filter(name -> !options.containsKey(name))
                    .forEach(name -> differences.add(kind + "." + name + " is new"));
        });
        return differences;
    }

    /** Component and endpoint options by name, without the generator's running index (their order is not API). */
    private static Map<String, Map<String, JsonNode>> options(JsonNode catalog) {
        Map<String, Map<String, JsonNode>> options = new TreeMap<>();
        for (String kind : new String[] { "componentProperties", "properties" }) {
            Map<String, JsonNode> byName = new TreeMap<>();
            catalog.path(kind).properties().forEach(e -> {
                ObjectNode option = e.getValue().deepCopy();
                option.remove("index");
                byName.put(e.getKey(), MAPPER.convertValue(MAPPER.convertValue(option, TreeMap.class), JsonNode.class));
            });
            options.put(kind, byName);
        }
        return options;
    }

    /** The catalog JSON of the component {@code scheme}, next to its class as Camel's generator writes it. */
    private static JsonNode catalog(String scheme) {
        ClassLoader loader = CatalogOptionsTest.class.getClassLoader();
        try (InputStream service = loader.getResourceAsStream("META-INF/services/org/apache/camel/component/" + scheme)) {
            Properties p = new Properties();
            p.load(service);
            String component = p.getProperty("class");
            String json = "META-INF/" + component.substring(0, component.lastIndexOf('.')).replace('.', '/') + "/" + scheme
                          + ".json";
            try (InputStream in = loader.getResourceAsStream(json)) {
                assertThat(in).as(json).isNotNull();
                return MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
