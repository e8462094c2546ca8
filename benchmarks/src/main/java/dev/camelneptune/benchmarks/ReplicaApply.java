package dev.camelneptune.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.stream.EventId;
import dev.camelneptune.local.stream.PropertyGraphStream;
import dev.camelneptune.local.stream.RandomGraphWorkload;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.apache.camel.main.Main;

/**
 * The {@code postgres-replica} example as it ships (its YAML routes, SQL and application.properties, run by Camel Main
 * in this JVM), applying a random workload's change log to a throw-away PostgreSQL on loopback in one delivery mode.
 * Each run starts from empty tables and is timed from starting the application to the stored position reaching the
 * log's last record (the example writes its position every 250 ms, so a run ends up to 250 ms after its last
 * statement).
 */
final class ReplicaApply implements AutoCloseable {

    private static final String TABLES = "DROP VIEW IF EXISTS vertices, vertex_properties, edges, edge_properties;"
                                         + " DROP TABLE IF EXISTS vertex_label, vertex_property, edge, edge_property,"
                                         + " replica_position";

    private final LocalPostgres postgres = LocalPostgres.start();
    private final NeptuneLocal neptune = NeptuneLocal.start();
    private final EventId last;
    private final int records;
    private final AtomicInteger runs = new AtomicInteger();

    ReplicaApply(int transactions) {
        PropertyGraphStream graph = neptune.stream().propertyGraph();
        new RandomGraphWorkload(graph, 23).vertices(2_000).commit(transactions);
        last = graph.lastEventId();
        records = graph.recordCount();
    }

    int records() {
        return records;
    }

    /**
     * Runs the example with {@code mode} (its replica.* properties) until the copy is complete; elapsed nanoseconds.
     */
    long apply(Map<String, String> mode) throws Exception {
        postgres.execute(TABLES);
        String key = "bench-" + runs.incrementAndGet();
        Main main = new Main();
        main.addOverrideProperty("neptune.endpoint", neptune.endpoint().toString());
        main.addOverrideProperty("replica.jdbcUrl", postgres.jdbcUrl());
        main.addOverrideProperty("replica.username", LocalPostgres.USER);
        main.addOverrideProperty("replica.offsetKey", key);
        main.addOverrideProperty("replica.pollDelay", "10");
        mode.forEach(main::addOverrideProperty);
        long start = System.nanoTime();
        main.start();
        try {
            awaitPosition(key, start);
            return System.nanoTime() - start;
        } finally {
            main.stop();
        }
    }

    private void awaitPosition(String key, long start) throws Exception {
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        try (Connection connection = postgres.dataSource().getConnection()) {
            while (System.nanoTime() < deadline) {
                if (stored(connection, key)) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the replica did not reach " + last + " in 5 minutes");
    }

    private boolean stored(Connection connection, String key) throws Exception {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT COMMIT_NUM, OP_NUM FROM replica_position WHERE STATE_KEY = ?")) {
            read.setString(1, key);
            try (ResultSet row = read.executeQuery()) {
                return row.next() && row.getLong(1) == last.commitNum() && row.getLong(2) == last.opNum();
            }
        } catch (java.sql.SQLException e) {
            // the application has not created its tables yet
            return false;
        }
    }

    @Override
    public void close() {
        neptune.close();
        postgres.close();
    }
}
