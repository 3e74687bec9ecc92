package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.JsonType;
import io.quarry.type.MapType;
import io.quarry.type.RealType;
import io.quarry.type.RowType;
import io.quarry.type.SmallintType;
import io.quarry.type.TimestampType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;

/**
 * Which casts to and from json Trino accepts when it analyses a statement; the others fail there with
 * TYPE_MISMATCH, before anything runs. Map keys are only checked for being scalar here: Trino refuses a map key it
 * cannot write or read (a date, a json) when the cast runs, with INVALID_CAST_ARGUMENT.
 */
final class JsonCastRules {
    private JsonCastRules() {}

    /** Fails with Trino's TYPE_MISMATCH if {@code source} to {@code target} is a json cast Trino refuses. */
    static void check(Type source, Type target) {
        if (source instanceof JsonType && target instanceof JsonType) {
            return;
        }
        if (target instanceof JsonType && !castsToJson(source)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to json");
        }
        if (source instanceof JsonType && !castsFromJson(target)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast json to " + target.displayName());
        }
    }

    private static boolean castsToJson(Type type) {
        if (type instanceof ArrayType array) {
            return castsToJson(array.elementType());
        }
        if (type instanceof MapType map) {
            return !isStructural(map.keyType()) && castsToJson(map.valueType());
        }
        if (type instanceof RowType row) {
            return row.fieldTypes().stream().allMatch(JsonCastRules::castsToJson);
        }
        // not char(n), varbinary, time, timestamp with time zone nor the intervals
        return isReadable(type) || type instanceof DateType || type instanceof TimestampType || type instanceof UnknownType;
    }

    private static boolean castsFromJson(Type type) {
        if (type instanceof ArrayType array) {
            return castsFromJson(array.elementType());
        }
        if (type instanceof MapType map) {
            return !isStructural(map.keyType()) && castsFromJson(map.valueType());
        }
        if (type instanceof RowType row) {
            return row.fieldTypes().stream().allMatch(JsonCastRules::castsFromJson);
        }
        return isReadable(type) || type instanceof UnknownType;
    }

    /** The scalar types json casts to: boolean, the numbers, varchar and json. */
    private static boolean isReadable(Type type) {
        return type instanceof BooleanType || type instanceof TinyintType || type instanceof SmallintType
                || type instanceof IntegerType || type instanceof BigintType || type instanceof RealType
                || type instanceof DoubleType || type instanceof DecimalType || type instanceof VarcharType
                || type instanceof JsonType;
    }

    private static boolean isStructural(Type type) {
        return type instanceof ArrayType || type instanceof MapType || type instanceof RowType;
    }
}
