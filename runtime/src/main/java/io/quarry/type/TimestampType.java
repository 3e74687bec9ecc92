package io.quarry.type;

import java.util.List;

/**
 * {@code timestamp(p)}: a date and time of day without a zone, {@code p} fractional digits of the second.
 * Values are microseconds since 1970-01-01 00:00:00 in a long; precisions above 6 are accepted and kept to
 * the microsecond.
 */
public record TimestampType(int precision) implements Type {
    public static final int MAX_PRECISION = 12;
    public static final int MAX_STORED_PRECISION = 6;
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

    @Override
    public Storage storage() {
        return Storage.LONG;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
