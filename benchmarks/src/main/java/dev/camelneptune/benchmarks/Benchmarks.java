package dev.camelneptune.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import dev.camelneptune.local.Fault;
import dev.camelneptune.local.NeptuneLocal;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/**
 * The benchmark command: {@code java -jar benchmarks/target/benchmarks.jar [--records=N] [--rounds=N]
 * [--warmups=N] [--limits=1000,10000,100000] [--position-writes=N]
 * [--replica-transactions=N] [--only=drain,filter,prefetch,slow,window,bulk,memory,producer,positions,replica]}. Every
 * figure is a ratio against a baseline measured in the same run, round by round, printed with its median and its spread
 * (min - max) over the rounds.
 */
public final class Benchmarks {

    private static final List<String> SECTIONS = List.of("drain", "filter", "prefetch", "slow", "window", "bulk",
            "memory", "producer", "positions", "replica");
    /** The synchronous position writes a consumer must keep up with, per second, with either DataSource. */
    static final double POSITIONS_PER_SECOND_TARGET = 2_000;
    static final int[] LIMITS = { 1_000, 10_000, 100_000 };
    /** The lane windows (maxPendingRecords) the window section compares. */
    static final int[] WINDOWS = { 16, 32, 64, 128, 256, 512, 1_000 };
    static final long WORK_NANOS = 20_000;
    static final String MEMORY_HEAP = "256m";
    static final Duration PAGE_LATENCY = Duration.ofMillis(5);
    /** The per-page latency of the issue-9 target: neptune-local's delay fault on every stream response. */
    static final Duration LONG_PAGE_LATENCY = Duration.ofMillis(10);
    /** A slow sink: blocking I/O per record, and a bulk sink: cost per call. */
    static final long SLOW_SINK_NANOS = 1_000_000;
    static final long BULK_CALL_NANOS = 2_000_000;
    static final int LANES = 16;

    private int records = 1_000_000;
    private int prefetchRecords = 100_000;
    private int rounds = 3;
    private int warmups = 1;
    private int producerCalls = 2_000;
    private int sinkRecords = 5_000;
    private int positionWrites = 2_000;
    private int replicaTransactions = 2_000;
    private Set<String> only = new HashSet<>(SECTIONS);
    private int[] limits = LIMITS;
    private final List<Figure> figures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Benchmarks benchmarks = new Benchmarks();
        benchmarks.parse(args);
        benchmarks.run();
    }

    private void parse(String[] args) {
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "records" -> records = Integer.parseInt(value);
                case "prefetch-records" -> prefetchRecords = Integer.parseInt(value);
                case "rounds" -> rounds = Integer.parseInt(value);
                case "warmups" -> warmups = Integer.parseInt(value);
                case "producer-calls" -> producerCalls = Integer.parseInt(value);
                case "sink-records" -> sinkRecords = Integer.parseInt(value);
                case "position-writes" -> positionWrites = Integer.parseInt(value);
                case "replica-transactions" -> replicaTransactions = Integer.parseInt(value);
                case "only" -> only = new HashSet<>(Arrays.asList(value.split(",")));
                case "limits" -> limits = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException(
                        "unknown option " + arg + "; known: --records, --prefetch-records, --sink-records, --rounds,"
                                                              + " --warmups, --producer-calls, --limits=1000,10000,100000,"
                                                              + " --position-writes, --replica-transactions, --only="
                                                              + String.join(",", SECTIONS));
            }
        }
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "camel-neptune benchmarks: %d records, %d rounds after %d warm-up, %d cores, "
                                       + "max heap %d MB, %s %s, load average %.1f%n",
                records, rounds, warmups, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (only.contains("positions")) {
            positions();
        }
        if (only.contains("replica")) {
            replica();
        }
        if (only.stream().anyMatch(section -> !section.equals("positions") && !section.equals("replica"))) {
            runOnNeptuneLocal();
        }
        System.out.println();
        System.out.println("| figure | ratio (median) | spread (min - max) | target | medians |");
        System.out.println("|---|---|---|---|---|");
        figures.forEach(f -> System.out.println(f.row()));
        System.out.printf(Locale.ROOT, "%ntotal time %.0f s; load average at the end %.1f%n", (System.nanoTime() - start) / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void runOnNeptuneLocal() throws Exception {
        try (NeptuneLocal neptune = NeptuneLocal.start();
             NeptunedataClient client = Local.dataClient(neptune.endpoint())) {
            long t = System.nanoTime();
            neptune.stream().propertyGraph().preload(records);
            System.out.printf(Locale.ROOT, "neptune-local at %s: %d records committed in %.1f s%n", neptune.endpoint(),
                    records, (System.nanoTime() - t) / 1e9);
            if (only.contains("drain")) {
                drain(neptune, client);
            }
            if (only.contains("filter")) {
                filter(neptune, client);
            }
            if (only.contains("prefetch")) {
                prefetch();
            }
            if (only.contains("slow") || only.contains("window") || only.contains("bulk")) {
                sinks();
            }
            if (only.contains("memory")) {
                memory(neptune);
            }
            if (only.contains("producer")) {
                producer(neptune);
            }
        }
    }

    /**
     * Drain throughput at each limit: the route with each offset repository, and neptune-local's serving alone (plain
     * HTTP, no parsing), each against the raw SDK loop of the same round (speed ratio, above 1: faster than the loop).
     */
    private void drain(NeptuneLocal neptune, NeptunedataClient client) throws Exception {
        System.out
                .println("\n== drain: " + records + " records, route with each repository and plain HTTP vs the raw SDK loop");
        try (RouteDrain route = new RouteDrain(client, neptune.endpoint())) {
            for (int limit : limits) {
                long[] bytes = new long[1];
                // the JIT is warm after the first limit's warm-up rounds
                int warm = limit == limits[0] ? warmups : 0;
                AbRun.Timings timings = AbRun.run("limit=" + limit, warm, rounds, List.of(
                        new AbRun.Named("raw SDK loop", () -> RawStreamLoop.drain(client, limit, records, 0)),
                        new AbRun.Named(
                                "route+memory", () -> route.drain(limit, records, RouteDrain.Repository.MEMORY, null, 0)),
                        new AbRun.Named("route+file", () -> route.drain(limit, records, RouteDrain.Repository.FILE, null, 0)),
                        new AbRun.Named(
                                "route+memory+no prefetch",
                                () -> route.drain(limit, records, RouteDrain.Repository.MEMORY, false, 0)),
                        new AbRun.Named("HTTP only", () -> RawHttpLoop.drain(neptune.endpoint(), limit, records, bytes)),
                        new AbRun.Named(
                                "route+memory+SDK parser", () -> route.drain(limit, records, RouteDrain.Repository.MEMORY,
                                        "&streamingParser=false", exchange -> {
                                        }))));
                String raw = "raw " + kilo(rate(timings, 0)) + " rec/s";
                figures.add(new Figure(
                        "drain, default options, route + memory repo vs raw loop, limit=" + limit,
                        timings.speedRatios(1), true, limit == 100_000 ? 0.9 : 1.0,
                        "route " + kilo(rate(timings, 1)) + " rec/s, " + raw));
                figures.add(new Figure(
                        "drain, default options, route + file repo vs raw loop, limit=" + limit,
                        timings.speedRatios(2), true, 0.8, "route " + kilo(rate(timings, 2)) + " rec/s, " + raw));
                figures.add(new Figure(
                        "drain, route + memory repo + prefetch=false vs raw loop, limit=" + limit,
                        timings.speedRatios(3), true, Double.NaN, "route " + kilo(rate(timings, 3)) + " rec/s, " + raw));
                figures.add(new Figure(
                        "drain, route + memory repo + streamingParser=false (the SDK parses) vs raw loop, limit=" + limit,
                        timings.speedRatios(5), true, Double.NaN, "route " + kilo(rate(timings, 5)) + " rec/s, " + raw));
                figures.add(new Figure(
                        "drain, route + memory repo: the SDK's parser (streamingParser=false) vs the one-pass parser"
                                       + " (streamingParser=true), limit=" + limit,
                        timings.speedRatios(5, 1), true, Double.NaN,
                        "SDK parser " + kilo(rate(timings, 5)) + " rec/s, one-pass parser " + kilo(rate(timings, 1))
                                                                     + " rec/s"));
                double mbPerDrain = bytes[0] / (double) (rounds + warm) / (1 << 20);
                figures.add(new Figure(
                        "neptune-local serving alone (HTTP, no parsing) vs raw loop, limit=" + limit,
                        timings.speedRatios(4), true, Double.NaN, String.format(Locale.ROOT, "HTTP %s rec/s (%.0f MB/s), %s",
                                kilo(rate(timings, 4)), mbPerDrain / (timings.medianMillis(4) / 1e3), raw)));
            }
        }
    }

    /**
     * Synchronous position writes to PostgreSQL on loopback ({@code flushInterval=0}): the repository over a plain
     * PGSimpleDataSource and over HikariCP, through setState and through the consumer's fenced store, against a raw
     * JDBC UPDATE loop on one connection (speed ratio; the absolute rates against the 2,000 positions/s target).
     */
    private void positions() throws Exception {
        System.out.printf(Locale.ROOT, "%n== positions: %d synchronous writes per arm to a PostgreSQL on loopback, load"
                                       + " average %.1f%n",
                positionWrites, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (PositionWrites writes = new PositionWrites()) {
            AbRun.Timings timings = AbRun.run("positions", warmups, rounds, List.of(
                    new AbRun.Named("raw UPDATE loop", () -> writes.rawUpdateLoop(positionWrites)),
                    new AbRun.Named(
                            "setState, PGSimpleDataSource",
                            () -> writes.setState(writes.simple(), "simple", positionWrites)),
                    new AbRun.Named("setState, HikariCP", () -> writes.setState(writes.pool(), "hikari", positionWrites)),
                    new AbRun.Named(
                            "store, PGSimpleDataSource",
                            () -> writes.store(writes.simple(), "simple-store", positionWrites)),
                    new AbRun.Named("store, HikariCP", () -> writes.store(writes.pool(), "hikari-store", positionWrites))));
            String raw = "raw loop " + perSecond(timings, 0) + " positions/s";
            for (int arm = 1; arm < timings.names().size(); arm++) {
                double rate = positionWrites / (timings.medianMillis(arm) / 1e3);
                figures.add(new Figure(
                        "sync position writes (flushInterval=0), JdbcStateRepository " + timings.names().get(arm)
                                       + " vs raw JDBC UPDATE loop",
                        timings.speedRatios(arm), true, Double.NaN,
                        perSecond(timings, arm) + " positions/s (target " + (int) POSITIONS_PER_SECOND_TARGET + ": "
                                                                    + (rate >= POSITIONS_PER_SECOND_TARGET ? "met" : "MISSED")
                                                                    + "), " + raw));
            }
        }
    }

    /**
     * A route that wants half of the records: the consumer's {@code excludeKeys} against Camel's {@code filter} EIP on
     * the key header (speed ratio), both draining the whole log until the stored position reaches its last record.
     */
    private void filter(NeptuneLocal neptune, NeptunedataClient client) throws Exception {
        int limit = 1_000;
        var last = neptune.stream().propertyGraph().lastEventId();
        // the preloaded commits are a label and three properties (name, age, city): age and city are half the records
        long kept = records - 2L * (records / 4);
        System.out.println("\n== filter: " + records + " records at limit=" + limit + ", half of them wanted (excludeKeys="
                           + FilterDrain.EXCLUDED_KEYS + " vs the filter EIP)");
        try (FilterDrain filter = new FilterDrain(client, neptune.endpoint(), last.commitNum() + ":" + last.opNum())) {
            AbRun.Timings timings = AbRun.run("filter", warmups, rounds, List.of(
                    new AbRun.Named("filter EIP", () -> filter.filterEip(limit, kept)),
                    new AbRun.Named("excludeKeys", () -> filter.consumerFilter(limit, kept))));
            figures.add(new Figure(
                    "half the records wanted: excludeKeys (no exchange for the others) vs Camel's filter EIP",
                    timings.speedRatios(1), true, Double.NaN,
                    String.format(Locale.ROOT, "%,.0f vs %,.0f records/s read", rate(timings, 1), rate(timings, 0))));
        }
    }

    /**
     * The postgres-replica example applying a random workload's change log to PostgreSQL in each delivery mode, against
     * one record at a time (speed ratio; records applied per second beside it).
     */
    private void replica() throws Exception {
        try (ReplicaApply replica = new ReplicaApply(replicaTransactions)) {
            System.out.printf(Locale.ROOT, "%n== replica: the postgres-replica example applying %d records (%d random"
                                           + " transactions) to a PostgreSQL on loopback, in each delivery mode%n",
                    replica.records(), replicaTransactions);
            AbRun.Timings timings = AbRun.run("replica", warmups, rounds, List.of(
                    new AbRun.Named("one record at a time", () -> replica.apply(Map.of())),
                    new AbRun.Named("batching=true", () -> replica.apply(Map.of("replica.batching", "true"))),
                    new AbRun.Named(
                            "groupByTransaction=true",
                            () -> replica.apply(Map.of("replica.groupByTransaction", "true"))),
                    new AbRun.Named(
                            "concurrentConsumers=8",
                            () -> replica.apply(Map.of("replica.concurrentConsumers", "8")))));
            String baseline = String.format(Locale.ROOT, "%,.0f", replica.records() / (timings.medianMillis(0) / 1e3));
            for (int arm = 1; arm < timings.names().size(); arm++) {
                figures.add(new Figure(
                        "postgres-replica example, records applied to PostgreSQL: " + timings.names().get(arm)
                                       + " vs one record at a time",
                        timings.speedRatios(arm), true, Double.NaN,
                        String.format(Locale.ROOT, "%,.0f vs %s records/s",
                                replica.records() / (timings.medianMillis(arm) / 1e3), baseline)));
            }
        }
    }

    private String perSecond(AbRun.Timings timings, int arm) {
        return String.format(Locale.ROOT, "%,.0f", positionWrites / (timings.medianMillis(arm) / 1e3));
    }

    private double rate(AbRun.Timings timings, int arm) {
        return records / (timings.medianMillis(arm) / 1e3);
    }

    /**
     * With {@value #WORK_NANOS} ns of CPU work per record, the route with prefetch (and without, for reference) against
     * the raw loop doing the same work, sequentially (speed ratio).
     */
    private void prefetch() throws Exception {
        int limit = 1_000;
        System.out.println("\n== prefetch: " + prefetchRecords + " records at limit=" + limit + ", " + WORK_NANOS / 1000
                           + " us of CPU work per record (a neptune-local holding just these records)");
        try (NeptuneLocal neptune = NeptuneLocal.start();
             NeptunedataClient client = Local.dataClient(neptune.endpoint());
             RouteDrain route = new RouteDrain(client, neptune.endpoint())) {
            neptune.stream().propertyGraph().preload(prefetchRecords);
            prefetchFigures(neptune, client, route, limit, Duration.ZERO, warmups);
            // a cluster is across a network: each page also waits for the round trip and the server's own work
            prefetchFigures(neptune, client, route, limit, PAGE_LATENCY, 0);
            prefetchFigures(neptune, client, route, limit, LONG_PAGE_LATENCY, 0);
        }
    }

    private void prefetchFigures(
            NeptuneLocal neptune, NeptunedataClient client, RouteDrain route, int limit,
            Duration pageLatency, int warm)
            throws Exception {
        String latency = pageLatency.isZero() ? "" : " +" + pageLatency.toMillis() + "ms/page";
        int pages = prefetchRecords / limit + 2;
        AbRun.Timings timings = AbRun.run("limit=" + limit + " +work" + latency, warm, rounds, List.of(
                new AbRun.Named(
                        "raw loop+work", withLatency(neptune, pages, pageLatency,
                                () -> RawStreamLoop.drain(client, limit, prefetchRecords, WORK_NANOS))),
                new AbRun.Named(
                        "route (default: prefetch)", withLatency(neptune, pages, pageLatency,
                                () -> route.drain(limit, prefetchRecords, RouteDrain.Repository.MEMORY, null, WORK_NANOS))),
                new AbRun.Named(
                        "route", withLatency(neptune, pages, pageLatency,
                                () -> route.drain(limit, prefetchRecords, RouteDrain.Repository.MEMORY, false, WORK_NANOS)))));
        String raw = "raw " + kilo(prefetchRecords / (timings.medianMillis(0) / 1e3)) + " rec/s";
        String where = pageLatency.isZero() ? "" : ", " + pageLatency.toMillis() + " ms added to each page";
        figures.add(new Figure(
                "20 us work/record, route, default options (prefetch) vs sequential raw loop, limit=" + limit
                               + where,
                timings.speedRatios(1), true, pageLatency.equals(LONG_PAGE_LATENCY) ? 1.3 : Double.NaN,
                "route " + kilo(prefetchRecords / (timings.medianMillis(1) / 1e3)) + " rec/s, " + raw));
        figures.add(new Figure(
                "20 us work/record, route with prefetch=false vs sequential raw loop, limit=" + limit + where,
                timings.speedRatios(2), true, Double.NaN,
                "route " + kilo(prefetchRecords / (timings.medianMillis(2) / 1e3)) + " rec/s, " + raw));
    }

    /** Runs {@code arm} with each stream response held for {@code latency} (no fault when zero). */
    private static AbRun.Arm withLatency(NeptuneLocal neptune, int pages, Duration latency, AbRun.Arm arm) {
        if (latency.isZero()) {
            return arm;
        }
        return () -> {
            neptune.faults().next(pages, "/propertygraph/stream", Fault.delay(latency));
            try {
                return arm.run();
            } finally {
                neptune.faults().clear();
            }
        };
    }

    /**
     * Sinks that wait rather than compute, on a neptune-local holding {@code sinkRecords} records, limit=1000: a slow
     * sink (1 ms of blocking I/O per record: the sequential route, {@value #LANES} ordered lanes and the raw loop) and
     * a bulk sink (2 ms per call: one call per record, and one per batch with batching=true).
     */
    private void sinks() throws Exception {
        int limit = 1_000;
        try (NeptuneLocal neptune = NeptuneLocal.start();
             NeptunedataClient client = Local.dataClient(neptune.endpoint());
             RouteDrain route = new RouteDrain(client, neptune.endpoint())) {
            neptune.stream().propertyGraph().preload(sinkRecords);
            if (only.contains("slow")) {
                System.out.println("\n== slow sink: " + sinkRecords + " records, " + SLOW_SINK_NANOS / 1000
                                   + " us of blocking I/O per record");
                AbRun.Timings timings = AbRun.run("slow sink", warmups, rounds, List.of(
                        new AbRun.Named(
                                "route", () -> route.drain(limit, sinkRecords, RouteDrain.Repository.MEMORY, "",
                                        exchange -> blockFor(SLOW_SINK_NANOS))),
                        new AbRun.Named(
                                "route lanes=" + LANES, () -> route.drain(limit, sinkRecords,
                                        RouteDrain.Repository.MEMORY, "&concurrentConsumers=" + LANES,
                                        exchange -> blockFor(SLOW_SINK_NANOS))),
                        new AbRun.Named(
                                "raw loop", () -> RawStreamLoop.drain(client, limit, sinkRecords,
                                        () -> blockFor(SLOW_SINK_NANOS)))));
                String sequential = "sequential route " + rate(timings, 0, sinkRecords) + " rec/s";
                figures.add(new Figure(
                        "slow sink 1 ms/record, concurrentConsumers=" + LANES + " vs sequential route",
                        timings.speedRatios(1, 0), true, 10,
                        "lanes " + rate(timings, 1, sinkRecords) + " rec/s, " + sequential));
                figures.add(new Figure(
                        "slow sink 1 ms/record, sequential route vs sequential raw loop",
                        timings.speedRatios(0, 2), true, Double.NaN,
                        sequential + ", raw " + rate(timings, 2, sinkRecords) + " rec/s"));
            }
            if (only.contains("window")) {
                window(route, limit);
            }
            if (only.contains("bulk")) {
                System.out.println("\n== bulk sink: " + sinkRecords + " records, " + BULK_CALL_NANOS / 1000
                                   + " us per sink call");
                AbRun.Timings timings = AbRun.run("bulk sink", warmups, rounds, List.of(
                        new AbRun.Named(
                                "route, a call per record", () -> route.drain(limit, sinkRecords,
                                        RouteDrain.Repository.MEMORY, "", exchange -> blockFor(BULK_CALL_NANOS))),
                        new AbRun.Named(
                                "route batching=true", () -> route.drain(limit, sinkRecords,
                                        RouteDrain.Repository.MEMORY, "&batching=true",
                                        exchange -> blockFor(BULK_CALL_NANOS)))));
                figures.add(new Figure(
                        "bulk sink 2 ms/call, batching=true (a call per 1000) vs a call per record",
                        timings.speedRatios(1, 0), true, 50, "batches " + rate(timings, 1, sinkRecords) + " rec/s, per record "
                                                             + rate(timings, 0, sinkRecords) + " rec/s"));
            }
        }
    }

    /**
     * The lane window ({@code maxPendingRecords}) against slow-sink throughput: {@value #LANES} lanes with each window
     * of {@link #WINDOWS}, side by side with the sequential route, 1 ms of blocking I/O per record, in the same rounds.
     */
    private void window(RouteDrain route, int limit) throws Exception {
        System.out.println("\n== lane window: " + sinkRecords + " records, " + SLOW_SINK_NANOS / 1000
                           + " us of blocking I/O per record, " + LANES + " lanes, maxPendingRecords = "
                           + Arrays.toString(WINDOWS) + " vs the sequential route");
        List<AbRun.Named> arms = new ArrayList<>();
        arms.add(new AbRun.Named(
                "route", () -> route.drain(limit, sinkRecords, RouteDrain.Repository.MEMORY, "",
                        exchange -> blockFor(SLOW_SINK_NANOS))));
        for (int window : WINDOWS) {
            arms.add(new AbRun.Named(
                    "window=" + window, () -> route.drain(limit, sinkRecords, RouteDrain.Repository.MEMORY,
                            "&concurrentConsumers=" + LANES + "&maxPendingRecords=" + window,
                            exchange -> blockFor(SLOW_SINK_NANOS))));
        }
        AbRun.Timings timings = AbRun.run("lane window", warmups, rounds, arms);
        String sequential = "sequential route " + rate(timings, 0, sinkRecords) + " rec/s";
        for (int w = 0; w < WINDOWS.length; w++) {
            figures.add(new Figure(
                    "slow sink 1 ms/record, concurrentConsumers=" + LANES + "&maxPendingRecords=" + WINDOWS[w]
                                   + " vs sequential route",
                    timings.speedRatios(w + 1, 0), true, Double.NaN,
                    "lanes " + rate(timings, w + 1, sinkRecords) + " rec/s, " + sequential));
        }
    }

    /** A blocking call that takes {@code nanos}, as I/O to a sink does (the thread waits, the core is free). */
    private static void blockFor(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static String rate(AbRun.Timings timings, int arm, int records) {
        return String.format(Locale.ROOT, "%.0f", records / (timings.medianMillis(arm) / 1e3));
    }

    /** Draining every record at limit=100000 in a JVM of its own under -Xmx256m: the route and the raw loop. */
    private void memory(NeptuneLocal neptune) throws Exception {
        int limit = 100_000;
        System.out.println("\n== memory: " + records + " records at limit=" + limit + ", each drain in its own JVM with -Xmx"
                           + MEMORY_HEAP);
        List<MemoryDrain.Result> results = new ArrayList<>();
        for (String mode : List.of("raw", "route", "route-prefetch")) {
            MemoryDrain.Result result = MemoryDrain.fork(MEMORY_HEAP, neptune.endpoint(), mode, limit, records);
            System.out.printf(Locale.ROOT, "  %-15s completed in %.1f s, peak heap used %d MB, largest heap after a GC %d MB%n",
                    mode, result.elapsedNanos() / 1e9, result.peakHeapBytes() >> 20, result.peakLiveBytes() >> 20);
            results.add(result);
        }
        MemoryDrain.Result raw = results.get(0);
        for (MemoryDrain.Result route : results.subList(1, results.size())) {
            figures.add(new Figure(
                    "peak heap, " + route.mode() + " vs raw loop, " + records + " records, limit=" + limit
                                   + ", -Xmx" + MEMORY_HEAP + " (completed)",
                    new double[] { (double) route.peakHeapBytes() / raw.peakHeapBytes() }, false, Double.NaN,
                    String.format(Locale.ROOT, "%s %d MB (after GC %d MB), raw %d MB (after GC %d MB)", route.mode(),
                            route.peakHeapBytes() >> 20, route.peakLiveBytes() >> 20, raw.peakHeapBytes() >> 20,
                            raw.peakLiveBytes() >> 20)));
        }
    }

    /** getImportTask through a route against the raw SDK call (time ratio, above 1: the route is slower). */
    private void producer(NeptuneLocal neptune) throws Exception {
        System.out
                .println("\n== producer: getImportTask through a route vs the raw SDK call (time ratio, at most 1.05 wanted)");
        AbRun.Timings timings = ProducerLatency.run(neptune, producerCalls, warmups, rounds);
        int arms = ProducerLatency.ARMS;
        figures.add(new Figure(
                "getImportTask: route vs raw SDK call, per-call latency", timings.timeRatios(1), false, 1.05,
                String.format(Locale.ROOT, "route %.0f us/call, raw %.0f us/call",
                        timings.medianMillis(1) * 1e3 / producerCalls, timings.medianMillis(0) * 1e3 / producerCalls)));
        figures.add(new Figure(
                "getImportTask: route (endpoint resolved once) vs raw, per-call latency",
                timings.timeRatios(2), false, 1.05, String.format(Locale.ROOT, "route %.0f us/call, raw %.0f us/call",
                        timings.medianMillis(2) * 1e3 / producerCalls, timings.medianMillis(0) * 1e3 / producerCalls)));
        figures.add(new Figure(
                "getImportTask: route vs raw, CPU time of the calling thread", timings.timeRatios(arms + 1,
                        arms),
                false, 1.05, String.format(Locale.ROOT, "route %.0f us/call, raw %.0f us/call, endpoint resolved"
                                                        + " once %.0f us/call, and with streamCache=false %.0f us/call",
                        timings.medianMillis(arms + 1) * 1e3 / producerCalls, timings.medianMillis(arms) * 1e3 / producerCalls,
                        timings.medianMillis(arms + 2) * 1e3 / producerCalls,
                        timings.medianMillis(arms + 3) * 1e3 / producerCalls)));
        figures.add(new Figure(
                "getImportTask: route (resolved once, streamCache=false) vs raw, per-call latency",
                timings.timeRatios(3), false, 1.05, String.format(Locale.ROOT, "route %.0f us/call, raw %.0f us/call",
                        timings.medianMillis(3) * 1e3 / producerCalls, timings.medianMillis(0) * 1e3 / producerCalls)));
        figures.add(new Figure(
                "getImportTask: route (resolved once, streamCache=false) vs raw, CPU of the calling thread",
                timings.timeRatios(arms + 3, arms), false, 1.05, ""));
    }

    static String kilo(double rate) {
        return String.format(Locale.ROOT, "%.0fk", rate / 1e3);
    }
}
