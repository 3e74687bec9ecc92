package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * {@code <}, {@code <=}, {@code >}, {@code >=} between arrays and between rows, as Trino orders them: part by part
 * from the first, a shorter array before a longer one it begins; NULL when a side is NULL, and a NULL part reached
 * on the way fails with NOT_SUPPORTED. Maps have no order.
 */
final class StructuralOrdering {
    static final List<String> NAMES = List.of("less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal");

    private StructuralOrdering() {}

    static ScalarKernel resolve(String name, Type type) {
        if (!type.isOrderable()) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Type " + type.displayName() + " is not orderable");
        }
        return (arguments, count) -> {
            BlockBuilder out = BlockBuilder.create(Types.BOOLEAN, count);
            for (int i = 0; i < count; i++) {
                if (arguments[0].isNull(i) || arguments[1].isNull(i)) {
                    out.appendNull();
                } else {
                    int order = compare(type, Values.toObject(type, arguments[0], i), Values.toObject(type, arguments[1], i));
                    out.appendBoolean(switch (name) {
                        case "less_than" -> order < 0;
                        case "less_than_or_equal" -> order <= 0;
                        case "greater_than" -> order > 0;
                        default -> order >= 0;
                    });
                }
            }
            return out.build();
        };
    }

    /** The order of two non-null values of {@code type} at {@code position} of {@code left} and {@code right}. */
    static int compare(Type type, Block left, Block right, int position) {
        return compare(type, Values.toObject(type, left, position), Values.toObject(type, right, position));
    }

    /** The order of two non-null values of {@code type}; a NULL part reached first fails, as in Trino. */
    private static int compare(Type type, Object left, Object right) {
        if (type instanceof ArrayType || type instanceof RowType) {
            List<?> a = (List<?>) left;
            List<?> b = (List<?>) right;
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (a.get(i) == null || b.get(i) == null) {
                    throw new QuarryException(ErrorCode.NOT_SUPPORTED, type instanceof ArrayType
                            ? "ARRAY comparison not supported for arrays with null elements"
                            : "ROW comparison not supported for fields with null elements");
                }
                Type part = type instanceof ArrayType array ? array.elementType() : ((RowType) type).fieldTypes().get(i);
                int order = compare(part, a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
        if (left instanceof String a && right instanceof String b) {
            // by code point, as Trino compares the UTF-8 bytes of strings
            return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
        }
        if (left instanceof java.math.BigInteger a && right instanceof java.math.BigInteger b) {
            return io.quarry.type.TemporalTypes.compareTwoLongs(type, a, b);
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof Double a && right instanceof Double b) {
            return Double.compare(a + 0.0, b + 0.0);
        }
        if (left instanceof byte[] a && right instanceof byte[] b) {
            return Arrays.compareUnsigned(a, b);
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> comparable = (Comparable<Object>) left;
        return comparable.compareTo(right);
    }
}
