package io.quarry.block;

import io.quarry.type.DecimalType;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one block of a given storage, value by value. Not thread-safe; {@link #build()} may be called
 * once. The typed appends must match the storage of the type the builder was created for.
 */
public final class BlockBuilder {
    private final Type type;
    private boolean[] nulls;
    private boolean hasNull;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private int[] offsets;
    private byte[] bytes;
    private int byteCount;
    private int positionCount;
    /** Arrays, maps and rows are built by their own builder; null for the flat storages. */
    private StructuralBlockBuilder nested;

    private BlockBuilder(Type type, int expectedPositions) {
        this.type = type;
        int capacity = Math.max(expectedPositions, 8);
        nulls = new boolean[capacity];
        switch (type.storage()) {
            case ARRAY, MAP, ROW -> nested = new StructuralBlockBuilder(type, expectedPositions);
            case LONG -> longs = new long[capacity];
            case DOUBLE -> doubles = new double[capacity];
            case BOOLEAN -> booleans = new boolean[capacity];
            case INT128 -> longs = new long[2 * capacity];
            case VARIABLE_WIDTH -> {
                offsets = new int[capacity + 1];
                bytes = new byte[capacity * 16];
            }
        }
    }

    public static BlockBuilder create(Type type, int expectedPositions) {
        return new BlockBuilder(type, expectedPositions);
    }

    public Type type() {
        return type;
    }

    public int positionCount() {
        return nested != null ? nested.positionCount() : positionCount;
    }

    private void ensureCapacity() {
        if (positionCount < nulls.length) {
            return;
        }
        int capacity = nulls.length * 2;
        nulls = Arrays.copyOf(nulls, capacity);
        switch (type.storage()) {
            case LONG -> longs = Arrays.copyOf(longs, capacity);
            case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
            case INT128 -> longs = Arrays.copyOf(longs, 2 * capacity);
            case VARIABLE_WIDTH -> offsets = Arrays.copyOf(offsets, capacity + 1);
        }
    }

    public BlockBuilder appendNull() {
        if (nested != null) {
            nested.appendNull();
            return this;
        }
        ensureCapacity();
        nulls[positionCount] = true;
        hasNull = true;
        if (offsets != null) {
            offsets[positionCount + 1] = byteCount;
        }
        positionCount++;
        return this;
    }

    public BlockBuilder appendLong(long value) {
        ensureCapacity();
        longs[positionCount++] = value;
        return this;
    }

    public BlockBuilder appendDouble(double value) {
        ensureCapacity();
        doubles[positionCount++] = value;
        return this;
    }

    public BlockBuilder appendBoolean(boolean value) {
        ensureCapacity();
        booleans[positionCount++] = value;
        return this;
    }

    public BlockBuilder appendInt128(long high, long low) {
        ensureCapacity();
        longs[2 * positionCount] = high;
        longs[2 * positionCount + 1] = low;
        positionCount++;
        return this;
    }

    public BlockBuilder appendBytes(byte[] value, int offset, int length) {
        ensureCapacity();
        if (byteCount + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, byteCount + length));
        }
        System.arraycopy(value, offset, bytes, byteCount, length);
        byteCount += length;
        offsets[positionCount + 1] = byteCount;
        positionCount++;
        return this;
    }

    public BlockBuilder appendBytes(byte[] value) {
        return appendBytes(value, 0, value.length);
    }

    public BlockBuilder appendString(String value) {
        return appendBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies the value at {@code position} of a block of the same storage. */
    public BlockBuilder append(Block block, int position) {
        if (nested != null) {
            nested.append(block, position);
            return this;
        }
        if (block.isNull(position)) {
            return appendNull();
        }
        if (block instanceof LongBlock b) {
            return appendLong(b.getLong(position));
        }
        if (block instanceof DoubleBlock b) {
            return appendDouble(b.getDouble(position));
        }
        if (block instanceof BooleanBlock b) {
            return appendBoolean(b.getBoolean(position));
        }
        if (block instanceof Int128Block b) {
            return appendInt128(b.getHigh(position), b.getLow(position));
        }
        VariableWidthBlock b = (VariableWidthBlock) block;
        return appendBytes(b.rawData(), b.offset(position), b.length(position));
    }

    /**
     * Appends a Java value as {@link Values#toObject} produces it: Long, Double, Boolean, String, byte[],
     * BigDecimal (decimals), BigInteger (long timestamps),
     * List (arrays, rows), Map (maps), or null.
     */
    public BlockBuilder appendObject(Object value) {
        if (nested != null) {
            nested.appendObject(value);
            return this;
        }
        if (value == null) {
            return appendNull();
        }
        switch (type.storage()) {
            case LONG -> {
                if (type instanceof DecimalType decimal) {
                    return appendLong(((BigDecimal) value).setScale(decimal.scale()).unscaledValue().longValueExact());
                }
                return appendLong(((Number) value).longValue());
            }
            case DOUBLE -> {
                return appendDouble(((Number) value).doubleValue());
            }
            case BOOLEAN -> {
                return appendBoolean((Boolean) value);
            }
            case INT128 -> {
                BigInteger unscaled = value instanceof BigInteger twoLongs
                        ? twoLongs : ((BigDecimal) value).setScale(((DecimalType) type).scale()).unscaledValue();
                return appendInt128(Int128.high(unscaled), Int128.low(unscaled));
            }
            case VARIABLE_WIDTH -> {
                return value instanceof byte[] raw ? appendBytes(raw) : appendString((String) value);
            }
            case ARRAY, MAP, ROW -> throw new IllegalStateException("nested values go to the nested builder");
        }
        throw new IllegalStateException("unreachable");
    }

    public Block build() {
        boolean[] mask = hasNull ? nulls : null;
        return switch (type.storage()) {
            case LONG -> new LongBlock(positionCount, mask, longs);
            case DOUBLE -> new DoubleBlock(positionCount, mask, doubles);
            case BOOLEAN -> new BooleanBlock(positionCount, mask, booleans);
            case INT128 -> new Int128Block(positionCount, mask, longs);
            case VARIABLE_WIDTH -> new VariableWidthBlock(positionCount, mask, offsets, bytes);
            case ARRAY, MAP, ROW -> nested.build();
        };
    }
}
