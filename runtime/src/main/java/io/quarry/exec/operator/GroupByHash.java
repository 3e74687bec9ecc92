package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns dense group ids to distinct key rows: an open-addressing table of group ids over primitive arrays,
 * with the keys of each group kept column by column. Not thread-safe.
 */
public final class GroupByHash {
    private final List<Type> types;
    private final KeyColumn[] columns;
    private int[] table;
    private int mask;
    private long[] groupHashes = new long[1024];
    private int groupCount;

    public GroupByHash(List<Type> types) {
        this.types = List.copyOf(types);
        this.columns = new KeyColumn[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = KeyColumn.create(types.get(i));
        }
        table = new int[1024];
        Arrays.fill(table, -1);
        mask = table.length - 1;
    }

    public List<Type> types() {
        return types;
    }

    public int groupCount() {
        return groupCount;
    }

    /** Writes the group id of each of the first {@code count} rows of the key blocks into {@code groupIds}. */
    public void putRows(Block[] keys, int count, int[] groupIds) {
        long[] hashes = Hashing.hashRows(EqualityKeys.of(types, keys), count);
        for (int row = 0; row < count; row++) {
            long hash = hashes[row];
            if (row > 0 && hash == hashes[row - 1] && keysEqual(groupIds[row - 1], keys, row)) {
                // runs of equal keys (data clustered by the key) find their group once
                groupIds[row] = groupIds[row - 1];
                continue;
            }
            int slot = (int) Hashing.mix(hash) & mask;
            int group;
            while (true) {
                group = table[slot];
                if (group < 0) {
                    group = addGroup(keys, row, hash);
                    table[slot] = group;
                    if (groupCount * 4L > table.length * 3L) {
                        rehash();
                    }
                    break;
                }
                if (groupHashes[group] == hash && keysEqual(group, keys, row)) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[row] = group;
        }
    }

    private boolean keysEqual(int group, Block[] keys, int row) {
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].equalsAt(group, keys[i], row)) {
                return false;
            }
        }
        return true;
    }

    private int addGroup(Block[] keys, int row, long hash) {
        int group = groupCount++;
        if (group == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, group * 2);
        }
        groupHashes[group] = hash;
        for (int i = 0; i < columns.length; i++) {
            columns[i].append(keys[i], row);
        }
        return group;
    }

    private void rehash() {
        int[] newTable = new int[table.length * 2];
        Arrays.fill(newTable, -1);
        int newMask = newTable.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) Hashing.mix(groupHashes[group]) & newMask;
            while (newTable[slot] >= 0) {
                slot = (slot + 1) & newMask;
            }
            newTable[slot] = group;
        }
        table = newTable;
        mask = newMask;
    }

    /** The key blocks of groups {@code [from, to)}. */
    public Block[] keyBlocks(int from, int to) {
        Block[] blocks = new Block[columns.length];
        for (int i = 0; i < columns.length; i++) {
            blocks[i] = columns[i].build(from, to);
        }
        return blocks;
    }

    public long sizeInBytes() {
        long size = 4L * table.length + 8L * groupHashes.length;
        for (KeyColumn column : columns) {
            size += column.sizeInBytes();
        }
        return size;
    }

    /** The keys of one column, per group. */
    private abstract static class KeyColumn {
        protected boolean[] nulls = new boolean[1024];
        protected int size;

        static KeyColumn create(Type type) {
            return switch (type.storage()) {
                case LONG -> EqualityKeys.needsNormalizing(type) ? new ZonedKeys(EqualityKeys.key(type)) : new LongKeys();
                case DOUBLE -> new DoubleKeys();
                case BOOLEAN -> new BooleanKeys();
                case INT128 -> new Int128Keys(EqualityKeys.key(type), io.quarry.type.TemporalTypes.zoneFreeTail(type));
                case VARIABLE_WIDTH -> new BytesKeys();
                case ARRAY, MAP, ROW -> new StructuralKeyColumn(type);
            };
        }

        final void append(Block block, int position) {
            if (size == nulls.length) {
                nulls = Arrays.copyOf(nulls, size * 2);
                grow(size * 2);
            }
            boolean isNull = block.isNull(position);
            nulls[size] = isNull;
            appendValue(block, position, isNull);
            size++;
        }

        final boolean equalsAt(int group, Block block, int position) {
            boolean isNull = block.isNull(position);
            if (isNull || nulls[group]) {
                return isNull && nulls[group];
            }
            return valueEquals(group, block, position);
        }

        final boolean[] nullsOf(int from, int to) {
            boolean[] result = Arrays.copyOfRange(nulls, from, to);
            for (boolean isNull : result) {
                if (isNull) {
                    return result;
                }
            }
            return null;
        }

        abstract void grow(int capacity);

        abstract void appendValue(Block block, int position, boolean isNull);

        abstract boolean valueEquals(int group, Block block, int position);

        abstract Block build(int from, int to);

        abstract long sizeInBytes();
    }

    /** Arrays, maps and rows: each group's key kept as a one-position block of its own (not a hot path). */
    private static final class StructuralKeyColumn extends KeyColumn {
        private final Type type;
        private Block[] values = new Block[1024];
        private long bytes;

        StructuralKeyColumn(Type type) {
            this.type = type;
        }

        @Override
        void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            Block value = isNull ? null : BlockBuilder.create(type, 1)
                    .append(EncodedBlocks.valueBlock(block), EncodedBlocks.valuePosition(block, position)).build();
            values[size] = value;
            bytes += value == null ? 0 : value.sizeInBytes();
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            return StructuralKeys.equal(values[group], 0, block, position);
        }

        @Override
        Block build(int from, int to) {
            BlockBuilder out = BlockBuilder.create(type, to - from);
            for (int group = from; group < to; group++) {
                if (values[group] == null) {
                    out.appendNull();
                } else {
                    out.append(values[group], 0);
                }
            }
            return out.build();
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length + bytes;
        }
    }

    /** Times and timestamps with time zone: equal when their instants are, whatever the zone (the group keeps the first one seen). */
    private static final class ZonedKeys extends LongKeys {
        private final java.util.function.LongUnaryOperator key;

        ZonedKeys(java.util.function.LongUnaryOperator key) {
            this.key = key;
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            return key.applyAsLong(values[group]) == key.applyAsLong(((LongBlock) block).getLong(position));
        }
    }

    private static class LongKeys extends KeyColumn {
        long[] values = new long[1024];

        @Override
        void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            values[size] = isNull ? 0 : ((LongBlock) block).getLong(position);
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            return values[group] == ((LongBlock) block).getLong(position);
        }

        @Override
        Block build(int from, int to) {
            return new LongBlock(to - from, nullsOf(from, to), Arrays.copyOfRange(values, from, to));
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length;
        }
    }

    private static final class DoubleKeys extends KeyColumn {
        private double[] values = new double[1024];

        @Override
        void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            values[size] = isNull ? 0 : ((DoubleBlock) block).getDouble(position);
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            return Hashing.doubleBits(values[group]) == Hashing.doubleBits(((DoubleBlock) block).getDouble(position));
        }

        @Override
        Block build(int from, int to) {
            return new DoubleBlock(to - from, nullsOf(from, to), Arrays.copyOfRange(values, from, to));
        }

        @Override
        long sizeInBytes() {
            return 9L * values.length;
        }
    }

    private static final class BooleanKeys extends KeyColumn {
        private boolean[] values = new boolean[1024];

        @Override
        void grow(int capacity) {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            values[size] = !isNull && ((BooleanBlock) block).getBoolean(position);
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            return values[group] == ((BooleanBlock) block).getBoolean(position);
        }

        @Override
        Block build(int from, int to) {
            return new BooleanBlock(to - from, nullsOf(from, to), Arrays.copyOfRange(values, from, to));
        }

        @Override
        long sizeInBytes() {
            return 2L * values.length;
        }
    }

    /** Two longs per key; with a zone-free key for the first (a long timestamp with time zone), compared by it. */
    private static final class Int128Keys extends KeyColumn {
        private final java.util.function.LongUnaryOperator headKey;
        private final java.util.function.LongUnaryOperator tailKey;
        private long[] values = new long[2048];

        Int128Keys(java.util.function.LongUnaryOperator headKey, java.util.function.LongUnaryOperator tailKey) {
            this.headKey = headKey;
            this.tailKey = tailKey;
        }

        @Override
        void grow(int capacity) {
            values = Arrays.copyOf(values, 2 * capacity);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            values[2 * size] = isNull ? 0 : ((Int128Block) block).getHigh(position);
            values[2 * size + 1] = isNull ? 0 : ((Int128Block) block).getLow(position);
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            Int128Block int128 = (Int128Block) block;
            boolean heads = headKey == null
                    ? values[2 * group] == int128.getHigh(position)
                    : headKey.applyAsLong(values[2 * group]) == headKey.applyAsLong(int128.getHigh(position));
            return heads && tailKey.applyAsLong(values[2 * group + 1]) == tailKey.applyAsLong(int128.getLow(position));
        }

        @Override
        Block build(int from, int to) {
            return new Int128Block(to - from, nullsOf(from, to), Arrays.copyOfRange(values, 2 * from, 2 * to));
        }

        @Override
        long sizeInBytes() {
            return 17L * values.length / 2;
        }
    }

    private static final class BytesKeys extends KeyColumn {
        private int[] offsets = new int[1025];
        private byte[] data = new byte[16 * 1024];

        @Override
        void grow(int capacity) {
            offsets = Arrays.copyOf(offsets, capacity + 1);
        }

        @Override
        void appendValue(Block block, int position, boolean isNull) {
            int start = offsets[size];
            if (isNull) {
                offsets[size + 1] = start;
                return;
            }
            VariableWidthBlock strings = (VariableWidthBlock) block;
            int length = strings.length(position);
            if (start + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, start + length));
            }
            System.arraycopy(strings.rawData(), strings.offset(position), data, start, length);
            offsets[size + 1] = start + length;
        }

        @Override
        boolean valueEquals(int group, Block block, int position) {
            VariableWidthBlock strings = (VariableWidthBlock) block;
            return strings.equalsBytes(position, data, offsets[group], offsets[group + 1] - offsets[group]);
        }

        @Override
        Block build(int from, int to) {
            int base = offsets[from];
            int[] newOffsets = new int[to - from + 1];
            for (int i = 0; i <= to - from; i++) {
                newOffsets[i] = offsets[from + i] - base;
            }
            return new VariableWidthBlock(to - from, nullsOf(from, to), newOffsets, Arrays.copyOfRange(data, base, offsets[to]));
        }

        @Override
        long sizeInBytes() {
            return data.length + 5L * offsets.length;
        }
    }
}
