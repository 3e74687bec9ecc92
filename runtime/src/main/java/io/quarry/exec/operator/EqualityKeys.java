package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Key columns as hashing and key equality see them. Most types compare by their stored form; a time or timestamp with
 * time zone holds its zone beside its instant, and values equal in SQL ({@code 01:00 +01:00} and {@code 00:00 +00:00})
 * differ only in it, so grouping, joining and hash partitioning compare that column without the zone.
 */
final class EqualityKeys {
    private EqualityKeys() {}

    /** Whether values of the type need {@link #of(Type, Block)} before they are hashed or compared. */
    static boolean needsNormalizing(Type type) {
        return key(type) != null;
    }

    /** The key a stored long of the type compares by, or null where the stored long is the key. */
    static LongUnaryOperator key(Type type) {
        return TemporalTypes.zoneFreeKey(type);
    }

    /** The block as keys compare: the same block for most types. */
    static Block of(Type type, Block block) {
        LongUnaryOperator key = key(type);
        if (key == null) {
            return block;
        }
        Block flat = EncodedBlocks.flatten(block);
        if (flat instanceof Int128Block pairs) {
            // a long timestamp with time zone: the zone leaves the first long, the picoseconds stay; a long time with
            // time zone: the offset leaves the second long
            LongUnaryOperator tailKey = TemporalTypes.zoneFreeTail(type);
            int count = pairs.positionCount();
            long[] keys = new long[2 * count];
            boolean[] nulls = pairs.mayHaveNull() ? new boolean[count] : null;
            for (int i = 0; i < count; i++) {
                if (pairs.isNull(i)) {
                    nulls[i] = true;
                } else {
                    keys[2 * i] = key.applyAsLong(pairs.getHigh(i));
                    keys[2 * i + 1] = tailKey.applyAsLong(pairs.getLow(i));
                }
            }
            return new Int128Block(count, nulls, keys);
        }
        LongBlock values = (LongBlock) flat;
        int count = values.positionCount();
        long[] keys = new long[count];
        boolean[] nulls = values.mayHaveNull() ? new boolean[count] : null;
        for (int i = 0; i < count; i++) {
            if (values.isNull(i)) {
                nulls[i] = true;
            } else {
                keys[i] = key.applyAsLong(values.getLong(i));
            }
        }
        return new LongBlock(count, nulls, keys);
    }

    /** Each block as keys compare; {@code types.get(i)} is the type of {@code blocks[i]}. */
    static Block[] of(List<Type> types, Block[] blocks) {
        Block[] result = blocks;
        for (int i = 0; i < blocks.length; i++) {
            if (needsNormalizing(types.get(i))) {
                result = result == blocks ? blocks.clone() : result;
                result[i] = of(types.get(i), blocks[i]);
            }
        }
        return result;
    }
}
