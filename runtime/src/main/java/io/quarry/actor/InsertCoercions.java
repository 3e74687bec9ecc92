package io.quarry.actor;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.CharType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.util.List;

/**
 * Which query column types INSERT accepts for a table column, as Trino's implicit coercions: the same
 * type, NULL, a wider integer, an integer or decimal into a decimal that holds it, any number into
 * real/double, character strings into varchar and char, and arrays, maps and rows whose parts coerce.
 */
final class InsertCoercions {
    private InsertCoercions() {}

    static boolean canCoerce(Type from, Type to) {
        if (from.equals(to) || from instanceof UnknownType) {
            return true;
        }
        int fromRank = integerRank(from);
        if (fromRank > 0) {
            int toRank = integerRank(to);
            if (toRank > 0) {
                return toRank >= fromRank;
            }
            if (to instanceof DecimalType decimal) {
                return decimal.precision() - decimal.scale() >= integerDigits(fromRank);
            }
            return to instanceof RealType || to instanceof DoubleType;
        }
        if (from instanceof DecimalType source) {
            if (to instanceof DecimalType target) {
                return target.scale() >= source.scale()
                        && target.precision() - target.scale() >= source.precision() - source.scale();
            }
            return to instanceof RealType || to instanceof DoubleType;
        }
        if (from instanceof RealType) {
            return to instanceof DoubleType;
        }
        if (from instanceof VarcharType || from instanceof CharType) {
            return to instanceof VarcharType || to instanceof CharType;
        }
        if (from instanceof ArrayType source && to instanceof ArrayType target) {
            return canCoerce(source.elementType(), target.elementType());
        }
        if (from instanceof MapType source && to instanceof MapType target) {
            return canCoerce(source.keyType(), target.keyType()) && canCoerce(source.valueType(), target.valueType());
        }
        if (from instanceof RowType source && to instanceof RowType target) {
            if (source.fields().size() != target.fields().size()) {
                return false;
            }
            for (int i = 0; i < source.fields().size(); i++) {
                if (!canCoerce(source.fieldTypes().get(i), target.fieldTypes().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A query column made into a table column's type. Into varchar(n) and char(n), a value longer than
     * n fails as in Trino unless only trailing spaces are cut ({@code insert_cast}), rather than being cut.
     */
    static Expression cast(Expression value, Type to) {
        Type from = value.type();
        if (from.equals(to)) {
            return value;
        }
        boolean text = from instanceof VarcharType || from instanceof CharType;
        if (text && (to instanceof CharType || to instanceof VarcharType varchar && !varchar.isUnbounded())
                && length(from) > length(to)) {
            return new Call("insert_cast", List.of(value), to);
        }
        return new Call("cast", List.of(value), to);
    }

    /** The length of a string type; unbounded varchar as the largest. */
    private static long length(Type type) {
        if (type instanceof CharType fixed) {
            return fixed.length();
        }
        VarcharType varchar = (VarcharType) type;
        return varchar.isUnbounded() ? Long.MAX_VALUE : varchar.length();
    }

    /** 1 tinyint, 2 smallint, 3 integer, 4 bigint, 0 not an integer type. */
    private static int integerRank(Type type) {
        if (type instanceof TinyintType) {
            return 1;
        }
        if (type instanceof SmallintType) {
            return 2;
        }
        if (type instanceof IntegerType) {
            return 3;
        }
        return type instanceof BigintType ? 4 : 0;
    }

    private static int integerDigits(int rank) {
        return switch (rank) {
            case 1 -> 3;
            case 2 -> 5;
            case 3 -> 10;
            default -> 19;
        };
    }
}
