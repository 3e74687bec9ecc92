package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.plan.SortKey;
import java.util.List;

/** Orders rows of pages by sort keys: direction per key, NULLs first or last as the key says. */
final class RowComparator {
    private final SortKey[] keys;
    /** Per key, the type of its channel. */
    private final io.quarry.type.Type[] keyTypes;
    /** Per key, the key its longs compare by without their zone, or null (see {@link EqualityKeys}). */
    private final java.util.function.LongUnaryOperator[] withoutZone;
    /** Per key of two longs, the key its second long compares by without the zone (see {@link io.quarry.type.TemporalTypes#zoneFreeTail}). */
    private final java.util.function.LongUnaryOperator[] tailWithoutZone;

    /**
     * A comparator for which values equal in SQL are equal (partitions and peer groups of windows), and which orders
     * values with a zone by their instant alone (a zone never decides before the picoseconds).
     */
    RowComparator(List<SortKey> keys, List<io.quarry.type.Type> types) {
        this.keys = keys.toArray(SortKey[]::new);
        this.keyTypes = new io.quarry.type.Type[this.keys.length];
        this.withoutZone = new java.util.function.LongUnaryOperator[this.keys.length];
        this.tailWithoutZone = new java.util.function.LongUnaryOperator[this.keys.length];
        for (int i = 0; i < this.keys.length; i++) {
            keyTypes[i] = types.get(this.keys[i].channel());
            withoutZone[i] = EqualityKeys.key(types.get(this.keys[i].channel()));
            tailWithoutZone[i] = io.quarry.type.TemporalTypes.zoneFreeTail(types.get(this.keys[i].channel()));
        }
    }

    int compare(Page left, int leftPosition, Page right, int rightPosition) {
        for (int k = 0; k < keys.length; k++) {
            SortKey key = keys[k];
            Block a = left.block(key.channel());
            Block b = right.block(key.channel());
            boolean aNull = a.isNull(leftPosition);
            boolean bNull = b.isNull(rightPosition);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                // NULL placement does not flip with the direction
                return aNull == key.nullsFirst() ? -1 : 1;
            }
            int comparison = withoutZone[k] != null
                    ? compareWithoutZone(withoutZone[k], tailWithoutZone[k], a, leftPosition, b, rightPosition)
                    : compareValues(keyTypes[k], a, leftPosition, b, rightPosition);
            if (comparison != 0) {
                return key.ascending() ? comparison : -comparison;
            }
        }
        return 0;
    }

    /** Two values by the key of their first long, then (values of two longs) by the key of their second. */
    private static int compareWithoutZone(java.util.function.LongUnaryOperator key, java.util.function.LongUnaryOperator tailKey,
            Block a, int leftPosition, Block b, int rightPosition) {
        if (a instanceof Int128Block x) {
            Int128Block y = (Int128Block) b;
            int heads = Long.compare(key.applyAsLong(x.getHigh(leftPosition)), key.applyAsLong(y.getHigh(rightPosition)));
            return heads != 0 ? heads : Long.compare(tailKey.applyAsLong(x.getLow(leftPosition)), tailKey.applyAsLong(y.getLow(rightPosition)));
        }
        return Long.compare(key.applyAsLong(((LongBlock) a).getLong(leftPosition)), key.applyAsLong(((LongBlock) b).getLong(rightPosition)));
    }

    static int compareValues(io.quarry.type.Type type, Block a, int leftPosition, Block b, int rightPosition) {
        if (a instanceof LongBlock x) {
            return Long.compare(x.getLong(leftPosition), ((LongBlock) b).getLong(rightPosition));
        }
        if (a instanceof DoubleBlock x) {
            return Double.compare(x.getDouble(leftPosition) + 0.0, ((DoubleBlock) b).getDouble(rightPosition) + 0.0);
        }
        if (a instanceof VariableWidthBlock x) {
            return x.compare(leftPosition, (VariableWidthBlock) b, rightPosition);
        }
        if (a instanceof BooleanBlock x) {
            return Boolean.compare(x.getBoolean(leftPosition), ((BooleanBlock) b).getBoolean(rightPosition));
        }
        if (StructuralKeys.isStructural(a) || StructuralKeys.isStructural(b)) {
            return StructuralKeys.compare(type, a, leftPosition, b, rightPosition);
        }
        Int128Block x = (Int128Block) a;
        Int128Block y = (Int128Block) b;
        return io.quarry.type.TemporalTypes.compareTwoLongs(type, x.getHigh(leftPosition), x.getLow(leftPosition),
                y.getHigh(rightPosition), y.getLow(rightPosition));
    }
}
