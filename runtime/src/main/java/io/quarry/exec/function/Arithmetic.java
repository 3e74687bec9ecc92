package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;
import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** The arithmetic operators add, subtract, multiply, divide, modulus and negate, with Trino's semantics. */
final class Arithmetic {
    private Arithmetic() {}

    enum Operator {
        ADD("addition", "+"),
        SUBTRACT("subtraction", "-"),
        MULTIPLY("multiplication", "*"),
        DIVIDE("division", "/"),
        MODULUS("modulus", "%");

        final String noun;
        final String symbol;

        Operator(String noun, String symbol) {
            this.noun = noun;
            this.symbol = symbol;
        }
    }

    static boolean isIntegral(Type type) {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType
                || type instanceof BigintType;
    }

    static long minValue(Type type) {
        if (type instanceof TinyintType) {
            return Byte.MIN_VALUE;
        }
        if (type instanceof SmallintType) {
            return Short.MIN_VALUE;
        }
        if (type instanceof IntegerType) {
            return Integer.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    static long maxValue(Type type) {
        if (type instanceof TinyintType) {
            return Byte.MAX_VALUE;
        }
        if (type instanceof SmallintType) {
            return Short.MAX_VALUE;
        }
        if (type instanceof IntegerType) {
            return Integer.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    static ScalarKernel resolve(String name, List<Type> argumentTypes, Type resultType) {
        if (name.equals("negate")) {
            Functions.checkArity(name, argumentTypes, 1);
            return negate(argumentTypes.get(0), resultType);
        }
        Functions.checkArity(name, argumentTypes, 2);
        Operator operator = Operator.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        Type left = argumentTypes.get(0);
        Type right = argumentTypes.get(1);
        if (resultType instanceof DecimalType decimal
                && (left instanceof DecimalType || isIntegral(left))
                && (right instanceof DecimalType || isIntegral(right))) {
            return decimal(operator, Decimals.scaleOf(left), Decimals.scaleOf(right), decimal);
        }
        if (isIntegral(resultType) && isIntegral(left) && isIntegral(right)) {
            return integral(operator, resultType);
        }
        if ((resultType instanceof DoubleType || resultType instanceof RealType)
                && left.isNumeric() && right.isNumeric()
                && left.storage() == io.quarry.type.Storage.DOUBLE && right.storage() == io.quarry.type.Storage.DOUBLE) {
            return floating(operator, resultType instanceof RealType);
        }
        throw Functions.unsupported(name, argumentTypes);
    }

    private static QuarryException overflow(Type type, Operator operator, long left, long right) {
        return new QuarryException(
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                type.displayName() + " " + operator.noun + " overflow: " + left + " " + operator.symbol + " " + right);
    }

    private static ScalarKernel integral(Operator operator, Type type) {
        long min = minValue(type);
        long max = maxValue(type);
        boolean isBigint = type instanceof BigintType;
        return (arguments, count) -> {
            long[] a = Blocks.longs(arguments[0]);
            long[] b = Blocks.longs(arguments[1]);
            boolean[] nulls = unionNulls(arguments, count);
            long[] result = new long[count];
            switch (operator) {
                case ADD -> {
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r = x + y;
                        if ((isBigint ? ((x ^ r) & (y ^ r)) < 0 : r < min || r > max) && !isNull(nulls, i)) {
                            throw overflow(type, operator, x, y);
                        }
                        result[i] = r;
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r = x - y;
                        if ((isBigint ? ((x ^ y) & (x ^ r)) < 0 : r < min || r > max) && !isNull(nulls, i)) {
                            throw overflow(type, operator, x, y);
                        }
                        result[i] = r;
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < count; i++) {
                        long x = a[i];
                        long y = b[i];
                        long r;
                        if (isBigint) {
                            long high = Math.multiplyHigh(x, y);
                            r = x * y;
                            if ((high != 0 || r < 0) && (high != -1 || r >= 0) && !isNull(nulls, i)) {
                                throw overflow(type, operator, x, y);
                            }
                        } else {
                            r = x * y;
                            if ((r < min || r > max) && !isNull(nulls, i)) {
                                throw overflow(type, operator, x, y);
                            }
                        }
                        result[i] = r;
                    }
                }
                case DIVIDE -> {
                    for (int i = 0; i < count; i++) {
                        if (isNull(nulls, i)) {
                            continue;
                        }
                        long x = a[i];
                        long y = b[i];
                        if (y == 0) {
                            throw Decimals.divisionByZero();
                        }
                        if (x == Long.MIN_VALUE && y == -1) {
                            throw overflow(type, operator, x, y);
                        }
                        long r = x / y;
                        if (r < min || r > max) {
                            throw overflow(type, operator, x, y);
                        }
                        result[i] = r;
                    }
                }
                case MODULUS -> {
                    for (int i = 0; i < count; i++) {
                        if (isNull(nulls, i)) {
                            continue;
                        }
                        long y = b[i];
                        if (y == 0) {
                            throw Decimals.divisionByZero();
                        }
                        result[i] = a[i] % y;
                    }
                }
            }
            return new LongBlock(count, nulls, result);
        };
    }

    private static ScalarKernel floating(Operator operator, boolean real) {
        return (arguments, count) -> {
            double[] a = Blocks.doubles(arguments[0]);
            double[] b = Blocks.doubles(arguments[1]);
            boolean[] nulls = unionNulls(arguments, count);
            double[] result = new double[count];
            switch (operator) {
                case ADD -> {
                    for (int i = 0; i < count; i++) {
                        result[i] = a[i] + b[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < count; i++) {
                        result[i] = a[i] - b[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < count; i++) {
                        result[i] = a[i] * b[i];
                    }
                }
                case DIVIDE -> {
                    for (int i = 0; i < count; i++) {
                        result[i] = a[i] / b[i];
                    }
                }
                case MODULUS -> {
                    for (int i = 0; i < count; i++) {
                        result[i] = a[i] % b[i];
                    }
                }
            }
            if (real) {
                for (int i = 0; i < count; i++) {
                    result[i] = (float) result[i];
                }
            }
            return new DoubleBlock(count, nulls, result);
        };
    }

    private static ScalarKernel decimal(Operator operator, int leftScale, int rightScale, DecimalType resultType) {
        int resultScale = resultType.scale();
        int precision = resultType.precision();
        return (arguments, count) -> {
            Block left = arguments[0];
            Block right = arguments[1];
            boolean[] nulls = unionNulls(arguments, count);
            Decimals.Writer writer = new Decimals.Writer(resultType, count);
            boolean shortInputs = left instanceof LongBlock && right instanceof LongBlock;
            long[] a = shortInputs ? Blocks.longs(left) : null;
            long[] b = shortInputs ? Blocks.longs(right) : null;
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                if (shortInputs) {
                    try {
                        writer.setLong(i, shortOperation(operator, a[i], leftScale, b[i], rightScale, resultScale));
                        continue;
                    } catch (ArithmeticException e) {
                        // too large for 64 bits: the exact path below decides
                    }
                }
                writer.setBig(i, bigOperation(operator, Decimals.read(left, i), leftScale, Decimals.read(right, i), rightScale, resultScale, precision));
            }
            return writer.build(count, nulls);
        };
    }

    private static long shortOperation(Operator operator, long a, int leftScale, long b, int rightScale, int resultScale) {
        switch (operator) {
            case ADD, SUBTRACT -> {
                if (resultScale < leftScale || resultScale < rightScale) {
                    throw new ArithmeticException("rounding needed");
                }
                long x = Decimals.rescale(a, leftScale, resultScale);
                long y = Decimals.rescale(b, rightScale, resultScale);
                return operator == Operator.ADD ? Math.addExact(x, y) : Math.subtractExact(x, y);
            }
            case MULTIPLY -> {
                return Decimals.rescale(Math.multiplyExact(a, b), leftScale + rightScale, resultScale);
            }
            case DIVIDE -> {
                if (b == 0) {
                    throw Decimals.divisionByZero();
                }
                int exponent = resultScale + rightScale - leftScale;
                if (exponent < 0 || exponent > 18) {
                    throw new ArithmeticException("slow path");
                }
                return Decimals.divideRoundHalfUp(Math.multiplyExact(a, Decimals.longTenToThe(exponent)), b);
            }
            case MODULUS -> {
                if (b == 0) {
                    throw Decimals.divisionByZero();
                }
                int scale = Math.max(leftScale, rightScale);
                long remainder = Decimals.rescale(a, leftScale, scale) % Decimals.rescale(b, rightScale, scale);
                return Decimals.rescale(remainder, scale, resultScale);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static BigInteger bigOperation(
            Operator operator, BigInteger a, int leftScale, BigInteger b, int rightScale, int resultScale, int precision) {
        BigDecimal x = new BigDecimal(a, leftScale);
        BigDecimal y = new BigDecimal(b, rightScale);
        BigDecimal result = switch (operator) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> {
                if (b.signum() == 0) {
                    throw Decimals.divisionByZero();
                }
                yield x.divide(y, resultScale, RoundingMode.HALF_UP);
            }
            case MODULUS -> {
                if (b.signum() == 0) {
                    throw Decimals.divisionByZero();
                }
                yield x.remainder(y);
            }
        };
        return result.setScale(resultScale, RoundingMode.HALF_UP).unscaledValue();
    }

    private static ScalarKernel negate(Type argumentType, Type resultType) {
        if (isIntegral(argumentType)) {
            long min = minValue(argumentType);
            return (arguments, count) -> {
                long[] a = Blocks.longs(arguments[0]);
                boolean[] nulls = unionNulls(arguments, count);
                long[] result = new long[count];
                for (int i = 0; i < count; i++) {
                    if (a[i] == min && !isNull(nulls, i)) {
                        throw new QuarryException(
                                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                                argumentType.displayName() + " negation overflow: " + a[i]);
                    }
                    result[i] = -a[i];
                }
                return new LongBlock(count, nulls, result);
            };
        }
        if (argumentType.storage() == io.quarry.type.Storage.DOUBLE && argumentType.isNumeric()) {
            return (arguments, count) -> {
                double[] a = Blocks.doubles(arguments[0]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    result[i] = -a[i];
                }
                return new DoubleBlock(count, unionNulls(arguments, count), result);
            };
        }
        if (argumentType instanceof DecimalType && resultType instanceof DecimalType decimal) {
            return (arguments, count) -> {
                Block block = arguments[0];
                boolean[] nulls = unionNulls(arguments, count);
                Decimals.Writer writer = new Decimals.Writer(decimal, count);
                for (int i = 0; i < count; i++) {
                    if (isNull(nulls, i)) {
                        continue;
                    }
                    if (block instanceof LongBlock longs) {
                        writer.setLong(i, -longs.getLong(i));
                    } else {
                        writer.setBig(i, Decimals.read(block, i).negate());
                    }
                }
                return writer.build(count, nulls);
            };
        }
        throw Functions.unsupported("negate", List.of(argumentType));
    }
}
