package io.quarry.type;

/** The SQL type {@code bigint}. */
public record BigintType() implements Type {
    @Override
    public String rawType() {
        return "bigint";
    }

    @Override
    public Storage storage() {
        return Storage.LONG;
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
