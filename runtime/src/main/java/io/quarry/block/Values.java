package io.quarry.block;

import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import io.quarry.type.UuidType;
import io.quarry.type.VarbinaryType;
import java.math.BigDecimal;

/** Reads single values out of blocks as Java objects, for results, literals and tests (not for hot loops). */
public final class Values {
    private Values() {}

    /**
     * The value at {@code position} as Long (integer types, date as days), Double, Boolean, String
     * (varchar, char), byte[] (varbinary), BigDecimal (decimal), BigInteger (the two longs of a long timestamp),
     * List (array, row: the fields in order) or LinkedHashMap (map); null for SQL NULL.
     */
    public static Object toObject(Type type, Block block, int position) {
        if (block.isNull(position)) {
            return null;
        }
        if (EncodedBlocks.isEncoded(block)) {
            return toObject(type, EncodedBlocks.valueBlock(block), EncodedBlocks.valuePosition(block, position));
        }
        if (block instanceof LongBlock b) {
            return type instanceof DecimalType decimal
                    ? BigDecimal.valueOf(b.getLong(position), decimal.scale())
                    : Long.valueOf(b.getLong(position));
        }
        if (block instanceof DoubleBlock b) {
            return b.getDouble(position);
        }
        if (block instanceof BooleanBlock b) {
            return b.getBoolean(position);
        }
        if (block instanceof Int128Block b) {
            // a long timestamp's two longs as one number (see TimestampType)
            return type instanceof DecimalType decimal ? new BigDecimal(b.getBigInteger(position), decimal.scale()) : b.getBigInteger(position);
        }
        if (block instanceof ArrayBlock || block instanceof MapBlock || block instanceof RowBlock) {
            return StructuralValues.toObject(type, block, position);
        }
        VariableWidthBlock b = (VariableWidthBlock) block;
        boolean binary = type instanceof VarbinaryType || type instanceof UuidType || type instanceof io.quarry.type.IpAddressType
                || type instanceof io.quarry.type.HyperLogLogType || type instanceof io.quarry.type.SetDigestType
                || type instanceof io.quarry.type.TDigestType || type instanceof io.quarry.type.QuantileDigestType;
        return binary ? b.getBytes(position) : b.getString(position);
    }
}
