package dev.camelneptune.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.camelneptune.docs.CatalogTables;
import dev.camelneptune.docs.MarkedRegion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of the component page are what the generated catalog says; -Ddocs.update=true rewrites
 * them.
 */
class DocsUpToDateTest {

    private static final Path PAGE = Path.of("src/main/docs/neptune-graph-component.adoc");
    private static final String MARKER = "catalog tables";

    @Test
    void optionAndHeaderTablesMatchTheCatalog() {
        String rendered = CatalogTables.fromClasspath("neptune-graph").asciidoc();
        if (Boolean.getBoolean("docs.update")) {
            MarkedRegion.replace(PAGE, MARKER, rendered);
        }

        assertThat(MarkedRegion.read(PAGE, MARKER))
                .as("%s is out of date with the catalog: run the tests with -Ddocs.update=true", PAGE)
                .isEqualTo(rendered.strip());
    }

    /** The page's "Since" is the project version the catalog gives (the endpoint's firstVersion), not a Camel one. */
    @Test
    void sinceIsTheProjectVersionOfTheCatalog() throws IOException {
        String firstVersion = CatalogTables.fromClasspath("neptune-graph").firstVersion();

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
