package io.quarry.type;

import java.util.List;

/** {@code char(n)}: fixed-length text; values are stored without trailing spaces and padded on output. */
public record CharType(int length) implements Type {
    public CharType {
        if (length < 0) {
            throw new IllegalArgumentException("char length must not be negative: " + length);
        }
    }

    @Override
    public String rawType() {
        return "char";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) length);
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
