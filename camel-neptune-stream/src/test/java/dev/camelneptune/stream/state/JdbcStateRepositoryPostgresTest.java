package dev.camelneptune.stream.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link JdbcStateRepository} on a real PostgreSQL that this test starts (and stops) itself on a free loopback port.
 * Skipped, with a message saying how to run it, on a machine without PostgreSQL; required in CI. Besides the rules
 * every engine keeps, what needs a server: row locks held by another connection, a connection the server ends, a role
 * without rights.
 */
class JdbcStateRepositoryPostgresTest extends AbstractJdbcStateRepositoryTest {

    private static LocalPostgres postgres;
    private static DataSource dataSource;

    /** Started by the first test; each test is skipped on its own (and counted) when there is no PostgreSQL. */
    @BeforeEach
    void startPostgres() {
        if (postgres == null) {
            postgres = LocalPostgres.startOrSkip();
            dataSource = postgres.dataSource();
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * A writer frozen in an open transaction (here a second connection holding {@code SELECT ... FOR UPDATE} on the
     * row) would stall every write to the row; the new leader's write fails after {@code queryTimeout} instead, naming
     * it, and goes through once the lock is gone.
     */
    @Test
    void aWriteBlockedByAFrozenWriterHoldingTheRowLockFailsAfterTheQueryTimeout() throws Exception {
        JdbcStateRepository leader = new JdbcStateRepository(dataSource);
        leader.setQueryTimeout(1);
        start(leader, 0, "node-b");
        PositionClaim claim = leader.claim("orders");
        leader.store(claim, new StreamPosition(1, 1));
        try (Connection frozen = dataSource.getConnection()) {
            frozen.setAutoCommit(false);
            try (Statement lock = frozen.createStatement()) {
                lock.executeQuery("SELECT * FROM " + JdbcStateRepository.DEFAULT_TABLE_NAME
                                  + " WHERE STATE_KEY = 'orders' FOR UPDATE")
                        .close();
            }

            CompletableFuture<Void> write
                    = CompletableFuture.runAsync(() -> leader.store(claim, new StreamPosition(2, 1)));

            await().atMost(Duration.ofSeconds(20)).until(write::isDone);
            assertThatThrownBy(write::join).hasRootCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot store position 2:1 of orders in table CAMEL_NEPTUNE_POSITION: no answer"
                                          + " within queryTimeout=1 s");
            frozen.rollback();
        }
        leader.store(claim, new StreamPosition(2, 1));
        assertThat(stored("orders")).isEqualTo("2:1");
    }

    @Test
    void aConnectionTheServerEndsIsReplacedAndTheWriteIsMade() throws Exception {
        JdbcStateRepository node = node(0, "node-a");
        PositionClaim claim = node.claim("orders");
        node.store(claim, new StreamPosition(1, 1));

        // the server ends every other connection (a restart, a failover, an idle timeout)
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
            + " AND datname = current_database()");
        node.store(claim, new StreamPosition(2, 1));

        assertThat(stored("orders")).isEqualTo("2:1");
        assertThat(node.getConnectionsOpened()).isEqualTo(2);
    }

    /** A database error other than "no such table" is reported as it is, not as a table to create. */
    @Test
    void aRoleWithoutRightsOnTheTableGetsThePermissionErrorNotACreateTableError() throws Exception {
        node().stop();
        sql("DROP ROLE IF EXISTS position_reader");
        sql("CREATE ROLE position_reader LOGIN");
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setUrl(postgres.jdbcUrl());
        reader.setUser("position_reader");

        assertThatThrownBy(() -> new JdbcStateRepository(reader).start())
                .hasMessageContaining("permission denied for table camel_neptune_position")
                .hasMessageNotContaining("already exists");
    }

    /** With coalesced writes, a flush stuck behind a row lock never holds up the consumer's next setState. */
    @Test
    void setStateReturnsWhileACoalescedWriteWaitsForTheRowLock() throws Exception {
        JdbcStateRepository node = node(60_000, "node-a");
        node.setState("orders", "1:1");
        node.flush();
        try (Connection frozen = dataSource.getConnection()) {
            frozen.setAutoCommit(false);
            try (Statement lock = frozen.createStatement()) {
                lock.executeQuery("SELECT * FROM " + JdbcStateRepository.DEFAULT_TABLE_NAME
                                  + " WHERE STATE_KEY = 'orders' FOR UPDATE")
                        .close();
            }
            node.setState("orders", "2:1");
            CompletableFuture<Void> flush = CompletableFuture.runAsync(node::flush);
            await().atMost(Duration.ofSeconds(5)).until(() -> waitingForALock() > 0);

            CompletableFuture<Void> next = CompletableFuture.runAsync(() -> node.setState("orders", "3:1"));

            next.get(5, TimeUnit.SECONDS);
            assertThat(node.getState("orders")).as("its own pending write").isEqualTo("3:1");
            assertThat(flush).isNotDone();
            frozen.commit();
            flush.get(10, TimeUnit.SECONDS);
        }
        node.flush();
        assertThat(stored("orders")).isEqualTo("3:1");
    }

    private long waitingForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
