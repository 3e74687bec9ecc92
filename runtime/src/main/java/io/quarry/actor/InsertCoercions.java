package io.quarry.actor;

import io.quarry.type.BigintType;
import io.quarry.type.CharType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;

/**
 * Which query column types INSERT accepts for a table column, as Trino's implicit coercions: the same
 * type, NULL, a wider integer, an integer or decimal into a decimal that holds it, any number into
 * real/double, and character strings into varchar (values longer than the column are cut by the cast).
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
            return to instanceof VarcharType;
        }
        return false;
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
