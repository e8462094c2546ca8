package dev.camelneptune.kamelets;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Kamelet, as shipped in the jar, against the Kamelet catalog's format and against the component it wraps: what
 * the runtime tests cannot see (an option a route never sets, a secret shown in a UI as plain text).
 */
class KameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([^}]+)}}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern OVERRIDES = Pattern.compile("Overrides the (\\w+) option");

    @ParameterizedTest
    @CsvSource({ "neptune-stream-source, source, camel-neptune-stream", "neptune-graph-action, action, camel-neptune-graph" })
    @SuppressWarnings("unchecked")
    void theKameletFollowsTheCatalogFormat(String name, String type, String artifact) throws Exception {
        Map<String, Object> kamelet = load(name);

        assertThat(kamelet.get("apiVersion")).isEqualTo("camel.apache.org/v1");
        assertThat(kamelet.get("kind")).isEqualTo("Kamelet");
        assertThat(at(kamelet, "metadata", "name")).isEqualTo(name);
        assertThat(map(at(kamelet, "metadata", "labels"))).containsEntry("camel.apache.org/kamelet.type", type);
        assertThat(map(at(kamelet, "metadata", "annotations"))).containsKeys("camel.apache.org/kamelet.support.level",
                "camel.apache.org/provider", "camel.apache.org/kamelet.group")
                .containsEntry("camel.apache.org/catalog.version", System.getProperty("project.version"));
        String icon = (String) map(at(kamelet, "metadata", "annotations")).get("camel.apache.org/kamelet.icon");
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8))
                .startsWith("<svg ").endsWith("</svg>\n");
        assertThat(at(kamelet, "spec", "definition", "type")).isEqualTo("object");
        assertThat((List<Object>) at(kamelet, "spec", "dependencies")).containsExactly("camel:kamelet",
                "mvn:dev.camelneptune:" + artifact + ":" + System.getProperty("project.version"));

        Map<String, Object> properties = map(at(kamelet, "spec", "definition", "properties"));
        properties.forEach(
                (property, schema) -> assertThat(map(schema)).as(property).containsKeys("title", "description", "type"));
        assertThat(properties).containsKeys(((List<?>) at(kamelet, "spec", "definition", "required")).toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({ "neptune-stream-source, neptune-stream", "neptune-graph-action, neptune-graph" })
    void everyPropertyIsUsedByTheTemplateAndEveryTemplateParameterIsAnOptionOfTheComponent(String name, String component)
            throws Exception {
        Map<String, Object> kamelet = load(name);
        Map<String, Object> properties = map(at(kamelet, "spec", "definition", "properties"));
        Map<String, Object> componentEndpoint = endpoint(kamelet, component);
        JsonNode options = componentOptions(component);

        Set<String> used = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(String.valueOf(at(kamelet, "spec", "template")));
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        assertThat(used).as("placeholders in the template").containsExactlyInAnyOrderElementsOf(properties.keySet());

        Set<String> parameters = new LinkedHashSet<>(map(componentEndpoint.get("parameters")).keySet());
        assertThat(parameters).allSatisfy(parameter -> assertThat(options.has(parameter))
                .as("%s is an endpoint option of %s", parameter, component).isTrue());
    }

    /**
     * A user reads the description first: every option of the component it names is a property of the Kamelet, and so
     * is the option of every header it names that overrides one (the catalog says "Overrides the x option").
     */
    @ParameterizedTest
    @CsvSource({ "neptune-stream-source, neptune-stream", "neptune-graph-action, neptune-graph" })
    void everyPropertyTheDescriptionNamesExists(String name, String component) throws Exception {
        Map<String, Object> kamelet = load(name);
        Set<String> properties = map(at(kamelet, "spec", "definition", "properties")).keySet();
        String description = String.valueOf(at(kamelet, "spec", "definition", "description"));
        JsonNode catalog = componentCatalog(component);
        JsonNode options = catalog.get("properties");

        Set<String> named = new TreeSet<>();
        Matcher words = WORD.matcher(description);
        while (words.find()) {
            String word = words.group();
            if (options.has(word)) {
                named.add(word);
            }
            Matcher overrides = OVERRIDES.matcher(catalog.path("headers").path(word).path("description").asText());
            if (overrides.find()) {
                named.add(overrides.group(1));
            }
        }

        assertThat(named).as("options the description of %s names", name).isNotEmpty();
        assertThat(properties).as("properties of %s", name).containsAll(named);
    }

    @ParameterizedTest
    @CsvSource({ "neptune-stream-source, neptune-stream", "neptune-graph-action, neptune-graph" })
    @SuppressWarnings("unchecked")
    void everySecretOfTheComponentIsAPasswordInTheKamelet(String name, String component) throws Exception {
        Map<String, Object> properties = map(at(load(name), "spec", "definition", "properties"));
        JsonNode options = componentOptions(component);

        Set<String> secrets = new TreeSet<>();
        options.fields().forEachRemaining(option -> {
            if (option.getValue().path("secret").asBoolean() && properties.containsKey(option.getKey())) {
                secrets.add(option.getKey());
            }
        });
        assertThat(secrets).containsExactlyInAnyOrder("accessKey", "secretKey", "sessionToken");
        for (String secret : secrets) {
            Map<String, Object> schema = map(properties.get(secret));
            assertThat(schema).as(secret).containsEntry("format", "password");
            assertThat((List<Object>) schema.get("x-descriptors")).as(secret)
                    .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
        }
        properties.forEach((property, schema) -> {
            if (!secrets.contains(property)) {
                assertThat(map(schema)).as("%s is no secret", property).doesNotContainKey("format");
            }
        });
    }

    /** The kamelet's {@code from} (a source) or its {@code to} step (an action) on {@code component}. */
    private static Map<String, Object> endpoint(Map<String, Object> kamelet, String component) {
        Map<String, Object> from = map(at(kamelet, "spec", "template", "from"));
        if (String.valueOf(from.get("uri")).startsWith(component + ":")) {
            return from;
        }
        for (Object step : (List<?>) from.get("steps")) {
            Object to = map(step).get("to");
            if (to instanceof Map<?, ?> toMap && String.valueOf(toMap.get("uri")).startsWith(component + ":")) {
                return map(to);
            }
        }
        throw new AssertionError("no endpoint of " + component + " in the template");
    }

    /** The endpoint options (properties) of the component's generated catalog JSON. */
    private static JsonNode componentOptions(String component) throws Exception {
        return componentCatalog(component).get("properties");
    }

    /** The component's generated catalog JSON. */
    private static JsonNode componentCatalog(String component) throws Exception {
        try (CatalogCamelContext context = new DefaultCamelContext()) {
            return new ObjectMapper().readTree(context.getComponentParameterJsonSchema(component));
        }
    }

    private static Map<String, Object> load(String name) throws Exception {
        try (InputStream in = KameletDefinitionTest.class.getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml on the classpath", name).isNotNull();
            return map(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
    }

    private static Object at(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            node = map(node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
