package io.quarry.testing.bench;

import java.util.Arrays;

/**
 * Summary of a series of timings in milliseconds: nearest-rank percentiles (as {@code ../shared/bench/latency.py}
 * computes them, so the figures compare), mean, minimum and maximum.
 */
public record LatencySummary(int count, double min, double p50, double p95, double p99, double mean, double max) {
    public LatencySummary {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    /** Summarises {@code millis} (any order; not modified). */
    public static LatencySummary of(double[] millis) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timings to summarise");
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new LatencySummary(
                sorted.length,
                sorted[0],
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sum / sorted.length,
                sorted[sorted.length - 1]);
    }

    /**
     * The nearest-rank percentile of an ascending array: the smallest value with at least {@code percent}% of
     * the values at or below it.
     */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The median of {@code millis} (the lower middle value for an even count, as nearest rank). */
    public static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return percentile(sorted, 50);
    }
}
