package dev.camelneptune.stream.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.camelneptune.stream.StreamPosition;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream positions in a database table, shared by several nodes: a {@link StateRepository} and a {@link PositionStore}
 * over any {@link DataSource}, one row per key, with fencing, that never lets a stored position move backwards.
 * <p>
 * <b>Fencing.</b> A consumer {@linkplain #claim claims} its key when it starts: the row records the {@link #setOwner
 * owner} and an epoch one higher than before. Each of its writes is a single conditional {@code UPDATE ... WHERE
 * STATE_KEY = ? AND CLAIM_EPOCH = ? AND (stored position <= new position)}: once another node has claimed the key, the
 * deposed node's writes change nothing and fail with a {@link PositionFencedException} (its consumer then stops). A
 * write older than the stored position under the current claim is <em>refused</em>: logged at WARN and counted
 * ({@link #getRefusedWrites()}), and the row keeps the newer one. Writes through {@code setState} (by hand, or a
 * consumer that does not know {@link PositionStore}) are not fenced, only never backwards.
 * <p>
 * <b>Connections.</b> The repository holds one connection of the {@code DataSource} while it runs (from a pool: one of
 * the pool's connections stays checked out), in auto-commit: every statement is its own transaction, so no row lock is
 * ever held between two statements, even by a process frozen in the middle of a write. When the connection breaks, the
 * repository opens another and runs the statement again (each one can safely run twice). Every statement has a
 * {@link #setQueryTimeout(int) queryTimeout}: a write blocked by another connection holding the row lock fails after
 * it, instead of stalling the consumer.
 * <p>
 * The table ({@link #setTableName(String) tableName}, default {@value #DEFAULT_TABLE_NAME}) is created on start when
 * missing ({@link #setCreateTable(boolean) createTable}), in plain SQL: see {@link #createTableSql(String)}.
 * <p>
 * Every change is written before {@code setState}/{@code store} returns (default). With {@link #setFlushInterval(long)
 * flushInterval} &gt; 0, writes are coalesced: the newest position per key is written within that many ms, and on stop;
 * a crash then repeats the records of the last interval (never skips them), and a deposed consumer learns it at the
 * first write after the flush that was refused.
 */
@ManagedResource(description = "JDBC state repository of Neptune stream positions")
public class JdbcStateRepository extends ServiceSupport
        implements StateRepository<String, String>, PositionStore, CamelContextAware {

    /** The table used unless {@link #setTableName(String)} names another. */
    public static final String DEFAULT_TABLE_NAME = "CAMEL_NEPTUNE_POSITION";
    /** The longest key the table holds. */
    public static final int MAX_KEY_LENGTH = 512;
    /** The longest owner name the table holds. */
    public static final int MAX_OWNER_LENGTH = 255;
    /** The default {@link #setQueryTimeout(int) queryTimeout}, in seconds. */
    public static final int DEFAULT_QUERY_TIMEOUT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateRepository.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    /** How often a write starts over when concurrent writers keep changing the row between its statements. */
    private static final int MAX_ATTEMPTS = 5;
    /**
     * The SQLSTATEs (and H2's codes) of "no such table": PostgreSQL, the SQL standard's (H2, MySQL, SQL Server), Derby,
     * DB2; H2 reports some cases by its own code.
     */
    private static final Set<String> UNDEFINED_TABLE = Set.of("42P01", "42S02", "42X05", "42704", "42102", "42103", "42104");
    private static final Set<String> UNDEFINED_COLUMN = Set.of("42703", "42S22", "42X04", "42122");
    /** Oracle's "table or view does not exist". */
    private static final int ORACLE_UNDEFINED_TABLE = 942;

    private CamelContext camelContext;
    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private long flushInterval;
    private int queryTimeout = DEFAULT_QUERY_TIMEOUT;
    private String owner;

    private String selectSql;
    private String updateSql;
    private String fencedUpdateSql;
    private String insertSql;
    private String claimSql;

    /** Guards the connection and every statement on it: one database call at a time. */
    private final ReentrantLock io = new ReentrantLock();
    private Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final AtomicLong connectionsOpened = new AtomicLong();

    /** Coalesced writes not made yet (flushInterval &gt; 0), newest per key; guarded by itself, never held over I/O. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Background writes refused for a stale claim, by key: the claimant learns it at its next write. */
    private final Map<String, PositionFencedException> fenced = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refusedWrites = new AtomicLong();
    private final AtomicLong fencedWrites = new AtomicLong();
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

    /** A coalesced write: the position, and the claim it is made under (null for {@code setState}). */
    private record Pending(StreamPosition position, PositionClaim claim) {
    }

    /** The row of a key. */
    private record Row(StreamPosition position, String owner, long epoch) {
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
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
        if (queryTimeout < 0) {
            throw new IllegalArgumentException(
                    "queryTimeout must be 0 (no limit) or more seconds, not " + queryTimeout);
        }
        if (owner == null || owner.isBlank()) {
            owner = NodeNames.defaultOwner();
        }
        if (owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException(
                    "owner has 1 to " + MAX_OWNER_LENGTH + " characters, not " + owner.length());
        }
        selectSql = "SELECT COMMIT_NUM, OP_NUM, CLAIM_OWNER, CLAIM_EPOCH FROM " + tableName + " WHERE STATE_KEY = ?";
        String notBackwards = " AND (COMMIT_NUM IS NULL OR COMMIT_NUM < ? OR (COMMIT_NUM = ? AND OP_NUM <= ?))";
        updateSql = "UPDATE " + tableName + " SET COMMIT_NUM = ?, OP_NUM = ?, UPDATED_AT = ? WHERE STATE_KEY = ?"
                    + notBackwards;
        fencedUpdateSql = "UPDATE " + tableName + " SET COMMIT_NUM = ?, OP_NUM = ?, UPDATED_AT = ? WHERE STATE_KEY = ?"
                          + " AND CLAIM_EPOCH = ?" + notBackwards;
        insertSql = "INSERT INTO " + tableName
                    + " (STATE_KEY, COMMIT_NUM, OP_NUM, CLAIM_OWNER, CLAIM_EPOCH, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?)";
        claimSql = "UPDATE " + tableName + " SET CLAIM_OWNER = ?, CLAIM_EPOCH = ?, UPDATED_AT = ? WHERE STATE_KEY = ?"
                   + " AND CLAIM_EPOCH = ?";
        database("prepare table " + tableName, this::ensureTable);
        flusher = BackgroundFlusher.startIfPositive(camelContext, this, "JdbcStateRepository " + tableName, flushInterval,
                this::flushInBackground);
    }

    @Override
    protected void doStop() throws Exception {
        try {
            if (flusher != null) {
                flusher.stop();
                flusher = null;
            }
            flush();
        } finally {
            io.lock();
            try {
                disconnect();
            } finally {
                io.unlock();
            }
        }
    }

    private Void ensureTable() throws SQLException {
        if (!tableExists()) {
            if (!createTable) {
                throw new IllegalStateException(
                        "table " + tableName + " does not exist and createTable=false; create it"
                                                + " (" + createTableSql(tableName) + ") or set createTable=true");
            }
            try (Statement statement = connection().createStatement()) {
                statement.execute(createTableSql(tableName));
                LOG.info("Created table {} for stream positions", tableName);
            } catch (SQLException e) {
                // another node may have created it at the same moment
                if (!tableExists()) {
                    throw e;
                }
            }
        }
        try (Statement statement = connection().createStatement()) {
            statement.executeQuery("SELECT STATE_KEY, COMMIT_NUM, OP_NUM, CLAIM_OWNER, CLAIM_EPOCH, UPDATED_AT FROM "
                                   + tableName + " WHERE 1 = 0")
                    .close();
        } catch (SQLException e) {
            if (isOneOf(e, UNDEFINED_COLUMN)) {
                throw new IllegalStateException(
                        "table " + tableName + " lacks columns this repository needs (" + e.getMessage()
                                                + "); it holds them as: " + createTableSql(tableName),
                        e);
            }
            throw e;
        }
        return null;
    }

    /** Whether the table exists: false only when the database says there is no such table, else its error. */
    private boolean tableExists() throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.executeQuery("SELECT STATE_KEY FROM " + tableName + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (isOneOf(e, UNDEFINED_TABLE) || e.getErrorCode() == ORACLE_UNDEFINED_TABLE) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The table in plain SQL: {@code STATE_KEY} the key; {@code COMMIT_NUM}, {@code OP_NUM} the position (null until a
     * first one is stored); {@code CLAIM_OWNER}, {@code CLAIM_EPOCH} the current claim.
     */
    public static String createTableSql(String tableName) {
        return "CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(" + MAX_KEY_LENGTH + ") NOT NULL,"
               + " COMMIT_NUM BIGINT, OP_NUM BIGINT, CLAIM_OWNER VARCHAR(" + MAX_OWNER_LENGTH + "),"
               + " CLAIM_EPOCH BIGINT NOT NULL, UPDATED_AT TIMESTAMP NOT NULL, PRIMARY KEY (STATE_KEY))";
    }

    // PositionStore

    @Override
    public PositionClaim claim(String key) {
        checkKey(key);
        // a coalesced write of an earlier claim of this repository goes first, while that claim is still the current one
        flush();
        fenced.remove(key);
        return database("claim " + key, () -> {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Row row = select(key);
                if (row == null) {
                    if (insert(key, null, owner, 1)) {
                        return new PositionClaim(key, owner, 1, null);
                    }
                    continue;
                }
                long epoch = row.epoch() + 1;
                PreparedStatement update = statement(claimSql);
                update.setString(1, owner);
                update.setLong(2, epoch);
                update.setTimestamp(3, now());
                update.setString(4, key);
                update.setLong(5, row.epoch());
                if (update.executeUpdate() == 1) {
                    // no write of an earlier claim can change the row any more: this is the position to go on from
                    Row claimed = select(key);
                    return new PositionClaim(key, owner, epoch, claimed != null ? claimed.position() : null);
                }
                // claimed by another node between the select and the update: read again
            }
            throw new IllegalStateException(
                    "other nodes claimed " + key + " " + MAX_ATTEMPTS + " times in a row while this one tried");
        });
    }

    @Override
    public void store(PositionClaim claim, StreamPosition position) {
        PositionFencedException refused = fenced.get(claim.key());
        if (refused != null && refused.claimedEpoch() == claim.epoch()) {
            throw refused;
        }
        if (flushInterval > 0) {
            synchronized (pending) {
                pending.put(claim.key(), new Pending(position, claim));
            }
            return;
        }
        write(claim.key(), position, claim);
    }

    @Override
    public StreamPosition read(String key) {
        synchronized (pending) {
            Pending waiting = pending.get(key);
            if (waiting != null) {
                return waiting.position();
            }
        }
        Row row = database("read the position of " + key, () -> select(key));
        return row != null ? row.position() : null;
    }

    // StateRepository

    /**
     * Stores {@code value} ({@code commitNum:opNum}) under {@code key}, unless the row holds a newer position: then the
     * write is refused, logged at WARN and counted, and the row keeps the newer one. Not fenced: a consumer writes
     * through {@link #store}.
     *
     * @throws IllegalArgumentException when the value is not a stream position or the key is too long
     * @throws IllegalStateException    when the database cannot be written (nothing is stored then)
     */
    @Override
    @ManagedOperation(description = "Sets the position (commitNum:opNum) of a key, unless the stored one is newer")
    public void setState(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("a JdbcStateRepository value is a stream position commitNum:opNum, not null");
        }
        StreamPosition position = StreamPosition.parse(value);
        if (flushInterval > 0) {
            synchronized (pending) {
                pending.put(key, new Pending(position, null));
            }
            return;
        }
        write(key, position, null);
    }

    /** The stored position of {@code key} ({@code commitNum:opNum}), or null; a coalesced write not yet made counts. */
    @Override
    @ManagedOperation(description = "Gets the position (commitNum:opNum) of a key")
    public String getState(String key) {
        StreamPosition position = read(key);
        return position != null ? position.toString() : null;
    }

    /**
     * Writes the coalesced positions now (with {@code flushInterval} &gt; 0; else every write is already made). A write
     * refused for a stale claim is kept for its claimant's next {@link #store}; the other failures are tried again at
     * the next flush, and the first one is thrown.
     */
    @ManagedOperation(description = "Writes the coalesced positions now")
    public void flush() {
        Map<String, Pending> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        RuntimeException failure = null;
        for (Map.Entry<String, Pending> entry : batch.entrySet()) {
            String key = entry.getKey();
            Pending write = entry.getValue();
            try {
                write(key, write.position(), write.claim());
            } catch (PositionFencedException e) {
                fenced.put(key, e);
            } catch (RuntimeException e) {
                synchronized (pending) {
                    // unless a newer write of the key came meanwhile
                    pending.putIfAbsent(key, write);
                }
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
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

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "a JdbcStateRepository key has 1 to " + MAX_KEY_LENGTH + " characters, not "
                                               + (key == null ? "null" : key.length()));
        }
    }

    /**
     * One write: a conditional update (fenced by the claim's epoch when there is one), then, when it changed nothing,
     * what the row says: no row yet (insert it), a newer position (refused), a later claim (fenced); starts over when
     * another writer changed the row between the two statements.
     */
    Write write(String key, StreamPosition position, PositionClaim claim) {
        return database("store position " + position + " of " + key, () -> {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                PreparedStatement update = statement(claim != null ? fencedUpdateSql : updateSql);
                int i = 1;
                update.setLong(i++, position.commitNum());
                update.setLong(i++, position.opNum());
                update.setTimestamp(i++, now());
                update.setString(i++, key);
                if (claim != null) {
                    update.setLong(i++, claim.epoch());
                }
                update.setLong(i++, position.commitNum());
                update.setLong(i++, position.commitNum());
                update.setLong(i, position.opNum());
                if (update.executeUpdate() > 0) {
                    writes.incrementAndGet();
                    return Write.STORED;
                }
                Row row = select(key);
                if (row == null) {
                    if (claim != null) {
                        fencedWrites.incrementAndGet();
                        throw new PositionFencedException(key, claim.epoch(), null, -1);
                    }
                    if (insert(key, position, null, 0)) {
                        writes.incrementAndGet();
                        return Write.STORED;
                    }
                    continue;
                }
                if (claim != null && row.epoch() != claim.epoch()) {
                    fencedWrites.incrementAndGet();
                    throw new PositionFencedException(key, claim.epoch(), row.owner(), row.epoch());
                }
                if (row.position() != null && isNewer(row.position(), position)) {
                    refused(key, position, row.position());
                    return Write.REFUSED;
                }
                // the row was older when read: another writer stored it after this update looked; start over
            }
            throw new IllegalStateException(
                    "other writers changed the row " + MAX_ATTEMPTS + " times in a row");
        });
    }

    /** Inserts the first row of a key; false when another writer inserted it first. */
    private boolean insert(String key, StreamPosition position, String claimOwner, long epoch) throws SQLException {
        PreparedStatement insert = statement(insertSql);
        insert.setString(1, key);
        if (position != null) {
            insert.setLong(2, position.commitNum());
            insert.setLong(3, position.opNum());
        } else {
            insert.setNull(2, Types.BIGINT);
            insert.setNull(3, Types.BIGINT);
        }
        if (claimOwner != null) {
            insert.setString(4, claimOwner);
        } else {
            insert.setNull(4, Types.VARCHAR);
        }
        insert.setLong(5, epoch);
        insert.setTimestamp(6, now());
        try {
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private Row select(String key) throws SQLException {
        PreparedStatement select = statement(selectSql);
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            long commitNum = row.getLong(1);
            StreamPosition position = row.wasNull() ? null : new StreamPosition(commitNum, row.getLong(2));
            return new Row(position, row.getString(3), row.getLong(4));
        }
    }

    private static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }

    // the connection

    /**
     * Runs {@code work} on the repository's connection, one call at a time. When the connection is broken, opens
     * another and runs {@code work} once more: every statement here can safely run twice.
     */
    private <T> T database(String what, Sql<T> work) {
        io.lock();
        try {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!isBroken(e)) {
                    throw failed(what, e);
                }
                LOG.info("The connection to table {} broke ({}); connecting again", tableName, e.getMessage());
                disconnect();
                try {
                    return work.run();
                } catch (SQLException again) {
                    throw failed(what, again);
                }
            }
        } finally {
            io.unlock();
        }
    }

    private IllegalStateException failed(String what, SQLException e) {
        if (e instanceof SQLTimeoutException || "57014".equals(e.getSQLState())) {
            return new IllegalStateException(
                    "cannot " + what + " in table " + tableName + ": no answer within queryTimeout=" + queryTimeout
                                             + " s (another connection may hold the row's lock): " + e.getMessage(),
                    e);
        }
        return new IllegalStateException("cannot " + what + " in table " + tableName + ": " + e.getMessage(), e);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection opened = dataSource.getConnection();
            try {
                if (!opened.getAutoCommit()) {
                    opened.setAutoCommit(true);
                }
            } catch (SQLException e) {
                close(opened);
                throw e;
            }
            connection = opened;
            connectionsOpened.incrementAndGet();
        }
        return connection;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql);
            if (queryTimeout > 0) {
                statement.setQueryTimeout(queryTimeout);
            }
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Whether the connection is unusable after {@code e}: SQLSTATE class 08, an admin shutdown, or it says so. */
    private boolean isBroken(SQLException e) {
        if (connection == null) {
            return true;
        }
        if (e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException) {
            return true;
        }
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        try {
            return connection.isClosed() || !connection.isValid(Math.max(1, Math.min(queryTimeout, 5)));
        } catch (SQLException check) {
            return true;
        }
    }

    private void disconnect() {
        statements.clear();
        if (connection != null) {
            close(connection);
            connection = null;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a broken connection: nothing to keep
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

    private static boolean isOneOf(SQLException e, Set<String> states) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null && states.contains(next.getSQLState())
                    || states.contains(Integer.toString(next.getErrorCode()))) {
                return true;
            }
        }
        return false;
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

    // properties

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /**
     * The context whose thread pools run the background flush; Camel sets it when the repository is in its registry.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database: any JDBC {@link DataSource}; the repository holds one of its connections while it runs. */
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

    @ManagedAttribute(description = "The longest a statement may take (s); 0: no limit")
    public int getQueryTimeout() {
        return queryTimeout;
    }

    /**
     * The longest a statement may take, in seconds (default {@value #DEFAULT_QUERY_TIMEOUT}; 0: no limit): a write
     * blocked by a connection that holds the row's lock (a frozen process in an open transaction) fails after it, and
     * the consumer reads its records again, instead of waiting forever.
     */
    public void setQueryTimeout(int queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    @ManagedAttribute(description = "The name this node claims keys under")
    public String getOwner() {
        return owner;
    }

    /**
     * The name this node claims keys under, shown to the node it deposes and to the one deposed (default
     * {@code <pid>@<host name>}; on Kubernetes the host name is the pod's name).
     */
    public void setOwner(String owner) {
        this.owner = owner;
    }

    @ManagedAttribute(description = "How many writes stored a position")
    public long getWrites() {
        return writes.get();
    }

    @ManagedAttribute(description = "How many writes were refused because the stored position was newer")
    public long getRefusedWrites() {
        return refusedWrites.get();
    }

    @ManagedAttribute(description = "How many writes were refused because another node had claimed the key since")
    public long getFencedWrites() {
        return fencedWrites.get();
    }

    @ManagedAttribute(description = "The last refused write, as logged (null when none)")
    public String getLastRefusal() {
        return lastRefusal;
    }

    @ManagedAttribute(description = "How many connections the repository has opened (one, and one more each time it broke)")
    public long getConnectionsOpened() {
        return connectionsOpened.get();
    }
}
