package io.quarry.type;

/** {@code interval year to month}: a number of months in a long. */
public record IntervalYearMonthType() implements Type {
    @Override
    public String rawType() {
        return "interval year to month";
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
