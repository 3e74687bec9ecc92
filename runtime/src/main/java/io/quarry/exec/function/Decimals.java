package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.Int128;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Decimal helpers: powers of ten, HALF_UP rescaling and division, precision checks, short/long access. */
public final class Decimals {
    private static final long[] POWERS_OF_TEN = new long[19];
    private static final BigInteger[] BIG_POWERS_OF_TEN = new BigInteger[77];

    static {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
        for (int i = 0; i < BIG_POWERS_OF_TEN.length; i++) {
            BIG_POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
    }

    private Decimals() {}

    /** 10^exponent for exponent in [0, 18]. */
    public static long longTenToThe(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    public static BigInteger bigTenToThe(int exponent) {
        return BIG_POWERS_OF_TEN[exponent];
    }

    /** The scale of a type in decimal arithmetic: a decimal's own, 0 for the integer types. */
    public static int scaleOf(Type type) {
        return type instanceof DecimalType decimal ? decimal.scale() : 0;
    }

    /** Whether |value| needs more than {@code precision} digits. */
    public static boolean overflows(long value, int precision) {
        return precision < 19 && (value >= POWERS_OF_TEN[precision] || value <= -POWERS_OF_TEN[precision]);
    }

    public static boolean overflows(BigInteger value, int precision) {
        return value.abs().compareTo(BIG_POWERS_OF_TEN[precision]) >= 0;
    }

    /** n / d rounded half away from zero; d != 0. */
    public static long divideRoundHalfUp(long dividend, long divisor) {
        long quotient = dividend / divisor;
        long remainder = Math.abs(dividend % divisor);
        long absDivisor = Math.abs(divisor);
        // remainder >= divisor - remainder  <=>  2 * remainder >= divisor, without overflow
        if (remainder >= absDivisor - remainder) {
            quotient += (dividend < 0) == (divisor < 0) ? 1 : -1;
        }
        return quotient;
    }

    /** A short unscaled value moved from one scale to another, rounding HALF_UP; ArithmeticException on overflow. */
    public static long rescale(long value, int fromScale, int toScale) {
        if (toScale == fromScale) {
            return value;
        }
        if (toScale > fromScale) {
            int difference = toScale - fromScale;
            if (difference > 18) {
                if (value == 0) {
                    return 0;
                }
                throw new ArithmeticException("overflow");
            }
            return Math.multiplyExact(value, POWERS_OF_TEN[difference]);
        }
        int difference = fromScale - toScale;
        if (difference > 18) {
            return 0;
        }
        return divideRoundHalfUp(value, POWERS_OF_TEN[difference]);
    }

    public static BigInteger rescale(BigInteger value, int fromScale, int toScale) {
        if (toScale == fromScale) {
            return value;
        }
        return new BigDecimal(value, fromScale).setScale(toScale, java.math.RoundingMode.HALF_UP).unscaledValue();
    }

    public static QuarryException overflow() {
        return new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
    }

    public static QuarryException divisionByZero() {
        return new QuarryException(ErrorCode.DIVISION_BY_ZERO, "Division by zero");
    }

    /** Reads the unscaled value of a short decimal or integer block, or a long decimal block, as BigInteger. */
    public static BigInteger read(Block block, int position) {
        if (block instanceof LongBlock longs) {
            return BigInteger.valueOf(longs.getLong(position));
        }
        return ((Int128Block) block).getBigInteger(position);
    }

    /** Collects unscaled results into a short (long) or long (128-bit) decimal block. */
    public static final class Writer {
        private final boolean isShort;
        private final long[] values;
        private final int precision;

        public Writer(DecimalType type, int count) {
            this.isShort = type.isShort();
            this.precision = type.precision();
            this.values = new long[isShort ? count : 2 * count];
        }

        public void setLong(int position, long value) {
            if (overflows(value, precision)) {
                throw overflow();
            }
            if (isShort) {
                values[position] = value;
            } else {
                values[2 * position] = value >> 63;
                values[2 * position + 1] = value;
            }
        }

        public void setBig(int position, BigInteger value) {
            if (overflows(value, precision)) {
                throw overflow();
            }
            if (isShort) {
                values[position] = value.longValue();
            } else {
                values[2 * position] = Int128.high(value);
                values[2 * position + 1] = Int128.low(value);
            }
        }

        public Block build(int count, boolean[] nulls) {
            return isShort ? new LongBlock(count, nulls, values) : new Int128Block(count, nulls, values);
        }
    }
}
