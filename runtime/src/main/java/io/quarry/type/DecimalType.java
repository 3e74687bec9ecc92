package io.quarry.type;

import java.util.List;

/**
 * {@code decimal(p,s)}: exact numbers. Up to {@link #MAX_SHORT_PRECISION} digits the unscaled value is a
 * long; above, a 128-bit integer.
 */
public record DecimalType(int precision, int scale) implements Type {
    public static final int MAX_PRECISION = 38;
    public static final int MAX_SHORT_PRECISION = 18;
    /** 10^0 to 10^18, each exact as a double. */
    private static final double[] DOUBLE_POWERS_OF_TEN = new double[MAX_SHORT_PRECISION + 1];

    static {
        DOUBLE_POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < DOUBLE_POWERS_OF_TEN.length; i++) {
            DOUBLE_POWERS_OF_TEN[i] = DOUBLE_POWERS_OF_TEN[i - 1] * 10;
        }
    }

    public DecimalType {
        String invalid = invalidParameters(precision, scale);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
    }

    /** Why {@code decimal(precision, scale)} names no type, in Trino's words (the precision is checked first); null if it does. */
    public static String invalidParameters(long precision, long scale) {
        if (precision < 1 || precision > MAX_PRECISION) {
            return "DECIMAL precision must be in range [1, " + MAX_PRECISION + "]: " + precision;
        }
        if (scale < 0 || scale > precision) {
            return "DECIMAL scale must be in range [0, precision (" + precision + ")]: " + scale;
        }
        return null;
    }

    public boolean isShort() {
        return precision <= MAX_SHORT_PRECISION;
    }

    /**
     * A short decimal's unscaled value as a double as Trino converts it: divided by 10^scale in double, which may
     * miss the closest double by a bit (0.9999999999999999 becomes 1.0).
     */
    public double toDouble(long unscaled) {
        return unscaled / DOUBLE_POWERS_OF_TEN[scale];
    }

    /** A short decimal's unscaled value as a real as Trino converts it: divided by 10^scale in float. */
    public float toReal(long unscaled) {
        return (float) unscaled / (float) DOUBLE_POWERS_OF_TEN[scale];
    }

    @Override
    public String rawType() {
        return "decimal";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) precision, (long) scale);
    }

    @Override
    public Storage storage() {
        return isShort() ? Storage.LONG : Storage.INT128;
    }

    @Override
    public boolean isNumeric() {
        return true;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
