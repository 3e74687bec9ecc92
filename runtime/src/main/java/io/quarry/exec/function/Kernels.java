package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;
import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Type;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Builders of null-in, null-out kernels over primitive arrays: the operation is a primitive functional
 * interface, so the loops neither box nor allocate per row. Positions that are null are still computed
 * over their (ignored) stored value, so operations must not fail on arbitrary input there: those that may
 * fail skip null positions.
 */
final class Kernels {
    private Kernels() {}

    /** A row-by-row operation appending one non-null result (or a null) to a builder. */
    @FunctionalInterface
    interface RowFunction {
        void apply(Block[] arguments, int position, BlockBuilder out);
    }

    static ScalarKernel longToLong(LongUnaryOperator operation) {
        return (arguments, count) -> {
            long[] values = Blocks.longs(arguments[0]);
            boolean[] nulls = unionNulls(arguments, count);
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                if (!isNull(nulls, i)) {
                    result[i] = operation.applyAsLong(values[i]);
                }
            }
            return new LongBlock(count, nulls, result);
        };
    }

    static ScalarKernel longsToLong(LongBinaryOperator operation) {
        return (arguments, count) -> {
            long[] left = Blocks.longs(arguments[0]);
            long[] right = Blocks.longs(arguments[1]);
            boolean[] nulls = unionNulls(arguments, count);
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                if (!isNull(nulls, i)) {
                    result[i] = operation.applyAsLong(left[i], right[i]);
                }
            }
            return new LongBlock(count, nulls, result);
        };
    }

    static ScalarKernel doubleToDouble(DoubleUnaryOperator operation) {
        return (arguments, count) -> {
            double[] values = Blocks.doubles(arguments[0]);
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                result[i] = operation.applyAsDouble(values[i]);
            }
            return new DoubleBlock(count, unionNulls(arguments, count), result);
        };
    }

    static ScalarKernel doublesToDouble(DoubleBinaryOperator operation) {
        return (arguments, count) -> {
            double[] left = Blocks.doubles(arguments[0]);
            double[] right = Blocks.doubles(arguments[1]);
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                result[i] = operation.applyAsDouble(left[i], right[i]);
            }
            return new DoubleBlock(count, unionNulls(arguments, count), result);
        };
    }

    static ScalarKernel doubleToBoolean(DoublePredicate predicate) {
        return (arguments, count) -> {
            double[] values = Blocks.doubles(arguments[0]);
            boolean[] result = new boolean[count];
            for (int i = 0; i < count; i++) {
                result[i] = predicate.test(values[i]);
            }
            return new BooleanBlock(count, unionNulls(arguments, count), result);
        };
    }

    /** A kernel computing each non-null row with {@code row}; any null argument gives null. */
    static ScalarKernel rows(Type resultType, RowFunction row) {
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    out.appendNull();
                } else {
                    row.apply(arguments, i, out);
                }
            }
            return out.build();
        };
    }

    /** What a row of one block gives: appended to {@code out}. */
    @FunctionalInterface
    interface ValueFunction {
        void apply(Block block, int position, BlockBuilder out);
    }

    /** A kernel computing each row from the first argument alone (flattened); its nulls give null. */
    static ScalarKernel rowsOfFirst(Type resultType, ValueFunction function) {
        return (arguments, count) -> {
            Block values = EncodedBlocks.flatten(arguments[0]);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            for (int i = 0; i < count; i++) {
                if (values.isNull(i)) {
                    out.appendNull();
                } else {
                    function.apply(values, i, out);
                }
            }
            return out.build();
        };
    }

    /** A constant result, whatever the arguments (e.g. pi()). */
    static ScalarKernel constant(Type type, Object value) {
        return (arguments, count) -> Blocks.constant(type, value, count);
    }

    static String string(Block block, int position) {
        return ((VariableWidthBlock) block).getString(position);
    }

    static long longAt(Block block, int position) {
        return ((LongBlock) block).getLong(position);
    }

    static double doubleAt(Block block, int position) {
        return ((DoubleBlock) block).getDouble(position);
    }

    /** The bytes of one row's value, made from the first argument. */
    @FunctionalInterface
    interface RowBytes {
        byte[] apply(Block block, int position);
    }

    /**
     * A cast of the first argument to a type held as bytes (uuid, ipaddress); NULL stays NULL, and with
     * {@code tryCast} a value that fails with a QuarryException becomes NULL.
     */
    static ScalarKernel bytesCast(Type result, boolean tryCast, RowBytes conversion) {
        return (arguments, count) -> {
            Block block = arguments[0];
            BlockBuilder out = BlockBuilder.create(result, count);
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                try {
                    out.appendBytes(conversion.apply(block, i));
                } catch (io.quarry.spi.QuarryException e) {
                    if (!tryCast) {
                        throw e;
                    }
                    out.appendNull();
                }
            }
            return out.build();
        };
    }
}
