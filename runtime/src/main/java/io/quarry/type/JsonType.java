package io.quarry.type;

/**
 * The SQL type {@code json}: a JSON value held as its canonical text (no insignificant white space, object keys
 * sorted), as Trino's {@code json_parse} produces it. Comparable for equality, not orderable.
 */
public record JsonType() implements UnorderedType {
    @Override
    public String rawType() {
        return "json";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
