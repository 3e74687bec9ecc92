package io.quarry.type;

/** The SQL type {@code real}. */
public record RealType() implements Type {
    @Override
    public String rawType() {
        return "real";
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
