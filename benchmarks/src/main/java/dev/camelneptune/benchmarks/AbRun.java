package dev.camelneptune.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a baseline and its candidates in the same JVM, alternating: round r runs the arms rotated by r, so each arm
 * takes every position in turn and drift (JIT, GC, other processes on the machine) falls on all of them alike. Warm-up
 * rounds run the same way and are thrown away. Each arm does a fixed amount of work and returns the nanoseconds it
 * took; each candidate's figure is a per-round ratio against the baseline of the same round.
 */
final class AbRun {

    /** One side of a comparison: does a fixed amount of work, returns the elapsed nanoseconds. */
    interface Arm {
        long run() throws Exception;
    }

    record Named(String name, Arm arm) {
    }

    /** The elapsed nanoseconds of every measured round, per arm, in the order the arms were given. */
    record Timings(String title, List<String> names, long[][] nanos) {

        double medianMillis(int arm) {
            return median(Arrays.stream(nanos[arm]).mapToDouble(n -> n / 1e6).toArray());
        }

        /** Per round: baseline time / candidate time (above 1: the candidate is faster). */
        double[] speedRatios(int candidate) {
            return speedRatios(candidate, 0);
        }

        /**
         * Per round: time of arm {@code baseline} / time of arm {@code candidate} (above 1: the candidate is faster).
         */
        double[] speedRatios(int candidate, int baseline) {
            double[] ratios = new double[nanos[baseline].length];
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = (double) nanos[baseline][r] / nanos[candidate][r];
            }
            return ratios;
        }

        /** Per round: candidate time / baseline time (above 1: the candidate is slower). */
        double[] timeRatios(int candidate) {
            return timeRatios(candidate, 0);
        }

        /** Per round: candidate time / the time of the arm {@code baseline} (above 1: the candidate is slower). */
        double[] timeRatios(int candidate, int baseline) {
            double[] ratios = new double[nanos[0].length];
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = (double) nanos[candidate][r] / nanos[baseline][r];
            }
            return ratios;
        }
    }

    private AbRun() {
    }

    static Timings run(String title, int warmups, int rounds, List<Named> arms) throws Exception {
        int n = arms.size();
        long[][] nanos = new long[n][rounds];
        for (int round = -warmups; round < rounds; round++) {
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "  %-38s %s",
                            title, round < 0 ? "warm-up" : "round " + (round + 1)));
            for (int k = 0; k < n; k++) {
                int arm = Math.floorMod(k + round, n);
                System.gc();
                long elapsed = arms.get(arm).arm().run();
                if (round >= 0) {
                    nanos[arm][round] = elapsed;
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f ms", arms.get(arm).name(), elapsed / 1e6));
            }
            System.out.println(line);
        }
        List<String> names = new ArrayList<>();
        arms.forEach(a -> names.add(a.name()));
        return new Timings(title, names, nanos);
    }

    /**
     * Arms measured together: one call does a round of all of them, interleaved, and returns each one's nanoseconds.
     */
    interface Interleaved {
        long[] run() throws Exception;
    }

    /** For arms short enough to interleave finely (per-call latency): each round is one call of {@code arms}. */
    static Timings runInterleaved(String title, List<String> names, int warmups, int rounds, Interleaved arms)
            throws Exception {
        long[][] nanos = new long[names.size()][rounds];
        for (int round = -warmups; round < rounds; round++) {
            System.gc();
            long[] elapsed = arms.run();
            StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "  %-38s %s",
                            title, round < 0 ? "warm-up" : "round " + (round + 1)));
            for (int k = 0; k < elapsed.length; k++) {
                if (round >= 0) {
                    nanos[k][round] = elapsed[k];
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f ms", names.get(k), elapsed[k] / 1e6));
            }
            System.out.println(line);
        }
        return new Timings(title, names, nanos);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
