package dev.camelneptune.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnippetsTest {

    @TempDir
    Path root;

    @Test
    void aMarkdownRegionBecomesAFencedBlockOfTheTaggedPartUnindented() throws IOException {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/pom.xml"), """
                <project>
                    <!-- tag::deps[] -->
                    <dependencies>
                        <!-- tag::inner[] -->
                        <dependency/>
                        <!-- end::inner[] -->
                    </dependencies>
                    <!-- end::deps[] -->
                </project>
                """);
        Path page = Files.writeString(root.resolve("README.md"), """
                Add:

                <!-- snippet app/pom.xml#deps: START -->
                stale
                <!-- snippet app/pom.xml#deps: END -->

                Done.
                """);

        assertThat(Snippets.update(root, page)).isTrue();

        assertThat(Files.readString(page)).isEqualTo("""
                Add:

                <!-- snippet app/pom.xml#deps: START -->
                ```xml
                <dependencies>
                    <dependency/>
                </dependencies>
                ```
                <!-- snippet app/pom.xml#deps: END -->

                Done.
                """);
        assertThat(Snippets.update(root, page)).as("already up to date").isFalse();
        assertThat(Snippets.references(page)).containsExactly("app/pom.xml#deps");
    }

    @Test
    void anAsciidocRegionBecomesASourceBlockOfTheWholeFile() throws IOException {
        Files.writeString(root.resolve("Route.java"), "class Route {\n}\n");
        Path page = Files.writeString(root.resolve("page.adoc"), """
                // snippet Route.java: START
                // snippet Route.java: END
                """);

        assertThat(Snippets.render(root, page)).isEqualTo("""
                // snippet Route.java: START
                [source,java]
                ----
                class Route {
                }
                ----
                // snippet Route.java: END
                """);
    }

    @Test
    void aMissingFileOrTagIsAnError() throws IOException {
        Files.writeString(root.resolve("a.yaml"), "x: 1\n");
        Path missingFile = Files.writeString(root.resolve("one.md"),
                "<!-- snippet b.yaml: START -->\n<!-- snippet b.yaml: END -->\n");
        Path missingTag = Files.writeString(root.resolve("two.md"),
                "<!-- snippet a.yaml#t: START -->\n<!-- snippet a.yaml#t: END -->\n");

        assertThatThrownBy(() -> Snippets.render(root, missingFile)).hasMessageContaining("no file");
        assertThatThrownBy(() -> Snippets.render(root, missingTag)).hasMessageContaining("tag::t[]");
    }
}
