package dev.camelneptune.reliability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.NeptuneStreamConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A consumer JVM ({@link StreamConsumerProcess}) reads a 200,000-record change log from neptune-local over loopback
 * with the atomic file offset repository, and is killed with SIGKILL at random moments and restarted, again and again.
 * The repository runs with {@code flushInterval=0}, each position written before the next exchange is processed.
 * Afterwards its output, run by run, must be the whole log in order with no gap; a run may only begin by repeating
 * records the previous run had already written (the records in flight at the kill), and those are counted and bounded.
 * It runs in every delivery mode ({@link Mode}): one record at a time, batches, whole transactions (in parts) and
 * ordered lanes, where the order checked is each element's.
 */
class StreamKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(StreamKillTest.class);
    private static final int KILLS = 6;

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private Process child;

    @TempDir
    Path tempDir;
    private Path dir;

    /**
     * Where the offsets and output files live. A SIGKILL leaves a file as the kernel holds it, whatever the file
     * system, so the kill test proves the same on tmpfs as on a disk; tmpfs just makes the atomic repository's
     * write-and-rename per record about 3 times faster than on ext4 (about 0.15 ms instead of 0.5 ms), which keeps the
     * test within CI time. {@code -Dkilltest.dir=...} runs it on a disk instead.
     */
    @BeforeEach
    void chooseDirectory() throws IOException {
        String configured = System.getProperty("killtest.dir");
        Path shm = Path.of("/dev/shm");
        if (configured != null) {
            dir = Files.createTempDirectory(Files.createDirectories(Path.of(configured)), "kill-test");
        } else if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            dir = Files.createTempDirectory(shm, "kill-test");
        } else {
            dir = tempDir;
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        neptune.close();
        if (!dir.equals(tempDir)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * The delivery modes under test, each with the most records a kill may deliver twice: the records written but not
     * yet stored when the kill comes. {@code -Dkilltest.modes=LANES,...} runs only the modes named (the others are
     * skipped); {@code -Dkilltest.maxPendingRecords=N} runs the lanes with that window instead of the default.
     */
    enum Mode {
        /** One exchange at a time and flushInterval=0: only the one record written but not yet stored. */
        RECORDS("", 200_000, 1),
        /** One exchange per page of limit=1000: the batch written but not yet stored. */
        BATCHES("&batching=true", 50_000, 1_000),
        /**
         * One exchange per transaction, in parts of 3 records, so each of the log's 4-record transactions comes in two
         * parts and a kill can fall between them: at most one transaction (4 records) is delivered again.
         */
        TRANSACTIONS("&groupByTransaction=true&transactionPartSize=3", 50_000, 4),
        /**
         * Eight ordered lanes: the stored position is the low watermark, and at most maxPendingRecords records are
         * handed to the lanes past it. Every record the route has written but whose position is not stored is one of
         * them (the watermark is stored, flushInterval=0, before another record can be handed over), so a kill repeats
         * at most the window: maxPendingRecords, nothing more in flight.
         */
        LANES("&concurrentConsumers=8", 50_000, -1);

        final String options;
        final int records;
        private final int maxDuplicatesPerKill;

        Mode(String options, int records, int maxDuplicatesPerKill) {
            this.options = options;
            this.records = records;
            this.maxDuplicatesPerKill = maxDuplicatesPerKill;
        }

        String options() {
            String window = System.getProperty("killtest.maxPendingRecords");
            return this == LANES && window != null ? options + "&maxPendingRecords=" + window : options;
        }

        int maxDuplicatesPerKill() {
            if (this != LANES) {
                return maxDuplicatesPerKill;
            }
            String window = System.getProperty("killtest.maxPendingRecords");
            return window != null ? Integer.parseInt(window) : new NeptuneStreamConfiguration().getMaxPendingRecords();
        }

        boolean selected() {
            String modes = System.getProperty("killtest.modes");
            return modes == null || modes.isBlank() || List.of(modes.split(",")).contains(name());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void killedConsumerResumesWithNoGapAndOnlyInFlightDuplicates(Mode mode) throws Exception {
        assumeTrue(mode.selected(), "killtest.modes leaves out " + mode);
        int records = mode.records;
        neptune.stream().propertyGraph().preload(records);
        List<String> log = StreamLog.read(neptune.endpoint());
        assertThat(log).hasSize(records);
        Path output = dir.resolve("processed.txt");
        Path offsets = dir.resolve("offsets.properties");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        LOG.info("kill test {}: seed {}, files in {}", mode, seed, dir);
        OutputTail tail = new OutputTail(output);
        long started = System.nanoTime();

        for (int kill = 1; kill <= KILLS; kill++) {
            child = startConsumer(offsets, output, mode, kill);
            // kill somewhere in the next 1 to 15% of the log (30,000 records of 200,000), never after its end
            long target = Math.min(tail.records() + 1 + random.nextInt(records * 3 / 20), records - 1_000L);
            Process running = child;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> tail.records() >= target || !running.isAlive());
            assertThat(child.isAlive()).as("consumer run %d is still running (see its log)", kill).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            LOG.info("kill test {}: SIGKILL {} after {} records written", mode, kill, tail.records());
        }
        child = startConsumer(offsets, output, mode, KILLS + 1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> tail.distinct() == records);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> lines = Files.readAllLines(output, StandardCharsets.US_ASCII);
        Result result = mode == Mode.LANES ? checkLanes(log, lines) : check(log, lines);
        LOG.info("kill test {}: {} records, {} SIGKILLs, {} runs, {} duplicates {}, in {} ms", mode, records, KILLS,
                result.runs(), result.duplicates(), result.duplicatesPerRun(), took.toMillis());
        System.out.printf("kill test %s%s: %d records, %d SIGKILLs, %d duplicates %s (at most %d per kill), %d ms (seed %d,"
                          + " files in %s)%n",
                mode, mode.options(), records, KILLS, result.duplicates(), result.duplicatesPerRun(),
                mode.maxDuplicatesPerKill(), took.toMillis(), seed, dir);
        assertThat(result.runs()).isEqualTo(KILLS + 1);
        assertThat(result.delivered()).as("distinct records delivered").isEqualTo(records);
        // flushInterval=0: a kill repeats only what was written but not yet stored (with the repository's default
        // flushInterval of 250 ms, it would repeat up to 250 ms of records instead)
        assertThat(result.duplicatesPerRun()).allSatisfy(d -> assertThat(d).isBetween(0, mode.maxDuplicatesPerKill()));
    }

    @Test
    void theCheckCatchesAGapAReorderingAndCountsInFlightDuplicates() {
        List<String> log = List.of("1:1", "1:2", "2:1", "2:2");
        assertThat(check(log, List.of("#start", "1:1", "1:2", "#start", "1:2", "2:1", "2:2")).duplicatesPerRun())
                .containsExactly(0, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(log, List.of("#start", "1:1", "#start", "2:1", "2:2")))
                .hasMessageContaining("a gap");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(log, List.of("#start", "1:1", "2:1", "1:2", "2:2")))
                .hasMessageContaining("follows record");
    }

    @Test
    void theLanesCheckCatchesAGapAnElementOutOfOrderAndCountsDuplicates() {
        List<String> log = List.of("1:1", "1:2", "2:1", "2:2", "3:1");
        // elements interleave, each in order; the second run repeats 2:2
        assertThat(checkLanes(log, List.of("#start", "2:1", "1:1", "2:2", "1:2", "#start", "2:2", "3:1")).duplicatesPerRun())
                .containsExactly(0, 1);
        assertThat(checkLanes(log, List.of("#start", "1:1", "1:2", "2:1", "#start", "3:1")).delivered())
                .as("2:2 never written: a gap").isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkLanes(log, List.of("#start", "1:2", "1:1")))
                .hasMessageContaining("of element 1 follows");
    }

    private Process startConsumer(Path offsets, Path output, Mode mode, int run) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=log4j2-child.properties",
                "-cp", System.getProperty("java.class.path"),
                StreamConsumerProcess.class.getName(), neptune.endpoint().toString(), offsets.toString(), output.toString(),
                "0", mode.options())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-test-" + mode + "-run-" + run + ".log").toFile())
                .start();
    }

    record Result(int runs, int delivered, int duplicates, List<Integer> duplicatesPerRun) {
    }

    /**
     * Walks the output run by run: inside a run the records must follow the log one by one; a run may start at or
     * before the record after the furthest one written so far (never after it: that would be a gap), and the records it
     * repeats are its duplicates.
     */
    static Result check(List<String> log, List<String> output) {
        Map<String, Integer> index = new HashMap<>(log.size() * 2);
        for (int i = 0; i < log.size(); i++) {
            index.put(log.get(i), i);
        }
        int next = 0;
        int runs = 0;
        int previous = -2;
        List<Integer> duplicatesPerRun = new ArrayList<>();
        for (int line = 0; line < output.size(); line++) {
            String text = output.get(line);
            if (text.startsWith("#start")) {
                runs++;
                previous = -2;
                duplicatesPerRun.add(0);
                continue;
            }
            Integer at = index.get(text);
            assertThat(at).as("output line %d '%s' is a record of the log", line + 1, text).isNotNull();
            if (previous == -2) {
                assertThat(at)
                        .as("run %d starts at record %d: after the furthest written so far (%d), a gap", runs, at, next - 1)
                        .isLessThanOrEqualTo(next);
            } else {
                assertThat(at).as("output line %d: record %d follows record %d", line + 1, at, previous)
                        .isEqualTo(previous + 1);
            }
            if (at < next) {
                duplicatesPerRun.set(runs - 1, duplicatesPerRun.get(runs - 1) + 1);
            } else {
                next = at + 1;
            }
            previous = at;
        }
        int duplicates = duplicatesPerRun.stream().mapToInt(Integer::intValue).sum();
        return new Result(runs, next, duplicates, duplicatesPerRun);
    }

    /**
     * The check for ordered lanes, where records of different elements interleave: every output line is a record of the
     * log, inside a run each element's records follow the log one by one (in the preloaded log each commit changes one
     * vertex of its own, so the commitNum names the element), and a run's duplicates are the records earlier runs had
     * written. No gap: every record is written by some run.
     */
    static Result checkLanes(List<String> log, List<String> output) {
        Map<String, Integer> index = new HashMap<>(log.size() * 2);
        for (int i = 0; i < log.size(); i++) {
            index.put(log.get(i), i);
        }
        Set<Integer> written = new HashSet<>(log.size() * 2);
        Set<Integer> writtenBefore = Set.of();
        Map<String, Integer> lastOfElement = new HashMap<>();
        int runs = 0;
        List<Integer> duplicatesPerRun = new ArrayList<>();
        for (int line = 0; line < output.size(); line++) {
            String text = output.get(line);
            if (text.startsWith("#start")) {
                runs++;
                writtenBefore = Set.copyOf(written);
                lastOfElement.clear();
                duplicatesPerRun.add(0);
                continue;
            }
            Integer at = index.get(text);
            assertThat(at).as("output line %d '%s' is a record of the log", line + 1, text).isNotNull();
            String element = text.substring(0, text.indexOf(':'));
            Integer previous = lastOfElement.put(element, at);
            if (previous != null) {
                assertThat(at).as("output line %d: record %d of element %s follows its record %d", line + 1, at, element,
                        previous).isEqualTo(previous + 1);
            }
            if (writtenBefore.contains(at)) {
                duplicatesPerRun.set(runs - 1, duplicatesPerRun.get(runs - 1) + 1);
            }
            written.add(at);
        }
        int duplicates = duplicatesPerRun.stream().mapToInt(Integer::intValue).sum();
        return new Result(runs, written.size(), duplicates, duplicatesPerRun);
    }

    /** Follows the growing output file: how many records it holds, how many different ones, and its last line. */
    static final class OutputTail {
        private final Path file;
        private long offset;
        private long records;
        private final Set<String> distinct = new HashSet<>();
        private String lastLine;
        private final StringBuilder partial = new StringBuilder();

        OutputTail(Path file) {
            this.file = file;
        }

        synchronized long records() throws IOException {
            read();
            return records;
        }

        synchronized String lastLine() throws IOException {
            read();
            return lastLine;
        }

        /** How many different records the file holds. */
        synchronized int distinct() throws IOException {
            read();
            return distinct.size();
        }

        private void read() throws IOException {
            if (!Files.exists(file)) {
                return;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(offset);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    offset += n;
                    for (int i = 0; i < n; i++) {
                        char c = (char) buffer[i];
                        if (c == '\n') {
                            String line = partial.toString();
                            lastLine = line;
                            if (!line.startsWith("#")) {
                                records++;
                                distinct.add(line);
                            }
                            partial.setLength(0);
                        } else {
                            partial.append(c);
                        }
                    }
                }
            }
        }
    }
}
