package dev.camelneptune.stream.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.camelneptune.stream.StreamPosition;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream positions in a database table, shared by several nodes: a {@link StateRepository} over any {@link DataSource},
 * one row per key, that never lets a stored position move backwards.
 * <p>
 * Each value is a stream position {@code commitNum:opNum}. A write is one transaction holding a conditional
 * {@code UPDATE ... WHERE STATE_KEY = ? AND (stored position <= new position)}: the database locks the row for it, so
 * two writers cannot interleave, and a write older than the stored position changes nothing. Such a write is
 * <em>refused</em>: logged at WARN with both positions and counted ({@link #getRefusedWrites()}); {@code setState}
 * returns normally. This is what protects several nodes: a leader that lost its lease (a long GC pause, a network
 * partition) and still finishes a record cannot write its older position over the newer one of the leader that replaced
 * it. Writing the stored position again is accepted (it changes nothing).
 * <p>
 * The table ({@link #setTableName(String) tableName}, default {@value #DEFAULT_TABLE_NAME}) is created on start when
 * missing ({@link #setCreateTable(boolean) createTable}), in plain SQL:
 * {@code STATE_KEY VARCHAR(512) PRIMARY KEY, COMMIT_NUM BIGINT, OP_NUM BIGINT, UPDATED_AT TIMESTAMP}.
 * <p>
 * Every change is written before {@code setState} returns (default). With {@link #setFlushInterval(long) flushInterval}
 * &gt; 0, writes are coalesced: the newest position per key is written within that many ms, and on stop; a crash then
 * repeats the records of the last interval (never skips them).
 */
@ManagedResource(description = "JDBC state repository of Neptune stream positions")
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The table used unless {@link #setTableName(String)} names another. */
    public static final String DEFAULT_TABLE_NAME = "CAMEL_NEPTUNE_POSITION";
    /** The longest key the table holds. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    /** How often a write starts over when concurrent writers keep changing the row between its statements. */
    private static final int MAX_ATTEMPTS = 5;

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private long flushInterval;

    private String selectSql;
    private String updateSql;
    private String insertSql;

    private final Map<String, StreamPosition> pending = new LinkedHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refusedWrites = new AtomicLong();
    private volatile String lastRefusal;
    private BackgroundFlusher flusher;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outcome of one write. */
    enum Write {
        /** The row now holds the new position (or already held it). */
        STORED,
        /** The row holds a newer position; nothing changed. */
        REFUSED
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource must be set on the JdbcStateRepository");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException(
                    "tableName must be an SQL name (letters, digits, _; optionally"
                                               + " schema.table), not " + tableName);
        }
        if (flushInterval < 0) {
            throw new IllegalArgumentException(
                    "flushInterval must be 0 (write every change at once) or more ms, not "
                                               + flushInterval);
        }
        selectSql = "SELECT COMMIT_NUM, OP_NUM FROM " + tableName + " WHERE STATE_KEY = ?";
        updateSql = "UPDATE " + tableName + " SET COMMIT_NUM = ?, OP_NUM = ?, UPDATED_AT = ? WHERE STATE_KEY = ?"
                    + " AND (COMMIT_NUM < ? OR (COMMIT_NUM = ? AND OP_NUM <= ?))";
        insertSql = "INSERT INTO " + tableName + " (STATE_KEY, COMMIT_NUM, OP_NUM, UPDATED_AT) VALUES (?, ?, ?, ?)";
        ensureTable();
        flusher = BackgroundFlusher.startIfPositive("JdbcStateRepository " + tableName, flushInterval, this::flushInBackground);
    }

    @Override
    protected void doStop() throws Exception {
        if (flusher != null) {
            flusher.stop();
            flusher = null;
        }
        flush();
    }

    private void ensureTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (tableExists(connection)) {
                return;
            }
            if (!createTable) {
                throw new IllegalStateException(
                        "table " + tableName + " does not exist and createTable=false; create it"
                                                + " (" + createTableSql() + ") or set createTable=true");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(createTableSql());
                LOG.info("Created table {} for stream positions", tableName);
            } catch (SQLException e) {
                // another node may have created it at the same moment
                if (!tableExists(connection)) {
                    throw e;
                }
            }
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT STATE_KEY, COMMIT_NUM, OP_NUM, UPDATED_AT FROM " + tableName + " WHERE 1 = 0")
                    .close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private String createTableSql() {
        return "CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL,"
               + " COMMIT_NUM BIGINT NOT NULL, OP_NUM BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL,"
               + " PRIMARY KEY (STATE_KEY))";
    }

    /**
     * Stores {@code value} ({@code commitNum:opNum}) under {@code key}, unless the row holds a newer position: then the
     * write is refused, logged at WARN and counted, and the row keeps the newer one.
     *
     * @throws IllegalArgumentException when the value is not a stream position or the key is too long
     * @throws IllegalStateException    when the database cannot be written (nothing is stored then)
     */
    @Override
    @ManagedOperation(description = "Sets the position (commitNum:opNum) of a key, unless the stored one is newer")
    public void setState(String key, String value) {
        StreamPosition position = validate(key, value);
        if (flushInterval > 0) {
            synchronized (pending) {
                pending.put(key, position);
            }
            return;
        }
        write(key, position);
    }

    /** The stored position of {@code key} ({@code commitNum:opNum}), or null; a coalesced write not yet made counts. */
    @Override
    @ManagedOperation(description = "Gets the position (commitNum:opNum) of a key")
    public String getState(String key) {
        synchronized (pending) {
            StreamPosition waiting = pending.get(key);
            if (waiting != null) {
                return waiting.toString();
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            StreamPosition stored = read(connection, key);
            return stored != null ? stored.toString() : null;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the position of " + key + " from table " + tableName + ": "
                                            + e.getMessage(),
                    e);
        }
    }

    /** Writes the coalesced positions now (with {@code flushInterval} &gt; 0; else every write is already made). */
    @ManagedOperation(description = "Writes the coalesced positions now")
    public void flush() {
        synchronized (pending) {
            var entries = pending.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                write(entry.getKey(), entry.getValue());
                entries.remove();
            }
        }
    }

    /** A failed background write stays pending and is tried again on the next tick (or replaced by a newer one). */
    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Cannot write the positions to table {} (tried again in {} ms): {}", tableName, flushInterval,
                    e.getMessage());
        }
    }

    private static StreamPosition validate(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a JdbcStateRepository key has 1 to " + MAX_KEY_LENGTH + " characters, not "
                                               + (key == null ? "null" : key.length()));
        }
        if (value == null) {
            throw new IllegalArgumentException("a JdbcStateRepository value is a stream position commitNum:opNum, not null");
        }
        return StreamPosition.parse(value);
    }

    /** One write, in one transaction; starts over when another writer changed the row between its statements. */
    Write write(String key, StreamPosition position) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                    Write outcome = tryWrite(connection, key, position);
                    if (outcome != null) {
                        return outcome;
                    }
                }
                throw new IllegalStateException(
                        "cannot store position " + position + " of " + key + " in table "
                                                + tableName + ": other writers changed the row " + MAX_ATTEMPTS
                                                + " times in a row");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot store position " + position + " of " + key + " in table " + tableName
                                            + ": " + e.getMessage(),
                    e);
        }
    }

    /** One attempt, committed or rolled back before it returns; null when it must start over. */
    private Write tryWrite(Connection connection, String key, StreamPosition position) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try {
            // the row lock this takes is held to the commit: a concurrent writer waits, then sees the new row
            try (PreparedStatement update = connection.prepareStatement(updateSql)) {
                update.setLong(1, position.commitNum());
                update.setLong(2, position.opNum());
                update.setTimestamp(3, now);
                update.setString(4, key);
                update.setLong(5, position.commitNum());
                update.setLong(6, position.commitNum());
                update.setLong(7, position.opNum());
                if (update.executeUpdate() > 0) {
                    connection.commit();
                    writes.incrementAndGet();
                    return Write.STORED;
                }
            }
            StreamPosition stored = read(connection, key);
            if (stored == null) {
                try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                    insert.setString(1, key);
                    insert.setLong(2, position.commitNum());
                    insert.setLong(3, position.opNum());
                    insert.setTimestamp(4, now);
                    insert.executeUpdate();
                }
                connection.commit();
                writes.incrementAndGet();
                return Write.STORED;
            }
            connection.commit();
            if (isNewer(stored, position)) {
                refused(key, position, stored);
                return Write.REFUSED;
            }
            // the row was older when read: another writer stored it after this update looked; start over
            return null;
        } catch (SQLException e) {
            connection.rollback();
            if (isDuplicateKey(e)) {
                // another writer inserted the first row of this key at the same moment: start over, it is there now
                return null;
            }
            throw e;
        }
    }

    private StreamPosition read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectSql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new StreamPosition(row.getLong(1), row.getLong(2)) : null;
            }
        }
    }

    private void refused(String key, StreamPosition position, StreamPosition stored) {
        refusedWrites.incrementAndGet();
        String refusal = "Refused to move the position of " + key + " backwards from " + stored + " to " + position
                         + " (table " + tableName + "): another node stored a newer position; this node is"
                         + " probably no longer the leader";
        lastRefusal = refusal;
        LOG.warn(refusal);
    }

    private static boolean isNewer(StreamPosition a, StreamPosition b) {
        return a.commitNum() > b.commitNum() || a.commitNum() == b.commitNum() && a.opNum() > b.opNum();
    }

    /** SQLSTATE class 23 is an integrity constraint violation in every engine (23505 unique, 23000 generic). */
    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next instanceof java.sql.SQLIntegrityConstraintViolationException
                    || next.getSQLState() != null && next.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database: any JDBC {@link DataSource} (a connection pool is best with several writes per second). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ManagedAttribute(description = "The table holding the positions")
    public String getTableName() {
        return tableName;
    }

    /** The table holding the positions, one row per key; default {@value #DEFAULT_TABLE_NAME}. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    @ManagedAttribute(description = "Whether the table is created on start when missing")
    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table on start when it is missing (default true). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @ManagedAttribute(description = "At most how long (ms) a change waits before it is written; 0 writes every change at once")
    public long getFlushInterval() {
        return flushInterval;
    }

    /** At most how long (ms) a change waits before it is written; 0 (the default) writes every change at once. */
    public void setFlushInterval(long flushInterval) {
        this.flushInterval = flushInterval;
    }

    @ManagedAttribute(description = "How many writes stored a position")
    public long getWrites() {
        return writes.get();
    }

    @ManagedAttribute(description = "How many writes were refused because the stored position was newer")
    public long getRefusedWrites() {
        return refusedWrites.get();
    }

    @ManagedAttribute(description = "The last refused write, as logged (null when none)")
    public String getLastRefusal() {
        return lastRefusal;
    }
}
