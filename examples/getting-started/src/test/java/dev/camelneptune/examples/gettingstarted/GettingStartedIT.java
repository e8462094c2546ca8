package dev.camelneptune.examples.gettingstarted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.camelneptune.local.NeptuneLocal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README's "Use it in your project", as a user on a fresh machine follows it: the project's artifacts are installed (by
 * the invoker's install goal, into {@code target/installed-repository} instead of the user's own repository), then a
 * new project that knows the components only by their coordinates is built with Maven and run, against a neptune-local
 * serving the demo data as {@code java -jar neptune-local.jar --port 8182 --demo} does.
 */
class GettingStartedIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern CHANGE_LINE = Pattern.compile(" changes - (\\d+:\\d+) \\{");

    private final NeptuneLocal neptune = NeptuneLocal.start().seedDemo();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        neptune.close();
    }

    /**
     * README's Java DSL project: its routes list the import tasks and follow the change log; stopped and started again,
     * it goes on after the last record it processed. (One test for both, as each Maven run of the project takes
     * seconds.)
     */
    @Test
    void theJavaDslProjectRunsItsRoutesAndResumesAfterTheLastRecordProcessed() throws Exception {
        int records = neptune.stream().propertyGraph().recordCount();
        Run first = run("java-dsl", true);
        first.awaitOutput(output -> positions(output).size() == records && count(output, "import task {") == 4);
        assertThat(first.output()).contains("import task {\"graphId\":\"g-demo000001\",\"taskId\":\"t-demo000001\"",
                "changes - 1:1 {\"commitTimestamp\":", "\"eventId\":{\"commitNum\":1,\"opNum\":1}");
        String last = positions(first.output()).get(records - 1);
        first.stop();

        long requests = neptune.requestCount();
        Run second = run("java-dsl", false);

        // the list of tasks, then stream requests of two polls: the first poll has ended and logged what it read
        second.awaitOutput(output -> neptune.requestCount() >= requests + 4);
        assertThat(second.output()).contains("Resuming Neptune stream propertygraph after " + last);
        assertThat(positions(second.output())).as("records processed again").isEmpty();
    }

    @Test
    void aYamlDslProjectBuiltAgainstTheInstalledArtifactsRunsItsRoutes() throws Exception {
        Run run = run("yaml-dsl", true);

        run.awaitOutput(log -> log.contains("1:1 {") && count(log, "import task {") == 4);
        assertThat(run.output()).contains("import task {\"graphId\":\"g-demo000001\",\"taskId\":\"t-demo000001\"",
                "1:1 {\"commitTimestamp\":", "\"eventId\":{\"commitNum\":1,\"opNum\":1}");
    }

    /**
     * Runs {@code mvn compile exec:java} in a copy of the new project {@code name} under target/ (a new copy when
     * {@code fresh}, else the one of the previous run, with its stored position), as README says, with
     * {@code neptune.url} pointing at the neptune-local of the test.
     */
    private Run run(String name, boolean fresh) throws IOException {
        Path project = Path.of("target", "projects", name).toAbsolutePath();
        if (fresh) {
            delete(project);
            copy(Path.of(name), project);
        }
        Path output = project.resolve("output-" + (processes.size() + 1) + ".log");
        List<String> command = new ArrayList<>(
                List.of(mvn(), "-B", "-s", settings().toString(), "compile", "exec:java",
                        "-Dneptune.url=" + neptune.endpoint()));
        if (System.getProperty("getting-started.build-mode", "").equals("offline=true")) {
            // offline as this build is; the fallback repository is a file: URL, which offline mode then allows
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        processes.add(process);
        return new Run(process, output);
    }

    /** A new project's Maven run: it runs until the test stops it. */
    private record Run(Process process, Path log) {

        String output() throws IOException {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }

        /** Stops the application as Ctrl+C does (Camel Main then stops its routes, which store their positions). */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the Maven run of %s stopped", log.getParent()).isTrue();
        }

        /** Waits until the output satisfies {@code condition}; fails at once if Maven ends first. */
        void awaitOutput(Predicate<String> condition) {
            await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .failFast("the Maven run of " + log.getParent() + " ended; its output is in " + log,
                            () -> !process.isAlive())
                    .until(() -> condition.test(output()));
        }
    }

    /** The positions (commitNum:opNum) of the change records the application logged, in order. */
    private static List<String> positions(String output) {
        List<String> positions = new ArrayList<>();
        Matcher line = CHANGE_LINE.matcher(output);
        while (line.find()) {
            positions.add(line.group(1));
        }
        return positions;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Maven settings for the new project: its local repository is where the install put the project's artifacts, and
     * what is not there (Maven's plugins, Camel, the AWS SDK) comes from this build's own local repository, read as a
     * remote one, so the run needs no network and never writes into the user's repository.
     */
    private static Path settings() throws IOException {
        Path installed = Path.of(System.getProperty("getting-started.repository")).toAbsolutePath();
        String fallback = Path.of(System.getProperty("getting-started.fallback-repository")).toAbsolutePath().toUri()
                .toString();
        String repository = "<id>%s</id><url>%s</url>"
                            + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
                            + "<snapshots><enabled>false</enabled></snapshots>";
        String settings = """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>build-cache</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(installed, repository.formatted("build-cache", fallback),
                repository.formatted("build-cache", fallback));
        Path file = Path.of("target", "getting-started-settings.xml").toAbsolutePath();
        Files.writeString(file, settings, StandardCharsets.UTF_8);
        return file;
    }

    private static String mvn() {
        return Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

}
