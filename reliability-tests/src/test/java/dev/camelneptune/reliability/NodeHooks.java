package dev.camelneptune.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.camelneptune.stream.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

import static org.awaitility.Awaitility.await;

/**
 * What a fail-over node JVM ({@link FailOverNodeProcess}, {@link KubernetesNodeProcess}) does for the test besides its
 * route, steered by files beside the shared output named with the node's pid ({@link NodeCluster} makes them):
 * <ul>
 * <li>{@code .pause-<pid>}: while it exists the route holds before its next record (outside any write);</li>
 * <li>{@code .slow-<pid>}: while it exists each record takes {@link #SLOW_RECORD_MS} (a slow sink);</li>
 * <li>{@code .report-<pid>}: one line on stdout, {@code report writes=.. fenced=.. refused=.. health=STATE message},
 * the repository's counters and the stream consumer's health check; then the file is deleted.</li>
 * </ul>
 */
final class NodeHooks {

    /** How long a record takes on a slow node. */
    static final long SLOW_RECORD_MS = 1_000;

    private final Path pause;
    private final Path slow;
    private final Path report;
    private final FileOutputStream output;
    private final String pid = Long.toString(ProcessHandle.current().pid());

    NodeHooks(String outputFile) throws IOException {
        this.output = new FileOutputStream(outputFile, true);
        this.pause = Path.of(outputFile + ".pause-" + pid);
        this.slow = Path.of(outputFile + ".slow-" + pid);
        this.report = Path.of(outputFile + ".report-" + pid);
    }

    /** Holds the route while the pause file exists, then waits a record's time while the slow file exists. */
    void beforeRecord() {
        if (Files.exists(pause)) {
            System.out.println("holding before the next record");
            await().forever().pollInterval(Duration.ofMillis(5)).until(() -> !Files.exists(pause));
        }
        if (Files.exists(slow)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SLOW_RECORD_MS));
        }
    }

    /**
     * Appends {@code <pid> commitNum:opNum}: unbuffered, O_APPEND, one write(2) per record, whole, done when it
     * returns.
     */
    void record(Object commitNum, Object opNum) throws IOException {
        output.write((pid + " " + commitNum + ":" + opNum + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Answers report requests until the JVM ends. */
    void startReporter(CamelContext context, JdbcStateRepository positions, String healthCheckId) {
        Thread reporter = new Thread(() -> {
            while (true) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                if (Files.exists(report)) {
                    System.out.println(report(context, positions, healthCheckId));
                    try {
                        Files.deleteIfExists(report);
                    } catch (IOException e) {
                        System.out.println("cannot delete " + report + ": " + e);
                    }
                }
            }
        }, "reporter");
        reporter.setDaemon(true);
        reporter.start();
    }

    private static String report(CamelContext context, JdbcStateRepository positions, String healthCheckId) {
        String health = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().equals(healthCheckId))
                .map(result -> result.getState() + " " + result.getMessage().orElse(""))
                .findFirst().orElse(HealthCheck.State.UNKNOWN + " (no stream consumer running)");
        return "report writes=" + positions.getWrites() + " fenced=" + positions.getFencedWrites() + " refused="
               + positions.getRefusedWrites() + " health=" + health;
    }
}
