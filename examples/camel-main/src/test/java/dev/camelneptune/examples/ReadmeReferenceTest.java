package dev.camelneptune.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features table and the option and header tables of the root {@code README.md} are what the components' generated
 * catalog JSON says, so they cannot drift. {@code -Ddocs.update=true} rewrites them.
 */
class ReadmeReferenceTest {

    private static final Path README = Path.of("../../README.md");
    private static final List<String> SCHEMES = List.of("neptune-graph", "neptune-stream");

    @Test
    void featuresTableMatchesTheCatalog() throws IOException {
        List<JsonNode> catalogs = SCHEMES.stream().map(CatalogMarkdown::catalog).toList();
        check("features", CatalogMarkdown.features(catalogs));
    }

    @Test
    void neptuneGraphOptionAndHeaderTablesMatchTheCatalog() throws IOException {
        check("neptune-graph", CatalogMarkdown.reference(CatalogMarkdown.catalog("neptune-graph")));
    }

    @Test
    void neptuneStreamOptionAndHeaderTablesMatchTheCatalog() throws IOException {
        check("neptune-stream", CatalogMarkdown.reference(CatalogMarkdown.catalog("neptune-stream")));
    }

    private static void check(String region, String rendered) throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("docs.update")) {
            text = CatalogMarkdown.withRegion(text, region, rendered);
            Files.writeString(README, text, StandardCharsets.UTF_8);
        }
        assertThat(CatalogMarkdown.region(text, region))
                .as("%s region '%s' is out of date with the catalog: run the tests with -Ddocs.update=true", README, region)
                .isEqualTo(rendered.strip());
    }
}
