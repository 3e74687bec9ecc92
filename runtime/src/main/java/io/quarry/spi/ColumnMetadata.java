package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.Optional;

/**
 * A column of a table: its name (lower case), type, whether it may hold NULL (false for a {@code NOT NULL} column,
 * which writes check) and its comment.
 */
public record ColumnMetadata(String name, Type type, boolean nullable, Optional<String> comment) {
    public ColumnMetadata {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }

    /** A nullable column without a comment. */
    public ColumnMetadata(String name, Type type) {
        this(name, type, true, Optional.empty());
    }

    public ColumnMetadata withName(String newName) {
        return new ColumnMetadata(newName, type, nullable, comment);
    }

    public ColumnMetadata withComment(Optional<String> newComment) {
        return new ColumnMetadata(name, type, nullable, newComment);
    }
}
