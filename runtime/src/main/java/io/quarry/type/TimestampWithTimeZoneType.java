package io.quarry.type;

import java.util.List;

/**
 * {@code timestamp(p) with time zone}: an instant with the zone it is shown in. Up to precision 3 values are packed
 * in a long: milliseconds since the epoch (UTC) shifted left by 12 bits, and the zone's key in the low 12 bits (see
 * {@link DateTimeValues}). Above it (a {@linkplain #isLong() long timestamp}) a value is two longs: that packed long
 * (its milliseconds rounded down) and the picoseconds within the millisecond, from 0 to 999,999,999.
 */
public record TimestampWithTimeZoneType(int precision) implements Type {
    public static final int MAX_PRECISION = 12;
    public static final int DEFAULT_PRECISION = 3;
    /** The largest precision held in one long. */
    public static final int MAX_SHORT_PRECISION = 3;

    public TimestampWithTimeZoneType {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("timestamp with time zone precision must be in [0, 12]: " + precision);
        }
    }

    @Override
    public String rawType() {
        return "timestamp with time zone";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) precision);
    }

    @Override
    public String displayName() {
        return "timestamp(" + precision + ") with time zone";
    }

    /** Whether values take two longs: precisions 4 to 12. */
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
