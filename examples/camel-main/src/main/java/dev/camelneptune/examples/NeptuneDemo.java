package dev.camelneptune.examples;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.stream.PropertyGraphStream;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The demo in one command: {@code java -jar examples/camel-main/target/camel-neptune-demo.jar}.
 * <p>
 * Starts neptune-local with demo data (import tasks, a small change log, then a backlog of bigger transactions), runs
 * the routes of {@link NeptuneDemoRoutes} (or their XML or YAML twin) with Camel Main against it, and stops once the
 * started import task has ended and every change has gone through the change-log route. With {@code --real-cluster} it
 * starts no neptune-local and runs until stopped, configured by {@code application.properties} and the environment.
 */
public final class NeptuneDemo {

    /** The route file of each DSL. */
    public enum Dsl {
        JAVA(null),
        XML("classpath:routes/neptune-demo.xml"),
        YAML("classpath:routes/neptune-demo.yaml");

        private final String routes;

        Dsl(String routes) {
            this.routes = routes;
        }
    }

    /** The demo starts an import into the graph whose first import failed. */
    static final String DEMO_GRAPH = "g-demo000004";
    private static final String LOCAL_CREDENTIAL = "neptune-local";

    private NeptuneDemo() {
    }

    public static void main(String[] args) throws Exception {
        String outcome = run(args);
        if (outcome != null) {
            System.out.println(outcome);
        }
    }

    /**
     * Runs the demo (or, with {@code --real-cluster}, the routes until stopped).
     *
     * @return how the demo ended, or null when it did not run the demo
     */
    static String run(String... args) throws Exception {
        Dsl dsl = Dsl.JAVA;
        boolean realCluster = false;
        int backlog = 100_000;
        int speed = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dsl" -> dsl = Dsl.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
                case "--real-cluster" -> realCluster = true;
                case "--backlog" -> backlog = Integer.parseInt(value(args, ++i));
                case "--speed" -> speed = Integer.parseInt(value(args, ++i));
                case "--help", "-h" -> {
                    System.out.println("""
                            usage: java -jar camel-neptune-demo.jar [--dsl java|xml|yaml] [--backlog 100000] [--speed 5]
                                   java -jar camel-neptune-demo.jar --real-cluster [--dsl java|xml|yaml]
                              --dsl           which copy of the routes to run (default java)
                              --backlog       change records to add after the demo change log (default 100000)
                              --speed         how many times faster than real time neptune-local's clock runs (default 5)
                              --real-cluster  no neptune-local: run against the cluster application.properties and the
                                              environment name (NEPTUNE_ENDPOINT, AWS_REGION, ...) until stopped""");
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (try --help)");
            }
        }
        Main main = newMain(dsl);
        if (realCluster) {
            main.run();
            return null;
        }
        try (NeptuneLocal neptune = NeptuneLocal.builder().start()) {
            neptune.seedDemo();
            long records = addBacklog(neptune, backlog);
            System.out.printf("neptune-local on %s: demo tasks, %,d change records in %d commits; its clock runs %dx%n",
                    neptune.endpoint(), records,
                    neptune.stream().propertyGraph().lastCommitNum(), speed);
            pointAt(main, neptune);
            main.addOverrideProperty("camel.main.durationMaxSeconds", "300");
            DemoEnd end = new DemoEnd(main, records);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void beforeStart(BaseMainSupport m) {
                    m.getCamelContext().getManagementStrategy().addEventNotifier(end);
                }
            });
            ScheduledExecutorService timeLapse = speedUp(neptune, speed);
            try {
                main.run();
            } finally {
                timeLapse.shutdownNow();
            }
            return end.outcome();
        }
    }

    /** Camel Main with the demo's routes in the given DSL; the rest comes from {@code application.properties}. */
    public static Main newMain(Dsl dsl) {
        Main main = new Main();
        if (dsl == Dsl.JAVA) {
            main.configure().addRoutesBuilder(new NeptuneDemoRoutes());
        } else {
            main.configure().withRoutesIncludePattern(dsl.routes);
        }
        return main;
    }

    /**
     * Points both components at neptune-local and turns the import route on. neptune-local does not check signatures,
     * but the SDK signs every request, so any key will do.
     */
    public static void pointAt(Main main, NeptuneLocal neptune) {
        String url = neptune.endpoint().toString();
        for (String component : new String[] { "neptune-graph", "neptune-stream" }) {
            String prefix = "camel.component." + component + ".";
            main.addOverrideProperty(prefix + "region", "us-east-1");
            main.addOverrideProperty(prefix + "useDefaultCredentialsProvider", "false");
            main.addOverrideProperty(prefix + "accessKey", LOCAL_CREDENTIAL);
            main.addOverrideProperty(prefix + "secretKey", LOCAL_CREDENTIAL);
        }
        main.addOverrideProperty("camel.component.neptune-graph.overrideEndpoint", "true");
        main.addOverrideProperty("camel.component.neptune-graph.uriEndpointOverride", url);
        main.addOverrideProperty("neptune.stream.endpoint", url);
        main.addOverrideProperty("demo.import.enabled", "true");
        main.addOverrideProperty("neptune.import.graphIdentifier", DEMO_GRAPH);
        main.addOverrideProperty("neptune.import.source", "s3://neptune-local/import/");
        main.addOverrideProperty("neptune.import.roleArn", "arn:aws:iam::000000000000:role/neptune-local");
    }

    /**
     * Commits {@code records} change records (rounded up to whole transactions) in transactions of 5,000 vertices, each
     * vertex a label record and a property record, like a bulk load would.
     *
     * @return how many records the change log holds in all
     */
    public static long addBacklog(NeptuneLocal neptune, int records) {
        PropertyGraphStream stream = neptune.stream().propertyGraph();
        int perCommit = 5_000;
        for (int n = 0; n * 2 < records; n += perCommit) {
            int first = n;
            int count = Math.min(perCommit, (records + 1) / 2 - n);
            stream.commit(tx -> {
                for (int i = first; i < first + count; i++) {
                    tx.addVertex("sensor-" + i, "sensor", Map.of("serial", String.format("SN%06d", i)));
                }
            });
        }
        return stream.recordCount();
    }

    /** Moves neptune-local's clock {@code speed} times faster than real time, so the import task ends sooner. */
    static ScheduledExecutorService speedUp(NeptuneLocal neptune, int speed) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "neptune-local-time-lapse");
            t.setDaemon(true);
            return t;
        });
        if (speed > 1) {
            long tick = 100;
            timer.scheduleAtFixedRate(() -> neptune.clock().advance(Duration.ofMillis(tick * (speed - 1))), tick, tick,
                    TimeUnit.MILLISECONDS);
        }
        return timer;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
