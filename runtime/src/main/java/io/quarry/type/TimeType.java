package io.quarry.type;

import java.util.List;

/** {@code time(p)}: a time of day without a zone; values are picoseconds since midnight in a long. */
public record TimeType(int precision) implements Type {
    public static final int MAX_PRECISION = 12;
    public static final int DEFAULT_PRECISION = 3;

    public TimeType {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("time precision must be in [0, 12]: " + precision);
        }
    }

    @Override
    public String rawType() {
        return "time";
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
