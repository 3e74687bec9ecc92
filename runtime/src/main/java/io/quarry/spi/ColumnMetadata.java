package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;

/** A column of a table: its name (lower case) and type. */
public record ColumnMetadata(String name, Type type) {
    public ColumnMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
