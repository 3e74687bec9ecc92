package io.quarry.type;

/**
 * The SQL type {@code SetDigest}: a MinHash set digest with a HyperLogLog sketch, held in its serialised form.
 * Neither comparable nor orderable, as in Trino.
 */
public record SetDigestType() implements UnorderedType {
    @Override
    public String rawType() {
        return "SetDigest";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
