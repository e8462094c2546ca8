package dev.camelneptune.examples.replica;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.stream.EventId;
import dev.camelneptune.local.stream.PropertyGraphState;
import dev.camelneptune.local.stream.PropertyGraphStream;
import dev.camelneptune.local.stream.RandomGraphWorkload;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL replica example, run as the README runs it ({@code java -jar target/camel-neptune-replica.jar}, one
 * JVM per run), against neptune-local while a seeded random workload changes the graph (vertices with one to three
 * labels added and dropped with their edges, single- and set-cardinality properties set, added and removed, edges added
 * and dropped). In each delivery mode the replica is killed with SIGKILL at random positions, restarted, left to catch
 * up, and then compared with neptune-local's graph element by element, fact by fact: no difference.
 * <p>
 * A replay in stream order ends right whatever it repeats: each fact ends as its last record says. What the version
 * guard protects against is an older record written after a newer one: a second writer that lags behind (a node
 * restored with an old position, a deposed node finishing its work, a replay started from the beginning). The last two
 * tests run such a writer over a replica that is caught up, with the guard (no difference) and without it (old facts
 * come back).
 */
class PostgresReplicaIT {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReplicaIT.class);
    private static final Path JAR = Path.of("target", "camel-neptune-replica.jar");
    private static final Path LOGS = Path.of("target", "replica-it");
    private static final int KILLS = 3;
    /** The version guard of each upsert in sql/apply.sql, alone on its line. */
    private static final Pattern GUARD = Pattern.compile("(?m)^\\s*WHERE stored\\.version < excluded\\.version\\s*\\R");

    private static LocalPostgres postgres;

    private final NeptuneLocal neptune = NeptuneLocal.start();
    private final PropertyGraphStream graph = neptune.stream().propertyGraph();
    private final NeptunedataClient client = NeptunedataClient.builder().endpointOverride(neptune.endpoint())
            .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
    private final List<Process> processes = new ArrayList<>();
    private final ScheduledExecutorService workloadTimer = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = LocalPostgres.startOrSkip();
        assertThat(JAR).as("the packaged example (mvn package builds it before this test runs)").exists();
        Files.createDirectories(LOGS);
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        workloadTimer.shutdownNow();
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        client.close();
        neptune.close();
    }

    /** The delivery modes, as the README sets them. */
    enum Mode {
        RECORDS(Map.of()),
        BATCHES(Map.of("replica.batching", "true")),
        TRANSACTIONS(Map.of("replica.groupByTransaction", "true")),
        LANES(Map.of("replica.concurrentConsumers", "8"));

        final Map<String, String> properties;

        Mode(Map<String, String> properties) {
            this.properties = properties;
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theReplicaEqualsTheGraphAfterSigkillsAndRestarts(Mode mode) throws Exception {
        long seed = Long.getLong("replica.seed", System.nanoTime());
        Random random = new Random(seed);
        Replica replica = new Replica(mode.name().toLowerCase(Locale.ROOT), mode.properties, "classpath:sql/apply.sql");
        RandomGraphWorkload workload = new RandomGraphWorkload(graph, seed).vertices(30);
        // a backlog, then more changes while the replica runs and is killed
        workload.commit(150);
        AtomicInteger more = commitWhileRunning(workload, 200, Duration.ofMillis(10));
        long started = System.nanoTime();

        Process primary = replica.start("run-1");
        for (int kill = 1; kill <= KILLS; kill++) {
            long[] log = versions();
            int applied = replica.appliedIndex(log);
            if (applied >= log.length - 2) {
                // caught up with the workload: give it something to be killed in
                workload.commit(50);
                log = versions();
            }
            long target = log[applied + 1 + random.nextInt(log.length - applied - 1)];
            Process running = primary;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                    .until(() -> replica.position() >= target || !running.isAlive());
            assertThat(primary.isAlive()).as("replica run %d is still running (see %s)", kill, LOGS).isTrue();
            primary.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            LOG.info("{}: SIGKILL {} at version {}, {} records committed so far", mode, kill, replica.position(),
                    graph.recordCount());
            primary = replica.start("run-" + (kill + 1));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> more.get() == 0);
        replica.awaitCaughtUp();
        long took = (System.nanoTime() - started) / 1_000_000;

        List<String> differences = replica.differencesFrom(graph.state());
        String summary = String.format(Locale.ROOT, "replica %s: %,d records (%,d vertices, %,d edges at the end), %d"
                                                    + " SIGKILLs, caught up in %,d ms, %d differences (seed %d)",
                mode, graph.recordCount(), graph.state().vertices().size(), graph.state().edges().size(), KILLS, took,
                differences.size(), seed);
        LOG.info(summary);
        System.out.println(summary);
        assertThat(differences).as("replica vs graph after %d SIGKILLs", KILLS).isEmpty();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWriterThatLagsBehindChangesNothing() throws Exception {
        assertThat(afterAWriterThatLagsBehind("guarded", "classpath:sql/apply.sql")).isEmpty();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void withoutTheVersionGuardAWriterThatLagsBehindBringsOldFactsBack() throws Exception {
        String guarded = resource("sql/apply.sql");
        assertThat(GUARD.matcher(guarded).results().count()).as("a version guard per table").isEqualTo(4);
        Path unguarded = Files.writeString(LOGS.resolve("apply-without-guard.sql"), GUARD.matcher(guarded).replaceAll(""));

        List<String> differences = afterAWriterThatLagsBehind("unguarded", "file:" + unguarded.toAbsolutePath());

        LOG.info("without the version guard, a writer that lags behind left {} differences, e.g. {}", differences.size(),
                differences.subList(0, Math.min(5, differences.size())));
        assertThat(differences).as("differences without the version guard").isNotEmpty();
    }

    /**
     * The replica catches up with a change log and equals the graph (a replay in stream order ends right, with or
     * without the guard). Then a second writer with its own position replays the stream from the start and is killed
     * half-way, as a node restored with an old position would, or one that was deposed and finishes its work: returns
     * the differences it leaves.
     */
    private List<String> afterAWriterThatLagsBehind(String name, String applySql) throws Exception {
        // batches catch up soonest; the delivery mode makes no difference to what is written
        Replica replica = new Replica(name, Mode.BATCHES.properties, applySql);
        new RandomGraphWorkload(graph, 5).vertices(30).commit(500);
        replica.start("primary");
        replica.awaitCaughtUp();
        assertThat(replica.differencesFrom(graph.state())).as("the replica once caught up").isEmpty();

        long[] log = versions();
        long middle = log[log.length / 2];
        // small batches, each position stored at once, so that it is killed soon after the middle, far from the end
        // (a replay that reached the end would have put every fact right again)
        Process lagging = replica.start("lagging", Map.of("replica.offsetKey", "lagging", "replica.batching", "true",
                "replica.limit", "20", "replica.positionFlushInterval", "0"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                .until(() -> replica.position("lagging") >= middle || !lagging.isAlive());
        assertThat(lagging.isAlive()).as("the lagging writer is still running (see %s)", LOGS).isTrue();
        lagging.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(indexOf(log, replica.position("lagging"))).as("where the lagging writer was killed")
                .isLessThan(log.length * 3 / 4);
        return replica.differencesFrom(graph.state());
    }

    /** Commits {@code transactions} more transactions, one every {@code every}; returns how many are still to come. */
    private AtomicInteger commitWhileRunning(RandomGraphWorkload workload, int transactions, Duration every) {
        AtomicInteger remaining = new AtomicInteger(transactions);
        workloadTimer.scheduleAtFixedRate(() -> {
            if (remaining.get() > 0) {
                workload.commit();
                remaining.decrementAndGet();
            }
        }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        return remaining;
    }

    /** The version of every record of the change log, in stream order, as the real SDK client reads them. */
    private long[] versions() {
        List<PropertygraphRecord> records = client.getPropertygraphStream(GetPropertygraphStreamRequest.builder()
                .iteratorType(IteratorType.TRIM_HORIZON).limit(100_000L).build()).records();
        return records.stream().mapToLong(r -> ((Long.parseLong(r.eventId().get("commitNum")) + 1) << 24)
                                               | Long.parseLong(r.eventId().get("opNum")))
                .toArray();
    }

    private static long version(EventId id) {
        return ((id.commitNum() + 1) << 24) | id.opNum();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PostgresReplicaIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The replica application in its own database: its runs, its stored positions, its tables. */
    private final class Replica {
        private final String name;
        /** The settings the README gives in the environment, and the others as system properties. */
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        Replica(String name, Map<String, String> mode, String applySql) {
            this.name = name;
            String database = "replica_" + name;
            postgres.execute("DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database);
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database;
            dataSource.setURL(url);
            dataSource.setUser(LocalPostgres.USER);
            environment.put("NEPTUNE_ENDPOINT", neptune.endpoint().toString());
            environment.put("REPLICA_JDBC_URL", url);
            environment.put("REPLICA_USERNAME", LocalPostgres.USER);
            properties.put("replica.applySql", applySql);
            properties.put("replica.pollDelay", "50");
            properties.putAll(mode);
        }

        /**
         * Starts the README's command, {@code java -jar target/camel-neptune-replica.jar}, with these settings (and JVM
         * options that start it sooner).
         */
        Process start(String run, Map<String, String> more) throws IOException {
            List<String> command = new ArrayList<>(
                    List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            Map<String, String> settings = new LinkedHashMap<>(properties);
            settings.putAll(more);
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", JAR.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(LOGS.resolve(name + "-" + run + ".log").toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            processes.add(process);
            return process;
        }

        Process start(String run) throws IOException {
            return start(run, Map.of());
        }

        /** Waits until the position stored under the replica's key is the stream's last record. */
        void awaitCaughtUp() {
            long last = version(graph.lastEventId());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> position() == last);
        }

        long position() throws SQLException {
            return position("replica");
        }

        /** The version of the position stored under {@code key}, 0 when none is. */
        long position(String key) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT commit_num, op_num FROM replica_position WHERE state_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? ((row.getLong(1) + 1) << 24) | row.getLong(2) : 0;
                }
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) {
                    // the table is created when the application starts
                    return 0;
                }
                throw e;
            }
        }

        /** The index in {@code log} of the last record the replica stored as applied, -1 when none is. */
        int appliedIndex(long[] log) throws SQLException {
            return indexOf(log, position());
        }

        /**
         * Every fact the replica holds and the graph does not, and every fact the graph holds and the replica does not:
         * vertices' labels and property values, edges with their label and endpoints, edges' property values.
         */
        List<String> differencesFrom(PropertyGraphState state) throws SQLException {
            Set<String> expected = graphFacts(state);
            Set<String> actual = replicaFacts();
            List<String> differences = new ArrayList<>();
            expected.stream().filter(f -> !actual.contains(f)).forEach(f -> differences.add("missing: " + f));
            actual.stream().filter(f -> !expected.contains(f)).forEach(f -> differences.add("extra: " + f));
            return differences;
        }

        private Set<String> replicaFacts() throws SQLException {
            Set<String> facts = new TreeSet<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT vertex_id, unnest(labels) FROM vertices")) {
                    while (rows.next()) {
                        facts.add("vertex " + rows.getString(1) + " :" + rows.getString(2));
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT vertex_id, key, data_type, value #>> '{}' FROM vertex_properties")) {
                    while (rows.next()) {
                        facts.add("vertex " + rows.getString(1) + " " + rows.getString(2) + " = "
                                  + value(rows.getString(3), rows.getString(4)));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT edge_id, label, from_id, to_id FROM edges")) {
                    while (rows.next()) {
                        facts.add("edge " + rows.getString(1) + " :" + rows.getString(2) + " " + rows.getString(3) + "->"
                                  + rows.getString(4));
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT edge_id, key, data_type, value #>> '{}' FROM edge_properties")) {
                    while (rows.next()) {
                        facts.add("edge " + rows.getString(1) + " " + rows.getString(2) + " = "
                                  + value(rows.getString(3), rows.getString(4)));
                    }
                }
            }
            return facts;
        }
    }

    private static Set<String> graphFacts(PropertyGraphState state) {
        Set<String> facts = new TreeSet<>();
        state.vertices().values().forEach(v -> {
            v.labels().forEach(label -> facts.add("vertex " + v.id() + " :" + label));
            v.properties().forEach((key, values) -> values.forEach(
                    value -> facts.add("vertex " + v.id() + " " + key + " = " + value(value))));
        });
        state.edges().values().forEach(e -> {
            facts.add("edge " + e.id() + " :" + e.label() + " " + e.from() + "->" + e.to());
            e.properties().forEach((key, value) -> facts.add("edge " + e.id() + " " + key + " = " + value(value)));
        });
        return facts;
    }

    /** A Java property value as {@code dataType value}, numbers in one canonical form. */
    private static String value(Object value) {
        return value(value.getClass().getSimpleName(), String.valueOf(value));
    }

    private static String value(String dataType, String text) {
        boolean number = Set.of("Byte", "Short", "Integer", "Long", "Float", "Double").contains(dataType);
        return dataType + " " + (number ? new java.math.BigDecimal(text).stripTrailingZeros().toPlainString() : text);
    }

    private static int indexOf(long[] log, long version) {
        int at = Arrays.binarySearch(log, version);
        return at >= 0 ? at : -at - 2;
    }
}
