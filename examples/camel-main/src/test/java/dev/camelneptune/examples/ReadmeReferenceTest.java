package dev.camelneptune.examples;

import java.nio.file.Path;
import java.util.List;

import dev.camelneptune.docs.CatalogTables;
import dev.camelneptune.docs.MarkedRegion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features table and the option and header tables of the root {@code README.md} are what the components'
 * generated catalog JSON says, so they cannot drift. {@code -Ddocs.update=true} rewrites them.
 */
class ReadmeReferenceTest {

    private static final Path README = Path.of("../../README.md");

    @Test
    void featuresTableMatchesTheCatalog() {
        check("features", CatalogTables.markdownFeatures(
                List.of(CatalogTables.fromClasspath("neptune-graph"), CatalogTables.fromClasspath("neptune-stream"))));
    }

    @Test
    void neptuneGraphOptionAndHeaderTablesMatchTheCatalog() {
        check("neptune-graph", CatalogTables.fromClasspath("neptune-graph").markdown());
    }

    @Test
    void neptuneStreamOptionAndHeaderTablesMatchTheCatalog() {
        check("neptune-stream", CatalogTables.fromClasspath("neptune-stream").markdown());
    }

    private static void check(String region, String rendered) {
        String start = "<!-- catalog: " + region + " START -->";
        String end = "<!-- catalog: " + region + " END -->";
        if (Boolean.getBoolean("docs.update")) {
            MarkedRegion.replace(README, start, end, rendered);
        }
        assertThat(MarkedRegion.read(README, start, end))
                .as("%s region '%s' is out of date with the catalog: run the tests with -Ddocs.update=true", README, region)
                .isEqualTo(rendered.strip());
    }
}
