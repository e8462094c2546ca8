package dev.camelneptune.benchmarks;

import java.util.Locale;

/**
 * One line of the summary: a ratio measured round by round against a baseline of the same run, and its target.
 *
 * @param name    what is compared with what
 * @param ratios  the per-round ratios
 * @param atLeast true if the target is a minimum (speed), false if a maximum (latency)
 * @param target  the target, or NaN for a figure that only informs
 * @param detail  the absolute medians behind the ratio
 */
record Figure(String name, double[] ratios, boolean atLeast, double target, String detail) {

    double median() {
        return AbRun.median(ratios);
    }

    String verdict() {
        if (Double.isNaN(target)) {
            return "(info)";
        }
        boolean met = atLeast ? median() >= target : median() <= target;
        return (met ? "met" : "MISSED") + " (" + (atLeast ? ">= " : "<= ") + format(target) + "x)";
    }

    String row() {
        return String.format(Locale.ROOT, "| %s | %sx | %sx - %sx | %s | %s |", name, format(median()),
                format(AbRun.min(ratios)), format(AbRun.max(ratios)), verdict(), detail);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
