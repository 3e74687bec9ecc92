package io.quarry.type;

/**
 * The SQL type {@code tdigest}: a t-digest of doubles, held in its serialised form (the bytes that
 * {@code CAST(x AS varbinary)} shows). Neither comparable nor orderable, as in Trino.
 */
public record TDigestType() implements Type {
    @Override
    public String rawType() {
        return "tdigest";
    }

    @Override
    public Storage storage() {
        return Storage.VARIABLE_WIDTH;
    }

    @Override
    public boolean isOrderable() {
        return false;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
