package dev.camelneptune.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import software.amazon.awssdk.services.neptunedata.NeptunedataClient;

/**
 * One drain in a JVM of its own with a small heap, against the parent's neptune-local, reporting the peak heap: the
 * largest heap occupancy seen before any collection (and at the end), and the largest live set after one. The parent
 * ({@link #fork}) starts it with the same class path.
 */
public final class MemoryDrain {

    /** What a forked drain reports. */
    record Result(String mode, long elapsedNanos, long peakHeapBytes, long peakLiveBytes) {
    }

    private MemoryDrain() {
    }

    /** Runs one drain in a new JVM with {@code -Xmx<heap>}; fails if it does not complete. */
    static Result fork(String heap, URI endpoint, String mode, int limit, long records)
            throws IOException, InterruptedException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(
                List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                        MemoryDrain.class.getName(), endpoint.toString(), mode, Integer.toString(limit),
                        Long.toString(records)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Result result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    result = new Result(mode, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException(
                    "the " + mode + " drain under -Xmx" + heap + " did not complete (exit " + exit + ")");
        }
        return result;
    }

    /** {@code endpoint mode(raw|route|route-prefetch) limit records} */
    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.level", "WARN");
        URI endpoint = URI.create(args[0]);
        String mode = args[1];
        int limit = Integer.parseInt(args[2]);
        long records = Long.parseLong(args[3]);
        PeakHeap peak = new PeakHeap();
        long elapsed;
        try (NeptunedataClient client = Local.dataClient(endpoint)) {
            if (mode.equals("raw")) {
                elapsed = RawStreamLoop.drain(client, limit, records, 0);
            } else {
                try (RouteDrain route = new RouteDrain(client, endpoint)) {
                    elapsed = route.drain(limit, records, RouteDrain.Repository.MEMORY, mode.endsWith("prefetch"), 0);
                }
            }
        }
        System.out.println("RESULT " + elapsed + " " + peak.peakHeap() + " " + peak.peakLive());
    }

    /** Heap peaks from the collectors' own before/after figures, plus the pools' peak at the end. */
    static final class PeakHeap {
        private final Set<String> heapPools;
        private final AtomicLong beforeGc = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();

        PeakHeap() {
            heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(
                    (notification, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            GarbageCollectionNotificationInfo info
                                    = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                            beforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                            afterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                        }
                    }, null, null));
        }

        private long heapUsed(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        long peakHeap() {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return Math.max(beforeGc.get(), now);
        }

        long peakLive() {
            return afterGc.get();
        }
    }
}
