package dev.camelneptune.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user documents' code snippets are rendered from the files the tests run (see {@link Snippets});
 * {@code -Ddocs.update=true} renders them again. A Java, XML, YAML or properties block a user may copy sits in a
 * snippet region: only commands and program output are written in the page itself.
 */
class DocsSnippetsUpToDateTest {

    /** The repository root, from this module's directory. */
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
    private static final Pattern MARKDOWN_BLOCK = Pattern.compile("(?m)^```(java|xml|yaml|properties)$");
    private static final Pattern ASCIIDOC_BLOCK = Pattern.compile("(?m)^\\[source,(java|xml|yaml|properties)]$");

    @ParameterizedTest
    @ValueSource(strings = {
            "README.md", "examples/README.md", "examples/QUARKUS.md", "docs/reliability.md",
            "docs/faults-and-bad-input.md", "BENCHMARKS.md", "neptune-local/README.md",
            "camel-neptune-graph/src/main/docs/neptune-graph-component.adoc",
            "camel-neptune-stream/src/main/docs/neptune-stream-component.adoc" })
    void snippetsAreRenderedFromTheFilesTheTestsRun(String document) throws IOException {
        Path page = ROOT.resolve(document);
        if (Boolean.getBoolean("docs.update")) {
            Snippets.update(ROOT, page);
        }

        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .as("%s is out of date with its snippets' files: run the tests with -Ddocs.update=true", document)
                .isEqualTo(Snippets.render(ROOT, page));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "README.md", "examples/README.md", "examples/QUARKUS.md", "docs/reliability.md", "BENCHMARKS.md",
            "neptune-local/README.md", "camel-neptune-graph/src/main/docs/neptune-graph-component.adoc",
            "camel-neptune-stream/src/main/docs/neptune-stream-component.adoc" })
    void everyCodeBlockAUserMayCopyIsASnippet(String document) throws IOException {
        Path page = ROOT.resolve(document);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        boolean markdown = document.endsWith(".md");

        List<Integer> outside = new ArrayList<>();
        Matcher block = (markdown ? MARKDOWN_BLOCK : ASCIIDOC_BLOCK).matcher(text);
        while (block.find()) {
            String before = text.substring(0, block.start());
            int opened = before.lastIndexOf(markdown ? "<!-- snippet " : "// snippet ");
            boolean inRegion = opened >= 0 && before.indexOf('\n', opened) == before.length() - 1
                    && before.substring(opened).strip().endsWith(markdown ? ": START -->" : ": START");
            if (!inRegion) {
                outside.add(before.split("\n", -1).length);
            }
        }
        assertThat(outside).as("lines of %s with a code block that is no snippet", document).isEmpty();
    }
}
