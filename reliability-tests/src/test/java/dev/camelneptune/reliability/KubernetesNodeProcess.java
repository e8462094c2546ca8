package dev.camelneptune.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * One pod of {@link KubernetesFailOverTest}: {@code KubernetesNodeProcess <output file> <leaseDurationMillis>
 * <renewDeadlineMillis> <retryPeriodMillis>}, with the environment a pod of examples/kubernetes gets
 * (k8s/deployment.yaml: POD_NAME, POD_NAMESPACE, the JDBC URL and user, the Neptune endpoint and region) plus the
 * Kubernetes API server to use ({@code KUBERNETES_MASTER}, read by the fabric8 client).
 * <p>
 * It runs Camel Main with the example's own configuration, from its jar: {@code application.properties} (the pool,
 * {@code JdbcStateRepository}, the Lease settings) and {@code LeaderElection} (camel-kubernetes'
 * {@code KubernetesClusterService} on a {@code coordination.k8s.io} Lease). The test only shortens the three Lease
 * durations, and replaces the example's route by the same {@code master:} endpoint URI (read from the example's YAML)
 * with the test's bookkeeping ({@link NodeHooks}) instead of the log step.
 */
public final class KubernetesNodeProcess {

    /** The example's route, whose endpoint URI this node consumes. */
    static final String EXAMPLE_ROUTE = "routes/neptune-positions.yaml";
    static final String ROUTE_ID = "neptune-positions";

    private KubernetesNodeProcess() {
    }

    public static void main(String[] args) throws Exception {
        NodeHooks hooks = new NodeHooks(args[0]);
        Main main = new Main();
        main.addOverrideProperty("cluster.leaseDurationMillis", args[1]);
        main.addOverrideProperty("cluster.renewDeadlineMillis", args[2]);
        main.addOverrideProperty("cluster.retryPeriodMillis", args[3]);
        // not the example's YAML route: the same endpoint below, with the test's steps
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-routes-here/*.yaml");
        String uri = exampleEndpointUri();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(ROUTE_ID)
                        .process(exchange -> hooks.beforeRecord())
                        .process(exchange -> hooks.record(
                                exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM),
                                exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM)));
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                CamelContext context = started.getCamelContext();
                hooks.startReporter(context, context.getRegistry().lookupByNameAndType("positions", JdbcStateRepository.class),
                        "neptune-stream:" + ROUTE_ID);
                System.out.println("pod " + System.getenv("POD_NAME") + " (pid " + ProcessHandle.current().pid()
                                   + ") started");
            }
        });
        main.run();
    }

    /** The {@code from} URI of the example's route. */
    static String exampleEndpointUri() throws IOException {
        try (InputStream in = KubernetesNodeProcess.class.getClassLoader().getResourceAsStream(EXAMPLE_ROUTE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_ROUTE + " (examples/kubernetes) is not on the classpath");
            }
            Matcher uri = Pattern.compile("uri: \"([^\"]+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!uri.find()) {
                throw new IllegalStateException("no uri: \"...\" in " + EXAMPLE_ROUTE);
            }
            return uri.group(1);
        }
    }
}
