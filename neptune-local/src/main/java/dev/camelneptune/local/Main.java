package dev.camelneptune.local;

import java.util.concurrent.CountDownLatch;

import dev.camelneptune.local.stream.RandomGraphWorkload;

/**
 * {@code java -jar neptune-local.jar [--port 8182] [--host 127.0.0.1] [--demo] [--workload N [--seed S]]}: serves until
 * stopped, and prints one line with its URL when ready. {@code --workload} commits N random property-graph transactions
 * ({@link RandomGraphWorkload}) before serving.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        NeptuneLocal.Builder builder = NeptuneLocal.builder().port(8182);
        boolean demo = false;
        int workload = 0;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
                case "--host" -> builder.host(value(args, ++i, "--host"));
                case "--demo" -> demo = true;
                case "--workload" -> workload = Integer.parseInt(value(args, ++i, "--workload"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar neptune-local.jar [--port 8182] [--host 127.0.0.1] [--demo]"
                                       + " [--workload N [--seed S]]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument: " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        NeptuneLocal neptune = builder.build();
        if (demo) {
            neptune.seedDemo();
        }
        if (workload > 0) {
            new RandomGraphWorkload(neptune.stream().propertyGraph(), seed).commit(workload);
        }
        neptune.startServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neptune.close();
            stopped.countDown();
        }, "neptune-local-shutdown"));
        System.out.println("neptune-local listening on " + neptune.endpoint());
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
