package dev.camelneptune.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkedRegionTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheMarkedRegion() throws IOException {
        Path file = Files.writeString(dir.resolve("page.adoc"), "before\n// tables: START\nold\n// tables: END\nafter\n");

        assertThat(MarkedRegion.replace(file, "tables", "new\nlines\n")).isTrue();

        assertThat(Files.readString(file)).isEqualTo("before\n// tables: START\nnew\nlines\n// tables: END\nafter\n");
        assertThat(MarkedRegion.read(file, "tables")).isEqualTo("new\nlines");
        assertThat(MarkedRegion.replace(file, "tables", "new\nlines")).as("already up to date").isFalse();
    }

    @Test
    void aFileWithoutTheMarkersIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("page.adoc"), "no markers\n");

        assertThatThrownBy(() -> MarkedRegion.read(file, "tables")).hasMessageContaining("// tables: START");
    }
}
