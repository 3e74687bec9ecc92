package io.quarry.type;

/**
 * The SQL types {@code HyperLogLog} and {@code P4HyperLogLog}: a set sketch held in its serialised form (the bytes
 * that {@code CAST(x AS varbinary)} shows). A P4HyperLogLog is always in the dense form. Neither is comparable nor
 * orderable, as in Trino.
 */
public record HyperLogLogType(boolean alwaysDense) implements UnorderedType {
    @Override
    public String rawType() {
        return alwaysDense ? "P4HyperLogLog" : "HyperLogLog";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
