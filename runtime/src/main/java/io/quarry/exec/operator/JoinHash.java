package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.page.Pages;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The build side of a join: all its rows in one page, and an open-addressing table over primitive arrays
 * from key to the first row with that key, the other rows with the same key chained through {@code next}.
 * Rows with a NULL in a key that is not null-safe never match and are left out of the table. With no keys
 * every row is a match for every probe row (nested-loop join). Immutable once built, so the probe drivers
 * of a task share it; only the visited flags of RIGHT and FULL joins change, from one probe driver.
 */
public final class JoinHash {
    private final Page rows;
    private final int rowCount;
    private final int[] keyChannels;
    private final boolean[] nullSafe;
    private final Block[] keys;
    private final boolean keyless;
    private final int[] table;
    private final int mask;
    private final int[] next;
    private final long[] rowHashes;
    /** The rows with a NULL in a key that is not null-safe: in no chain, but they make an IN unknown. */
    private final int[] nullKeyRows;
    /** The key values when there is exactly one long key: compared directly, no hash check. */
    private final long[] longKeys;
    private final boolean[] visited;
    /**
     * Whether keys match where they are not distinct, as in Trino's IN: NaN matches NaN, rows and arrays match
     * with NULL parts alike. In an equi-join neither NaN = NaN nor ROW(NULL) = ROW(NULL) is true.
     */
    private final boolean indistinctMatch;
    /** Per key: a double or real key, not null-safe, where NaN matches nothing (NaN = NaN is false); null when none is. */
    private final boolean[] nanRejectingKeys;

    private JoinHash(List<Type> types, Page rows, int[] keyChannels, boolean[] nullSafe, boolean indistinctMatch, boolean trackVisited) {
        this.rows = rows;
        this.rowCount = rows.positionCount();
        this.keyChannels = keyChannels.clone();
        this.nullSafe = nullSafe.clone();
        this.keys = new Block[keyChannels.length];
        for (int i = 0; i < keyChannels.length; i++) {
            keys[i] = EqualityKeys.of(types.get(keyChannels[i]), rows.block(keyChannels[i]));
        }
        this.keyless = keyChannels.length == 0;
        this.indistinctMatch = indistinctMatch;
        this.nanRejectingKeys = nanRejectingKeys(types, keyChannels, nullSafe, indistinctMatch);
        this.visited = trackVisited ? new boolean[rowCount] : null;
        this.longKeys = keys.length == 1 && keys[0] instanceof LongBlock longs ? longs.rawValues() : null;
        if (keyless) {
            table = new int[0];
            mask = 0;
            rowHashes = new long[0];
            next = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                next[row] = row + 1 < rowCount ? row + 1 : -1;
            }
            nullKeyRows = new int[0];
            return;
        }
        int capacity = Integer.highestOneBit(Math.max(16, rowCount * 2 - 1)) << 1;
        table = new int[capacity];
        Arrays.fill(table, -1);
        mask = capacity - 1;
        next = new int[rowCount];
        rowHashes = Hashing.hashRows(keys, rowCount);
        int[] nullRows = new int[0];
        int nullRowCount = 0;
        for (int row = 0; row < rowCount; row++) {
            if (hasExcludedNull(keys, row)) {
                if (nullRowCount == nullRows.length) {
                    nullRows = Arrays.copyOf(nullRows, Math.max(4, nullRowCount * 2));
                }
                nullRows[nullRowCount++] = row;
                continue;
            }
            if (hasRejectedNan(keys, row)) {
                continue;
            }
            long hash = rowHashes[row];
            int slot = (int) Hashing.mix(hash) & mask;
            while (true) {
                int head = table[slot];
                if (head < 0) {
                    table[slot] = row;
                    next[row] = -1;
                    break;
                }
                if (rowHashes[head] == hash && keysEqual(keys, head, keys, row)) {
                    // after the head: the chain keeps the key's rows together
                    next[row] = next[head];
                    next[head] = row;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        nullKeyRows = Arrays.copyOf(nullRows, nullRowCount);
    }

    /** Builds the table over {@code pages} (rows of {@code types}); {@code trackVisited} for RIGHT and FULL joins. */
    public static JoinHash build(
            List<Type> types, List<Page> pages, int[] keyChannels, boolean[] nullSafe, boolean indistinctMatch, boolean trackVisited) {
        Page all = Pages.concat(types, pages);
        return new JoinHash(types, all, keyChannels, nullSafe, indistinctMatch, trackVisited);
    }

    public Page rows() {
        return rows;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Whether some build row has a NULL in a key that is not null-safe (it matches nothing, but makes IN unknown). */
    public boolean hasNullKey() {
        return nullKeyRows.length > 0;
    }

    /** Whether the join has one key, and it is not null-safe: then any row matches a NULL probe key unknown. */
    public boolean hasSingleNullRejectingKey() {
        return keys.length == 1 && !nullSafe[0];
    }

    /**
     * The build rows that probe row {@code row} would match but for a NULL compared in a key that is not
     * null-safe: their null-safe keys not distinct from the probe's, each other key equal to the probe's or NULL
     * on either side, one NULL at least. The comparison with such a row is unknown, which makes {@code x IN (…)}
     * unknown where nothing matches. A probe row without NULL keys needs only the rows with one; a correlated IN
     * (its correlation in null-safe keys) only the rows of its own correlation.
     */
    public int[] unknownMatches(Block[] probeKeys, int row) {
        if (keyless) {
            return new int[0];
        }
        boolean probeNull = hasExcludedNull(probeKeys, row);
        int candidates = probeNull ? rowCount : nullKeyRows.length;
        int[] matches = new int[Math.min(candidates, 16)];
        int count = 0;
        for (int i = 0; i < candidates; i++) {
            int build = probeNull ? i : nullKeyRows[i];
            if (matchesUnlessUnknown(probeKeys, row, build)) {
                if (count == matches.length) {
                    matches = Arrays.copyOf(matches, count * 2);
                }
                matches[count++] = build;
            }
        }
        return Arrays.copyOf(matches, count);
    }

    private boolean matchesUnlessUnknown(Block[] probeKeys, int probeRow, int buildRow) {
        for (int i = 0; i < keys.length; i++) {
            boolean unknown = !nullSafe[i] && (probeKeys[i].isNull(probeRow) || keys[i].isNull(buildRow));
            if (!unknown && !valueEquals(probeKeys[i], probeRow, keys[i], buildRow, indistinctMatch || nullSafe[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first matching build row of each of the first {@code count} probe rows, or -1; {@code nullKeys}, when
     * not null, gets whether the probe row has a NULL in a key that is not null-safe.
     */
    public void lookup(Block[] probeKeys, int count, int[] heads, boolean[] nullKeys) {
        if (keyless) {
            Arrays.fill(heads, 0, count, rowCount > 0 ? 0 : -1);
            if (nullKeys != null) {
                Arrays.fill(nullKeys, 0, count, false);
            }
            return;
        }
        if (rowCount == 0) {
            Arrays.fill(heads, 0, count, -1);
            if (nullKeys != null) {
                for (int row = 0; row < count; row++) {
                    nullKeys[row] = hasExcludedNull(probeKeys, row);
                }
            }
            return;
        }
        long[] hashes = Hashing.hashRows(probeKeys, count);
        boolean mayHaveNull = false;
        for (Block key : probeKeys) {
            mayHaveNull |= key.mayHaveNull();
        }
        if (longKeys != null && !nullSafe[0] && probeKeys[0] instanceof LongBlock probeLongs) {
            long[] values = probeLongs.rawValues();
            for (int row = 0; row < count; row++) {
                if (mayHaveNull && probeLongs.isNull(row)) {
                    heads[row] = -1;
                    if (nullKeys != null) {
                        nullKeys[row] = true;
                    }
                    continue;
                }
                if (nullKeys != null) {
                    nullKeys[row] = false;
                }
                long value = values[row];
                if (row > 0 && value == values[row - 1] && !(mayHaveNull && probeLongs.isNull(row - 1))) {
                    // clustered probe keys (lineitem by order) look up each key once
                    heads[row] = heads[row - 1];
                    continue;
                }
                int slot = (int) Hashing.mix(hashes[row]) & mask;
                int found = -1;
                while (true) {
                    int head = table[slot];
                    if (head < 0) {
                        break;
                    }
                    if (longKeys[head] == value) {
                        found = head;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
                heads[row] = found;
            }
            return;
        }
        for (int row = 0; row < count; row++) {
            if (mayHaveNull && hasExcludedNull(probeKeys, row)) {
                heads[row] = -1;
                if (nullKeys != null) {
                    nullKeys[row] = true;
                }
                continue;
            }
            if (nullKeys != null) {
                nullKeys[row] = false;
            }
            if (hasRejectedNan(probeKeys, row)) {
                heads[row] = -1;
                continue;
            }
            long hash = hashes[row];
            int slot = (int) Hashing.mix(hash) & mask;
            int found = -1;
            while (true) {
                int head = table[slot];
                if (head < 0) {
                    break;
                }
                if (rowHashes[head] == hash && keysEqual(keys, head, probeKeys, row)) {
                    found = head;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            heads[row] = found;
        }
    }

    /** The next build row with the same key as {@code row}, or -1. */
    public int next(int row) {
        return next[row];
    }

    public void markVisited(int row) {
        visited[row] = true;
    }

    /** Whether a RIGHT or FULL join has matched build row {@code row}. */
    public boolean isVisited(int row) {
        return visited[row];
    }

    public long sizeInBytes() {
        return rows.sizeInBytes() + 4L * table.length + 4L * next.length + 8L * rowHashes.length
                + (visited == null ? 0 : visited.length);
    }

    /** Per key whether it rejects NaN; null when none does (no double keys), which keeps the hot loops free of the check. */
    private static boolean[] nanRejectingKeys(List<Type> types, int[] keyChannels, boolean[] nullSafe, boolean indistinctMatch) {
        boolean[] rejecting = new boolean[keyChannels.length];
        boolean any = false;
        for (int i = 0; i < keyChannels.length; i++) {
            rejecting[i] = !indistinctMatch && !nullSafe[i] && types.get(keyChannels[i]).storage() == Storage.DOUBLE;
            any |= rejecting[i];
        }
        return any ? rejecting : null;
    }

    private boolean hasRejectedNan(Block[] blocks, int row) {
        if (nanRejectingKeys == null) {
            return false;
        }
        for (int i = 0; i < blocks.length; i++) {
            if (nanRejectingKeys[i] && blocks[i] instanceof DoubleBlock doubles && Double.isNaN(doubles.getDouble(row))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasExcludedNull(Block[] blocks, int row) {
        for (int i = 0; i < blocks.length; i++) {
            if (!nullSafe[i] && blocks[i].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private boolean keysEqual(Block[] left, int leftRow, Block[] right, int rightRow) {
        for (int i = 0; i < left.length; i++) {
            if (!valueEquals(left[i], leftRow, right[i], rightRow, indistinctMatch || nullSafe[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Equality of two values of the same storage; NULL equals NULL (callers exclude NULLs where they must), NULL
     * parts of rows and arrays only with {@code indistinctMatch} (IN, IS NOT DISTINCT FROM).
     */
    static boolean valueEquals(Block left, int leftRow, Block right, int rightRow, boolean indistinctMatch) {
        boolean leftNull = left.isNull(leftRow);
        boolean rightNull = right.isNull(rightRow);
        if (leftNull || rightNull) {
            return leftNull && rightNull;
        }
        if (left instanceof LongBlock longs) {
            return longs.getLong(leftRow) == ((LongBlock) right).getLong(rightRow);
        }
        if (left instanceof VariableWidthBlock strings) {
            VariableWidthBlock other = (VariableWidthBlock) right;
            return strings.equalsBytes(leftRow, other.rawData(), other.offset(rightRow), other.length(rightRow));
        }
        if (left instanceof DoubleBlock doubles) {
            return Hashing.doubleBits(doubles.getDouble(leftRow)) == Hashing.doubleBits(((DoubleBlock) right).getDouble(rightRow));
        }
        if (left instanceof BooleanBlock booleans) {
            return booleans.getBoolean(leftRow) == ((BooleanBlock) right).getBoolean(rightRow);
        }
        if (left instanceof Int128Block int128) {
            Int128Block other = (Int128Block) right;
            return int128.getHigh(leftRow) == other.getHigh(rightRow) && int128.getLow(leftRow) == other.getLow(rightRow);
        }
        if (StructuralKeys.isStructural(left)) {
            return indistinctMatch
                ? StructuralKeys.equal(left, leftRow, right, rightRow)
                : StructuralKeys.joinEqual(left, leftRow, right, rightRow);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Joins on values of " + left.getClass().getSimpleName() + " are not supported");
    }
}
