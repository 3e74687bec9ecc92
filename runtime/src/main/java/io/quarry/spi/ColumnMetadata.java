package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.Optional;

/**
 * A column of a table: its name (lower case), type, whether it may hold NULL (false for a {@code NOT NULL} column,
 * which writes check), its comment, and whether it is hidden: a hidden column is read only when named, never by
 * {@code SELECT *}, and listings (DESCRIBE, SHOW COLUMNS, information_schema.columns) leave it out.
 */
public record ColumnMetadata(String name, Type type, boolean nullable, Optional<String> comment, boolean hidden) {
    public ColumnMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }

    /** A visible column. */
    public ColumnMetadata(String name, Type type, boolean nullable, Optional<String> comment) {
        this(name, type, nullable, comment, false);
    }

    /** A nullable, visible column without a comment. */
    public ColumnMetadata(String name, Type type) {
        this(name, type, true, Optional.empty());
    }

    /** A nullable hidden column without a comment. */
    public static ColumnMetadata hidden(String name, Type type) {
        return new ColumnMetadata(name, type, true, Optional.empty(), true);
    }

    public ColumnMetadata withName(String newName) {
        return new ColumnMetadata(newName, type, nullable, comment, hidden);
    }

    public ColumnMetadata withComment(Optional<String> newComment) {
        return new ColumnMetadata(name, type, nullable, newComment, hidden);
    }
}
