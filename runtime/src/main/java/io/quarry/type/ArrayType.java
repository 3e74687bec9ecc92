package io.quarry.type;

import static java.util.Objects.requireNonNull;

/** {@code array(T)}: an ordered list of values of one element type, any of them may be NULL. */
public record ArrayType(Type elementType) implements Type {
    public ArrayType {
        requireNonNull(elementType, "elementType is null");
    }

    @Override
    public String rawType() {
        return "array";
    }

    @Override
    public String displayName() {
        return "array(" + elementType.displayName() + ")";
    }

    @Override
    public Storage storage() {
        return Storage.ARRAY;
    }

    @Override
    public boolean isOrderable() {
        return elementType.isOrderable();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
