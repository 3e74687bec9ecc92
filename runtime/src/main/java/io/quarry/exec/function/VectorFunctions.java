package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.MapBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trino's vector functions over {@code array(double)} (and {@code cosine_similarity} over
 * {@code map(varchar, double)}), plus {@code shuffle}. As in Trino, the cosine functions are NULL when an element
 * is NULL while {@code dot_product} and {@code euclidean_distance} count a NULL element as 0.
 */
final class VectorFunctions {
    static final Set<String> NAMES = Set.of("cosine_similarity", "cosine_distance", "euclidean_distance", "dot_product",
            "shuffle");

    private VectorFunctions() {}

    static ScalarKernel resolve(String name, List<Type> types) {
        if (name.equals("shuffle")) {
            return VectorFunctions::shuffle;
        }
        if (types.get(0) instanceof MapType) {
            if (!name.equals("cosine_similarity")) {
                throw Functions.unsupported(name, types);
            }
            return (arguments, count) -> perRow(arguments, count, VectorFunctions::mapCosineSimilarity);
        }
        return switch (name) {
            case "cosine_similarity" -> (arguments, count) -> perRow(arguments, count, (a, b, left, right) ->
                    cosineSimilarity(a, b, left, right));
            case "cosine_distance" -> (arguments, count) -> perRow(arguments, count, (a, b, left, right) -> {
                Double similarity = cosineSimilarity(a, b, left, right);
                return similarity == null ? null : 1 - similarity;
            });
            case "euclidean_distance" -> (arguments, count) -> perRow(arguments, count, (a, b, left, right) -> {
                double sum = 0;
                for (int i = 0; i < sameLength(a, b, left, right); i++) {
                    double difference = valueOrZero(a, left, i) - valueOrZero(b, right, i);
                    sum += difference * difference;
                }
                return Math.sqrt(sum);
            });
            case "dot_product" -> (arguments, count) -> perRow(arguments, count, (a, b, left, right) -> {
                double sum = 0;
                for (int i = 0; i < sameLength(a, b, left, right); i++) {
                    sum += valueOrZero(a, left, i) * valueOrZero(b, right, i);
                }
                return sum;
            });
            default -> throw Functions.unsupported(name, types);
        };
    }

    /** One row's answer from its two (non-null) containers, or null. */
    @FunctionalInterface
    private interface RowFunction {
        Double apply(Block left, Block right, int leftRow, int rightRow);
    }

    private static Block perRow(Block[] arguments, int count, RowFunction function) {
        double[] values = new double[count];
        boolean[] nulls = null;
        for (int row = 0; row < count; row++) {
            Double value = arguments[0].isNull(row) || arguments[1].isNull(row)
                    ? null
                    : function.apply(arguments[0], arguments[1], row, row);
            if (value == null) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[row] = true;
            } else {
                values[row] = value;
            }
        }
        return new DoubleBlock(count, nulls, values);
    }

    private static int sameLength(Block left, Block right, int leftRow, int rightRow) {
        int length = ((ArrayBlock) left).length(leftRow);
        if (length != ((ArrayBlock) right).length(rightRow)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "The arguments must have the same length");
        }
        return length;
    }

    private static double valueOrZero(Block arrays, int row, int index) {
        ArrayBlock array = (ArrayBlock) arrays;
        int position = array.offset(row) + index;
        return array.elements().isNull(position) ? 0 : Kernels.doubleAt(array.elements(), position);
    }

    private static Double cosineSimilarity(Block left, Block right, int leftRow, int rightRow) {
        ArrayBlock a = (ArrayBlock) left;
        ArrayBlock b = (ArrayBlock) right;
        int length = sameLength(left, right, leftRow, rightRow);
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < length; i++) {
            int x = a.offset(leftRow) + i;
            int y = b.offset(rightRow) + i;
            if (a.elements().isNull(x) || b.elements().isNull(y)) {
                return null;
            }
            double valueA = Kernels.doubleAt(a.elements(), x);
            double valueB = Kernels.doubleAt(b.elements(), y);
            dot += valueA * valueB;
            normA += valueA * valueA;
            normB += valueB * valueB;
        }
        if (normA == 0 || normB == 0) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Vector magnitude cannot be zero");
        }
        return dot / Math.sqrt(normA * normB);
    }

    /** Over maps the keys pair the coordinates; a key in one map only adds to that map's norm. */
    private static Double mapCosineSimilarity(Block left, Block right, int leftRow, int rightRow) {
        MapBlock a = (MapBlock) left;
        MapBlock b = (MapBlock) right;
        Map<Object, Double> first = new HashMap<>();
        double normA = 0;
        for (int e = a.offset(leftRow), end = e + a.length(leftRow); e < end; e++) {
            if (a.values().isNull(e)) {
                return null;
            }
            double value = Kernels.doubleAt(a.values(), e);
            first.put(ElementKeys.key(Types.VARCHAR, a.keys(), e), value);
            normA += value * value;
        }
        double dot = 0;
        double normB = 0;
        for (int e = b.offset(rightRow), end = e + b.length(rightRow); e < end; e++) {
            if (b.values().isNull(e)) {
                return null;
            }
            double value = Kernels.doubleAt(b.values(), e);
            Double other = first.get(ElementKeys.key(Types.VARCHAR, b.keys(), e));
            if (other != null) {
                dot += other * value;
            }
            normB += value * value;
        }
        return dot / Math.sqrt(normA * normB);
    }

    /** The elements of each array in a random order. */
    private static Block shuffle(Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        int[] positions = new int[arrays.elements().positionCount()];
        int[] offsets = new int[count + 1];
        int next = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int row = 0; row < count; row++) {
            int start = next;
            if (!arrays.isNull(row)) {
                for (int e = arrays.offset(row), end = e + arrays.length(row); e < end; e++) {
                    positions[next++] = e;
                }
                for (int i = next - 1; i > start; i--) {
                    int j = start + random.nextInt(i - start + 1);
                    int swap = positions[i];
                    positions[i] = positions[j];
                    positions[j] = swap;
                }
            }
            offsets[row + 1] = next;
        }
        boolean[] nulls = null;
        for (int row = 0; row < count; row++) {
            if (arrays.isNull(row)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[row] = true;
            }
        }
        return new ArrayBlock(count, nulls, offsets, arrays.elements().copyPositions(positions, next));
    }
}
