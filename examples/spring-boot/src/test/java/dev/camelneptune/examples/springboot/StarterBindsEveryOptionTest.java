package dev.camelneptune.examples.springboot;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each starter binds every component option its component's catalog lists (the inherited AWS client options included)
 * from {@code camel.component.<scheme>.<kebab-case-name>} onto the component, as its auto-configuration does: the
 * generated configuration class is bound by Spring's binder and copied onto the component. Each option gets a value
 * other than its default, so an option the starter misses keeps its default and fails. Object options (clients, the
 * offset repository) are bound by bean reference and are left to the application tests.
 */
class StarterBindsEveryOptionTest {

    @ParameterizedTest
    @ValueSource(strings = { "neptune-graph", "neptune-stream" })
    void everyComponentOptionIsBoundFromPropertiesOntoTheComponent(String scheme) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            JsonNode options = new ObjectMapper().readTree(camel.getComponentParameterJsonSchema(scheme))
                    .path("componentProperties");
            Map<String, String> properties = new HashMap<>();
            options.properties().forEach(e -> {
                String value = sample(e.getValue());
                if (value != null) {
                    properties.put("camel.component." + scheme + "." + kebab(e.getKey()), value);
                }
            });
            Component component = camel.getComponent(scheme);
            String starter = component.getClass().getPackageName() + ".springboot."
                             + component.getClass().getSimpleName() + "Configuration";

            Object bound = new Binder(new MapConfigurationPropertySource(properties))
                    .bind("camel.component." + scheme, Class.forName(starter)).get();
            CamelPropertiesHelper.copyProperties(camel, bound, component);

            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            assertThat(properties).hasSizeGreaterThan(20);
            properties.forEach((property, value) -> {
                String option = options.properties().stream().map(Map.Entry::getKey)
                        .filter(name -> property.endsWith("." + kebab(name))).findFirst().orElseThrow();
                assertThat(String.valueOf(getter.getOptionValue(component, option, false))).as(option)
                        .isEqualToIgnoringCase(value);
            });
        }
    }

    /** A value other than the option's default, or null for an object option. */
    private static String sample(JsonNode option) {
        String defaultValue = option.path("defaultValue").asText("");
        return switch (option.path("type").asText()) {
            case "boolean" -> "true".equals(defaultValue) ? "false" : "true";
            case "integer", "duration" -> "7".equals(defaultValue) ? "8" : "7";
            case "string" -> "value-of-" + option.path("displayName").asText().replace(' ', '-');
            case "enum" -> {
                JsonNode values = option.path("enum");
                String last = values.get(values.size() - 1).asText();
                yield last.equals(defaultValue) ? values.get(0).asText() : last;
            }
            default -> null;
        };
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
