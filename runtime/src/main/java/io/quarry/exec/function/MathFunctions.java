package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;
import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DecimalType;
import io.quarry.type.RealType;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** abs, round, floor, ceil, sqrt, power, greatest, least. */
final class MathFunctions {
    private MathFunctions() {}

    private static boolean isFloating(Type type) {
        return type.isNumeric() && type.storage() == Storage.DOUBLE;
    }

    private static ScalarKernel doubleUnary(DoubleUnaryOperator operator, boolean real) {
        return (arguments, count) -> {
            double[] values = Blocks.doubles(arguments[0]);
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                double r = operator.applyAsDouble(values[i]);
                result[i] = real ? (float) r : r;
            }
            return new DoubleBlock(count, unionNulls(arguments, count), result);
        };
    }

    /** Reads any numeric argument as double (for sqrt, power over exact types). */
    private static double asDouble(Block block, Type type, int position) {
        if (block instanceof DoubleBlock doubles) {
            return doubles.getDouble(position);
        }
        if (type instanceof DecimalType decimal) {
            return decimal.isShort()
                    ? decimal.toDouble(((LongBlock) block).getLong(position))
                    : new BigDecimal(Decimals.read(block, position), decimal.scale()).doubleValue();
        }
        return ((LongBlock) block).getLong(position);
    }

    static ScalarKernel abs(List<Type> types, Type resultType) {
        Functions.checkArity("abs", types, 1);
        Type type = types.get(0);
        if (Arithmetic.isIntegral(type)) {
            long min = Arithmetic.minValue(type);
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                boolean[] nulls = unionNulls(arguments, count);
                long[] result = new long[count];
                for (int i = 0; i < count; i++) {
                    if (values[i] == min && !isNull(nulls, i)) {
                        throw new QuarryException(
                                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                                "Value " + values[i] + " is out of range for abs(" + type.displayName() + ")");
                    }
                    result[i] = Math.abs(values[i]);
                }
                return new LongBlock(count, nulls, result);
            };
        }
        if (isFloating(type)) {
            return doubleUnary(Math::abs, false);
        }
        if (type instanceof DecimalType && resultType instanceof DecimalType decimal) {
            return decimalUnary(decimal, (value, scale) -> value.abs());
        }
        throw Functions.unsupported("abs", types);
    }

    @FunctionalInterface
    private interface DecimalUnary {
        BigInteger apply(BigInteger unscaled, int scale);
    }

    private static ScalarKernel decimalUnary(DecimalType resultType, DecimalUnary operator) {
        return decimalUnary(resultType, -1, operator);
    }

    private static ScalarKernel decimalUnary(DecimalType resultType, int inputScale, DecimalUnary operator) {
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(new Block[] {arguments[0]}, count);
            Decimals.Writer writer = new Decimals.Writer(resultType, count);
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                writer.setBig(i, operator.apply(Decimals.read(arguments[0], i), inputScale));
            }
            return writer.build(count, nulls);
        };
    }

    /** An integer rounded half up to a multiple of the factor; out of the type's range is an error, as in Trino. */
    private static long roundIntegral(long value, long factor, long min, long max, Type type) {
        long quotient = Decimals.divideRoundHalfUp(value, factor);
        long rounded = quotient * factor;
        if (Math.multiplyHigh(quotient, factor) != (rounded >> 63) || rounded < min || rounded > max) {
            BigInteger exact = BigInteger.valueOf(quotient).multiply(BigInteger.valueOf(factor));
            throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for " + type.displayName() + ": " + exact);
        }
        return rounded;
    }

    static ScalarKernel round(List<Type> types, Type resultType) {
        if (types.isEmpty() || types.size() > 2 || (types.size() == 2 && !Arithmetic.isIntegral(types.get(1)))) {
            throw Functions.unsupported("round", types);
        }
        Type type = types.get(0);
        boolean withDigits = types.size() == 2;
        if (isFloating(type)) {
            boolean real = type instanceof RealType;
            if (!withDigits) {
                return doubleUnary(value -> Double.isFinite(value) ? Casts.roundHalfAwayFromZero(value) : value, real);
            }
            return (arguments, count) -> {
                double[] values = Blocks.doubles(arguments[0]);
                long[] digits = Blocks.longs(arguments[1]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    double r = roundToDigits(values[i], digits[i]);
                    result[i] = real ? (float) r : r;
                }
                return new DoubleBlock(count, unionNulls(arguments, count), result);
            };
        }
        if (Arithmetic.isIntegral(type)) {
            if (!withDigits) {
                return (arguments, count) -> arguments[0];
            }
            long min = Arithmetic.minValue(type);
            long max = Arithmetic.maxValue(type);
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                long[] digits = Blocks.longs(arguments[1]);
                boolean[] nulls = unionNulls(arguments, count);
                long[] result = new long[count];
                for (int i = 0; i < count; i++) {
                    long d = digits[i];
                    if (d >= 0 || isNull(nulls, i)) {
                        result[i] = values[i];
                    } else if (-d > 18) {
                        result[i] = 0;
                    } else {
                        result[i] = roundIntegral(values[i], Decimals.longTenToThe((int) -d), min, max, type);
                    }
                }
                return new LongBlock(count, nulls, result);
            };
        }
        if (type instanceof DecimalType decimal && resultType instanceof DecimalType result) {
            int scale = decimal.scale();
            if (!withDigits) {
                return decimalUnary(result, scale, (value, s) -> Decimals.rescale(value, s, 0));
            }
            return (arguments, count) -> {
                long[] digits = Blocks.longs(arguments[1]);
                boolean[] nulls = unionNulls(arguments, count);
                Decimals.Writer writer = new Decimals.Writer(result, count);
                for (int i = 0; i < count; i++) {
                    if (isNull(nulls, i)) {
                        continue;
                    }
                    long d = digits[i];
                    BigDecimal value = new BigDecimal(Decimals.read(arguments[0], i), scale);
                    BigDecimal rounded = d >= scale ? value : value.setScale((int) Math.max(d, -scale - 40), RoundingMode.HALF_UP);
                    writer.setBig(i, rounded.setScale(result.scale(), RoundingMode.HALF_UP).unscaledValue());
                }
                return writer.build(count, nulls);
            };
        }
        throw Functions.unsupported("round", types);
    }

    private static double roundToDigits(double value, long digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        if (digits > 300) {
            return value;
        }
        double factor = Math.pow(10, digits);
        double magnitude = Math.abs(value);
        double scaled = magnitude * factor;
        // Math.round saturates at Long.MAX_VALUE; a double that large has no fraction left to round anyway
        if (Double.isInfinite(scaled) || Double.isNaN(scaled) || scaled >= 0x1p63) {
            return value;
        }
        double rounded = Math.round(scaled) / factor;
        if (Double.isNaN(rounded)) {
            return value;
        }
        return Math.copySign(rounded, value);
    }

    static ScalarKernel floorOrCeil(String name, List<Type> types, Type resultType, boolean floor) {
        Functions.checkArity(name, types, 1);
        Type type = types.get(0);
        if (Arithmetic.isIntegral(type)) {
            return (arguments, count) -> arguments[0];
        }
        if (isFloating(type)) {
            return doubleUnary(floor ? Math::floor : Math::ceil, type instanceof RealType);
        }
        if (type instanceof DecimalType decimal && resultType instanceof DecimalType result) {
            RoundingMode mode = floor ? RoundingMode.FLOOR : RoundingMode.CEILING;
            return decimalUnary(result, decimal.scale(),
                    (value, scale) -> new BigDecimal(value, scale).setScale(0, mode).setScale(result.scale()).unscaledValue());
        }
        throw Functions.unsupported(name, types);
    }

    static ScalarKernel sqrt(List<Type> types) {
        Functions.checkArity("sqrt", types, 1);
        Type type = types.get(0);
        if (!type.isNumeric()) {
            throw Functions.unsupported("sqrt", types);
        }
        return (arguments, count) -> {
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                result[i] = arguments[0].isNull(i) ? 0 : Math.sqrt(asDouble(arguments[0], type, i));
            }
            return new DoubleBlock(count, unionNulls(arguments, count), result);
        };
    }

    static ScalarKernel power(List<Type> types) {
        Functions.checkArity("power", types, 2);
        Type base = types.get(0);
        Type exponent = types.get(1);
        if (!base.isNumeric() || !exponent.isNumeric()) {
            throw Functions.unsupported("power", types);
        }
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                if (!isNull(nulls, i)) {
                    result[i] = Math.pow(asDouble(arguments[0], base, i), asDouble(arguments[1], exponent, i));
                }
            }
            return new DoubleBlock(count, nulls, result);
        };
    }

    /** greatest / least: every argument of the result's type; NULL when any argument is NULL. */
    static ScalarKernel extreme(String name, List<Type> types, Type resultType, boolean greatest) {
        if (types.isEmpty()) {
            throw Functions.unsupported(name, types);
        }
        for (Type type : types) {
            boolean text = type instanceof VarcharType && resultType instanceof VarcharType;
            if (!type.equals(resultType) && !text && !(Arithmetic.isIntegral(type) && Arithmetic.isIntegral(resultType))) {
                throw Functions.unsupported(name, types);
            }
        }
        int sign = greatest ? 1 : -1;
        int scale = Decimals.scaleOf(resultType);
        boolean structural = Blocks.isStructural(resultType);
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    out.appendNull();
                    continue;
                }
                int best = 0;
                for (int a = 1; a < arguments.length; a++) {
                    boolean better;
                    if (structural) {
                        better = sign * StructuralOrdering.compare(resultType, arguments[a], arguments[best], i) > 0;
                    } else if (arguments[a] instanceof DoubleBlock candidate) {
                        better = DoubleExtremes.beats(candidate.getDouble(i), ((DoubleBlock) arguments[best]).getDouble(i), greatest);
                    } else {
                        better = sign * compare(resultType, arguments[a], arguments[best], scale, i) > 0;
                    }
                    if (better) {
                        best = a;
                    }
                }
                out.append(arguments[best], i);
            }
            return out.build();
        };
    }

    private static int compare(Type type, Block left, Block right, int scale, int position) {
        if (left instanceof LongBlock a) {
            return Long.compare(a.getLong(position), ((LongBlock) right).getLong(position));
        }
        if (left instanceof DoubleBlock a) {
            return Double.compare(a.getDouble(position), ((DoubleBlock) right).getDouble(position));
        }
        if (left instanceof VariableWidthBlock a) {
            return a.compare(position, (VariableWidthBlock) right, position);
        }
        if (left instanceof io.quarry.block.BooleanBlock a) {
            return Boolean.compare(a.getBoolean(position), ((io.quarry.block.BooleanBlock) right).getBoolean(position));
        }
        if (!(type instanceof io.quarry.type.DecimalType)) {
            io.quarry.block.Int128Block a = (io.quarry.block.Int128Block) left;
            io.quarry.block.Int128Block b = (io.quarry.block.Int128Block) right;
            return io.quarry.type.TemporalTypes.compareTwoLongs(type, a.getHigh(position), a.getLow(position), b.getHigh(position), b.getLow(position));
        }
        return Comparisons.compareDecimals(left, scale, right, scale, position);
    }
}
