package io.quarry.connector.system;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;

/** The one split of a system table: the whole table, read on whichever node runs it. */
public record SystemSplit(SchemaTableName table) implements Split {
    public SystemSplit {
        requireNonNull(table, "table is null");
    }
}
