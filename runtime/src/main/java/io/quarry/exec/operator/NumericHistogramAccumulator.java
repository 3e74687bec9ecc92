package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.RealType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * {@code numeric_histogram(buckets, value[, weight])}: at most {@code buckets} (centroid, weight) pairs per group,
 * following Trino's rule so small inputs give equal answers: values gather in a buffer of 100 beyond the bucket
 * count; when it is full (and at the end) equal values are summed and, while there are too many buckets, the
 * adjacent pair whose merge costs least (total weight times the squared distance times the product of the weight
 * shares; ties to the leftmost) is replaced by its weighted mean. Rows with a NULL value or weight are skipped.
 */
final class NumericHistogramAccumulator implements SingleStepAccumulator {
    static final int BUFFER = 100;

    private final boolean real;
    private final boolean weighted;
    private final Type valueType;
    private final Type weightType;
    private final List<Histogram> groups = new ArrayList<>();

    NumericHistogramAccumulator(Type resultValueType, List<Type> argumentTypes) {
        this.real = resultValueType instanceof RealType;
        this.weighted = argumentTypes.size() > 2;
        this.valueType = argumentTypes.get(1);
        this.weightType = weighted ? argumentTypes.get(2) : Types.DOUBLE;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (groups.size() < groupCount) {
            groups.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        for (int i = 0; i < count; i++) {
            if (arguments[0].isNull(i) || arguments[1].isNull(i) || weighted && arguments[2].isNull(i)) {
                continue;
            }
            Histogram histogram = groups.get(groupIds[i]);
            if (histogram == null) {
                long buckets = ((Number) Values.toObject(Types.BIGINT, arguments[0], i)).longValue();
                if (buckets < 2) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "numeric_histogram bucket count must be greater than one");
                }
                histogram = new Histogram(Math.toIntExact(buckets));
                groups.set(groupIds[i], histogram);
            }
            double value = ExtendedAccumulators.doubleValue(arguments[1], valueType, i);
            if (real) {
                // the values are reals in Trino, whatever their type was
                value = (float) value;
            }
            double weight = weighted ? ExtendedAccumulators.doubleValue(arguments[2], weightType, i) : 1;
            histogram.add(value, weight);
        }
    }

    @Override
    public String functionName() {
        return "numeric_histogram";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        Histogram histogram = groups.get(group);
        if (histogram == null) {
            out.appendNull();
            return;
        }
        histogram.compact();
        Map<Object, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < histogram.size; i++) {
            double value = histogram.values[i];
            double weight = histogram.weights[i];
            result.put(real ? (double) (float) value : value, real ? (double) (float) weight : weight);
        }
        out.appendObject(result);
    }

    @Override
    public long sizeInBytes() {
        long bytes = 16L * groups.size();
        for (Histogram histogram : groups) {
            bytes += histogram == null ? 0 : 16L * histogram.values.length + 32;
        }
        return bytes;
    }

    /** The buckets of one group. */
    static final class Histogram {
        private final int maxBuckets;
        private final double[] values;
        private final double[] weights;
        private int size;

        Histogram(int maxBuckets) {
            this.maxBuckets = maxBuckets;
            this.values = new double[maxBuckets + BUFFER];
            this.weights = new double[maxBuckets + BUFFER];
        }

        void add(double value, double weight) {
            if (size == values.length) {
                compact();
            }
            values[size] = value;
            weights[size] = weight;
            size++;
        }

        void compact() {
            sortByValue(size);
            int distinct = 0;
            for (int i = 1; i < size; i++) {
                if (values[distinct] == values[i]) {
                    weights[distinct] += weights[i];
                } else {
                    distinct++;
                    values[distinct] = values[i];
                    weights[distinct] = weights[i];
                }
            }
            size = size == 0 ? 0 : distinct + 1;
            if (size > maxBuckets) {
                mergeClosest();
            }
        }

        private void sortByValue(int count) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[] sortedValues = new double[count];
            double[] sortedWeights = new double[count];
            for (int i = 0; i < count; i++) {
                sortedValues[i] = values[order[i]];
                sortedWeights[i] = weights[order[i]];
            }
            System.arraycopy(sortedValues, 0, values, 0, count);
            System.arraycopy(sortedWeights, 0, weights, 0, count);
        }

        /** Merges the cheapest adjacent pairs until {@code maxBuckets} remain; the buckets stay sorted by value. */
        private void mergeClosest() {
            PriorityQueue<Bucket> queue = new PriorityQueue<>();
            Bucket right = null;
            for (int i = size - 1; i >= 0; i--) {
                Bucket bucket = new Bucket(i, values[i], weights[i], null, right);
                queue.add(bucket);
                right = bucket;
            }
            int remaining = size;
            while (remaining > maxBuckets) {
                Bucket cheapest = queue.poll();
                if (!cheapest.valid) {
                    continue;
                }
                remaining--;
                Bucket next = cheapest.right;
                double weight = cheapest.weight + next.weight;
                double value = (cheapest.value * cheapest.weight + next.value * next.weight) / weight;
                next.valid = false;
                cheapest.valid = false;
                Bucket merged = new Bucket(cheapest.id, value, weight, null, next.right);
                queue.add(merged);
                Bucket left = cheapest.left;
                if (left != null) {
                    left.valid = false;
                    queue.add(new Bucket(left.id, left.value, left.weight, left.left, merged));
                }
            }
            size = 0;
            for (Bucket bucket : queue) {
                if (bucket.valid) {
                    values[size] = bucket.value;
                    weights[size] = bucket.weight;
                    size++;
                }
            }
            sortByValue(size);
        }
    }

    /** A bucket in the merge queue, linked to its neighbours, ordered by the cost of merging it with its right one. */
    private static final class Bucket implements Comparable<Bucket> {
        final int id;
        final double value;
        final double weight;
        final double cost;
        Bucket left;
        Bucket right;
        boolean valid = true;

        Bucket(int id, double value, double weight, Bucket left, Bucket right) {
            this.id = id;
            this.value = value;
            this.weight = weight;
            this.left = left;
            this.right = right;
            if (left != null) {
                left.right = this;
            }
            if (right != null) {
                right.left = this;
                double total = weight + right.weight;
                double distance = value - right.value;
                cost = total * distance * distance * (weight * right.weight) / (total * total);
            } else {
                cost = Double.POSITIVE_INFINITY;
            }
        }

        @Override
        public int compareTo(Bucket other) {
            int order = Double.compare(cost, other.cost);
            return order != 0 ? order : Integer.compare(id, other.id);
        }
    }
}
