package io.quarry.type;

/** The SQL type {@code smallint}. */
public record SmallintType() implements Type {
    @Override
    public String rawType() {
        return "smallint";
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
