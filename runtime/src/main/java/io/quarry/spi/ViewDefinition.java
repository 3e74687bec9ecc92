package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A stored view: its query text, the session catalog and schema its unqualified names resolve in, the
 * columns (names, types and comments) planning the query gave when the view was created, its comment, and whether it
 * was created SECURITY INVOKER (shown by SHOW CREATE VIEW; with no access control both modes read the same rows).
 */
public record ViewDefinition(
        String sql, Optional<String> catalog, Optional<String> schema, List<ColumnMetadata> columns, Optional<String> comment,
        boolean invoker) {
    public ViewDefinition {
        requireNonNull(sql, "sql is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a view has at least one column");
        }
        requireNonNull(comment, "comment is null");
    }

    /** A SECURITY DEFINER view. */
    public ViewDefinition(
            String sql, Optional<String> catalog, Optional<String> schema, List<ColumnMetadata> columns, Optional<String> comment) {
        this(sql, catalog, schema, columns, comment, false);
    }

    /** A SECURITY DEFINER view without a comment. */
    public ViewDefinition(String sql, Optional<String> catalog, Optional<String> schema, List<ColumnMetadata> columns) {
        this(sql, catalog, schema, columns, Optional.empty());
    }

    public ViewDefinition withComment(Optional<String> newComment) {
        return new ViewDefinition(sql, catalog, schema, columns, newComment, invoker);
    }

    public ViewDefinition withColumns(List<ColumnMetadata> newColumns) {
        return new ViewDefinition(sql, catalog, schema, newColumns, comment, invoker);
    }
}
