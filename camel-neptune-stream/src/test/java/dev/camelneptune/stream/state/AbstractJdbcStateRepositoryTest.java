package dev.camelneptune.stream.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.camelneptune.stream.StreamPosition;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What {@link JdbcStateRepository} promises, on one database engine: the subclasses give the engine (H2 in memory, and
 * a real PostgreSQL). Each repository instance plays one node; the table is what the nodes share.
 */
abstract class AbstractJdbcStateRepositoryTest {

    private final List<JdbcStateRepository> started = new ArrayList<>();
    private ListAppender log;

    /** The database under test; every call may return the same object. */
    abstract DataSource dataSource();

    @BeforeEach
    void clearLog() {
        log = ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender("list");
        log.clear();
    }

    @AfterEach
    void dropTable() throws SQLException {
        started.forEach(JdbcStateRepository::stop);
        if (dataSource() == null) {
            return; // skipped: no database
        }
        sql("DROP TABLE IF EXISTS " + JdbcStateRepository.DEFAULT_TABLE_NAME);
    }

    JdbcStateRepository node() {
        return node(0);
    }

    JdbcStateRepository node(long flushInterval) {
        return node(flushInterval, null);
    }

    /** A node claiming keys as {@code owner} (null: the default, pid@host). */
    JdbcStateRepository node(long flushInterval, String owner) {
        return start(new JdbcStateRepository(dataSource()), flushInterval, owner);
    }

    JdbcStateRepository start(JdbcStateRepository repository, long flushInterval, String owner) {
        repository.setFlushInterval(flushInterval);
        repository.setOwner(owner);
        repository.start();
        started.add(repository);
        return repository;
    }

    @Test
    void theFirstClaimOfAKeyHasEpochOneAndNoPosition() throws Exception {
        JdbcStateRepository node = node(0, "node-a");

        PositionClaim claim = node.claim("orders");

        assertThat(claim).isEqualTo(new PositionClaim("orders", "node-a", 1, null));
        assertThat(node.read("orders")).isNull();
        assertThat(node.getState("orders")).isNull();
    }

    @Test
    void eachClaimRaisesTheEpochAndStartsFromTheStoredPosition() throws Exception {
        JdbcStateRepository a = node(0, "node-a");
        JdbcStateRepository b = node(0, "node-b");
        PositionClaim first = a.claim("orders");
        a.store(first, new StreamPosition(7, 2));

        PositionClaim second = b.claim("orders");

        assertThat(second).isEqualTo(new PositionClaim("orders", "node-b", 2, new StreamPosition(7, 2)));
        assertThat(a.claim("orders").epoch()).isEqualTo(3);
        assertThat(claimOf("orders")).isEqualTo("node-a 3");
    }

    @Test
    void theDefaultOwnerIsThePidAtTheHostName() throws Exception {
        JdbcStateRepository node = node();

        assertThat(node.claim("orders").owner()).isEqualTo(node.getOwner())
                .startsWith(ProcessHandle.current().pid() + "@")
                .hasSizeGreaterThan(String.valueOf(ProcessHandle.current().pid()).length() + 1);
    }

    /**
     * A leader paused past its lease resumes and stores the position of the record it had in hand: the new leader has
     * claimed the key since, so the write is refused, even though its position is newer than the stored one, and the
     * exception names the new owner and epoch.
     */
    @Test
    void aPositionStoredUnderAStaleClaimIsRefusedEvenWhenItIsNewerAndNamesTheNewOwner() throws Exception {
        JdbcStateRepository deposed = node(0, "node-a");
        JdbcStateRepository leader = node(0, "node-b");
        PositionClaim stale = deposed.claim("orders");
        deposed.store(stale, new StreamPosition(5, 1));
        PositionClaim current = leader.claim("orders");

        assertThatThrownBy(() -> deposed.store(stale, new StreamPosition(9, 1)))
                .isInstanceOfSatisfying(PositionFencedException.class, e -> {
                    assertThat(e.key()).isEqualTo("orders");
                    assertThat(e.claimedEpoch()).isEqualTo(1);
                    assertThat(e.owner()).isEqualTo("node-b");
                    assertThat(e.epoch()).isEqualTo(2);
                })
                .hasMessage("position key 'orders' was claimed by node-b (epoch 2) after this node's claim (epoch 1)");

        assertThat(stored("orders")).as("the row keeps the new leader's position").isEqualTo("5:1");
        assertThat(deposed.getFencedWrites()).isEqualTo(1);
        leader.store(current, new StreamPosition(6, 1));
        assertThat(stored("orders")).isEqualTo("6:1");
    }

    @Test
    void underItsClaimAPositionNeverMovesBackwards() throws Exception {
        JdbcStateRepository node = node(0, "node-a");
        PositionClaim claim = node.claim("orders");
        node.store(claim, new StreamPosition(10, 2));

        node.store(claim, new StreamPosition(10, 1));

        assertThat(stored("orders")).isEqualTo("10:2");
        assertThat(node.getRefusedWrites()).isEqualTo(1);
        assertThat(node.getFencedWrites()).isZero();
    }

    @Test
    void aCoalescedPositionUnderAStaleClaimIsRefusedAtTheFlushAndThrownAtTheNextStore() throws Exception {
        JdbcStateRepository deposed = node(60_000, "node-a");
        JdbcStateRepository leader = node(0, "node-b");
        PositionClaim stale = deposed.claim("orders");
        deposed.store(stale, new StreamPosition(3, 1));
        leader.claim("orders");

        deposed.flush();

        assertThat(stored("orders")).isNull();
        assertThatThrownBy(() -> deposed.store(stale, new StreamPosition(4, 1)))
                .isInstanceOf(PositionFencedException.class).hasMessageContaining("claimed by node-b (epoch 2)");
        // a new claim of the deposed node clears it
        PositionClaim again = deposed.claim("orders");
        deposed.store(again, new StreamPosition(4, 1));
        deposed.flush();
        assertThat(stored("orders")).isEqualTo("4:1");
    }

    @Test
    void oneConnectionServesEveryWrite() throws Exception {
        CountingDataSource counting = new CountingDataSource(dataSource());
        JdbcStateRepository node = start(new JdbcStateRepository(counting), 0, "node-a");
        PositionClaim claim = node.claim("orders");
        for (int i = 1; i <= 100; i++) {
            node.store(claim, new StreamPosition(i, 1));
            node.setState("people", i + ":1");
        }
        node.getState("orders");

        assertThat(stored("orders")).isEqualTo("100:1");
        assertThat(counting.connections()).isEqualTo(1);
        assertThat(node.getConnectionsOpened()).isEqualTo(1);
    }

    @Test
    void aTableWithoutTheClaimColumnsFailsTheStartSayingWhatItNeeds() throws Exception {
        sql("CREATE TABLE " + JdbcStateRepository.DEFAULT_TABLE_NAME + " (STATE_KEY VARCHAR(512) NOT NULL, COMMIT_NUM"
            + " BIGINT NOT NULL, OP_NUM BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL, PRIMARY KEY (STATE_KEY))");

        assertThatThrownBy(() -> new JdbcStateRepository(dataSource()).start())
                .hasMessageContaining("table CAMEL_NEPTUNE_POSITION lacks columns this repository needs")
                .hasMessageContaining(JdbcStateRepository.createTableSql(JdbcStateRepository.DEFAULT_TABLE_NAME));
    }

    @Test
    void createsItsTableOnStartAndKeepsOneRowPerKey() throws Exception {
        assertThat(tableExists()).isFalse();
        JdbcStateRepository first = node();
        assertThat(tableExists()).as("table created on start").isTrue();

        first.setState("orders", "1:1");
        first.setState("orders", "7:3");
        first.setState("people", "2:1");
        first.stop();

        assertThat(count("SELECT COUNT(*) FROM " + JdbcStateRepository.DEFAULT_TABLE_NAME)).isEqualTo(2);
        JdbcStateRepository second = node();
        assertThat(second.getState("orders")).isEqualTo("7:3");
        assertThat(second.getState("people")).isEqualTo("2:1");
        assertThat(second.getState("unknown")).isNull();
    }

    @Test
    void aWriteOlderThanTheStoredPositionIsRefusedLoggedAndCounted() throws Exception {
        JdbcStateRepository deposed = node();
        JdbcStateRepository leader = node();
        deposed.setState("orders", "9:2");
        leader.setState("orders", "10:1");

        // the deposed leader finishes the records it had in hand, and writes their older positions
        deposed.setState("orders", "9:3");
        deposed.setState("orders", "10:0");

        assertThat(stored("orders")).as("the newer position stays").isEqualTo("10:1");
        assertThat(deposed.getState("orders")).isEqualTo("10:1");
        assertThat(deposed.getRefusedWrites()).isEqualTo(2);
        assertThat(leader.getRefusedWrites()).isZero();
        assertThat(deposed.getLastRefusal()).startsWith("Refused to move the position of orders backwards from 10:1 to 10:0");
        assertThat(log.getEvents()).filteredOn(e -> e.getLevel().name().equals("WARN"))
                .extracting(e -> e.getMessage().getFormattedMessage())
                .containsExactly(
                        "Refused to move the position of orders backwards from 10:1 to 9:3 (table CAMEL_NEPTUNE_POSITION):"
                                 + " another node stored a newer position; this node is probably no longer the leader",
                        "Refused to move the position of orders backwards from 10:1 to 10:0 (table CAMEL_NEPTUNE_POSITION):"
                                                                                                                        + " another node stored a newer position; this node is probably no longer the leader");

        // the same position again changes nothing and is no refusal; a newer one moves on
        leader.setState("orders", "10:1");
        deposed.setState("orders", "11:1");
        assertThat(stored("orders")).isEqualTo("11:1");
        assertThat(deposed.getRefusedWrites() + leader.getRefusedWrites()).isEqualTo(2);
    }

    /**
     * Two nodes write the same positions one after the other, as two leaders over the same log would (one a little
     * behind), while a third connection watches the row: it never sees the position go back, and the end is the newest.
     * Without the conditional update the lagging node would keep writing the row back.
     */
    @Test
    void twoConcurrentWritersNeverMoveTheStoredPositionBackwards() throws Exception {
        int positions = 200;
        JdbcStateRepository a = node();
        JdbcStateRepository b = node();
        a.setState("orders", "0:1");
        ConcurrentLinkedQueue<String> backwards = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> watcher = threads.submit(() -> {
                StreamPosition last = new StreamPosition(0, 1);
                try (Connection connection = dataSource().getConnection()) {
                    while (writing.get()) {
                        StreamPosition now = StreamPosition.parse(stored(connection, "orders"));
                        if (now.commitNum() < last.commitNum()
                                || now.commitNum() == last.commitNum() && now.opNum() < last.opNum()) {
                            backwards.add(last + " -> " + now);
                        }
                        last = now;
                    }
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (JdbcStateRepository node : List.of(a, b)) {
                writers.add(threads.submit(() -> {
                    go.await();
                    for (int i = 1; i <= positions; i++) {
                        node.setState("orders", i + ":" + (i % 3 + 1));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            watcher.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(backwards).as("the position as a third connection saw it never moved back").isEmpty();
        assertThat(stored("orders")).isEqualTo(positions + ":" + (positions % 3 + 1));
        assertThat(a.getWrites() + a.getRefusedWrites() + b.getWrites() + b.getRefusedWrites())
                .as("every write either stored or refused").isEqualTo(2L * positions + 1);
        System.out.printf("%s: two writers, %d positions each: %d refused%n", getClass().getSimpleName(), positions,
                a.getRefusedWrites() + b.getRefusedWrites());
    }

    @Test
    void byDefaultEveryPositionIsInTheDatabaseWhenSetStateReturns() throws Exception {
        JdbcStateRepository repository = node();
        for (int i = 1; i <= 5; i++) {
            repository.setState("orders", i + ":1");
            assertThat(stored("orders")).isEqualTo(i + ":1");
        }
        assertThat(repository.getWrites()).isEqualTo(5);
    }

    @Test
    void withAFlushIntervalWritesAreCoalescedAndTheLastOneIsWrittenWithinIt() throws Exception {
        JdbcStateRepository repository = node(100);
        for (int i = 1; i <= 50; i++) {
            repository.setState("orders", i + ":1");
        }
        assertThat(repository.getState("orders")).as("this node sees its own pending write").isEqualTo("50:1");

        await().atMost(java.time.Duration.ofSeconds(5)).until(() -> "50:1".equals(stored("orders")));
        assertThat(repository.getWrites()).as("50 changes, coalesced").isLessThan(50);

        repository.setState("orders", "51:1");
        repository.stop();
        assertThat(stored("orders")).as("written on stop").isEqualTo("51:1");
    }

    @Test
    void aCoalescedWriteIsRefusedToo() throws Exception {
        JdbcStateRepository deposed = node(60_000);
        JdbcStateRepository leader = node();
        deposed.setState("orders", "3:1");
        leader.setState("orders", "4:1");
        deposed.flush();
        assertThat(stored("orders")).isEqualTo("4:1");
        assertThat(deposed.getRefusedWrites()).isEqualTo(1);
    }

    @Test
    void withCreateTableOffAMissingTableFailsTheStartNamingTheOption() {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource());
        repository.setCreateTable(false);
        assertThatThrownBy(repository::start).hasMessageContaining("table CAMEL_NEPTUNE_POSITION does not exist and"
                                                                   + " createTable=false");
    }

    @Test
    void badSettingsAndValuesAreRefusedWithTheRule() {
        JdbcStateRepository injected = new JdbcStateRepository(dataSource());
        injected.setTableName("positions; DROP TABLE users");
        assertThatThrownBy(injected::start)
                .hasMessage("tableName must be an SQL name (letters, digits, _; optionally schema.table), not"
                            + " positions; DROP TABLE users");
        assertThatThrownBy(() -> new JdbcStateRepository().start())
                .hasMessage("dataSource must be set on the JdbcStateRepository");

        JdbcStateRepository repository = node();
        assertThatThrownBy(() -> repository.setState("orders", "latest"))
                .hasMessage("a stream position is commitNum:opNum, e.g. 1207:3, not latest");
        assertThatThrownBy(() -> repository.setState("k".repeat(513), "1:1"))
                .hasMessage("a JdbcStateRepository key has 1 to 512 characters, not 513");
    }

    /** The claim of the row, as {@code owner epoch}. */
    String claimOf(String key) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT CLAIM_OWNER, CLAIM_EPOCH FROM "
                                                    + JdbcStateRepository.DEFAULT_TABLE_NAME + " WHERE STATE_KEY = '"
                                                    + key + "'")) {
            return row.next() ? row.getString(1) + " " + row.getLong(2) : null;
        }
    }

    String stored(String key) throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return stored(connection, key);
        }
    }

    private static String stored(Connection connection, String key) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COMMIT_NUM, OP_NUM FROM "
                                                    + JdbcStateRepository.DEFAULT_TABLE_NAME + " WHERE STATE_KEY = '"
                                                    + key + "'")) {
            if (!row.next()) {
                return null;
            }
            long commitNum = row.getLong(1);
            return row.wasNull() ? null : commitNum + ":" + row.getLong(2);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private boolean tableExists() {
        try {
            count("SELECT COUNT(*) FROM " + JdbcStateRepository.DEFAULT_TABLE_NAME);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
