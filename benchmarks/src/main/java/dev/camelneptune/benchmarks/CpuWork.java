package dev.camelneptune.benchmarks;

/** A fixed slice of CPU work per record, as a route's own processing would cost: a busy loop for a wall-clock time. */
final class CpuWork {

    private static volatile long sink;

    private CpuWork() {
    }

    /** Keeps this thread's core busy for {@code nanos} (0: returns at once). */
    static void spin(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        long x = sink;
        while (System.nanoTime() < end) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }
}
