package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A stored view: its query text, the session catalog and schema its unqualified names resolve in, and the
 * columns (names and types) planning the query gave when the view was created.
 */
public record ViewDefinition(String sql, Optional<String> catalog, Optional<String> schema, List<ColumnMetadata> columns) {
    public ViewDefinition {
        requireNonNull(sql, "sql is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a view has at least one column");
        }
    }
}
