package dev.camelneptune.stream.state;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** {@link JdbcStateRepository} on H2 (in memory, in this JVM): runs on every machine. */
class JdbcStateRepositoryH2Test extends AbstractJdbcStateRepositoryTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcStateRepositoryH2Test() {
        dataSource.setURL("jdbc:h2:mem:positions;DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
