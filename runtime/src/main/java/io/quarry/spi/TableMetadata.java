package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A table and its columns, in declaration order. */
public record TableMetadata(SchemaTableName name, List<ColumnMetadata> columns) {
    public TableMetadata {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }

    public Optional<ColumnMetadata> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
