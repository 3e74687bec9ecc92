package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code cast} and {@code try_cast} between the supported types, with Trino's rules and messages. */
final class Casts {
    private Casts() {}

    /** Converts the non-null value at a position and appends it to the builder (or throws). */
    @FunctionalInterface
    private interface RowCast {
        void cast(Block source, int position, BlockBuilder out);
    }

    static ScalarKernel resolve(Type source, Type target, boolean tryCast) {
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(target, count);
        }
        if (source.equals(target) || isIdentity(source, target)) {
            return (arguments, count) -> arguments[0];
        }
        ScalarKernel fast = fastPath(source, target);
        if (fast != null) {
            return fast;
        }
        if (source instanceof io.quarry.type.VarcharType && target instanceof io.quarry.type.VarbinaryType) {
            // a varchar's bytes are its UTF-8 encoding, which is the varbinary
            return (arguments, count) -> arguments[0];
        }
        RowCast row = source instanceof CharType && !isText(target) ? null : rowCast(source, target); // char casts only to text
        if (row == null) {
            // as in Trino, a cast between types that have none is a type error
            throw new QuarryException(
                    ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + target.displayName());
        }
        return (arguments, count) -> {
            Block block = arguments[0];
            BlockBuilder out = BlockBuilder.create(target, count);
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    out.appendNull();
                } else if (tryCast) {
                    int before = out.positionCount();
                    try {
                        row.cast(block, i, out);
                    } catch (QuarryException e) {
                        if (out.positionCount() == before) {
                            out.appendNull();
                        }
                    }
                } else {
                    row.cast(block, i, out);
                }
            }
            return out.build();
        };
    }

    private static boolean isIdentity(Type source, Type target) {
        if (Arithmetic.isIntegral(source) && Arithmetic.isIntegral(target)) {
            return Arithmetic.maxValue(target) >= Arithmetic.maxValue(source);
        }
        if (source instanceof VarcharType from && target instanceof VarcharType to) {
            return to.length() >= from.length();
        }
        return source instanceof RealType && target instanceof DoubleType;
    }

    /** Tight loops for the casts that show up in hot paths. */
    private static ScalarKernel fastPath(Type source, Type target) {
        if (Arithmetic.isIntegral(source) && target instanceof DoubleType) {
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    result[i] = values[i];
                }
                return new DoubleBlock(count, Blocks.unionNulls(arguments, count), result);
            };
        }
        if (source instanceof DecimalType decimal && decimal.isShort() && target instanceof DoubleType) {
            return (arguments, count) -> {
                long[] values = Blocks.longs(arguments[0]);
                double[] result = new double[count];
                for (int i = 0; i < count; i++) {
                    result[i] = decimal.toDouble(values[i]);
                }
                return new DoubleBlock(count, Blocks.unionNulls(arguments, count), result);
            };
        }
        return null;
    }

    private static String integralName(Type type) {
        if (type instanceof TinyintType) {
            return "TINYINT";
        }
        if (type instanceof SmallintType) {
            return "SMALLINT";
        }
        if (type instanceof IntegerType) {
            return "INT";
        }
        return "BIGINT";
    }

    private static String sqlName(Type type) {
        if (type instanceof DecimalType decimal) {
            return "DECIMAL(" + decimal.precision() + ", " + decimal.scale() + ")";
        }
        return type.rawType().toUpperCase(Locale.ROOT);
    }

    private static QuarryException invalid(String message) {
        return new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, message);
    }

    private static QuarryException outOfRange(String message) {
        return new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, message);
    }

    private static boolean isText(Type type) {
        return type instanceof VarcharType || type instanceof CharType;
    }

    private static RowCast rowCast(Type source, Type target) {
        if (Arithmetic.isIntegral(target)) {
            return toIntegral(source, target);
        }
        if (target instanceof DoubleType || target instanceof RealType) {
            return toFloating(source, target instanceof RealType);
        }
        if (target instanceof DecimalType decimal) {
            return toDecimal(source, decimal);
        }
        if (target instanceof BooleanType) {
            return toBoolean(source);
        }
        if (isText(target)) {
            return toText(source, target);
        }
        if (target instanceof DateType && isText(source)) {
            return (block, position, out) -> {
                String text = ((VariableWidthBlock) block).getString(position);
                Long days = Formats.parseDate(text);
                if (days == null) {
                    throw invalid("Value cannot be cast to date: " + text);
                }
                out.appendLong(days);
            };
        }
        return null;
    }

    private static RowCast toIntegral(Type source, Type target) {
        long min = Arithmetic.minValue(target);
        long max = Arithmetic.maxValue(target);
        String name = target.displayName();
        if (Arithmetic.isIntegral(source)) {
            return (block, position, out) -> {
                long value = ((LongBlock) block).getLong(position);
                if (value < min || value > max) {
                    throw outOfRange("Out of range for " + name + ": " + value);
                }
                out.appendLong(value);
            };
        }
        if (source instanceof BooleanType) {
            return (block, position, out) -> out.appendLong(((BooleanBlock) block).getBoolean(position) ? 1 : 0);
        }
        if (source instanceof DoubleType || source instanceof RealType) {
            return (block, position, out) -> {
                double value = ((DoubleBlock) block).getDouble(position);
                boolean toBigint = max == Long.MAX_VALUE;
                if (toBigint && source instanceof DoubleType && (Double.isNaN(value) || Double.isInfinite(value)
                        || roundHalfAwayFromZero(value) < min || roundHalfAwayFromZero(value) >= max + 1.0)) {
                    // Trino's message for a double that is no bigint
                    throw invalid("Unable to cast " + Formats.formatDouble(value) + " to bigint");
                }
                if (Double.isNaN(value)) {
                    throw invalid("Cannot cast " + source.displayName() + " " + value + " to " + name);
                }
                if (Double.isInfinite(value) && !(toBigint && source instanceof RealType)) {
                    // an infinity is out of range, as in Trino
                    throw outOfRange("Out of range for " + name + ": " + value);
                }
                double rounded = roundHalfAwayFromZero(value);
                if (toBigint && source instanceof RealType) {
                    // Trino saturates a real beyond bigint
                    out.appendLong(rounded <= min ? Long.MIN_VALUE : rounded >= max ? Long.MAX_VALUE : (long) rounded);
                    return;
                }
                if (rounded < min || rounded >= max + 1.0) {
                    throw outOfRange("Out of range for " + name + ": " + Formats.formatDouble(value));
                }
                out.appendLong((long) rounded);
            };
        }
        if (source instanceof DecimalType decimal) {
            int scale = decimal.scale();
            return (block, position, out) -> {
                BigInteger rounded = Decimals.rescale(Decimals.read(block, position), scale, 0);
                if (rounded.bitLength() > 63 || rounded.longValue() < min || rounded.longValue() > max) {
                    // Trino names the value rounded to an integer
                    throw invalid("Cannot cast '" + rounded + "' to " + name.toUpperCase(Locale.ROOT));
                }
                out.appendLong(rounded.longValue());
            };
        }
        if (isText(source)) {
            String sqlName = integralName(target);
            return (block, position, out) -> {
                String text = ((VariableWidthBlock) block).getString(position);
                long value;
                try {
                    value = Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                    throw invalid("Cannot cast '" + text + "' to " + sqlName);
                }
                if (value < min || value > max) {
                    throw invalid("Cannot cast '" + text + "' to " + sqlName);
                }
                out.appendLong(value);
            };
        }
        return null;
    }

    static double roundHalfAwayFromZero(double value) {
        double magnitude = Math.abs(value);
        double floor = Math.floor(magnitude);
        if (magnitude - floor >= 0.5) {
            floor += 1;
        }
        return Math.copySign(floor, value);
    }

    private static RowCast toFloating(Type source, boolean real) {
        if (Arithmetic.isIntegral(source)) {
            return (block, position, out) -> {
                long value = ((LongBlock) block).getLong(position);
                out.appendDouble(real ? (float) value : (double) value);
            };
        }
        if (source instanceof BooleanType) {
            return (block, position, out) -> out.appendDouble(((BooleanBlock) block).getBoolean(position) ? 1 : 0);
        }
        if (source instanceof DoubleType && real) {
            return (block, position, out) -> out.appendDouble((float) ((DoubleBlock) block).getDouble(position));
        }
        if (source instanceof DecimalType decimal && decimal.isShort()) {
            return (block, position, out) -> {
                long unscaled = ((LongBlock) block).getLong(position);
                out.appendDouble(real ? decimal.toReal(unscaled) : decimal.toDouble(unscaled));
            };
        }
        if (source instanceof DecimalType decimal) {
            int scale = decimal.scale();
            return (block, position, out) -> {
                BigDecimal value = new BigDecimal(Decimals.read(block, position), scale);
                out.appendDouble(real ? value.floatValue() : value.doubleValue());
            };
        }
        if (isText(source)) {
            String name = real ? "REAL" : "DOUBLE";
            return (block, position, out) -> {
                String text = ((VariableWidthBlock) block).getString(position);
                String trimmed = text.strip();
                try {
                    // Java's number syntax, as Trino's: a d or f suffix (1.5f) is allowed
                    double value = Double.parseDouble(trimmed);
                    out.appendDouble(real ? (float) value : value);
                } catch (NumberFormatException e) {
                    throw invalid("Cannot cast '" + text + "' to " + name);
                }
            };
        }
        return null;
    }

    private static void appendDecimal(BlockBuilder out, DecimalType target, BigInteger unscaled) {
        if (target.isShort()) {
            out.appendLong(unscaled.longValue());
        } else {
            out.appendInt128(Int128.high(unscaled), Int128.low(unscaled));
        }
    }

    private static RowCast toDecimal(Type source, DecimalType target) {
        int scale = target.scale();
        int precision = target.precision();
        if (Arithmetic.isIntegral(source) || source instanceof BooleanType) {
            boolean isBoolean = source instanceof BooleanType;
            return (block, position, out) -> {
                long value = isBoolean
                        ? (((BooleanBlock) block).getBoolean(position) ? 1 : 0)
                        : ((LongBlock) block).getLong(position);
                BigInteger unscaled = BigInteger.valueOf(value).multiply(Decimals.bigTenToThe(scale));
                if (Decimals.overflows(unscaled, precision)) {
                    throw invalid("Cannot cast " + sqlName(source) + " '" + value + "' to " + sqlName(target));
                }
                appendDecimal(out, target, unscaled);
            };
        }
        if (source instanceof DecimalType decimal) {
            int sourceScale = decimal.scale();
            if (decimal.isShort() && target.isShort()) {
                return (block, position, out) -> {
                    long value = ((LongBlock) block).getLong(position);
                    long rescaled;
                    try {
                        rescaled = Decimals.rescale(value, sourceScale, scale);
                    } catch (ArithmeticException e) {
                        rescaled = Long.MAX_VALUE;
                    }
                    if (Decimals.overflows(rescaled, precision)) {
                        throw invalid("Cannot cast " + sqlName(source) + " '" + BigDecimal.valueOf(value, sourceScale).toPlainString()
                                + "' to " + sqlName(target));
                    }
                    out.appendLong(rescaled);
                };
            }
            return (block, position, out) -> {
                BigInteger value = Decimals.read(block, position);
                BigInteger rescaled = Decimals.rescale(value, sourceScale, scale);
                if (Decimals.overflows(rescaled, precision)) {
                    throw invalid("Cannot cast " + sqlName(source) + " '" + new BigDecimal(value, sourceScale).toPlainString()
                            + "' to " + sqlName(target));
                }
                appendDecimal(out, target, rescaled);
            };
        }
        if (source instanceof DoubleType || source instanceof RealType) {
            return (block, position, out) -> {
                double value = ((DoubleBlock) block).getDouble(position);
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw invalid("Cannot cast " + sqlName(source) + " '" + value + "' to " + sqlName(target));
                }
                // the shortest decimal text of the value (of the float, for a real: 0.1, not 0.10000000149)
                BigDecimal exact = source instanceof RealType ? new BigDecimal(Float.toString((float) value)) : BigDecimal.valueOf(value);
                if (exact.abs().compareTo(BigDecimal.TEN.pow(38)) >= 0) {
                    // beyond any decimal: Trino's overflow, not a failed cast
                    throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
                }
                BigInteger unscaled = exact.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
                if (Decimals.overflows(unscaled, precision)) {
                    String text = source instanceof RealType ? Float.toString((float) value) : Double.toString(value);
                    throw invalid("Cannot cast " + sqlName(source) + " '" + text + "' to " + sqlName(target));
                }
                appendDecimal(out, target, unscaled);
            };
        }
        if (isText(source)) {
            return (block, position, out) -> {
                String text = ((VariableWidthBlock) block).getString(position);
                BigDecimal value;
                try {
                    value = new BigDecimal(text); // Trino refuses blanks around the number
                } catch (NumberFormatException e) {
                    throw invalid("Cannot cast VARCHAR '" + text + "' to " + sqlName(target) + ". Value is not a number.");
                }
                BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
                if (Decimals.overflows(unscaled, precision)) {
                    throw invalid("Cannot cast VARCHAR '" + text + "' to " + sqlName(target) + ". Value too large.");
                }
                appendDecimal(out, target, unscaled);
            };
        }
        return null;
    }

    private static RowCast toBoolean(Type source) {
        if (Arithmetic.isIntegral(source)) {
            return (block, position, out) -> out.appendBoolean(((LongBlock) block).getLong(position) != 0);
        }
        if (source instanceof DoubleType || source instanceof RealType) {
            return (block, position, out) -> out.appendBoolean(((DoubleBlock) block).getDouble(position) != 0);
        }
        if (source instanceof DecimalType) {
            return (block, position, out) -> out.appendBoolean(Decimals.read(block, position).signum() != 0);
        }
        if (isText(source)) {
            return (block, position, out) -> {
                String text = ((VariableWidthBlock) block).getString(position);
                switch (text.toLowerCase(Locale.ROOT)) { // Trino refuses blanks around the word
                    case "true", "t", "1" -> out.appendBoolean(true);
                    case "false", "f", "0" -> out.appendBoolean(false);
                    default -> throw invalid("Cannot cast '" + text + "' to BOOLEAN");
                }
            };
        }
        return null;
    }

    private static RowCast toText(Type source, Type target) {
        int length = target instanceof VarcharType varchar ? varchar.length() : ((CharType) target).length();
        boolean isChar = target instanceof CharType;
        if (isText(source)) {
            int padTo = source instanceof CharType sourceChar ? sourceChar.length() : 0;
            return (block, position, out) -> {
                VariableWidthBlock text = (VariableWidthBlock) block;
                byte[] data = text.rawData();
                int start = text.offset(position);
                int end = start + text.length(position);
                int truncated = Utf8.offsetOfCodePoint(data, start, end, length);
                int codePoints = padTo > 0 ? Utf8.countCodePoints(data, start, truncated) : 0;
                if (isChar) {
                    while (truncated > start && data[truncated - 1] == ' ') {
                        truncated--;
                    }
                }
                if (!isChar && padTo > codePoints && codePoints < length) {
                    int pad = Math.min(padTo, length) - codePoints;
                    byte[] value = new byte[truncated - start + pad];
                    System.arraycopy(data, start, value, 0, truncated - start);
                    java.util.Arrays.fill(value, truncated - start, value.length, (byte) ' ');
                    out.appendBytes(value);
                } else {
                    out.appendBytes(data, start, truncated - start);
                }
            };
        }
        java.util.function.BiFunction<Block, Integer, String> format = formatter(source);
        if (format == null) {
            return null;
        }
        return (block, position, out) -> {
            String text = format.apply(block, position);
            if (text.length() > length) {
                throw invalid("Value " + text + " cannot be represented as " + target.displayName());
            }
            out.appendBytes(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static java.util.function.BiFunction<Block, Integer, String> formatter(Type source) {
        if (Arithmetic.isIntegral(source)) {
            return (block, position) -> Long.toString(((LongBlock) block).getLong(position));
        }
        if (source instanceof BooleanType) {
            return (block, position) -> ((BooleanBlock) block).getBoolean(position) ? "true" : "false";
        }
        if (source instanceof DoubleType) {
            return (block, position) -> Formats.formatDouble(((DoubleBlock) block).getDouble(position));
        }
        if (source instanceof RealType) {
            return (block, position) -> Formats.formatReal((float) ((DoubleBlock) block).getDouble(position));
        }
        if (source instanceof DecimalType decimal) {
            return (block, position) -> new BigDecimal(Decimals.read(block, position), decimal.scale()).toPlainString();
        }
        if (source instanceof DateType) {
            return (block, position) -> Formats.formatDate(((LongBlock) block).getLong(position));
        }
        return null;
    }
}
