package io.quarry.type;

import java.util.List;

/**
 * {@code decimal(p,s)}: exact numbers. Up to {@link #MAX_SHORT_PRECISION} digits the unscaled value is a
 * long; above, a 128-bit integer.
 */
public record DecimalType(int precision, int scale) implements Type {
    public static final int MAX_PRECISION = 38;
    public static final int MAX_SHORT_PRECISION = 18;

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be in [1, 38]: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be in [0, precision]: " + scale);
        }
    }

    public boolean isShort() {
        return precision <= MAX_SHORT_PRECISION;
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
