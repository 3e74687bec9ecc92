package io.quarry.exec.operator;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A merging t-digest: weighted values summarised as at most about {@code compression} centroids (mean,
 * weight), small near the extremes and large in the middle, so that quantiles come out with a rank error of
 * a fraction of a percent at compression 100 whatever the number of values. Values first go into a buffer;
 * a full buffer is sorted and merged into the centroids in one pass. Two sketches merge by adding one's
 * centroids to the other. The memory of a sketch is bounded: at most {@code 6 * compression} (mean, weight)
 * pairs. Not thread-safe.
 */
final class QuantileSketch {
    /** Trino's default for approx_percentile: a rank error of about 1% at worst, far less at the extremes. */
    static final double DEFAULT_COMPRESSION = 100;

    private static final int INITIAL_CAPACITY = 8;
    private static final byte FORMAT = 1;

    private final double compression;
    private final int bufferLimit;
    private double[] means = new double[0];
    private double[] weights = new double[0];
    private int centroidCount;
    private double[] bufferMeans = new double[INITIAL_CAPACITY];
    private double[] bufferWeights = new double[INITIAL_CAPACITY];
    private int bufferCount;
    private double totalWeight;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    QuantileSketch() {
        this(DEFAULT_COMPRESSION);
    }

    QuantileSketch(double compression) {
        if (!(compression >= 10)) {
            throw new IllegalArgumentException("compression must be at least 10: " + compression);
        }
        this.compression = compression;
        this.bufferLimit = (int) (5 * compression);
    }

    /** The sum of the weights added. */
    double totalWeight() {
        return totalWeight;
    }

    boolean isEmpty() {
        return totalWeight == 0;
    }

    int centroidCount() {
        compress();
        return centroidCount;
    }

    /** Adds {@code value} with a positive, finite {@code weight}. */
    void add(double value, double weight) {
        if (bufferCount == bufferMeans.length) {
            if (bufferCount >= bufferLimit) {
                compress();
            } else {
                int capacity = Math.min(bufferLimit, bufferCount * 2);
                bufferMeans = Arrays.copyOf(bufferMeans, capacity);
                bufferWeights = Arrays.copyOf(bufferWeights, capacity);
            }
        }
        bufferMeans[bufferCount] = value;
        bufferWeights[bufferCount] = weight;
        bufferCount++;
        totalWeight += weight;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every value of {@code other}, summarised. */
    void merge(QuantileSketch other) {
        other.compress();
        for (int i = 0; i < other.centroidCount; i++) {
            add(other.means[i], other.weights[i]);
        }
        // the centroids' means lie inside the other's range; its extremes are exact
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** The value at quantile {@code q} (0 to 1); NaN when empty. */
    double quantile(double q) {
        compress();
        if (centroidCount == 0) {
            return Double.NaN;
        }
        if (centroidCount == 1 || q <= 0) {
            return q <= 0 ? min : means[0];
        }
        if (q >= 1) {
            return max;
        }
        if (totalWeight == centroidCount) {
            // every value is its own centroid (few values): the value at rank floor(q * n), exactly, as Trino answers
            return means[(int) Math.min(centroidCount - 1, Math.floor(q * centroidCount))];
        }
        double target = q * totalWeight;
        // centroid i covers the ranks [before, before + weight); its mean sits at the middle of them
        double firstCenter = weights[0] / 2;
        if (target < firstCenter) {
            return weights[0] == 1 ? min : min + (means[0] - min) * (target / firstCenter);
        }
        double before = 0;
        for (int i = 0; i < centroidCount - 1; i++) {
            double leftCenter = before + weights[i] / 2;
            double rightCenter = before + weights[i] + weights[i + 1] / 2;
            if (target <= rightCenter) {
                // a unit-weight centroid is one exact value: ranks within half a unit of it take it
                if (weights[i] == 1 && target - leftCenter < 0.5) {
                    return means[i];
                }
                if (weights[i + 1] == 1 && rightCenter - target <= 0.5) {
                    return means[i + 1];
                }
                double fraction = (target - leftCenter) / (rightCenter - leftCenter);
                return means[i] + fraction * (means[i + 1] - means[i]);
            }
            before += weights[i];
        }
        int last = centroidCount - 1;
        double lastCenter = totalWeight - weights[last] / 2;
        if (weights[last] == 1) {
            return means[last];
        }
        double fraction = (target - lastCenter) / (totalWeight - lastCenter);
        return means[last] + Math.min(1, fraction) * (max - means[last]);
    }

    /** What the sketch's arrays retain. */
    long sizeInBytes() {
        return 64L + 16L * means.length + 16L * bufferMeans.length;
    }

    /** Bytes {@link #serialize} writes. */
    int serializedSize() {
        compress();
        return 1 + 8 + 8 + 8 + 4 + 16 * centroidCount;
    }

    /** Writes the compression, extremes and centroids. */
    void serialize(ByteBuffer out) {
        compress();
        out.put(FORMAT);
        out.putDouble(compression);
        out.putDouble(min);
        out.putDouble(max);
        out.putInt(centroidCount);
        for (int i = 0; i < centroidCount; i++) {
            out.putDouble(means[i]);
            out.putDouble(weights[i]);
        }
    }

    /** Reads what {@link #serialize} wrote, advancing {@code in}. */
    static QuantileSketch deserialize(ByteBuffer in) {
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown quantile sketch format: " + format);
        }
        QuantileSketch sketch = new QuantileSketch(in.getDouble());
        double min = in.getDouble();
        double max = in.getDouble();
        int count = in.getInt();
        sketch.means = new double[count];
        sketch.weights = new double[count];
        for (int i = 0; i < count; i++) {
            sketch.means[i] = in.getDouble();
            sketch.weights[i] = in.getDouble();
            sketch.totalWeight += sketch.weights[i];
        }
        sketch.centroidCount = count;
        if (count > 0) {
            sketch.min = min;
            sketch.max = max;
        }
        return sketch;
    }

    /** Merges the buffer into the centroids: one sort of the buffer, one merging pass. */
    private void compress() {
        if (bufferCount == 0) {
            return;
        }
        sort(bufferMeans, bufferWeights, 0, bufferCount - 1);
        int total = centroidCount + bufferCount;
        double[] sortedMeans = new double[total];
        double[] sortedWeights = new double[total];
        for (int i = 0, j = 0, k = 0; k < total; k++) {
            if (j >= bufferCount || i < centroidCount && means[i] <= bufferMeans[j]) {
                sortedMeans[k] = means[i];
                sortedWeights[k] = weights[i++];
            } else {
                sortedMeans[k] = bufferMeans[j];
                sortedWeights[k] = bufferWeights[j++];
            }
        }
        bufferCount = 0;

        // Greedy merge under the arcsine scale: a centroid may span one unit of
        // k(q) = compression / (2 pi) * asin(2q - 1), so centroids are small where q is near 0 or 1.
        int out = 0;
        double currentMean = sortedMeans[0];
        double currentWeight = sortedWeights[0];
        double weightBefore = 0;
        double limit = totalWeight * nextQuantileLimit(0);
        for (int i = 1; i < total; i++) {
            double weight = sortedWeights[i];
            if (weightBefore + currentWeight + weight <= limit) {
                currentWeight += weight;
                currentMean += (sortedMeans[i] - currentMean) * (weight / currentWeight);
            } else {
                sortedMeans[out] = currentMean;
                sortedWeights[out] = currentWeight;
                out++;
                weightBefore += currentWeight;
                limit = totalWeight * nextQuantileLimit(weightBefore / totalWeight);
                currentMean = sortedMeans[i];
                currentWeight = weight;
            }
        }
        sortedMeans[out] = currentMean;
        sortedWeights[out] = currentWeight;
        out++;
        if (means.length < out || means.length > 4 * out + INITIAL_CAPACITY) {
            means = new double[out];
            weights = new double[out];
        }
        System.arraycopy(sortedMeans, 0, means, 0, out);
        System.arraycopy(sortedWeights, 0, weights, 0, out);
        centroidCount = out;
    }

    /** The quantile one unit of the scale function beyond {@code q}. */
    private double nextQuantileLimit(double q) {
        double k = Math.asin(Math.max(-1, Math.min(1, 2 * q - 1))) + 2 * Math.PI / compression;
        return k >= Math.PI / 2 ? 1 : (Math.sin(k) + 1) / 2;
    }

    /** Sorts parallel arrays by {@code keys} (quicksort, insertion sort for short ranges). */
    private static void sort(double[] keys, double[] values, int from, int to) {
        while (to - from > 16) {
            double pivot = median(keys[from], keys[(from + to) >>> 1], keys[to]);
            int i = from;
            int j = to;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(keys, values, i++, j--);
                }
            }
            // recurse into the smaller side, loop on the larger: the stack stays logarithmic
            if (j - from < to - i) {
                sort(keys, values, from, j);
                from = i;
            } else {
                sort(keys, values, i, to);
                to = j;
            }
        }
        for (int i = from + 1; i <= to; i++) {
            double key = keys[i];
            double value = values[i];
            int j = i - 1;
            while (j >= from && keys[j] > key) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] keys, double[] values, int i, int j) {
        double key = keys[i];
        keys[i] = keys[j];
        keys[j] = key;
        double value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
