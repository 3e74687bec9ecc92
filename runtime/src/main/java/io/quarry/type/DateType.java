package io.quarry.type;

/** The SQL type {@code date}: days since 1970-01-01. */
public record DateType() implements Type {
    @Override
    public String rawType() {
        return "date";
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
