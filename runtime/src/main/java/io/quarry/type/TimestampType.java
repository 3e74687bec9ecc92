package io.quarry.type;

import java.util.List;

/**
 * {@code timestamp(p)}: a date and time of day without a zone, {@code p} fractional digits of the second.
 * Up to precision 6 a value is a long: microseconds since 1970-01-01 00:00:00. Above it (a {@linkplain #isLong()
 * long timestamp}) it is two longs: those microseconds (rounded down) and the picoseconds within the microsecond,
 * from 0 to 999,999, so that 128-bit order is the order of time.
 */
public record TimestampType(int precision) implements Type {
    public static final int MAX_PRECISION = 12;
    /** The largest precision held in one long. */
    public static final int MAX_SHORT_PRECISION = 6;
    public static final int DEFAULT_PRECISION = 3;

    public TimestampType {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("timestamp precision must be in [0, 12]: " + precision);
        }
    }

    @Override
    public String rawType() {
        return "timestamp";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) precision);
    }

    /** Whether values take two longs: precisions 7 to 12. */
    public boolean isLong() {
        return precision > MAX_SHORT_PRECISION;
    }

    @Override
    public Storage storage() {
        return isLong() ? Storage.INT128 : Storage.LONG;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
