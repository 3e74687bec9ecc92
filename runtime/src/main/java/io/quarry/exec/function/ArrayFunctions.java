package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Trino's array functions beyond the basic ones: {@code arrays_overlap}, {@code array_histogram},
 * {@code trim_array}, {@code contains_sequence}, {@code combinations}, {@code ngrams} and {@code zip}. Each is
 * NULL when an argument is NULL.
 */
final class ArrayFunctions {
    static final Set<String> NAMES = Set.of(
            "arrays_overlap", "array_histogram", "trim_array", "contains_sequence", "combinations", "ngrams", "zip");

    /** Trino's largest combination size. */
    private static final int MAX_COMBINATION = 5;

    private ArrayFunctions() {}

    static ScalarKernel resolve(String name, List<Type> types, Type result) {
        Type element = ((ArrayType) types.get(0)).elementType();
        return switch (name) {
            case "arrays_overlap" -> (arguments, count) -> arraysOverlap(element, arguments, count);
            case "array_histogram" -> (arguments, count) -> histogram((MapType) result, arguments, count);
            case "trim_array" -> (arguments, count) -> trim(element, arguments, count);
            case "contains_sequence" -> (arguments, count) -> containsSequence(element, arguments, count);
            case "combinations" -> (arguments, count) -> subarrays((ArrayType) result, arguments, count, true);
            case "ngrams" -> (arguments, count) -> subarrays((ArrayType) result, arguments, count, false);
            case "zip" -> (arguments, count) -> zip((ArrayType) result, arguments, count);
            default -> throw Functions.unsupported(name, types);
        };
    }

    private static boolean anyNull(Block[] arguments, int row) {
        for (Block argument : arguments) {
            if (argument.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    /** TRUE on a common non-null element; else NULL if either array has a NULL; else FALSE. */
    private static Block arraysOverlap(Type element, Block[] arguments, int count) {
        ArrayBlock left = (ArrayBlock) arguments[0];
        ArrayBlock right = (ArrayBlock) arguments[1];
        BlockBuilder out = BlockBuilder.create(Types.BOOLEAN, count);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (anyNull(arguments, i)) {
                out.appendNull();
                continue;
            }
            seen.clear();
            boolean hasNull = false;
            for (int e = left.offset(i), end = e + left.length(i); e < end; e++) {
                Object key = ElementKeys.key(element, left.elements(), e);
                if (key == null) {
                    hasNull = true;
                } else {
                    seen.add(key);
                }
            }
            boolean overlap = false;
            for (int e = right.offset(i), end = e + right.length(i); e < end && !overlap; e++) {
                Object key = ElementKeys.key(element, right.elements(), e);
                if (key == null) {
                    hasNull = true;
                } else {
                    overlap = seen.contains(key);
                }
            }
            if (overlap) {
                out.appendBoolean(true);
            } else if (hasNull && left.length(i) > 0 && right.length(i) > 0) {
                out.appendNull();
            } else {
                out.appendBoolean(false);
            }
        }
        return out.build();
    }

    /** Each distinct non-null element and how often it occurs, in order of first occurrence. */
    private static Block histogram(MapType type, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        BlockBuilder keys = BlockBuilder.create(type.keyType(), count);
        BlockBuilder values = BlockBuilder.create(Types.BIGINT, count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        Map<Object, long[]> counts = new LinkedHashMap<>();
        Map<Object, Integer> firsts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (arrays.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                counts.clear();
                firsts.clear();
                for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                    Object key = ElementKeys.key(type.keyType(), arrays.elements(), e);
                    if (key != null) {
                        counts.computeIfAbsent(key, k -> new long[1])[0]++;
                        firsts.putIfAbsent(key, e);
                    }
                }
                for (Map.Entry<Object, Integer> first : firsts.entrySet()) {
                    keys.append(arrays.elements(), first.getValue());
                    values.appendLong(counts.get(first.getKey())[0]);
                }
            }
            offsets[i + 1] = keys.positionCount();
        }
        return new MapBlock(count, nulls, offsets, keys.build(), values.build());
    }

    private static Block trim(Type element, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        LongBlock sizes = (LongBlock) arguments[1];
        BlockBuilder out = BlockBuilder.create(element, count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (anyNull(arguments, i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                long size = sizes.getLong(i);
                int length = arrays.length(i);
                if (size < 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "size must not be negative: " + size);
                }
                if (size > length) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "size must not exceed array cardinality " + length + ": " + size);
                }
                for (int e = arrays.offset(i), end = e + length - (int) size; e < end; e++) {
                    out.append(arrays.elements(), e);
                }
            }
            offsets[i + 1] = out.positionCount();
        }
        return new ArrayBlock(count, nulls, offsets, out.build());
    }

    /** Whether the second array occurs in the first as consecutive elements; NULL elements equal each other here. */
    private static Block containsSequence(Type element, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        ArrayBlock sequences = (ArrayBlock) arguments[1];
        BlockBuilder out = BlockBuilder.create(Types.BOOLEAN, count);
        for (int i = 0; i < count; i++) {
            if (anyNull(arguments, i)) {
                out.appendNull();
                continue;
            }
            int length = arrays.length(i);
            int wanted = sequences.length(i);
            boolean found = false;
            for (int start = 0; start + wanted <= length && !found; start++) {
                boolean matches = true;
                for (int k = 0; k < wanted && matches; k++) {
                    matches = Objects.equals(ElementKeys.key(element, arrays.elements(), arrays.offset(i) + start + k),
                            ElementKeys.key(element, sequences.elements(), sequences.offset(i) + k));
                }
                found = matches;
            }
            out.appendBoolean(found);
        }
        return out.build();
    }

    /**
     * combinations(x, n): every n-element subset, each in index order, the subsets ordered by their last index first
     * (as Trino orders them); ngrams(x, n): every run of n consecutive elements.
     */
    private static Block subarrays(ArrayType type, Block[] arguments, int count, boolean combinations) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        LongBlock sizes = (LongBlock) arguments[1];
        Type element = ((ArrayType) type.elementType()).elementType();
        BlockBuilder elements = BlockBuilder.create(element, count);
        List<Integer> innerOffsets = new ArrayList<>();
        innerOffsets.add(0);
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        for (int i = 0; i < count; i++) {
            if (anyNull(arguments, i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
                offsets[i + 1] = innerOffsets.size() - 1;
                continue;
            }
            long n = sizes.getLong(i);
            int length = arrays.length(i);
            int base = arrays.offset(i);
            if (combinations) {
                if (n < 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "combination size must not be negative: " + n);
                }
                if (n > MAX_COMBINATION) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                            "combination size must not exceed " + MAX_COMBINATION + ": " + n);
                }
                if (n <= length) {
                    int[] chosen = new int[(int) n];
                    for (int k = 0; k < n; k++) {
                        chosen[k] = k;
                    }
                    while (true) {
                        for (int index : chosen) {
                            elements.append(arrays.elements(), base + index);
                        }
                        innerOffsets.add(elements.positionCount());
                        // the next subset in Trino's (colexicographic) order: raise the lowest index that can
                        // rise, and reset the ones below it
                        int k = 0;
                        while (k < n && chosen[k] + 1 == (k + 1 < n ? chosen[k + 1] : length)) {
                            k++;
                        }
                        if (k == n) {
                            break;
                        }
                        chosen[k]++;
                        for (int j = 0; j < k; j++) {
                            chosen[j] = j;
                        }
                    }
                }
            } else {
                if (n <= 0) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "N must be positive");
                }
                if (n >= length) {
                    // the whole array is the only n-gram
                    for (int e = 0; e < length; e++) {
                        elements.append(arrays.elements(), base + e);
                    }
                    innerOffsets.add(elements.positionCount());
                } else {
                    for (int start = 0; start + n <= length; start++) {
                        for (int e = start; e < start + n; e++) {
                            elements.append(arrays.elements(), base + e);
                        }
                        innerOffsets.add(elements.positionCount());
                    }
                }
            }
            offsets[i + 1] = innerOffsets.size() - 1;
        }
        int[] inner = innerOffsets.stream().mapToInt(Integer::intValue).toArray();
        Block subarrays = new ArrayBlock(inner.length - 1, null, inner, elements.build());
        return new ArrayBlock(count, nulls, offsets, subarrays);
    }

    /** Rows of the i-th elements of each array, as long as the longest array, NULL past an array's end. */
    private static Block zip(ArrayType type, Block[] arguments, int count) {
        List<Type> fieldTypes = ((io.quarry.type.RowType) type.elementType()).fieldTypes();
        BlockBuilder[] fields = new BlockBuilder[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            fields[a] = BlockBuilder.create(fieldTypes.get(a), count);
        }
        int[] offsets = new int[count + 1];
        boolean[] nulls = null;
        int rows = 0;
        for (int i = 0; i < count; i++) {
            if (anyNull(arguments, i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
            } else {
                int longest = 0;
                for (Block argument : arguments) {
                    longest = Math.max(longest, ((ArrayBlock) argument).length(i));
                }
                for (int e = 0; e < longest; e++) {
                    for (int a = 0; a < arguments.length; a++) {
                        ArrayBlock array = (ArrayBlock) arguments[a];
                        if (e < array.length(i)) {
                            fields[a].append(array.elements(), array.offset(i) + e);
                        } else {
                            fields[a].appendNull();
                        }
                    }
                }
                rows += longest;
            }
            offsets[i + 1] = rows;
        }
        Block[] fieldBlocks = new Block[fields.length];
        for (int a = 0; a < fields.length; a++) {
            fieldBlocks[a] = fields[a].build();
        }
        return new ArrayBlock(count, nulls, offsets, new RowBlock(rows, null, fieldBlocks));
    }
}
