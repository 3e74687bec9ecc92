package io.quarry.type;

/** {@code interval day to second}: a duration; values are milliseconds in a long. */
public record IntervalDayTimeType() implements Type {
    @Override
    public String rawType() {
        return "interval day to second";
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
