package dev.camelneptune.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command README gives, {@code java -jar examples/spring-boot/target/camel-neptune-spring-boot.jar}, on the jar
 * the build packaged, against a neptune-local on a free port instead of 8182.
 */
class PackagedAppIT {

    private final NeptuneLocal neptune = NeptuneLocal.start().seedDemo();
    private Process app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        neptune.close();
    }

    @Test
    void thePackagedJarRunsBothRoutesFromApplicationProperties() throws Exception {
        Path output = dir.resolve("output.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        app = new ProcessBuilder(List.of(java, "-jar", System.getProperty("packaged.jar"), "--server.port=0",
                "--neptune.url=" + neptune.endpoint(), "--neptune.offsets-file=" + dir.resolve("offsets.properties")))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        String last = neptune.stream().propertyGraph().lastCommitNum() + ".";

        await().atMost(Duration.ofMinutes(2)).failFast("the application ended", () -> !app.isAlive())
                .until(() -> read(output).contains("4 import tasks") && read(output).contains("#" + last));
        assertThat(read(output)).contains("Started change-log (neptune-stream://");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
