package io.quarry.type;

import java.util.List;

/** {@code varchar(n)}, or unbounded {@code varchar} (length {@link #UNBOUNDED_LENGTH}). UTF-8 bytes. */
public record VarcharType(int length) implements Type {
    public static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;

    public VarcharType {
        if (length < 0) {
            throw new IllegalArgumentException("varchar length must not be negative: " + length);
        }
    }

    public boolean isUnbounded() {
        return length == UNBOUNDED_LENGTH;
    }

    @Override
    public String rawType() {
        return "varchar";
    }

    @Override
    public List<Long> arguments() {
        return List.of((long) length);
    }

    @Override
    public String displayName() {
        return isUnbounded() ? "varchar" : "varchar(" + length + ")";
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
