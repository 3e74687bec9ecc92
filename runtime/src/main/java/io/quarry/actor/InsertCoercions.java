package io.quarry.actor;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TimeType;
import io.quarry.type.TimestampType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.util.List;

/**
 * Which query column types INSERT accepts for a table column, as Trino 476 does: the same type, NULL, any
 * number into any number (a value out of the column's range fails the statement), dates and timestamps with
 * or without a zone into one another, times into times (with a zone into times with a zone), character strings into varchar and char, and
 * arrays, maps and rows whose parts are accepted.
 */
final class InsertCoercions {
    private InsertCoercions() {}

    static boolean canCoerce(Type from, Type to) {
        return canCoerce(from, to, false);
    }

    /**
     * Inside arrays, maps and rows a text goes only where it fits without a cut (Trino's implicit coercions): a
     * varchar(n) or char(n) into a char or varchar at least as long, a char into an unbounded varchar too, an
     * unbounded varchar only into an unbounded varchar; a top-level text is checked value by value instead.
     */
    private static boolean canCoerce(Type from, Type to, boolean nested) {
        if (from.equals(to) || from instanceof UnknownType) {
            return true;
        }
        if (nested && isText(from) && isText(to)) {
            return fitsNested(from, to);
        }
        if (isNumber(from) && isNumber(to) || isPointInTime(from) && isPointInTime(to) || isText(from) && isText(to)
                || from instanceof TimeType && to instanceof TimeType
                || from instanceof io.quarry.type.TimeWithTimeZoneType && to instanceof io.quarry.type.TimeWithTimeZoneType) {
            return true;
        }
        if (from instanceof ArrayType source && to instanceof ArrayType target) {
            return canCoerce(source.elementType(), target.elementType(), true);
        }
        if (from instanceof MapType source && to instanceof MapType target) {
            return canCoerce(source.keyType(), target.keyType(), true) && canCoerce(source.valueType(), target.valueType(), true);
        }
        if (from instanceof RowType source && to instanceof RowType target) {
            if (source.fields().size() != target.fields().size()) {
                return false;
            }
            for (int i = 0; i < source.fields().size(); i++) {
                if (!canCoerce(source.fieldTypes().get(i), target.fieldTypes().get(i), true)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean fitsNested(Type from, Type to) {
        if (to instanceof VarcharType target && target.isUnbounded()) {
            return true;
        }
        if (from instanceof VarcharType source && source.isUnbounded()) {
            return false;
        }
        int length = from instanceof CharType fixed ? fixed.length() : ((VarcharType) from).length();
        if (to instanceof CharType target) {
            return length <= target.length();
        }
        return from instanceof VarcharType && length <= ((VarcharType) to).length();
    }

    private static boolean isNumber(Type type) {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType
                || type instanceof BigintType || type instanceof DecimalType || type instanceof RealType
                || type instanceof DoubleType;
    }

    private static boolean isPointInTime(Type type) {
        return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampWithTimeZoneType;
    }

    private static boolean isText(Type type) {
        return type instanceof VarcharType || type instanceof CharType;
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
        if (isText(from) && (to instanceof CharType || to instanceof VarcharType varchar && !varchar.isUnbounded())
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
}
