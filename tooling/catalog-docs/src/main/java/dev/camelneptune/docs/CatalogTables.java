package dev.camelneptune.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A component's generated Camel catalog JSON (its {@code componentProperties}, {@code properties} and {@code headers})
 * rendered as asciidoc tables, the way Camel's own component pages show them.
 *
 * <pre>
 * String tables = CatalogTables.fromClasspath("neptune-graph").asciidoc();
 * </pre>
 */
public final class CatalogTables {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TABLE = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                        + "| Name | Description | Default | Type\n";

    private final JsonNode catalog;

    private CatalogTables(JsonNode catalog) {
        this.catalog = catalog;
    }

    /** The catalog JSON as Camel's generator writes it. */
    public static CatalogTables fromJson(String json) {
        try {
            return new CatalogTables(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a catalog JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The catalog of the component {@code scheme} on the classpath: its
     * {@code META-INF/services/org/apache/camel/component/<scheme>} entry names the component class, and the JSON sits
     * next to it as {@code META-INF/<package>/<scheme>.json}.
     */
    public static CatalogTables fromClasspath(String scheme) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties service = new Properties();
        try (InputStream in = open(loader, "META-INF/services/org/apache/camel/component/" + scheme)) {
            service.load(in);
            String componentClass = service.getProperty("class");
            String packagePath = componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/');
            try (InputStream json = open(loader, "META-INF/" + packagePath + "/" + scheme + ".json")) {
                return fromJson(new String(json.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project version the component first appeared in ({@code @UriEndpoint(firstVersion = ...)}). */
    public String firstVersion() {
        return catalog.path("component").path("firstVersion").asText();
    }

    /** The component options, the endpoint's path and query parameters, and the message headers, as asciidoc. */
    public String asciidoc() {
        String title = catalog.path("component").path("title").asText();
        List<JsonNode> path = endpointOptions("path", true);
        List<JsonNode> query = endpointOptions("path", false);
        List<JsonNode> headers = list(catalog.path("headers"));
        StringBuilder doc = new StringBuilder();
        List<JsonNode> component = list(catalog.path("componentProperties"));
        doc.append("=== Component Options\n\nThe ").append(title).append(" component supports ").append(component.size())
                .append(" options, which are listed below.\n\n");
        table(doc, component, false);
        doc.append("\n=== Endpoint Options\n\nThe ").append(title).append(" endpoint is configured using URI syntax:\n\n")
                .append("----\n").append(catalog.path("component").path("syntax").asText()).append("\n----\n\n")
                .append("==== Path Parameters (").append(path.size()).append(" parameters)\n\n");
        table(doc, path, false);
        doc.append("\n==== Query Parameters (").append(query.size()).append(" parameters)\n\n");
        table(doc, query, false);
        doc.append("\n=== Message Headers\n\nThe ").append(title).append(" component supports ").append(headers.size())
                .append(" message headers, which are listed below.\n\n");
        table(doc, headers, true);
        return doc.toString();
    }

    private List<JsonNode> endpointOptions(String kind, boolean matching) {
        return list(catalog.path("properties")).stream()
                .filter(option -> kind.equals(option.path("kind").asText()) == matching)
                .collect(Collectors.toList());
    }

    private static void table(StringBuilder doc, List<JsonNode> options, boolean headers) {
        doc.append(TABLE);
        for (JsonNode option : options) {
            doc.append("| ").append(name(option, headers))
                    .append(" | ").append(description(option))
                    .append(" | ").append(cell(option.path("defaultValue").asText("")))
                    .append(" | ").append(cell(type(option)))
                    .append('\n');
        }
        doc.append("|===\n");
    }

    private static String name(JsonNode option, boolean headers) {
        String name = "*" + option.path("name").asText() + "*";
        String group = option.path("group").asText("");
        if (!group.isEmpty()) {
            name += " (" + group + ")";
        }
        if (headers) {
            String constant = option.path("constantName").asText("");
            name += " +\n`Constant: " + constant.substring(constant.indexOf('#') + 1) + "`";
        }
        return name;
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder();
        if (option.path("required").asBoolean()) {
            text.append("*Required* ");
        }
        text.append(cell(option.path("description").asText("")));
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.path("enum").forEach(value -> values.add(value.asText()));
            text.append("\n\nEnum values:\n\n").append(values.stream().map(v -> "* " + v).collect(Collectors.joining("\n")))
                    .append('\n');
        }
        if (option.path("secret").asBoolean()) {
            text.append(" This option is a secret: it is masked in logs.");
        }
        return text.toString();
    }

    /** The simple Java type; {@code Duration} for a duration, which also takes values like {@code 5s}. */
    private static String type(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "Duration";
        }
        // drop the package of every name, generic arguments included: StateRepository<String, String>
        return option.path("javaType").asText("").replaceAll("[\\w$]+\\.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The entries of a JSON object in order, each with its key as {@code name}. */
    private static List<JsonNode> list(JsonNode object) {
        List<JsonNode> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            entries.add(((ObjectNode) entry.getValue().deepCopy()).put("name", entry.getKey()));
        }
        return entries;
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("not on the classpath: " + resource);
        }
        return in;
    }
}
