package io.quarry.type;

import static java.util.Objects.requireNonNull;

/** {@code map(K, V)}: distinct non-null keys, each with a value that may be NULL. */
public record MapType(Type keyType, Type valueType) implements Type {
    public MapType {
        requireNonNull(keyType, "keyType is null");
        requireNonNull(valueType, "valueType is null");
    }

    @Override
    public String rawType() {
        return "map";
    }

    /** As Trino prints it: {@code map(varchar(1), integer)}. */
    @Override
    public String displayName() {
        return "map(" + keyType.displayName() + ", " + valueType.displayName() + ")";
    }

    @Override
    public Storage storage() {
        return Storage.MAP;
    }

    @Override
    public boolean isOrderable() {
        return false;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
