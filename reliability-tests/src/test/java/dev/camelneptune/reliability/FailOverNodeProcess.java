package dev.camelneptune.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;

import static org.awaitility.Awaitility.await;

/**
 * One node of {@link ZooKeeperFailOverTest}:
 * {@code FailOverNodeProcess <neptune endpoint> <zookeeper host:port> <jdbc url> <output file> <node name>}.
 * <p>
 * The route is {@code master:neptune-fail-over:neptune-stream:...}: camel-zookeeper's cluster service elects one leader
 * among the nodes, and only the leader's consumer runs. The position is in a {@link JdbcStateRepository} on the shared
 * PostgreSQL (flushInterval 0: stored before the next record). For each record the route appends
 * {@code <pid> commitNum:opNum} to the shared output file (opened in append mode by every node, one {@code write} per
 * line), before the exchange completes and so before the position is stored: the output is never behind the stored
 * position.
 */
public final class FailOverNodeProcess {

    /** The ZooKeeper session timeout: how long a killed leader holds its leadership before a follower takes over. */
    static final int SESSION_TIMEOUT_MS = 5_000;

    private FailOverNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String zookeeper = args[1];
        String jdbcUrl = args[2];
        FileOutputStream output = new FileOutputStream(args[3], true);
        String node = args[4];
        String pid = Long.toString(ProcessHandle.current().pid());

        // while this file exists the route holds before its next record, outside any write to the repository
        Path pause = Path.of(args[3] + ".pause-" + pid);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(node);

        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(node + "-" + pid);
        cluster.setNodes(zookeeper);
        cluster.setBasePath("/camel-neptune/leader");
        cluster.setSessionTimeout(SESSION_TIMEOUT_MS);
        cluster.setConnectTimeout(SESSION_TIMEOUT_MS);
        context.addService(cluster);

        // a pool, as in production: a new PostgreSQL connection per write would cost a server process fork each time
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.setPoolName(node);
        HikariDataSource dataSource = new HikariDataSource(pool);
        JdbcStateRepository positions = new JdbcStateRepository(dataSource);
        context.getRegistry().bind("positions", positions);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:neptune-fail-over:neptune-stream:" + endpoint + "?iteratorType=TRIM_HORIZON&limit=1000"
                     + "&offsetRepository=#positions&offsetKey=fail-over&delay=50"
                     + "&region=us-east-1&accessKey=local&secretKey=local")
                        .routeId("fail-over")
                        .process(exchange -> holdWhile(pause))
                        .process(exchange -> append(output, pid + " "
                                                            + exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM)
                                                            + ":"
                                                            + exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM)));
            }
        });
        context.start();
        System.out.println("node " + node + " (pid " + pid + ") started");
        new CountDownLatch(1).await(1, TimeUnit.HOURS);
    }

    /**
     * Holds the route while the file exists (the test's way to stop this node between two records, so that the SIGSTOP
     * that follows cannot catch it holding the position row's lock in the middle of a write).
     */
    private static void holdWhile(Path pause) {
        if (!Files.exists(pause)) {
            return;
        }
        System.out.println("holding before the next record");
        await().forever().pollInterval(Duration.ofMillis(5)).until(() -> !Files.exists(pause));
    }

    private static void append(FileOutputStream output, String line) throws IOException {
        // unbuffered, O_APPEND: one write(2) per record, whole, done when this returns
        output.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
