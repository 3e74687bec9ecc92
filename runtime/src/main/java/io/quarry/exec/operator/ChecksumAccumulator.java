package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.function.XxHash64;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.IpAddressType;
import io.quarry.type.MapType;
import io.quarry.type.RealType;
import io.quarry.type.RowType;
import io.quarry.type.TimestampWithTimeZoneType;
import io.quarry.type.Type;
import io.quarry.type.UuidType;
import java.util.Arrays;

/**
 * {@code checksum(x)}: an order-independent varbinary of 8 bytes, the sum over the rows of the xxHash64 of each
 * value times the xxHash prime 1 (the prime alone for a NULL), little-endian, as Trino computes it; NULL without
 * rows.
 */
final class ChecksumAccumulator implements SingleStepAccumulator {
    static final long PRIME = 0x9E3779B185EBCA87L;

    private final Type type;
    private long[] sums = new long[0];
    private boolean[] present = new boolean[0];

    ChecksumAccumulator(Type type) {
        this.type = type;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        if (sums.length < groupCount) {
            int capacity = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, capacity);
            present = Arrays.copyOf(present, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block block = arguments[0];
        for (int i = 0; i < count; i++) {
            int group = groupIds[i];
            present[group] = true;
            sums[group] += block.isNull(i) ? PRIME : hash(type, block, i) * PRIME;
        }
    }

    @Override
    public String functionName() {
        return "checksum";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        if (!present[group]) {
            out.appendNull();
            return;
        }
        byte[] bytes = new byte[8];
        long sum = sums[group];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (sum >>> (8 * i));
        }
        out.appendBytes(bytes);
    }

    @Override
    public long sizeInBytes() {
        return 9L * sums.length;
    }

    /** Trino's xxHash64 of the non-null value at {@code position}. */
    static long hash(Type type, Block block, int position) {
        if (EncodedBlocks.isEncoded(block)) {
            return hash(type, EncodedBlocks.valueBlock(block), EncodedBlocks.valuePosition(block, position));
        }
        if (block instanceof LongBlock b) {
            if (type instanceof TimestampWithTimeZoneType zoned && zoned.precision() <= 3) {
                // the instant alone (milliseconds, above the zone's 12 bits), as Trino hashes it
                return XxHash64.hash(b.getLong(position) >> 12);
            }
            if (type instanceof io.quarry.type.TimeWithTimeZoneType) {
                // the UTC time of day in nanoseconds, without the offset
                return XxHash64.hash(io.quarry.type.TimeWithTimeZoneType.utcNanos(b.getLong(position)));
            }
            return XxHash64.hash(b.getLong(position));
        }
        if (block instanceof DoubleBlock b) {
            double value = b.getDouble(position);
            // equal values hash alike: 0.0 and -0.0, and every NaN
            if (value == 0) {
                value = 0;
            }
            if (type instanceof RealType) {
                return XxHash64.hash(Float.floatToIntBits((float) value));
            }
            return XxHash64.hash(Double.doubleToLongBits(value));
        }
        if (block instanceof BooleanBlock b) {
            return XxHash64.hash(b.getBoolean(position) ? 1 : 0);
        }
        if (block instanceof VariableWidthBlock b && (type instanceof UuidType || type instanceof IpAddressType)) {
            // Trino holds these 16 bytes as two little-endian longs and hashes each
            byte[] data = b.rawData();
            int offset = b.offset(position);
            return XxHash64.hash(littleEndianLong(data, offset)) ^ XxHash64.hash(littleEndianLong(data, offset + 8));
        }
        if (block instanceof VariableWidthBlock b) {
            return XxHash64.hash(b.rawData(), b.offset(position), b.length(position));
        }
        if (block instanceof Int128Block b && type instanceof io.quarry.type.TimeWithTimeZoneType) {
            // a long time with time zone hashes its UTC time of day in picoseconds, its first long
            return XxHash64.hash(b.getHigh(position));
        }
        if (block instanceof Int128Block b) {
            // a long timestamp with time zone hashes its instant: the milliseconds without the zone, then the picoseconds
            long high = type instanceof TimestampWithTimeZoneType ? b.getHigh(position) >> 12 : b.getHigh(position);
            return XxHash64.hash(b.getLow(position)) ^ XxHash64.hash(high);
        }
        if (block instanceof ArrayBlock b && type instanceof ArrayType array) {
            return arrayHash(b, array, position, false);
        }
        if (block instanceof RowBlock b && type instanceof RowType row) {
            return rowHash(b, row, position);
        }
        if (block instanceof MapBlock b && type instanceof MapType map) {
            return mapHash(b, map, position, false);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "checksum of " + type.displayName() + " is not supported");
    }

    private static long littleEndianLong(byte[] data, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xFF);
        }
        return value;
    }

    /** An array's hash in Trino: from 0, times 31 plus each element's hash (of their hash codes inside a row). */
    private static long arrayHash(ArrayBlock block, ArrayType array, int position, boolean hashCodes) {
        long hash = 0;
        Block elements = block.elements();
        for (int i = block.offset(position); i < block.offset(position) + block.length(position); i++) {
            long elementHash = elements.isNull(i) ? 0
                    : hashCodes ? hashCode(array.elementType(), elements, i) : hash(array.elementType(), elements, i);
            hash = 31 * hash + elementHash;
        }
        return hash;
    }

    /**
     * A map's hash in Trino: the sum over the entries of the key's hash XOR the value's (0 for NULL), whatever their
     * order; of their hash codes inside a row.
     */
    private static long mapHash(MapBlock block, MapType map, int position, boolean hashCodes) {
        long hash = 0;
        for (int i = block.offset(position); i < block.offset(position) + block.length(position); i++) {
            long keyHash = hashCodes ? hashCode(map.keyType(), block.keys(), i) : hash(map.keyType(), block.keys(), i);
            long valueHash = block.values().isNull(i) ? 0
                    : hashCodes ? hashCode(map.valueType(), block.values(), i) : hash(map.valueType(), block.values(), i);
            hash += keyHash ^ valueHash;
        }
        return hash;
    }

    /** A row's hash in Trino: from 1, times 31 plus each field's hash code (0 for NULL), not its xxHash64. */
    private static long rowHash(RowBlock block, RowType row, int position) {
        long hash = 1;
        for (int field = 0; field < block.fieldCount(); field++) {
            Block values = block.field(field);
            hash = 31 * hash + (values.isNull(position) ? 0 : hashCode(row.fields().get(field).type(), values, position));
        }
        return hash;
    }

    /**
     * Trino's hash code of a non-null value, which a row combines over its fields: a multiply-rotate of integers
     * and floating-point bits; the xxHash64 for the other types (booleans, strings).
     */
    private static long hashCode(Type type, Block block, int position) {
        if (EncodedBlocks.isEncoded(block)) {
            return hashCode(type, EncodedBlocks.valueBlock(block), EncodedBlocks.valuePosition(block, position));
        }
        if (block instanceof LongBlock b && !(type instanceof io.quarry.type.DecimalType)) {
            return mixLong(b.getLong(position));
        }
        if (block instanceof DoubleBlock b) {
            double value = b.getDouble(position);
            if (value == 0) {
                value = 0;
            }
            return type instanceof RealType
                    ? mixLong(Float.floatToIntBits((float) value))
                    : mixLong(Double.doubleToLongBits(value));
        }
        if (block instanceof RowBlock b && type instanceof RowType row) {
            return rowHash(b, row, position);
        }
        if (block instanceof MapBlock b && type instanceof MapType map) {
            return mapHash(b, map, position, true);
        }
        if (block instanceof ArrayBlock b && type instanceof ArrayType array) {
            return arrayHash(b, array, position, true);
        }
        return hash(type, block, position);
    }

    private static long mixLong(long value) {
        return Long.rotateLeft(value * 0xC2B2AE3D27D4EB4FL, 31) * PRIME;
    }
}
