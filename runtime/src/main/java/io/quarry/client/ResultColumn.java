package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;

/** A column of a query's result: its name as the client sees it, and its type. */
public record ResultColumn(String name, Type type) {
    public ResultColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
