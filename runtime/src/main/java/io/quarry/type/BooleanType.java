package io.quarry.type;

/** The SQL type {@code boolean}. */
public record BooleanType() implements Type {
    @Override
    public String rawType() {
        return "boolean";
    }

    @Override
    public Storage storage() {
        return Storage.BOOLEAN;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
