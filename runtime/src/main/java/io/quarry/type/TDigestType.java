package io.quarry.type;

/**
 * The SQL type {@code tdigest}: a t-digest of doubles, held in its serialised form (the bytes that
 * {@code CAST(x AS varbinary)} shows). Neither comparable nor orderable, as in Trino.
 */
public record TDigestType() implements UnorderedType {
    @Override
    public String rawType() {
        return "tdigest";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
