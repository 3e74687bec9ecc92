package io.quarry.type;

/**
 * A type whose values are held as variable-width bytes (text or a serialised form) and have no order: json, the
 * sketches and the digests. ORDER BY, min and max refuse them, as Trino does.
 */
public sealed interface UnorderedType extends Type
        permits JsonType, HyperLogLogType, SetDigestType, TDigestType, QuantileDigestType {
    @Override
    default Storage storage() {
        return Storage.VARIABLE_WIDTH;
    }

    @Override
    default boolean isOrderable() {
        return false;
    }
}
