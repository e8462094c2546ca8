package dev.camelneptune.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ZooKeeper and JDBC set-up the component page's "Several nodes" section shows is the one
 * {@link ZooKeeperFailOverTest}'s nodes run ({@link FailOverNodeProcess}), line for line.
 */
class SeveralNodesSnippetTest {

    private static final Path PAGE = Path.of("../camel-neptune-stream/src/main/docs/neptune-stream-component.adoc");
    private static final Path NODE = Path.of("src/test/java/dev/camelneptune/reliability/FailOverNodeProcess.java");
    private static final String MARKER = "several nodes snippet";

    @Test
    void theComponentPageShowsTheSetUpTheZooKeeperFailOverNodesRun() throws IOException {
        List<String> page = region(PAGE).stream().filter(line -> !line.equals("[source,java]") && !line.equals("----"))
                .toList();

        assertThat(String.join("\n", page)).as("%s, between the '%s' markers", PAGE, MARKER)
                .isEqualTo(String.join("\n", region(NODE)));
    }

    /** The lines between {@code // <marker>: START} and {@code // <marker>: END}, without their common indentation. */
    private static List<String> region(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = indexOf(lines, "// " + MARKER + ": START", file);
        int end = indexOf(lines, "// " + MARKER + ": END", file);
        List<String> region = lines.subList(start + 1, end);
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return region.stream().map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing())
                .collect(Collectors.toList());
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException(file + " has no line " + marker);
    }
}
