package dev.camelneptune.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.camelneptune.stream.state.JdbcStateRepository;

/**
 * Reads a stored position every few ms from its own connection, and notes every reading older than the one before: what
 * the position store must make impossible.
 */
final class PositionWatch {
    private final DataSource dataSource;
    private final String key;
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

    PositionWatch(DataSource dataSource, String key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::sample, 0, 5, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        disconnect();
    }

    /** The last position read, {@code commitNum:opNum}; null before the first. */
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
                                                     + JdbcStateRepository.DEFAULT_TABLE_NAME + " WHERE STATE_KEY = ?");
                select.setString(1, key);
            }
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    long commitNum = row.getLong(1);
                    if (row.wasNull()) {
                        // claimed, no position stored yet
                        return;
                    }
                    long[] now = { commitNum, row.getLong(2) };
                    if (previous != null && (now[0] < previous[0] || now[0] == previous[0] && now[1] < previous[1])) {
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
