package io.quarry.spi;

import static java.util.Objects.requireNonNull;

/** A stage of a query: {@code <queryId>.<n>}, the root stage being 0. */
public record StageId(QueryId queryId, int id) {
    public StageId {
        requireNonNull(queryId, "queryId is null");
        if (id < 0) {
            throw new IllegalArgumentException("stage id must not be negative: " + id);
        }
    }

    /** Parses {@code <queryId>.<n>}; throws IllegalArgumentException on anything else. */
    public static StageId valueOf(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Invalid stage id: " + text);
        }
        return new StageId(QueryId.valueOf(text.substring(0, dot)), Ids.parseNonNegative(text.substring(dot + 1), text));
    }

    @Override
    public String toString() {
        return queryId + "." + id;
    }
}
