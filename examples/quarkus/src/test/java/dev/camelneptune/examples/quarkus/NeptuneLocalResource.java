package dev.camelneptune.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.state.AtomicFileStateRepository;

/**
 * Starts a neptune-local on a free loopback port, with the demo data, for the app under test (in the test's JVM for
 * {@code @QuarkusTest}, in its own JVM for {@code @QuarkusIntegrationTest}: both reach it over HTTP), and points the
 * app at it. Optional arguments: {@code trimBefore} (a commit number: the stream loses the records before it) and
 * {@code storedPosition} (the position the consumer finds in its offset file when it starts).
 */
public class NeptuneLocalResource implements QuarkusTestResourceLifecycleManager {

    static final String OFFSET_KEY = "quarkus-change-log";

    private Map<String, String> args = Map.of();
    private NeptuneLocal neptune;
    private Path offsets;

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        neptune = NeptuneLocal.builder().start().seedDemo();
        if (args.containsKey("trimBefore")) {
            neptune.stream().propertyGraph().trimBefore(Long.parseLong(args.get("trimBefore")));
        }
        try {
            offsets = Files.createTempDirectory("camel-neptune-quarkus").resolve("offsets.state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (args.containsKey("storedPosition")) {
            AtomicFileStateRepository repository = new AtomicFileStateRepository(offsets);
            repository.start();
            repository.setState(OFFSET_KEY, args.get("storedPosition"));
            repository.stop();
        }
        return Map.of(
                "neptune.url", neptune.endpoint().toString(),
                "neptune.offsets.file", offsets.toString(),
                "neptune.import.poll-period", "500");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(neptune, new TestInjector.MatchesType(NeptuneLocal.class));
        injector.injectIntoFields(offsets, new TestInjector.MatchesType(Path.class));
    }

    @Override
    public void stop() {
        if (neptune != null) {
            neptune.close();
        }
    }
}
