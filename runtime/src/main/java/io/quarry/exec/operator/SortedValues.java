package io.quarry.exec.operator;

import io.quarry.plan.SortKey;
import io.quarry.type.ArrayType;
import io.quarry.type.RowType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The order of values read with {@link io.quarry.block.Values#toObject}, for the aggregates that keep objects. */
final class SortedValues {
    private SortedValues() {}

    /**
     * Ascending order of two non-null values of {@code type}; binaries compare as unsigned bytes, lists field by field,
     * two-long values as {@link TemporalTypes#compareTwoLongs} says.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareObjects(Type type, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return TemporalTypes.compareTwoLongs(type, x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Type part = type instanceof ArrayType array ? array.elementType() : ((RowType) type).fieldTypes().get(i);
                int order = compareObjects(part, x.get(i), y.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Rows of sort-key values ({@code row[first + i]} for key i) ordered as the keys say, NULLs placed per key. */
    static Comparator<Object[]> byKeys(List<SortKey> keys, List<Type> keyTypes, int first) {
        return (left, right) -> {
            for (int i = 0; i < keys.size(); i++) {
                SortKey key = keys.get(i);
                Object a = left[first + i];
                Object b = right[first + i];
                int order;
                if (a == null || b == null) {
                    if (a == b) {
                        continue;
                    }
                    order = (a == null) == key.nullsFirst() ? -1 : 1;
                    return order;
                }
                order = compareObjects(keyTypes.get(i), a, b);
                if (order != 0) {
                    return key.ascending() ? order : -order;
                }
            }
            return 0;
        };
    }
}
