package io.quarry.type;

/** The SQL type {@code varbinary}. */
public record VarbinaryType() implements Type {
    @Override
    public String rawType() {
        return "varbinary";
    }

    @Override
    public Storage storage() {
        return Storage.VARIABLE_WIDTH;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
