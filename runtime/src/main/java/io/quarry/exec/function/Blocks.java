package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Helpers shared by kernels and operators: null masks, constant blocks, typed access. */
public final class Blocks {
    private Blocks() {}

    /** The union of the arguments' null masks, or null when no argument may be null. A fresh array. */
    public static boolean[] unionNulls(Block[] arguments, int count) {
        boolean[] result = null;
        for (Block argument : arguments) {
            if (!argument.mayHaveNull()) {
                continue;
            }
            if (result == null) {
                result = new boolean[count];
            }
            for (int i = 0; i < count; i++) {
                result[i] |= argument.isNull(i);
            }
        }
        return result;
    }

    public static boolean[] unionNulls(Block left, Block right, int count) {
        return unionNulls(new Block[] {left, right}, count);
    }

    /** A mask with no true entry becomes null, so blocks report {@code mayHaveNull() == false}. */
    public static boolean[] compact(boolean[] nulls, int count) {
        if (nulls == null) {
            return null;
        }
        for (int i = 0; i < count; i++) {
            if (nulls[i]) {
                return nulls;
            }
        }
        return null;
    }

    public static boolean isNull(boolean[] nulls, int position) {
        return nulls != null && nulls[position];
    }

    public static long[] longs(Block block) {
        return ((LongBlock) block).rawValues();
    }

    public static double[] doubles(Block block) {
        return ((DoubleBlock) block).rawValues();
    }

    public static boolean[] booleans(Block block) {
        return ((BooleanBlock) block).rawValues();
    }

    /** A block of {@code count} nulls of the type's storage. */
    public static Block nulls(Type type, int count) {
        if (isStructural(type)) {
            BlockBuilder builder = BlockBuilder.create(type, count);
            for (int i = 0; i < count; i++) {
                builder.appendNull();
            }
            return builder.build();
        }
        boolean[] nulls = new boolean[count];
        Arrays.fill(nulls, true);
        return switch (type.storage()) {
            case LONG -> new LongBlock(count, count == 0 ? null : nulls, new long[count]);
            case DOUBLE -> new DoubleBlock(count, count == 0 ? null : nulls, new double[count]);
            case BOOLEAN -> new BooleanBlock(count, count == 0 ? null : nulls, new boolean[count]);
            case INT128 -> new Int128Block(count, count == 0 ? null : nulls, new long[2 * count]);
            case VARIABLE_WIDTH -> new VariableWidthBlock(count, count == 0 ? null : nulls, new int[count + 1], new byte[0]);
            case ARRAY, MAP, ROW -> throw new IllegalStateException("unreachable");
        };
    }

    /** A block repeating one value (as {@link io.quarry.block.Values#toObject} gives it), or nulls. */
    public static Block constant(Type type, Object value, int count) {
        if (value == null) {
            return nulls(type, count);
        }
        switch (type.storage()) {
            case LONG -> {
                long[] values = new long[count];
                Arrays.fill(values, toLong(type, value));
                return new LongBlock(count, null, values);
            }
            case DOUBLE -> {
                double[] values = new double[count];
                Arrays.fill(values, ((Number) value).doubleValue());
                return new DoubleBlock(count, null, values);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[count];
                Arrays.fill(values, (Boolean) value);
                return new BooleanBlock(count, null, values);
            }
            case INT128 -> {
                BigInteger unscaled = value instanceof BigInteger twoLongs
                        ? twoLongs : ((BigDecimal) value).setScale(((DecimalType) type).scale()).unscaledValue();
                long high = Int128.high(unscaled);
                long low = Int128.low(unscaled);
                long[] values = new long[2 * count];
                for (int i = 0; i < count; i++) {
                    values[2 * i] = high;
                    values[2 * i + 1] = low;
                }
                return new Int128Block(count, null, values);
            }
            case ARRAY, MAP, ROW -> {
                BlockBuilder builder = BlockBuilder.create(type, count);
                for (int i = 0; i < count; i++) {
                    builder.appendObject(value);
                }
                return builder.build();
            }
            case VARIABLE_WIDTH -> {
                byte[] bytes = value instanceof byte[] raw ? raw : ((String) value).getBytes(StandardCharsets.UTF_8);
                byte[] data = new byte[bytes.length * count];
                int[] offsets = new int[count + 1];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(bytes, 0, data, i * bytes.length, bytes.length);
                    offsets[i + 1] = (i + 1) * bytes.length;
                }
                return new VariableWidthBlock(count, null, offsets, data);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Whether values of the type live in nested blocks (arrays, maps, rows). */
    public static boolean isStructural(Type type) {
        return type.storage() == io.quarry.type.Storage.ARRAY || type.storage() == io.quarry.type.Storage.MAP
                || type.storage() == io.quarry.type.Storage.ROW;
    }

    /** A constant's long representation: integers and dates as is, short decimals unscaled. */
    public static long toLong(Type type, Object value) {
        if (type instanceof DecimalType decimal) {
            return ((BigDecimal) value).setScale(decimal.scale(), java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    /** The unscaled value of a decimal block (short or long) at a position. */
    public static BigInteger unscaled(Block block, int position) {
        if (block instanceof LongBlock longs) {
            return BigInteger.valueOf(longs.getLong(position));
        }
        return ((Int128Block) block).getBigInteger(position);
    }

    /** A block of {@code count} positions from a builder with the same nulls. */
    public static Block build(BlockBuilder builder) {
        return builder.build();
    }
}
