package dev.camelneptune.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the generated catalog JSON of our components as the Markdown tables of the root {@code README.md}: a
 * features table, and per component its endpoint options and message headers. A README region between
 * {@code <!-- catalog: NAME START -->} and {@code <!-- catalog: NAME END -->} holds each rendering.
 */
final class CatalogMarkdown {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogMarkdown() {
    }

    /** The catalog JSON of the component {@code scheme} on the class path, found the way Camel finds it. */
    static JsonNode catalog(String scheme) {
        ClassLoader loader = CatalogMarkdown.class.getClassLoader();
        try (InputStream service = loader.getResourceAsStream("META-INF/services/org/apache/camel/component/" + scheme)) {
            Properties p = new Properties();
            p.load(service);
            String type = p.getProperty("class");
            String json = "META-INF/" + type.substring(0, type.lastIndexOf('.')).replace('.', '/') + "/" + scheme + ".json";
            try (InputStream in = loader.getResourceAsStream(json)) {
                return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per component: its URI, what it is (producer or consumer) and its description. */
    static String features(List<JsonNode> catalogs) {
        StringBuilder md = new StringBuilder("| Component | URI | Kind | What it does |\n|---|---|---|---|\n");
        for (JsonNode catalog : catalogs) {
            JsonNode c = catalog.path("component");
            String kind = c.path("consumerOnly").asBoolean() ? "consumer"
                    : c.path("producerOnly").asBoolean() ? "producer" : "producer and consumer";
            md.append("| ").append(c.path("title").asText()).append(" | `").append(c.path("syntax").asText())
                    .append("` | ").append(kind).append(" | ").append(cell(c.path("description").asText())).append(" |\n");
        }
        return md.toString();
    }

    /** The endpoint options (path first, then query) and the message headers of one component. */
    static String reference(JsonNode catalog) {
        String scheme = catalog.path("component").path("scheme").asText();
        StringBuilder md = new StringBuilder();
        List<Map.Entry<String, JsonNode>> options = entries(catalog.path("properties"));
        md.append("Options of `").append(catalog.path("component").path("syntax").asText()).append("` (")
                .append(options.size()).append("):\n\n| Option | Group | Type | Default | Description |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : options) {
            JsonNode o = e.getValue();
            md.append("| `").append(e.getKey()).append('`').append("path".equals(o.path("kind").asText()) ? " (path)" : "")
                    .append(" | ").append(o.path("group").asText()).append(" | ").append(type(o))
                    .append(" | ").append(cell(o.path("defaultValue").asText(""))).append(" | ").append(description(o))
                    .append(" |\n");
        }
        List<Map.Entry<String, JsonNode>> headers = entries(catalog.path("headers"));
        md.append("\nMessage headers of `").append(scheme).append("` (").append(headers.size())
                .append("):\n\n| Header | Type | Description |\n|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : headers) {
            md.append("| `").append(e.getKey()).append("` | ").append(cell(e.getValue().path("javaType").asText()))
                    .append(" | ").append(description(e.getValue())).append(" |\n");
        }
        return md.toString();
    }

    /** The text of the README region {@code name}. */
    static String region(String text, String name) {
        Matcher m = regionPattern(name).matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no region <!-- catalog: " + name + " START --> ... END -->");
        }
        return m.group(2).strip();
    }

    /** The text with region {@code name} holding {@code content}. */
    static String withRegion(String text, String name, String content) {
        return regionPattern(name).matcher(text)
                .replaceFirst("$1\n" + Matcher.quoteReplacement(content.strip()) + "\n$3");
    }

    private static Pattern regionPattern(String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("(<!-- catalog: " + n + " START -->)(.*?)(<!-- catalog: " + n + " END -->)", Pattern.DOTALL);
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder();
        if (option.path("required").asBoolean()) {
            text.append("**Required.** ");
        }
        text.append(cell(option.path("description").asText()));
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
            text.append(" One of: ").append(String.join(", ", values)).append('.');
        }
        if (option.path("secret").asBoolean()) {
            text.append(" Secret: masked in logs.");
        }
        if (option.path("autowired").asBoolean()) {
            text.append(" Autowired from the registry when a single bean of this type exists.");
        }
        return text.toString();
    }

    private static String type(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "Duration";
        }
        String javaType = option.path("javaType").asText().replaceAll("<.*>", "");
        return javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        object.fields().forEachRemaining(list::add);
        return list;
    }
}
