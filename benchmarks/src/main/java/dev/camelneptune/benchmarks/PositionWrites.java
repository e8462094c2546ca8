package dev.camelneptune.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.camelneptune.stream.StreamPosition;
import dev.camelneptune.stream.state.JdbcStateRepository;
import dev.camelneptune.stream.state.PositionClaim;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Synchronous position writes ({@code flushInterval=0}, what a consumer pays per record) to a throw-away PostgreSQL on
 * loopback: {@link JdbcStateRepository} over a plain {@code PGSimpleDataSource} and over HikariCP, against the raw JDBC
 * loop a user would write by hand (one connection, one prepared {@code UPDATE} of the row per position, auto-commit).
 * Each arm writes {@code writes} increasing positions of its own key.
 */
final class PositionWrites implements AutoCloseable {

    private final LocalPostgres postgres = LocalPostgres.start();
    private final PGSimpleDataSource simple = postgres.dataSource();
    private final HikariDataSource pool;
    private long next;

    PositionWrites() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(LocalPostgres.USER);
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        // the table, and the raw loop's row
        JdbcStateRepository repository = new JdbcStateRepository(simple);
        repository.start();
        repository.setState("raw", "0:1");
        repository.stop();
    }

    /** The baseline: one connection, one prepared UPDATE per position, auto-commit. */
    long rawUpdateLoop(int writes) throws Exception {
        try (Connection connection = simple.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + JdbcStateRepository.DEFAULT_TABLE_NAME
                                                                    + " SET COMMIT_NUM = ?, OP_NUM = ?, UPDATED_AT = ?"
                                                                    + " WHERE STATE_KEY = 'raw'")) {
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                update.setLong(1, ++next);
                update.setLong(2, 1);
                update.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                update.executeUpdate();
            }
            return System.nanoTime() - start;
        }
    }

    /** {@code setState(key, "commitNum:opNum")}, as any StateRepository user writes. */
    long setState(DataSource dataSource, String key, int writes) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.start();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                repository.setState(key, ++next + ":1");
            }
            return System.nanoTime() - start;
        } finally {
            repository.stop();
        }
    }

    /** {@code store(claim, position)}: what the consumer does with a position store (fenced by its claim). */
    long store(DataSource dataSource, String key, int writes) {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource);
        repository.start();
        try {
            PositionClaim claim = repository.claim(key);
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                repository.store(claim, new StreamPosition(++next, 1));
            }
            return System.nanoTime() - start;
        } finally {
            repository.stop();
        }
    }

    DataSource simple() {
        return simple;
    }

    DataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        postgres.close();
    }
}
