package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;
import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.util.Arrays;
import java.util.List;

/** The comparison operators and IS DISTINCT FROM over every supported type. */
final class Comparisons {
    private Comparisons() {}

    enum Operator {
        EQUAL,
        NOT_EQUAL,
        LESS_THAN,
        LESS_THAN_OR_EQUAL,
        GREATER_THAN,
        GREATER_THAN_OR_EQUAL,
        IS_DISTINCT_FROM;

        /** Whether a function name is one of these operators. */
        static boolean isComparison(String function) {
            return Arrays.stream(values()).anyMatch(operator -> operator.name().equalsIgnoreCase(function));
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case NOT_EQUAL, IS_DISTINCT_FROM -> comparison != 0;
                case LESS_THAN -> comparison < 0;
                case LESS_THAN_OR_EQUAL -> comparison <= 0;
                case GREATER_THAN -> comparison > 0;
                case GREATER_THAN_OR_EQUAL -> comparison >= 0;
            };
        }
    }

    /**
     * A comparison of two long columns by a key of each value (a time's UTC nanoseconds, a zoned timestamp's
     * instant); IS DISTINCT FROM answers for NULLs too.
     */
    static ScalarKernel byLongKey(Operator operator, java.util.function.LongUnaryOperator key) {
        return byPosition(operator, (arguments, position) -> Long.compare(
                key.applyAsLong(((LongBlock) arguments[0]).getLong(position)), key.applyAsLong(((LongBlock) arguments[1]).getLong(position))));
    }

    /** How the values of two (flat) argument blocks at one position compare. */
    @FunctionalInterface
    interface PositionComparator {
        int compare(Block[] arguments, int position);
    }

    /** A comparison by a comparator of positions; IS DISTINCT FROM answers for NULLs too. */
    static ScalarKernel byPosition(Operator operator, PositionComparator comparator) {
        return (blocks, count) -> {
            Block[] arguments = {EncodedBlocks.flatten(blocks[0]), EncodedBlocks.flatten(blocks[1])};
            boolean[] result = new boolean[count];
            for (int i = 0; i < count; i++) {
                result[i] = !arguments[0].isNull(i) && !arguments[1].isNull(i) && operator.test(comparator.compare(arguments, i));
            }
            boolean[] nulls = unionNulls(arguments, count);
            if (operator == Operator.IS_DISTINCT_FROM && nulls != null) {
                for (int i = 0; i < count; i++) {
                    boolean leftNull = arguments[0].isNull(i);
                    boolean rightNull = arguments[1].isNull(i);
                    if (leftNull || rightNull) {
                        result[i] = leftNull != rightNull;
                    }
                }
                nulls = null;
            }
            return new BooleanBlock(count, nulls, result);
        };
    }

    /** How two values of the operand types compare; the operands' storage decides the loop. */
    private enum Kind {
        LONG,
        DOUBLE,
        BOOLEAN,
        BYTES,
        DECIMAL
    }

    static ScalarKernel resolve(String name, List<Type> argumentTypes) {
        Functions.checkArity(name, argumentTypes, 2);
        Operator operator = Operator.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        Type left = argumentTypes.get(0);
        Type right = argumentTypes.get(1);
        Kind kind = kind(left, right);
        if (kind == null) {
            throw Functions.unsupported(name, argumentTypes);
        }
        if (left instanceof UnknownType || right instanceof UnknownType) {
            return (arguments, count) -> unknownComparison(operator, arguments, count);
        }
        int leftScale = Decimals.scaleOf(left);
        int rightScale = Decimals.scaleOf(right);
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            boolean[] result = new boolean[count];
            switch (kind) {
                case LONG -> compareLongs(operator, Blocks.longs(arguments[0]), Blocks.longs(arguments[1]), count, result);
                case DOUBLE -> compareDoubles(operator, Blocks.doubles(arguments[0]), Blocks.doubles(arguments[1]), count, result);
                case BOOLEAN -> {
                    boolean[] a = Blocks.booleans(arguments[0]);
                    boolean[] b = Blocks.booleans(arguments[1]);
                    for (int i = 0; i < count; i++) {
                        result[i] = operator.test(Boolean.compare(a[i], b[i]));
                    }
                }
                case BYTES -> compareBytes(operator, (VariableWidthBlock) arguments[0], (VariableWidthBlock) arguments[1], count, result);
                case DECIMAL -> {
                    for (int i = 0; i < count; i++) {
                        if (!isNull(nulls, i)) {
                            result[i] = operator.test(compareDecimals(arguments[0], leftScale, arguments[1], rightScale, i));
                        }
                    }
                }
            }
            if (operator == Operator.IS_DISTINCT_FROM) {
                if (nulls != null) {
                    for (int i = 0; i < count; i++) {
                        boolean leftNull = arguments[0].isNull(i);
                        boolean rightNull = arguments[1].isNull(i);
                        if (leftNull || rightNull) {
                            result[i] = leftNull != rightNull;
                        }
                    }
                }
                return new BooleanBlock(count, null, result);
            }
            return new BooleanBlock(count, nulls, result);
        };
    }

    private static Block unknownComparison(Operator operator, Block[] arguments, int count) {
        if (operator != Operator.IS_DISTINCT_FROM) {
            return Blocks.nulls(io.quarry.type.Types.BOOLEAN, count);
        }
        boolean[] result = new boolean[count];
        for (int i = 0; i < count; i++) {
            result[i] = arguments[0].isNull(i) != arguments[1].isNull(i);
        }
        return new BooleanBlock(count, null, result);
    }

    private static Kind kind(Type left, Type right) {
        if (left instanceof UnknownType || right instanceof UnknownType) {
            return Kind.BOOLEAN;
        }
        if (left instanceof DecimalType || right instanceof DecimalType) {
            boolean leftOk = left instanceof DecimalType || Arithmetic.isIntegral(left);
            boolean rightOk = right instanceof DecimalType || Arithmetic.isIntegral(right);
            if (!leftOk || !rightOk) {
                return null;
            }
            if (left.storage() == Storage.LONG && right.storage() == Storage.LONG
                    && Decimals.scaleOf(left) == Decimals.scaleOf(right)) {
                return Kind.LONG;
            }
            return Kind.DECIMAL;
        }
        if (Arithmetic.isIntegral(left) && Arithmetic.isIntegral(right)) {
            return Kind.LONG;
        }
        if (left instanceof DateType && right instanceof DateType
                || left instanceof io.quarry.type.ColorType && right instanceof io.quarry.type.ColorType) {
            return Kind.LONG;
        }
        if (left.isNumeric() && right.isNumeric() && left.storage() == Storage.DOUBLE && right.storage() == Storage.DOUBLE) {
            return Kind.DOUBLE;
        }
        if (left instanceof BooleanType && right instanceof BooleanType) {
            return Kind.BOOLEAN;
        }
        boolean leftText = left instanceof VarcharType || left instanceof CharType;
        boolean rightText = right instanceof VarcharType || right instanceof CharType;
        if (leftText && rightText) {
            return Kind.BYTES;
        }
        if (left instanceof VarbinaryType && right instanceof VarbinaryType
                || left instanceof io.quarry.type.UuidType && right instanceof io.quarry.type.UuidType
                || left instanceof io.quarry.type.IpAddressType && right instanceof io.quarry.type.IpAddressType) {
            return Kind.BYTES;
        }
        return null;
    }

    /** Compares two decimal (or integer) values of possibly different scales exactly. */
    static int compareDecimals(Block left, int leftScale, Block right, int rightScale, int position) {
        if (left instanceof LongBlock a && right instanceof LongBlock b) {
            int scale = Math.max(leftScale, rightScale);
            try {
                return Long.compare(
                        Decimals.rescale(a.getLong(position), leftScale, scale),
                        Decimals.rescale(b.getLong(position), rightScale, scale));
            } catch (ArithmeticException e) {
                // falls through to the exact comparison
            }
        }
        java.math.BigDecimal x = new java.math.BigDecimal(Decimals.read(left, position), leftScale);
        java.math.BigDecimal y = new java.math.BigDecimal(Decimals.read(right, position), rightScale);
        return x.compareTo(y);
    }

    private static void compareLongs(Operator operator, long[] a, long[] b, int count, boolean[] result) {
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL, IS_DISTINCT_FROM -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] != b[i];
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] < b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] <= b[i];
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] > b[i];
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] >= b[i];
                }
            }
        }
    }

    private static void compareDoubles(Operator operator, double[] a, double[] b, int count, boolean[] result) {
        switch (operator) {
            case EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] == b[i];
                }
            }
            case NOT_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] != b[i];
                }
            }
            case IS_DISTINCT_FROM -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] != b[i] && !(Double.isNaN(a[i]) && Double.isNaN(b[i]));
                }
            }
            case LESS_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] < b[i];
                }
            }
            case LESS_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] <= b[i];
                }
            }
            case GREATER_THAN -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] > b[i];
                }
            }
            case GREATER_THAN_OR_EQUAL -> {
                for (int i = 0; i < count; i++) {
                    result[i] = a[i] >= b[i];
                }
            }
        }
    }

    private static void compareBytes(Operator operator, VariableWidthBlock a, VariableWidthBlock b, int count, boolean[] result) {
        byte[] left = a.rawData();
        byte[] right = b.rawData();
        int[] leftOffsets = a.rawOffsets();
        int[] rightOffsets = b.rawOffsets();
        if (operator == Operator.EQUAL || operator == Operator.NOT_EQUAL || operator == Operator.IS_DISTINCT_FROM) {
            boolean equal = operator == Operator.EQUAL;
            for (int i = 0; i < count; i++) {
                result[i] = equal == Arrays.equals(
                        left, leftOffsets[i], leftOffsets[i + 1], right, rightOffsets[i], rightOffsets[i + 1]);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            result[i] = operator.test(Arrays.compareUnsigned(
                    left, leftOffsets[i], leftOffsets[i + 1], right, rightOffsets[i], rightOffsets[i + 1]));
        }
    }

    /** Whether two values of the same storage at the given positions are equal (SQL equality, non-null). */
    static boolean equalAt(Block left, int leftPosition, Block right, int rightPosition) {
        if (left instanceof LongBlock a) {
            return a.getLong(leftPosition) == ((LongBlock) right).getLong(rightPosition);
        }
        if (left instanceof io.quarry.block.DoubleBlock a) {
            return a.getDouble(leftPosition) == ((io.quarry.block.DoubleBlock) right).getDouble(rightPosition);
        }
        if (left instanceof BooleanBlock a) {
            return a.getBoolean(leftPosition) == ((BooleanBlock) right).getBoolean(rightPosition);
        }
        if (left instanceof Int128Block a) {
            Int128Block b = (Int128Block) right;
            return a.getHigh(leftPosition) == b.getHigh(rightPosition) && a.getLow(leftPosition) == b.getLow(rightPosition);
        }
        VariableWidthBlock a = (VariableWidthBlock) left;
        VariableWidthBlock b = (VariableWidthBlock) right;
        return a.equalsBytes(leftPosition, b.rawData(), b.offset(rightPosition), b.length(rightPosition));
    }
}
