package dev.camelneptune.stream.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

import dev.camelneptune.stream.StreamPosition;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AtomicFileStateRepositoryTest {

    @TempDir
    Path dir;

    private final java.util.List<AtomicFileStateRepository> started = new java.util.ArrayList<>();

    @AfterEach
    void stopRepositories() {
        started.forEach(AtomicFileStateRepository::stop);
    }

    /** A repository on {@code file} claiming as {@code owner}: two on one file play two processes of one host. */
    private AtomicFileStateRepository node(Path file, String owner, long flushInterval) {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file);
        repository.setOwner(owner);
        repository.setFlushInterval(flushInterval);
        repository.start();
        started.add(repository);
        return repository;
    }

    @Test
    void eachClaimRaisesTheEpochKeptInTheFileAndStartsFromTheStoredPosition() {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository a = node(file, "node-a", 0);
        PositionClaim first = a.claim("orders");
        a.store(first, new StreamPosition(7, 2));
        a.stop();

        AtomicFileStateRepository b = node(file, "node-b", 0);
        PositionClaim second = b.claim("orders");

        assertThat(first).isEqualTo(new PositionClaim("orders", "node-a", 1, null));
        assertThat(second).isEqualTo(new PositionClaim("orders", "node-b", 2, new StreamPosition(7, 2)));
        assertThat(b.getState("orders")).isEqualTo("7:2");
    }

    @Test
    void aPositionStoredUnderAStaleClaimIsRefusedEvenWhenItIsNewer() throws Exception {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository deposed = node(file, "node-a", 0);
        AtomicFileStateRepository leader = node(file, "node-b", 0);
        PositionClaim stale = deposed.claim("orders");
        deposed.store(stale, new StreamPosition(5, 1));
        PositionClaim current = leader.claim("orders");
        leader.store(current, new StreamPosition(6, 1));

        assertThatThrownBy(() -> deposed.store(stale, new StreamPosition(9, 1)))
                .isInstanceOf(PositionFencedException.class)
                .hasMessage("position key 'orders' was claimed by node-b (epoch 2) after this node's claim (epoch 1)");

        assertThat(node(file, "reader", 0).getState("orders")).isEqualTo("6:1");
        assertThat(deposed.getFencedWrites()).isEqualTo(1);
    }

    @Test
    void aCoalescedPositionUnderAStaleClaimIsRefusedAtTheFlushAndThrownAtTheNextStore() {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository deposed = node(file, "node-a", 60_000);
        AtomicFileStateRepository leader = node(file, "node-b", 0);
        PositionClaim stale = deposed.claim("orders");
        deposed.store(stale, new StreamPosition(3, 1));
        leader.claim("orders");

        deposed.flush();

        assertThat(node(file, "reader", 0).getState("orders")).isNull();
        assertThatThrownBy(() -> deposed.store(stale, new StreamPosition(4, 1)))
                .isInstanceOf(PositionFencedException.class).hasMessageContaining("claimed by node-b (epoch 2)");
    }

    @Test
    void underItsClaimAPositionNeverMovesBackwards() {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository node = node(file, "node-a", 0);
        PositionClaim claim = node.claim("orders");
        node.store(claim, new StreamPosition(10, 2));

        node.store(claim, new StreamPosition(10, 1));

        assertThat(node.getState("orders")).isEqualTo("10:2");
        assertThat(node.getRefusedWrites()).isEqualTo(1);
    }

    /** Two processes sharing the file each write their own keys: each write reads the file again first. */
    @Test
    void repositoriesSharingTheFileKeepEachOthersKeys() {
        Path file = dir.resolve("stream.state");
        AtomicFileStateRepository a = node(file, "node-a", 0);
        AtomicFileStateRepository b = node(file, "node-b", 0);

        a.setState("orders", "1:1");
        b.setState("people", "2:1");
        a.setState("orders", "1:2");

        AtomicFileStateRepository reader = node(file, "reader", 0);
        assertThat(reader.getState("orders")).isEqualTo("1:2");
        assertThat(reader.getState("people")).isEqualTo("2:1");
    }

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
            // no temporary file left; the lock file stays beside the state, empty
            assertThat(files).containsExactlyInAnyOrder(file, dir.resolve("stream.state.lock"));
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
