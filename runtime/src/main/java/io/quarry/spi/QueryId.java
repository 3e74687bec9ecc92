package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** A query id as openLooKeng forms it: {@code 20261124_184501_00001_abcde}; any non-empty {@code [_a-z0-9]+} parses. */
public record QueryId(String id) {
    private static final Pattern VALID = Pattern.compile("[_a-z0-9]+");

    public QueryId {
        requireNonNull(id, "id is null");
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid query id: " + id);
        }
    }

    public static QueryId valueOf(String id) {
        return new QueryId(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
