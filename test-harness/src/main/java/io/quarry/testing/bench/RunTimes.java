package io.quarry.testing.bench;

import java.util.Arrays;

/**
 * The minimum and the median of a query's measured runs, in seconds. The median of an even count is the mean of
 * the two middle values, as {@code ../shared/bench/tpch_bench.py} computes it, so the figures compare.
 */
record RunTimes(int runs, double min, double median) {
    RunTimes {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive: " + runs);
        }
        if (min > median) {
            throw new IllegalArgumentException("min " + min + " is above the median " + median);
        }
    }

    /** Summarises {@code seconds} (any order; not modified). */
    static RunTimes of(double[] seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no runs to summarise");
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new RunTimes(sorted.length, sorted[0], median);
    }
}
