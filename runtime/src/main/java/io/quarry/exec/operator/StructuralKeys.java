package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.Arrays;

/**
 * Arrays, maps and rows as keys (GROUP BY, DISTINCT, joins, hash partitioning, ORDER BY): a stable hash, an
 * equality of values in which NULL parts match NULL parts, as grouping wants (joins want SQL's equality), and an order. A map's hash does not depend on the order of its
 * entries, since maps with the same entries are equal.
 */
final class StructuralKeys {
    private static final long NULL_HASH = 0x2545F4914F6CDD1DL;

    private StructuralKeys() {}

    static boolean isStructural(Block block) {
        return block instanceof ArrayBlock || block instanceof MapBlock || block instanceof RowBlock;
    }

    /** The hash of the value at a position, through every level of nesting. */
    static long hash(Block block, int position) {
        if (block.isNull(position)) {
            return NULL_HASH;
        }
        if (EncodedBlocks.isEncoded(block)) {
            return hash(EncodedBlocks.valueBlock(block), EncodedBlocks.valuePosition(block, position));
        }
        if (block instanceof LongBlock longs) {
            return Hashing.mix(longs.getLong(position));
        }
        if (block instanceof DoubleBlock doubles) {
            return Hashing.mix(Hashing.doubleBits(doubles.getDouble(position)));
        }
        if (block instanceof BooleanBlock booleans) {
            return booleans.getBoolean(position) ? 1231 : 1237;
        }
        if (block instanceof Int128Block int128) {
            return Hashing.mix(int128.getHigh(position) * 31 + Hashing.mix(int128.getLow(position)));
        }
        if (block instanceof ArrayBlock array) {
            long hash = array.length(position);
            for (int e = array.offset(position), end = e + array.length(position); e < end; e++) {
                hash = hash * 31 + hash(array.elements(), e);
            }
            return Hashing.mix(hash);
        }
        if (block instanceof MapBlock map) {
            long hash = map.length(position);
            for (int e = map.offset(position), end = e + map.length(position); e < end; e++) {
                hash += Hashing.mix(hash(map.keys(), e) * 31 + hash(map.values(), e));
            }
            return Hashing.mix(hash);
        }
        if (block instanceof RowBlock row) {
            long hash = row.fieldCount();
            for (int field = 0; field < row.fieldCount(); field++) {
                hash = hash * 31 + hash(row.field(field), position);
            }
            return Hashing.mix(hash);
        }
        VariableWidthBlock strings = (VariableWidthBlock) block;
        return Hashing.hashBytes(strings.rawData(), strings.offset(position), strings.offset(position) + strings.length(position));
    }

    /** Whether two values are the same key: NULL matches NULL at every level, 0.0 matches -0.0, NaN matches NaN. */
    static boolean equal(Block left, int leftPosition, Block right, int rightPosition) {
        return equal(left, leftPosition, right, rightPosition, true);
    }

    /** Whether two values join: as {@link #equal}, but a NULL part matches nothing, as SQL's equality has it. */
    static boolean joinEqual(Block left, int leftPosition, Block right, int rightPosition) {
        return equal(left, leftPosition, right, rightPosition, false);
    }

    private static boolean equal(Block left, int leftPosition, Block right, int rightPosition, boolean nullsMatch) {
        boolean leftNull = left.isNull(leftPosition);
        boolean rightNull = right.isNull(rightPosition);
        if (leftNull || rightNull) {
            return nullsMatch && leftNull && rightNull;
        }
        if (EncodedBlocks.isEncoded(left)) {
            return equal(EncodedBlocks.valueBlock(left), EncodedBlocks.valuePosition(left, leftPosition), right, rightPosition, nullsMatch);
        }
        if (EncodedBlocks.isEncoded(right)) {
            return equal(left, leftPosition, EncodedBlocks.valueBlock(right), EncodedBlocks.valuePosition(right, rightPosition), nullsMatch);
        }
        if (left instanceof LongBlock a) {
            return a.getLong(leftPosition) == ((LongBlock) right).getLong(rightPosition);
        }
        if (left instanceof DoubleBlock a) {
            return Hashing.doubleBits(a.getDouble(leftPosition)) == Hashing.doubleBits(((DoubleBlock) right).getDouble(rightPosition));
        }
        if (left instanceof BooleanBlock a) {
            return a.getBoolean(leftPosition) == ((BooleanBlock) right).getBoolean(rightPosition);
        }
        if (left instanceof Int128Block a) {
            Int128Block b = (Int128Block) right;
            return a.getHigh(leftPosition) == b.getHigh(rightPosition) && a.getLow(leftPosition) == b.getLow(rightPosition);
        }
        if (left instanceof ArrayBlock a) {
            ArrayBlock b = (ArrayBlock) right;
            int length = a.length(leftPosition);
            if (length != b.length(rightPosition)) {
                return false;
            }
            for (int e = 0; e < length; e++) {
                if (!equal(a.elements(), a.offset(leftPosition) + e, b.elements(), b.offset(rightPosition) + e, nullsMatch)) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof MapBlock a) {
            return mapsEqual(a, leftPosition, (MapBlock) right, rightPosition, nullsMatch);
        }
        if (left instanceof RowBlock a) {
            RowBlock b = (RowBlock) right;
            for (int field = 0; field < a.fieldCount(); field++) {
                if (!equal(a.field(field), leftPosition, b.field(field), rightPosition, nullsMatch)) {
                    return false;
                }
            }
            return true;
        }
        VariableWidthBlock a = (VariableWidthBlock) left;
        VariableWidthBlock b = (VariableWidthBlock) right;
        int aStart = a.offset(leftPosition);
        int bStart = b.offset(rightPosition);
        return Arrays.equals(a.rawData(), aStart, aStart + a.length(leftPosition), b.rawData(), bStart, bStart + b.length(rightPosition));
    }

    /** Same entries, in any order (keys are unique within a map). */
    private static boolean mapsEqual(MapBlock a, int leftPosition, MapBlock b, int rightPosition, boolean nullsMatch) {
        int length = a.length(leftPosition);
        if (length != b.length(rightPosition)) {
            return false;
        }
        for (int e = a.offset(leftPosition), end = e + length; e < end; e++) {
            boolean found = false;
            for (int f = b.offset(rightPosition), fEnd = f + length; f < fEnd && !found; f++) {
                found = equal(a.keys(), e, b.keys(), f, true) && equal(a.values(), e, b.values(), f, nullsMatch);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * The order of two non-null arrays or rows: part by part, then the shorter array first. A NULL part reached
     * on the way fails, as in Trino; maps have no order.
     */
    static int compare(Type type, Block left, int leftPosition, Block right, int rightPosition) {
        if (EncodedBlocks.isEncoded(left)) {
            return compare(type, EncodedBlocks.valueBlock(left), EncodedBlocks.valuePosition(left, leftPosition), right, rightPosition);
        }
        if (EncodedBlocks.isEncoded(right)) {
            return compare(type, left, leftPosition, EncodedBlocks.valueBlock(right), EncodedBlocks.valuePosition(right, rightPosition));
        }
        if (left instanceof ArrayBlock a) {
            ArrayBlock b = (ArrayBlock) right;
            int leftLength = a.length(leftPosition);
            int rightLength = b.length(rightPosition);
            for (int e = 0; e < Math.min(leftLength, rightLength); e++) {
                int order = comparePart(((io.quarry.type.ArrayType) type).elementType(), a.elements(), a.offset(leftPosition) + e, b.elements(), b.offset(rightPosition) + e,
                        "ARRAY comparison not supported for arrays with null elements");
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(leftLength, rightLength);
        }
        if (left instanceof RowBlock a) {
            RowBlock b = (RowBlock) right;
            for (int field = 0; field < a.fieldCount(); field++) {
                int order = comparePart(((io.quarry.type.RowType) type).fieldTypes().get(field), a.field(field), leftPosition, b.field(field), rightPosition,
                        "ROW comparison not supported for fields with null elements");
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Maps are not orderable");
    }

    private static int comparePart(Type type, Block left, int leftPosition, Block right, int rightPosition, String nullMessage) {
        if (left.isNull(leftPosition) || right.isNull(rightPosition)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, nullMessage);
        }
        return RowComparator.compareValues(type, left, leftPosition, right, rightPosition);
    }
}
