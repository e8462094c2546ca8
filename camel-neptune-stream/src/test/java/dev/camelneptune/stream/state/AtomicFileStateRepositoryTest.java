package dev.camelneptune.stream.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AtomicFileStateRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void aNewInstanceReadsWhatTheLastOneWrote() throws Exception {
        Path file = dir.resolve("offsets/stream.state");
        AtomicFileStateRepository first = new AtomicFileStateRepository(file);
        first.start();
        first.setState("http://localhost:8182/propertygraph", "120:3");
        first.setState("key with = and\nnewline", "value: with = too");
        first.setState("http://localhost:8182/propertygraph", "121:1");
        first.stop();

        AtomicFileStateRepository second = new AtomicFileStateRepository(file);
        second.start();

        assertThat(second.getState("http://localhost:8182/propertygraph")).isEqualTo("121:1");
        assertThat(second.getState("key with = and\nnewline")).isEqualTo("value: with = too");
        assertThat(second.getState("unknown")).isNull();
    }

    /** Properties files and the YAML DSL's beans give every value as text: the file is set by its name. */
    @Test
    void camelBindsItsPropertiesFromText() throws Exception {
        Path file = dir.resolve("offsets.properties");
        AtomicFileStateRepository repository = new AtomicFileStateRepository();

        try (CamelContext context = new DefaultCamelContext()) {
            PropertyBindingSupport.build().withCamelContext(context).withTarget(repository).withProperties(
                    new HashMap<>(Map.of("fileName", file.toString(), "flushInterval", "0", "sync", "true"))).bind();
        }

        assertThat(repository.getFile()).isEqualTo(file);
        assertThat(repository.getFlushInterval()).isZero();
        assertThat(repository.isSync()).isTrue();
    }

    @Test
    void eachWriteReplacesTheFileInsteadOfRewritingItInPlace() throws Exception {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        repository.setFlushInterval(0);
        repository.start();
        repository.setState("k", "1:1");
        Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        repository.setState("k", "1:2");

        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(before);
        assertThat(Files.readString(file)).isEqualTo("k=1%3A2\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void changesAreWrittenWithinTheFlushIntervalWithoutAStop() throws Exception {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        repository.setFlushInterval(50);
        repository.start();
        try {
            repository.setState("k", "1:1");
            repository.setState("k", "9:4");

            await().until(() -> Files.exists(file) && Files.readString(file).equals("k=9%3A4\n"));
        } finally {
            repository.stop();
        }
    }

    @Test
    void aFailedBackgroundWriteIsTriedAgainOnTheNextTick() throws Exception {
        // the state file's folder cannot be created while a plain file stands in its place
        Path blocker = Files.writeString(dir.resolve("blocked"), "not a folder");
        Path file = blocker.resolve("stream.state");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        repository.setFlushInterval(20);
        repository.start();
        try {
            repository.setState("k", "5:2");
            // a background write has failed (and nothing was written)
            await().until(() -> repository.getWriteFailures() >= 1);
            assertThat(Files.exists(file)).isFalse();

            Files.delete(blocker);

            await().until(() -> Files.exists(file) && Files.readString(file).equals("k=5%3A2\n"));
        } finally {
            repository.stop();
        }
    }
}
