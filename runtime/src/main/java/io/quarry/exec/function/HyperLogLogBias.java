package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.lang.reflect.Field;

/**
 * The bias correction of a dense HyperLogLog's raw estimate, for 16 to 65536 buckets. The corrections are
 * empirical curves (the mean raw estimate and its mean bias at sampled cardinalities); to estimate as Trino does,
 * Quarry reads the very curves Trino uses from the airlift stats library on the class path rather than keeping
 * its own measurements. Between two samples the bias is interpolated linearly; outside the curve there is none.
 */
final class HyperLogLogBias {
    private static final int MIN_INDEX_BITS = 4;
    private static final String TABLES = "io.airlift.stats.cardinality.BiasCorrection";

    private HyperLogLogBias() {}

    /** Loaded on first use. */
    private static final class Curves {
        static final double[][] RAW_ESTIMATES = table("RAW_ESTIMATES");
        static final double[][] BIASES = table("BIAS");

        private static double[][] table(String name) {
            try {
                Field field = Class.forName(TABLES).getDeclaredField(name);
                field.setAccessible(true);
                return (double[][]) field.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new QuarryException(
                        ErrorCode.GENERIC_INTERNAL_ERROR, "HyperLogLog bias tables are not on the class path", e);
            }
        }
    }

    static double correct(double rawEstimate, int indexBits) {
        int curve = indexBits - MIN_INDEX_BITS;
        if (curve < 0 || curve >= Curves.RAW_ESTIMATES.length) {
            return rawEstimate;
        }
        double[] estimates = Curves.RAW_ESTIMATES[curve];
        if (rawEstimate < estimates[0] || rawEstimate > estimates[estimates.length - 1]) {
            return rawEstimate;
        }
        double[] biases = Curves.BIASES[curve];
        int low = 0;
        int high = estimates.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (rawEstimate > estimates[middle]) {
                low = middle + 1;
            } else if (rawEstimate < estimates[middle]) {
                high = middle - 1;
            } else {
                return rawEstimate - biases[middle];
            }
        }
        // estimates[low - 1] < rawEstimate < estimates[low]
        double x0 = estimates[low - 1];
        double x1 = estimates[low];
        double y0 = biases[low - 1];
        double y1 = biases[low];
        double bias = (rawEstimate - x0) * (y1 - y0) / (x1 - x0) + y0;
        return rawEstimate - bias;
    }
}
