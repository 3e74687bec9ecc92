package io.quarry.type;

/** The type of a bare {@code NULL} literal; all its values are null. */
public record UnknownType() implements Type {
    @Override
    public String rawType() {
        return "unknown";
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
