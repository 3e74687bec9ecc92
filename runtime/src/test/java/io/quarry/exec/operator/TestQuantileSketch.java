package io.quarry.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The error bound and the size bound of the quantile sketch on known distributions. */
class TestQuantileSketch {
    private static final double[] QUANTILES = {0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999};
    private static final int VALUES = 500_000;

    /** The largest distance, in rank (0 to 1), between each quantile the sketch answers and the true one. */
    private static double worstRankError(QuantileSketch sketch, double[] sorted) {
        double worst = 0;
        for (double q : QUANTILES) {
            double answer = sketch.quantile(q);
            // the ranks the answer has in the data: anywhere between its first and last occurrence
            int low = lowerBound(sorted, answer);
            int high = upperBound(sorted, answer);
            double target = q * (sorted.length - 1);
            double error = target < low ? low - target : target > high ? target - high : 0;
            worst = Math.max(worst, error / sorted.length);
        }
        return worst;
    }

    private static int lowerBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }

    private static int upperBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 2;
        }
        while (index < sorted.length - 1 && sorted[index + 1] == value) {
            index++;
        }
        return index;
    }

    private static double[] values(DoubleSupplier distribution) {
        double[] values = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = distribution.getAsDouble();
        }
        return values;
    }

    private static void assertAccurate(double[] values) {
        QuantileSketch sketch = new QuantileSketch();
        for (double value : values) {
            sketch.add(value, 1);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(worstRankError(sketch, sorted)).isLessThan(0.01);
        assertThat(sketch.totalWeight()).isEqualTo(values.length);
        // bounded: about the compression's worth of centroids, whatever the number of values
        assertThat(sketch.centroidCount()).isLessThanOrEqualTo(110);
        assertThat(sketch.sizeInBytes()).isLessThan(16_000);
        assertThat(sketch.quantile(0)).isEqualTo(sorted[0]);
        assertThat(sketch.quantile(1)).isEqualTo(sorted[sorted.length - 1]);
    }

    @Test
    void uniformNormalExponentialAndSkewedDataStayWithinOnePercentOfRank() {
        Random random = new Random(42);
        assertAccurate(values(random::nextDouble));
        assertAccurate(values(random::nextGaussian));
        assertAccurate(values(() -> -Math.log(1 - random.nextDouble())));
        // heavy-tailed: Pareto with shape 1
        assertAccurate(values(() -> 1 / (1 - random.nextDouble())));
        // ascending input, the worst order for a naive buffer
        double[] ascending = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            ascending[i] = i;
        }
        assertAccurate(ascending);
        // few distinct values, each many times
        assertAccurate(values(() -> random.nextInt(10)));
    }

    @Test
    void mergedPartialSketchesKeepTheBound() {
        Random random = new Random(7);
        double[] values = values(random::nextGaussian);
        QuantileSketch merged = new QuantileSketch();
        for (int part = 0; part < 16; part++) {
            QuantileSketch partial = new QuantileSketch();
            for (int i = part; i < values.length; i += 16) {
                partial.add(values[i], 1);
            }
            // partial sketches travel serialized, as intermediate aggregation states do
            ByteBuffer buffer = ByteBuffer.allocate(partial.serializedSize());
            partial.serialize(buffer);
            buffer.flip();
            merged.merge(QuantileSketch.deserialize(buffer));
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(worstRankError(merged, sorted)).isLessThan(0.01);
        assertThat(merged.totalWeight()).isEqualTo(values.length);
        assertThat(merged.quantile(0)).isEqualTo(sorted[0]);
    }

    @Test
    void weightsCountAsRepetitions() {
        QuantileSketch weighted = new QuantileSketch();
        QuantileSketch repeated = new QuantileSketch();
        for (int value = 1; value <= 1000; value++) {
            int weight = 1 + value % 7;
            weighted.add(value, weight);
            for (int i = 0; i < weight; i++) {
                repeated.add(value, 1);
            }
        }
        for (double q : QUANTILES) {
            // 1000 distinct values: one percent of rank is about ten values
            assertThat(weighted.quantile(q)).isCloseTo(repeated.quantile(q), org.assertj.core.api.Assertions.within(12.0));
        }
        assertThat(weighted.totalWeight()).isEqualTo(repeated.totalWeight());
    }

    @Test
    void fewValuesGiveTheExactNearestRank() {
        QuantileSketch sketch = new QuantileSketch();
        for (int value : new int[] {5, 1, 4, 2, 3}) {
            sketch.add(value, 1);
        }
        assertThat(sketch.quantile(0.5)).isEqualTo(3);
        assertThat(sketch.quantile(0.25)).isEqualTo(2);
        assertThat(sketch.quantile(0.9)).isEqualTo(5);
        assertThat(new QuantileSketch().quantile(0.5)).isNaN();
    }
}
