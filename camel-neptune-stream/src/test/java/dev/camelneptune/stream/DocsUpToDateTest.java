package dev.camelneptune.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelneptune.docs.CatalogTables;
import dev.camelneptune.docs.MarkedRegion;
import dev.camelneptune.stream.change.ElementChangeConverter;
import dev.camelneptune.stream.change.ElementChanges;
import dev.camelneptune.stream.change.Records;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of the component page are what the generated catalog says, and its snippets are the
 * files the tests run; -Ddocs.update=true rewrites them.
 */
class DocsUpToDateTest {

    private static final Path PAGE = Path.of("src/main/docs/neptune-stream-component.adoc");
    private static final String MARKER = "catalog tables";

    @Test
    void optionAndHeaderTablesMatchTheCatalog() {
        String rendered = CatalogTables.fromClasspath("neptune-stream").asciidoc();
        if (Boolean.getBoolean("docs.update")) {
            MarkedRegion.replace(PAGE, MARKER, rendered);
        }

        assertThat(MarkedRegion.read(PAGE, MARKER))
                .as("%s is out of date with the catalog: run the tests with -Ddocs.update=true", PAGE)
                .isEqualTo(rendered.strip());
    }

    @Test
    void theElementChangesExampleIsWhatTheConverterWrites() throws IOException {
        // alice renamed (commit 2), then bob dropped with the edge k1 (commit 3), in one batch
        ElementChanges changes = ElementChanges.fold(List.of(
                Records.vp(2, 1, "REMOVE", "alice", "name", "Alice"),
                Records.vp(2, 2, "ADD", "alice", "name", "Alicia"),
                Records.ep(3, 1, "REMOVE", "k1", "since", 2019),
                Records.e(3, 2, "REMOVE", "k1", "knows", "alice", "bob"),
                Records.vp(3, 3, "REMOVE", "bob", "name", "Bob"),
                Records.vl(3, 4, "REMOVE", "bob", "person")));

        assertRegion("element changes example", listing("json", layOut(ElementChangeConverter.toJson(changes))));
    }

    /** The converter's JSON array with one field of each change a line (it writes it all on one line). */
    private static String layOut(String json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder out = new StringBuilder("[");
        String separator = " ";
        for (JsonNode change : mapper.readTree(json)) {
            out.append(separator).append("{\n");
            List<String> fields = new ArrayList<>();
            change.fields().forEachRemaining(
                    field -> fields.add("  \"" + field.getKey() + "\": " + field.getValue().toString()));
            out.append(String.join(",\n", fields)).append("\n}");
            separator = ", ";
        }
        return out.append(" ]").toString();
    }

    private static String listing(String language, String content) {
        return "[source," + language + "]\n----\n" + content.strip() + "\n----";
    }

    /** The page's region {@code marker} holds {@code content}; -Ddocs.update=true writes it there. */
    private static void assertRegion(String marker, String content) {
        if (Boolean.getBoolean("docs.update")) {
            MarkedRegion.replace(PAGE, marker, content);
        }
        assertThat(MarkedRegion.read(PAGE, marker))
                .as("%s, region '%s', is out of date: run the tests with -Ddocs.update=true", PAGE, marker)
                .isEqualTo(content.strip());
    }

    /** The page's "Since" is the project version the catalog gives (the endpoint's firstVersion), not a Camel one. */
    @Test
    void sinceIsTheProjectVersionOfTheCatalog() throws IOException {
        String firstVersion = CatalogTables.fromClasspath("neptune-stream").firstVersion();

        assertThat(firstVersion).isNotBlank();
        // camel-package-maven-plugin writes the major.minor of firstVersion, as Camel's pages show "Since Camel 4.18"
        String since = firstVersion.replaceFirst("^(\\d+\\.\\d+).*", "$1");
        assertThat(Files.readString(PAGE)).contains(":since: " + since + "\n", "\n*Since camel-neptune {since}*\n");
    }

    /** Camel's Antora include::partial$ lines resolve only on Camel's own site: the tables above replace them. */
    @Test
    void pageHasNoIncludeThatResolvesNowhere() throws IOException {
        assertThat(Files.readString(PAGE)).doesNotContain("include::");
    }
}
