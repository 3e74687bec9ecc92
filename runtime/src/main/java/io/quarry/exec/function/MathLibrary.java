package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Trino's further math functions: truncate, sign, the constants, trigonometry and logarithms, NaN and
 * infinity tests, random numbers, width_bucket and the bitwise functions.
 */
final class MathLibrary {
    private MathLibrary() {}

    private static QuarryException invalidArgument(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

    static DoubleUnaryOperator unaryDouble(String name) {
        return switch (name) {
            case "degrees" -> Math::toDegrees;
            case "radians" -> Math::toRadians;
            case "cos" -> Math::cos;
            case "sin" -> Math::sin;
            case "tan" -> Math::tan;
            case "acos" -> Math::acos;
            case "asin" -> Math::asin;
            case "atan" -> Math::atan;
            case "cosh" -> Math::cosh;
            case "sinh" -> Math::sinh;
            case "tanh" -> Math::tanh;
            case "exp" -> Math::exp;
            case "ln" -> Math::log;
            case "log2" -> value -> Math.log(value) / Math.log(2);
            case "log10" -> Math::log10;
            case "cbrt" -> Math::cbrt;
            default -> null;
        };
    }

    static DoubleBinaryOperator binaryDouble(String name) {
        return switch (name) {
            case "atan2" -> Math::atan2;
            case "log" -> (base, value) -> Math.log(value) / Math.log(base);
            default -> null;
        };
    }

    static ScalarKernel doubleFunction(String name, List<Type> types) {
        for (Type type : types) {
            if (!(type instanceof DoubleType)) {
                throw Functions.unsupported(name, types);
            }
        }
        DoubleUnaryOperator unary = unaryDouble(name);
        if (unary != null && types.size() == 1) {
            return Kernels.doubleToDouble(unary);
        }
        DoubleBinaryOperator binary = binaryDouble(name);
        if (binary != null && types.size() == 2) {
            return Kernels.doublesToDouble(binary);
        }
        return switch (name) {
            case "is_nan" -> Kernels.doubleToBoolean(Double::isNaN);
            case "is_finite" -> Kernels.doubleToBoolean(Double::isFinite);
            case "is_infinite" -> Kernels.doubleToBoolean(Double::isInfinite);
            default -> throw Functions.unsupported(name, types);
        };
    }

    static ScalarKernel constant(String name) {
        double value = switch (name) {
            case "pi" -> Math.PI;
            case "e" -> Math.E;
            case "infinity" -> Double.POSITIVE_INFINITY;
            default -> Double.NaN;
        };
        return Kernels.constant(Types.DOUBLE, value);
    }

    static ScalarKernel truncate(List<Type> types, Type result) {
        Type type = types.get(0);
        boolean withDigits = types.size() == 2;
        if (type instanceof DoubleType || type instanceof RealType) {
            boolean real = type instanceof RealType;
            if (!withDigits) {
                return Kernels.doubleToDouble(value -> real ? (float) truncateDouble(value) : truncateDouble(value));
            }
            return (arguments, count) -> {
                double[] values = Blocks.doubles(arguments[0]);
                long[] digits = Blocks.longs(arguments[1]);
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    double value = truncateToDigits(values[i], digits[i]);
                    out[i] = real ? (float) value : value;
                }
                return new DoubleBlock(count, Blocks.unionNulls(arguments, count), out);
            };
        }
        if (type instanceof DecimalType decimal && result instanceof DecimalType resultDecimal) {
            int scale = decimal.scale();
            return Kernels.rows(result, (blocks, position, out) -> {
                BigDecimal value = new BigDecimal(Decimals.read(blocks[0], position), scale);
                long digits = withDigits ? Kernels.longAt(blocks[1], position) : 0;
                BigDecimal truncated = digits >= scale ? value : value.setScale((int) Math.max(digits, -40), RoundingMode.DOWN);
                BigInteger unscaled = truncated.setScale(resultDecimal.scale(), RoundingMode.DOWN).unscaledValue();
                if (resultDecimal.isShort()) {
                    out.appendLong(unscaled.longValueExact());
                } else {
                    out.appendInt128(io.quarry.block.Int128.high(unscaled), io.quarry.block.Int128.low(unscaled));
                }
            });
        }
        throw Functions.unsupported("truncate", types);
    }

    private static double truncateDouble(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    private static double truncateToDigits(double value, long digits) {
        if (!Double.isFinite(value) || digits > 300) {
            return value;
        }
        BigDecimal decimal = new BigDecimal(value).setScale((int) Math.max(digits, -330), RoundingMode.DOWN);
        return decimal.doubleValue();
    }

    static ScalarKernel sign(List<Type> types, Type result) {
        Type type = types.get(0);
        if (Arithmetic.isIntegral(type)) {
            return Kernels.longToLong(Long::signum);
        }
        if (type instanceof DoubleType || type instanceof RealType) {
            return Kernels.doubleToDouble(Math::signum);
        }
        if (type instanceof DecimalType) {
            return Kernels.rows(result, (blocks, position, out) -> out.appendLong(Decimals.read(blocks[0], position).signum()));
        }
        throw Functions.unsupported("sign", types);
    }

    static ScalarKernel random(List<Type> types, Type result) {
        if (types.isEmpty()) {
            return (arguments, count) -> {
                double[] values = new double[count];
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < count; i++) {
                    values[i] = random.nextDouble();
                }
                return new DoubleBlock(count, null, values);
            };
        }
        if (!Arithmetic.isIntegral(types.get(0))) {
            throw Functions.unsupported("random", types);
        }
        boolean range = types.size() == 2;
        return Kernels.rows(result, (blocks, position, out) -> {
            long low = range ? Kernels.longAt(blocks[0], position) : 0;
            long high = Kernels.longAt(blocks[range ? 1 : 0], position);
            if (high <= low) {
                throw invalidArgument(range ? "stop value must be greater than start value" : "bound must be positive");
            }
            out.appendLong(ThreadLocalRandom.current().nextLong(low, high));
        });
    }

    static ScalarKernel widthBucket() {
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            double operand = Kernels.doubleAt(blocks[0], position);
            double bound1 = Kernels.doubleAt(blocks[1], position);
            double bound2 = Kernels.doubleAt(blocks[2], position);
            long buckets = Kernels.longAt(blocks[3], position);
            if (buckets <= 0) {
                throw invalidArgument("bucketCount must be greater than 0");
            }
            if (Double.isNaN(operand) || Double.isNaN(bound1) || Double.isNaN(bound2)) {
                throw invalidArgument("operand, bound1 and bound2 must not be NaN");
            }
            if (!Double.isFinite(bound1) || !Double.isFinite(bound2)) {
                throw invalidArgument("first bound and second bound must be finite");
            }
            if (bound1 == bound2) {
                throw invalidArgument("bounds cannot equal each other");
            }
            long bucket;
            if (bound1 < bound2) {
                bucket = operand < bound1 ? 0 : operand >= bound2 ? buckets + 1
                        : (long) ((operand - bound1) / (bound2 - bound1) * buckets) + 1;
            } else {
                bucket = operand > bound1 ? 0 : operand <= bound2 ? buckets + 1
                        : (long) ((bound1 - operand) / (bound1 - bound2) * buckets) + 1;
            }
            out.appendLong(bucket);
        });
    }

    /**
     * The number of bins at or below the operand, by binary search as Trino does: the bins are checked only where
     * the search looks (ascending order, finite values), and a NULL bin reads as 0.
     */
    static ScalarKernel widthBucketOverBins() {
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            double operand = Kernels.doubleAt(blocks[0], position);
            ArrayBlock bins = (ArrayBlock) blocks[1];
            int offset = bins.offset(position);
            int count = bins.length(position);
            if (Double.isNaN(operand)) {
                throw invalidArgument("Operand cannot be NaN");
            }
            if (count == 0) {
                throw invalidArgument("Bins cannot be an empty array");
            }
            int lower = 0;
            int upper = count;
            while (lower < upper) {
                if (binAt(bins, offset + lower) > binAt(bins, offset + upper - 1)) {
                    throw invalidArgument("Bin values are not sorted in ascending order");
                }
                int middle = (lower + upper) >>> 1;
                double bin = binAt(bins, offset + middle);
                if (!Double.isFinite(bin)) {
                    throw invalidArgument("Bin value must be finite, got " + bin);
                }
                if (operand < bin) {
                    upper = middle;
                } else {
                    lower = middle + 1;
                }
            }
            out.appendLong(lower);
        });
    }

    private static double binAt(ArrayBlock bins, int position) {
        return bins.elements().isNull(position) ? 0 : Kernels.doubleAt(bins.elements(), position);
    }

    /** The width in bits of an integer type: shifts of tinyint, smallint and integer stay within it. */
    private static int bitWidth(Type type) {
        if (type instanceof TinyintType) {
            return 8;
        }
        if (type instanceof SmallintType) {
            return 16;
        }
        return type instanceof IntegerType ? 32 : 64;
    }

    /**
     * Trino's shifts: within a narrow width a shift outside [0, width) gives 0 (or -1 for a negative value shifted
     * arithmetically), the logical right shift sees the value's bits unsigned, and a left shift wraps to the width;
     * a bigint shift of 64 or more gives 0 (or -1), a negative one shifts by its low six bits, as Java does.
     */
    private static java.util.function.LongBinaryOperator shift(String name, int width) {
        if (width == 64) {
            return switch (name) {
                case "bitwise_left_shift" -> (a, b) -> b >= 64 ? 0 : a << b;
                case "bitwise_right_shift" -> (a, b) -> b >= 64 ? 0 : a >>> b;
                default -> (a, b) -> b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
            };
        }
        long mask = (1L << width) - 1;
        int unused = 64 - width;
        return switch (name) {
            // shifting left then back right by the unused bits wraps the result to the width, sign extended
            case "bitwise_left_shift" -> (a, b) -> b < 0 || b >= width ? 0 : (a << b) << unused >> unused;
            case "bitwise_right_shift" -> (a, b) -> b < 0 || b >= width ? 0 : b == 0 ? a : (a & mask) >>> b;
            default -> (a, b) -> b < 0 || b >= width ? (a < 0 ? -1 : 0) : a >> b;
        };
    }

    static ScalarKernel bitwise(String name, List<Type> types) {
        return switch (name) {
            case "bitwise_and" -> Kernels.longsToLong((a, b) -> a & b);
            case "bitwise_or" -> Kernels.longsToLong((a, b) -> a | b);
            case "bitwise_xor" -> Kernels.longsToLong((a, b) -> a ^ b);
            case "bitwise_not" -> Kernels.longToLong(a -> ~a);
            case "bitwise_left_shift", "bitwise_right_shift", "bitwise_right_shift_arithmetic" ->
                    Kernels.longsToLong(shift(name, bitWidth(types.get(0))));
            case "bit_count" -> Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
                long value = Kernels.longAt(blocks[0], position);
                long bits = Kernels.longAt(blocks[1], position);
                if (bits < 2 || bits > 64) {
                    throw invalidArgument("Bits specified in bit_count must be between 2 and 64, got " + bits);
                }
                long low = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
                long high = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
                if (value < low || value > high) {
                    throw invalidArgument("Number must be representable with the bits specified. " + value
                            + " cannot be represented with " + bits + " bits");
                }
                long mask = bits == 64 ? -1L : (1L << bits) - 1;
                out.appendLong(Long.bitCount(value & mask));
            });
            default -> throw Functions.unsupported(name, types);
        };
    }
}
