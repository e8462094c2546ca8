package dev.camelneptune.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer JVMs of a fail-over test, their logs and their shared output ({@code <pid> commitNum:opNum} per record,
 * appended by every node), and the test's handles on a node ({@link NodeHooks}): hold it between two records, make it
 * slow, ask it for a report, signal it.
 */
final class NodeCluster implements AutoCloseable {

    private static final Pattern REPORT = Pattern.compile("report writes=(\\d+) fenced=(\\d+) refused=(\\d+) health=(.*)");

    final Path output;
    final StreamKillTest.OutputTail tail;
    private final String logPrefix;
    private final Map<Long, Process> running = new LinkedHashMap<>();
    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Path> logs = new LinkedHashMap<>();

    /** What a node reported: its repository's counters and its stream consumer's health check. */
    record Report(long writes, long fenced, long refused, String health) {
    }

    NodeCluster(Path dir, String logPrefix) {
        this.output = dir.resolve("processed.txt");
        this.tail = new StreamKillTest.OutputTail(output);
        this.logPrefix = logPrefix;
    }

    /** A JVM command for {@code mainClass} on this test's classpath, small and quick to start. */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=log4j2-child.properties",
                        "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts a node; its stdout and stderr go to {@code target/<prefix>-<name>-<n>.log}. */
    long start(String name, List<String> command, Map<String, String> environment) throws IOException {
        Path log = Path.of("target", logPrefix + "-" + name + "-" + (logs.size() + 1) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        running.put(process.pid(), process);
        names.put(process.pid(), name);
        logs.put(process.pid(), log);
        return process.pid();
    }

    /** SIGKILL, and wait for the JVM to be gone. */
    void kill(long pid) throws InterruptedException {
        Process process = running.remove(pid);
        assertThat(process).as("pid %d is one of the running nodes", pid).isNotNull();
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, pid).isTrue();
    }

    /** Holds the node's route before its next record (outside any write) and waits until it holds. */
    void hold(long pid) throws IOException {
        long before = count(pid, "holding before the next record");
        Files.createFile(Path.of(output + ".pause-" + pid));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> count(pid, "holding before the next record") > before);
    }

    /** Lets the held route go on. */
    void release(long pid) throws IOException {
        Files.delete(Path.of(output + ".pause-" + pid));
    }

    /** Makes each record of the node take {@link NodeHooks#SLOW_RECORD_MS} (or no longer). */
    void slow(long pid, boolean slow) throws IOException {
        Path flag = Path.of(output + ".slow-" + pid);
        if (slow) {
            Files.createFile(flag);
        } else {
            Files.deleteIfExists(flag);
        }
    }

    /** Asks the node for a report and waits for it. */
    Report report(long pid) throws IOException {
        long before = count(pid, "report writes=");
        Path request = Path.of(output + ".report-" + pid);
        Files.createFile(request);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> count(pid, "report writes=") > before);
        String line = lines(pid).stream().filter(l -> l.startsWith("report writes=")).reduce((a, b) -> b).orElseThrow();
        Matcher report = REPORT.matcher(line);
        assertThat(report.matches()).as(line).isTrue();
        return new Report(
                Long.parseLong(report.group(1)), Long.parseLong(report.group(2)), Long.parseLong(report.group(3)),
                report.group(4));
    }

    /** How many records of the output the node wrote. */
    long recordsOf(long pid) throws IOException {
        String prefix = pid + " ";
        return Files.readAllLines(output, StandardCharsets.US_ASCII).stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** The node's log, line by line. */
    List<String> lines(long pid) throws IOException {
        return Files.readAllLines(logs.get(pid), StandardCharsets.UTF_8);
    }

    long count(long pid, String text) throws IOException {
        return lines(pid).stream().filter(line -> line.contains(text)).count();
    }

    /** The lines of every node's log that contain {@code text}. */
    List<String> grep(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path log : logs.values()) {
            Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).forEach(found::add);
        }
        return found;
    }

    String name(long pid) {
        return names.get(pid);
    }

    Path log(long pid) {
        return logs.get(pid);
    }

    /** Every node started, in order, by pid. */
    Map<Long, Path> logs() {
        return logs;
    }

    List<Long> running() {
        return new ArrayList<>(running.keySet());
    }

    /** The node that wrote the last record of the output. */
    long lastWriter() throws IOException {
        return pidOf(tail.lastLine());
    }

    static long pidOf(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    /** The output, with a {@code #start} line at each change of node: the runs of StreamKillTest's check. */
    static List<String> byLeader(List<String> lines) {
        List<String> runs = new ArrayList<>();
        long previous = -1;
        for (String line : lines) {
            long pid = pidOf(line);
            if (pid != previous) {
                runs.add("#start " + pid);
                previous = pid;
            }
            runs.add(line.substring(line.indexOf(' ') + 1));
        }
        return runs;
    }

    List<String> outputLines() throws IOException {
        return Files.readAllLines(output, StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process node : running.values()) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        running.clear();
    }
}
