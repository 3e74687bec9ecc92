package io.quarry.type;

/** The SQL type {@code tinyint}. */
public record TinyintType() implements Type {
    @Override
    public String rawType() {
        return "tinyint";
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
