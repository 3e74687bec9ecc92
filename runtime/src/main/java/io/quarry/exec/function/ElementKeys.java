package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.Values;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Type;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;

/**
 * Equality, hashing and ordering of single values inside arrays and maps (elements, keys): comparable Java
 * keys for the value at a position, so distinct, contains and map look-ups can use hash sets.
 */
public final class ElementKeys {
    private ElementKeys() {}

    /** A key equal for equal SQL values; null for SQL NULL. Doubles compare as Trino's equality (0.0 = -0.0). */
    public static Object key(Type type, Block block, int position) {
        if (block.isNull(position)) {
            return null;
        }
        if (block instanceof LongBlock b) {
            java.util.function.LongUnaryOperator zoneFree = io.quarry.type.TemporalTypes.zoneFreeKey(type);
            return zoneFree == null ? b.getLong(position) : zoneFree.applyAsLong(b.getLong(position));
        }
        if (block instanceof DoubleBlock b) {
            double value = b.getDouble(position);
            return value == 0.0 ? 0.0 : value;
        }
        if (block instanceof BooleanBlock b) {
            return b.getBoolean(position);
        }
        if (block instanceof VariableWidthBlock b) {
            return ByteBuffer.wrap(b.getBytes(position));
        }
        if (block instanceof Int128Block b) {
            java.util.function.LongUnaryOperator zoneFree = io.quarry.type.TemporalTypes.zoneFreeKey(type);
            return zoneFree == null ? b.getBigInteger(position)
                    : io.quarry.block.Int128.toBigInteger(zoneFree.applyAsLong(b.getHigh(position)),
                            io.quarry.type.TemporalTypes.zoneFreeTail(type).applyAsLong(b.getLow(position)));
        }
        return Values.toObject(type, block, position);
    }

    /** Whether a key of an array, row or map holds a NULL somewhere inside. */
    static boolean holdsNull(Object key) {
        if (key instanceof List<?> values) {
            return values.stream().anyMatch(value -> value == null || holdsNull(value));
        }
        if (key instanceof java.util.Map<?, ?> map) {
            return map.values().stream().anyMatch(value -> value == null || holdsNull(value));
        }
        return false;
    }

    /** Ascending order of two non-null values of one block. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Type type, Block block, int left, int right) {
        if (block instanceof LongBlock b) {
            return Long.compare(b.getLong(left), b.getLong(right));
        }
        if (block instanceof DoubleBlock b) {
            return Double.compare(b.getDouble(left), b.getDouble(right));
        }
        if (block instanceof BooleanBlock b) {
            return Boolean.compare(b.getBoolean(left), b.getBoolean(right));
        }
        if (block instanceof VariableWidthBlock b) {
            return b.compare(left, b, right);
        }
        if (block instanceof Int128Block b) {
            return io.quarry.type.TemporalTypes.compareTwoLongs(type, b.getHigh(left), b.getLow(left), b.getHigh(right), b.getLow(right));
        }
        Object a = Values.toObject(type, block, left);
        Object c = Values.toObject(type, block, right);
        return compareObjects(type, a, c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareObjects(Type type, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Type part = type instanceof io.quarry.type.ArrayType array ? array.elementType()
                        : ((io.quarry.type.RowType) type).fieldTypes().get(i);
                int c = compareObjects(part, x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof java.math.BigInteger x && b instanceof java.math.BigInteger y) {
            return io.quarry.type.TemporalTypes.compareTwoLongs(type, x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    static Comparator<Integer> ascending(Type type, Block block) {
        return (left, right) -> {
            boolean leftNull = block.isNull(left);
            boolean rightNull = block.isNull(right);
            if (leftNull || rightNull) {
                return leftNull == rightNull ? 0 : leftNull ? 1 : -1; // nulls last
            }
            return compare(type, block, left, right);
        };
    }
}
