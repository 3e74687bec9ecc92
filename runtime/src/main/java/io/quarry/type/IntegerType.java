package io.quarry.type;

/** The SQL type {@code integer}. */
public record IntegerType() implements Type {
    @Override
    public String rawType() {
        return "integer";
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
