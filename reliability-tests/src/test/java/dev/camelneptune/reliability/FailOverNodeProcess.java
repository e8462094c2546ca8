package dev.camelneptune.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One node of {@link ZooKeeperFailOverTest}:
 * {@code FailOverNodeProcess <neptune endpoint> <zookeeper host:port> <jdbc url> <output file> <node name>}.
 * <p>
 * The route is {@code master:neptune-fail-over:neptune-stream:...}: camel-zookeeper's cluster service elects one leader
 * among the nodes, and only the leader's consumer runs. The position is in a {@link JdbcStateRepository} on the shared
 * PostgreSQL (flushInterval 0: stored before the next record; owner: the default, pid@host). For each record the route
 * appends {@code <pid> commitNum:opNum} to the shared output file, before the exchange completes and so before the
 * position is stored: the output is never behind the stored position. The test steers the node through
 * {@link NodeHooks}.
 */
public final class FailOverNodeProcess {

    /**
     * The ZooKeeper session timeout (set in the snippet): how long a killed leader holds its leadership before a
     * follower takes over.
     */
    static final int SESSION_TIMEOUT_MS = 5_000;
    /** The page size of the route: a deposed leader delivers at most the records in flight plus one page. */
    static final int LIMIT = 100;

    private FailOverNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String zookeeper = args[1];
        String jdbcUrl = args[2];
        NodeHooks hooks = new NodeHooks(args[3]);
        String node = args[4];
        String pid = Long.toString(ProcessHandle.current().pid());

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(node);

        String nodeId = node + "-" + pid;
        String zookeeperConnectString = zookeeper;
        String user = "postgres";
        String password = "unused (trusted on loopback)";
        // what the component page shows users (its "Several nodes" snippet)
        // tag::several-nodes[]
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();   // camel-zookeeper
        cluster.setId(nodeId);                                             // unique per node
        cluster.setNodes(zookeeperConnectString);                          // host:port,host:port,...
        cluster.setBasePath("/camel-neptune/leader");
        cluster.setSessionTimeout(5_000);                                  // ms: above your longest GC pause
        context.addService(cluster);

        HikariDataSource pool = new HikariDataSource();                    // or your application's DataSource
        pool.setJdbcUrl(jdbcUrl);                                          // jdbc:postgresql://host:5432/db
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        JdbcStateRepository positions = new JdbcStateRepository(pool);
        context.getRegistry().bind("positions", positions);
        // end::several-nodes[]

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:neptune-fail-over:neptune-stream:" + endpoint + "?iteratorType=TRIM_HORIZON&limit=" + LIMIT
                     + "&offsetRepository=#positions&offsetKey=fail-over&delay=50"
                     + "&region=us-east-1&accessKey=local&secretKey=local")
                        .routeId("fail-over")
                        .process(exchange -> hooks.beforeRecord())
                        .process(exchange -> hooks.record(
                                exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM),
                                exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM)));
            }
        });
        context.start();
        hooks.startReporter(context, positions, "neptune-stream:fail-over");
        System.out.println("node " + node + " (pid " + pid + ") started");
        new CountDownLatch(1).await(1, TimeUnit.HOURS);
    }
}
