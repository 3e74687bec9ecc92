package io.quarry.exec.operator;

import io.quarry.block.BlockBuilder;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.DecimalType;
import io.quarry.type.RealType;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The answers of {@code approx_percentile}, a digest's doubles, as values of the function's result type. */
final class PercentileValues {
    private PercentileValues() {}

    /** The type of one answer: the result type, or its element type for an array of percentages. */
    static Type elementType(Type resultType) {
        return resultType instanceof ArrayType array ? array.elementType() : resultType;
    }

    static void append(BlockBuilder out, Type type, double value) {
        if (type.storage() == Storage.DOUBLE) {
            out.appendDouble(type instanceof RealType ? (float) value : value);
        } else {
            out.appendObject(toObject(type, value));
        }
    }

    /** The value as {@link BlockBuilder#appendObject} takes it for {@code type}. */
    static Object toObject(Type type, double value) {
        if (type instanceof DecimalType decimal) {
            return BigDecimal.valueOf(value).setScale(decimal.scale(), RoundingMode.HALF_UP);
        }
        if (type.storage() == Storage.DOUBLE) {
            return type instanceof RealType ? (double) (float) value : value;
        }
        if (type.storage() == Storage.LONG) {
            return Math.round(value);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "approx_percentile of " + type.displayName() + " is not supported");
    }
}
