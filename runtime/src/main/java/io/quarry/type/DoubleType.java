package io.quarry.type;

/** The SQL type {@code double}. */
public record DoubleType() implements Type {
    @Override
    public String rawType() {
        return "double";
    }

    @Override
    public Storage storage() {
        return Storage.DOUBLE;
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
