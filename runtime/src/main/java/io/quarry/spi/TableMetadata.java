package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** A table, its columns in declaration order, and its comment. */
public record TableMetadata(SchemaTableName name, List<ColumnMetadata> columns, Optional<String> comment) {
    public TableMetadata {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(comment, "comment is null");
    }

    /** A table without a comment. */
    public TableMetadata(SchemaTableName name, List<ColumnMetadata> columns) {
        this(name, columns, Optional.empty());
    }

    /** The columns listings show: all but the hidden ones. */
    public List<ColumnMetadata> visibleColumns() {
        return columns.stream().filter(column -> !column.hidden()).toList();
    }

    public Optional<ColumnMetadata> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public TableMetadata withName(SchemaTableName newName) {
        return new TableMetadata(newName, columns, comment);
    }

    public TableMetadata withColumns(List<ColumnMetadata> newColumns) {
        return new TableMetadata(name, newColumns, comment);
    }
}
