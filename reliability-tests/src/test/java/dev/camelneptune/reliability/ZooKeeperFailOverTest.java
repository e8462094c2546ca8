package dev.camelneptune.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.stream.state.JdbcStateRepository;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several nodes on a real coordinator: three consumer JVMs ({@link FailOverNodeProcess}) run
 * {@code master:...neptune-stream} with camel-zookeeper's cluster service against a ZooKeeper in this JVM (Curator's
 * {@link TestingServer}, loopback, free port) and keep the position in a {@link JdbcStateRepository} on a real
 * PostgreSQL this test starts ({@link LocalPostgres}). While they read a 15,000-record log the leader is SIGKILLed
 * again and again, and a new JVM takes the killed one's place, so three nodes are always running.
 * <p>
 * Then a deposed leader that does not know it: the leader is stopped (SIGSTOP, as a long GC pause would) past its
 * ZooKeeper session, a follower takes over and goes on, and the old leader is resumed (SIGCONT) with the records it had
 * in hand.
 * <p>
 * Afterwards: up to the pause, the shared output, leader by leader, is the log in order with no gap, and each fail-over
 * repeats at most the one record the killed leader had written but not stored, with no refused write (a SIGKILLed
 * leader writes nothing late). After it, the resumed node's older positions are refused and logged by the repository.
 * Throughout: the union of the output is the whole log, each node's own output follows the log, and the stored
 * position, sampled every 5 ms, never moved backwards.
 * <p>
 * Without PostgreSQL the test is skipped with a message saying how to run it; in CI ({@code .ci/run}) it fails.
 */
class ZooKeeperFailOverTest {

    private static final int RECORDS = 15_000;
    private static final int KILLS = 5;
    private static final String[] NODES = { "node-a", "node-b", "node-c" };
    private static final String REFUSAL = "Refused to move the position";
    /** What Curator logs when a live node's ZooKeeper session expired (a stall longer than the session timeout). */
    private static final String SESSION_LOST = "State change: LOST";

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private final Map<Long, Process> nodes = new LinkedHashMap<>();
    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Path> logsByPid = new LinkedHashMap<>();
    private final List<Path> nodeLogs = new ArrayList<>();
    private LocalPostgres postgres;
    private TestingServer zookeeper;
    private PositionWatch watch;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (Process node : nodes.values()) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (watch != null) {
            watch.stop();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        neptune.close();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theLeaderIsKilledRepeatedlyAndAFollowerGoesOnWithNoGapAndNoRegress() throws Exception {
        postgres = LocalPostgres.startOrSkip();
        // tickTime 500 ms: sessions of 0.5 s to 10 s are allowed; the nodes ask for SESSION_TIMEOUT_MS
        zookeeper = new TestingServer(
                new InstanceSpec(
                        dir.resolve("zookeeper").toFile(), -1, -1, -1, true, -1, 500, -1,
                        Map.of("clientPortAddress", "127.0.0.1", "admin.enableServer", "false"), "127.0.0.1"),
                true);
        neptune.stream().propertyGraph().preload(RECORDS);
        List<String> log = StreamLog.read(neptune.endpoint());
        assertThat(log).hasSize(RECORDS);
        Path output = dir.resolve("processed.txt");
        StreamKillTest.OutputTail tail = new StreamKillTest.OutputTail(output);
        long seed = System.nanoTime();
        Random random = new Random(seed);

        for (String name : NODES) {
            startNode(name, output);
        }
        watch = new PositionWatch(postgres.dataSource());
        watch.start();
        long started = System.nanoTime();
        // three JVMs starting at once on a busy machine: give the first leader time to come up
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> tail.records() > 0);

        List<Long> failOverMillis = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long target = Math.min(tail.records() + 1_000 + random.nextInt(1_000), RECORDS - 3_000L);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> tail.records() >= target);
            long leader = pidOf(tail.lastLine());
            Process process = nodes.remove(leader);
            assertThat(process).as("the leader (pid %d) is one of the running nodes", leader).isNotNull();
            String name = names.get(leader);
            long killedAt = System.nanoTime();
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long recordsAtKill = tail.records();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> tail.records() > recordsAtKill && pidOf(tail.lastLine()) != leader);
            failOverMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            // the killed node comes back as a new JVM, a follower now
            startNode(name, output);
        }
        // a deposed leader that does not know it: stopped past its session while a follower takes over, then resumed
        long pauseAt = tail.records() + 500;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> tail.records() >= pauseAt);
        long stalled = pidOf(tail.lastLine());
        Path stalledLog = logsByPid.get(stalled);
        // first hold its route between two records (not inside a write, where it would keep the row locked), then stop
        // the whole JVM, so its ZooKeeper session expires
        Path pause = Path.of(output + ".pause-" + stalled);
        Files.createFile(pause);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> Files.readString(stalledLog, StandardCharsets.UTF_8).contains("holding before the next record"));
        signal(stalled, "STOP");
        int linesBeforePause = (int) tail.records();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> tail.records() >= linesBeforePause + 300);
        // up to here one leader at a time: no write may have been refused
        List<String> refusedBeforeResume = grep(REFUSAL);
        signal(stalled, "CONT");
        Files.delete(pause);
        // camel-zookeeper 4.18 does not stop the deposed leader's consumer (see docs/reliability.md): it goes on from
        // where it was, and every position it stores is older than the new leader's
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.readString(stalledLog, StandardCharsets.UTF_8).contains(REFUSAL));

        String last = log.get(RECORDS - 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> tail.lastLine() != null && tail.lastLine().endsWith(" " + last));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        await().atMost(Duration.ofSeconds(10)).until(() -> last.equals(watch.latest()));
        watch.stop();

        List<String> lines = Files.readAllLines(output, StandardCharsets.US_ASCII);
        StreamKillTest.Result killed = StreamKillTest.check(log, byLeader(lines.subList(0, linesBeforePause)));
        StreamKillTest.Result result = StreamKillTest.check(log, byLeader(lines));
        List<String> refusals = grep(REFUSAL);
        List<String> stalledRefusals = Files.readAllLines(stalledLog, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(REFUSAL)).toList();
        List<String> sessionsLost = new ArrayList<>();
        for (Map.Entry<Long, Path> node : logsByPid.entrySet()) {
            for (String line : Files.readAllLines(node.getValue(), StandardCharsets.UTF_8)) {
                if (line.contains(SESSION_LOST) && node.getKey() != stalled) {
                    sessionsLost.add(node.getValue().getFileName() + ": " + line);
                }
            }
        }
        String summary = String.format("fail-over test: %d records, %d leader SIGKILLs: %d leader changes, duplicates per"
                                       + " fail-over %s, kill to first record of the new leader %s ms, %d refused writes;"
                                       + " then a leader paused past its session and resumed: %d of its writes refused, %d"
                                       + " in all; %d other nodes lost their session; %d duplicates in all, %d stored positions"
                                       + " sampled, none backwards; %d ms (ZooKeeper session %d ms, seed %d)",
                RECORDS, KILLS, killed.runs() - 1, killed.duplicatesPerRun().subList(1, killed.runs()), failOverMillis,
                refusedBeforeResume.size(), stalledRefusals.size(), refusals.size(), sessionsLost.size(), result.duplicates(),
                watch.samples(), took,
                FailOverNodeProcess.SESSION_TIMEOUT_MS, seed);
        System.out.println(summary);
        sessionsLost.forEach(line -> System.out.println("fail-over test: session lost: " + line));
        stalledRefusals.stream().limit(1).forEach(line -> System.out.println("fail-over test: refused: " + line));

        // always, whatever the coordinator did: each node's output follows the log (StreamKillTest.check), the union is
        // the whole log with no gap, and the shared position never moved backwards
        assertThat(result.delivered()).as("distinct records delivered: the whole log").isEqualTo(RECORDS);
        assertThat(watch.regressions()).as("the stored position moved backwards").isEmpty();
        assertThat(result.duplicatesPerRun().get(0)).as("the first leader starts from the beginning").isZero();
        assertThat(stalledRefusals).as("the resumed deposed leader's older positions were refused").isNotEmpty();
        if (sessionsLost.isEmpty()) {
            // up to the pause, one leader at a time: a follower takes over only when the leader is killed, from the
            // stored position, repeating at most the record the killed leader had written but not stored; no write
            // refused. (After the resume both the deposed and the new leader consume, as camel-zookeeper 4.18 does not
            // stop the deposed one, and whichever is behind has its writes refused.)
            assertThat(killed.runs()).as("one leader at the start, one more per kill").isEqualTo(KILLS + 1);
            assertThat(killed.duplicatesPerRun()).allSatisfy(d -> assertThat(d).isBetween(0, 1));
            assertThat(refusedBeforeResume).as("refused writes with one leader at a time").isEmpty();
        }
        // else a live node stalled past its session timeout (an overloaded machine): camel-zookeeper 4.18 elects a new
        // leader but does not stop the old one's consumer, so two consumers ran at once; the refused writes kept the
        // position from moving backwards (asserted above), and the duplicates are reported, not bounded
    }

    private void startNode(String name, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path nodeLog = Path.of("target", "fail-over-" + name + "-" + (nodeLogs.size() + 1) + ".log");
        nodeLogs.add(nodeLog);
        Process process = new ProcessBuilder(
                java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2-child.properties",
                "-cp", System.getProperty("java.class.path"),
                FailOverNodeProcess.class.getName(), neptune.endpoint().toString(), zookeeper.getConnectString(),
                postgres.jdbcUrl(), output.toString(), name)
                .redirectErrorStream(true)
                .redirectOutput(nodeLog.toFile())
                .start();
        nodes.put(process.pid(), process);
        names.put(process.pid(), name);
        logsByPid.put(process.pid(), nodeLog);
    }

    /** The lines of every node's log that contain {@code text}. */
    private List<String> grep(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path nodeLog : logsByPid.values()) {
            Files.readAllLines(nodeLog, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text))
                    .forEach(found::add);
        }
        return found;
    }

    /** The output, with a {@code #start} line at each change of node: the runs of StreamKillTest's check. */
    private static List<String> byLeader(List<String> lines) {
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

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, pid).isTrue();
    }

    private static long pidOf(String line) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
    }

    /**
     * Reads the stored position every few ms from its own connection, and notes every reading older than the one
     * before: what the nodes' refusals must make impossible.
     */
    static final class PositionWatch {
        private final PGSimpleDataSource dataSource;
        private final List<String> regressions = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "position-watch");
            thread.setDaemon(true);
            return thread;
        });
        private volatile String latest;
        private volatile long samples;
        // used by the timer's thread only
        private Connection connection;
        private PreparedStatement select;
        private long[] previous;

        PositionWatch(PGSimpleDataSource dataSource) {
            this.dataSource = dataSource;
        }

        void start() {
            timer.scheduleWithFixedDelay(this::sample, 0, 5, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            disconnect();
        }

        String latest() {
            return latest;
        }

        long samples() {
            return samples;
        }

        List<String> regressions() {
            return regressions;
        }

        /** One reading of the stored position, every 5 ms. */
        private void sample() {
            try {
                if (select == null) {
                    connection = dataSource.getConnection();
                    select = connection.prepareStatement("SELECT COMMIT_NUM, OP_NUM FROM "
                                                         + JdbcStateRepository.DEFAULT_TABLE_NAME
                                                         + " WHERE STATE_KEY = 'fail-over'");
                }
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        long[] now = { row.getLong(1), row.getLong(2) };
                        if (previous != null
                                && (now[0] < previous[0] || now[0] == previous[0] && now[1] < previous[1])) {
                            regressions.add(previous[0] + ":" + previous[1] + " -> " + now[0] + ":" + now[1]);
                        }
                        previous = now;
                        latest = now[0] + ":" + now[1];
                        samples++;
                    }
                }
            } catch (SQLException e) {
                // the table does not exist until the first node starts: connect again at the next reading
                disconnect();
            }
        }

        private void disconnect() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // closing a connection that failed: nothing to keep
            }
            connection = null;
            select = null;
        }
    }
}
