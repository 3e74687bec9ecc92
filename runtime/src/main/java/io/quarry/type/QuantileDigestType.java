package io.quarry.type;

import static java.util.Objects.requireNonNull;

/**
 * The SQL type {@code qdigest(T)} for T bigint, double or real: a quantile digest of values of T, held in its
 * serialised form (the bytes that {@code CAST(x AS varbinary)} shows). Doubles and reals are kept as the longs that
 * sort as they do. Neither comparable nor orderable, as in Trino.
 */
public record QuantileDigestType(Type valueType) implements UnorderedType {
    public QuantileDigestType {
        requireNonNull(valueType, "valueType is null");
        if (!(valueType instanceof BigintType || valueType instanceof DoubleType || valueType instanceof RealType)) {
            throw new IllegalArgumentException("qdigest of " + valueType.displayName());
        }
    }

    @Override
    public String rawType() {
        return "qdigest";
    }

    @Override
    public String displayName() {
        return "qdigest(" + valueType.displayName() + ")";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
