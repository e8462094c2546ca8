package dev.camelneptune.stream.state;

import javax.sql.DataSource;

import dev.camelneptune.testpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link JdbcStateRepository} on a real PostgreSQL that this test starts (and stops) itself on a free loopback port.
 * Skipped, with a message saying how to run it, on a machine without PostgreSQL; required in CI.
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
}
