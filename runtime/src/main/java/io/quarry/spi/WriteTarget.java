package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table being written (or whose data is being dropped): its name, the connector's id of the table, the
 * id of the write (the query's id) and the table's columns in table order, which is the order of the
 * channels of every page written to it.
 */
public record WriteTarget(SchemaTableName table, long tableId, String writeId, List<ColumnMetadata> columns) {
    public WriteTarget {
        requireNonNull(table, "table is null");
        requireNonNull(writeId, "writeId is null");
        columns = List.copyOf(columns);
    }
}
