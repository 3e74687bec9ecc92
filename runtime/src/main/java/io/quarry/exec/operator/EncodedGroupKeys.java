package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.RunLengthBlock;
import java.util.Arrays;

/**
 * Group ids for rows whose key blocks are all dictionary or run-length encoded: each combination of dictionary
 * entries that occurs is hashed and looked up in the {@link GroupByHash} once, and the rows take the group id of
 * their combination (TPC-H Q1 groups by two flags of a few values each). The ids per combination are kept while the
 * next pages share the same dictionaries. Groups are created in the order their first rows come, as row by row.
 * Not thread-safe: one per operator.
 */
final class EncodedGroupKeys {
    /** More combinations than this, or than the page has rows, and the keys are decoded instead. */
    private static final int MAX_COMBINATIONS = 1 << 14;

    private final GroupByHash groupByHash;
    private Block[] lastDictionaries;
    private int[] lastGroupIds;

    EncodedGroupKeys(GroupByHash groupByHash) {
        this.groupByHash = groupByHash;
    }

    /** Whether every key block is encoded with few enough combinations for {@link #putRows}. */
    static boolean applies(Block[] keys, int count) {
        long combinations = 1;
        for (Block key : keys) {
            if (key instanceof DictionaryBlock dictionary) {
                combinations *= dictionary.dictionary().positionCount();
            } else if (!(key instanceof RunLengthBlock)) {
                return false;
            }
            if (combinations > Math.min(count, MAX_COMBINATIONS)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the group id of each of the first {@code count} rows into {@code groupIds}; the keys satisfy {@link #applies}. */
    void putRows(Block[] keys, int count, int[] groupIds) {
        Block[] dictionaries = new Block[keys.length];
        int[] sizes = new int[keys.length];
        int combinations = 1;
        int[] codes = new int[count];
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] instanceof DictionaryBlock dictionary) {
                dictionaries[k] = dictionary.dictionary();
                sizes[k] = dictionaries[k].positionCount();
                int[] ids = dictionary.rawIds();
                int size = sizes[k];
                for (int row = 0; row < count; row++) {
                    codes[row] = codes[row] * size + ids[row];
                }
            } else {
                dictionaries[k] = ((RunLengthBlock) keys[k]).value();
                sizes[k] = 1;
            }
            combinations *= sizes[k];
        }
        int[] groupIdsByCode;
        if (lastDictionaries != null && Arrays.equals(lastDictionaries, dictionaries, (a, b) -> a == b ? 0 : 1)) {
            groupIdsByCode = lastGroupIds;
        } else {
            groupIdsByCode = new int[combinations];
            Arrays.fill(groupIdsByCode, -1);
            lastDictionaries = dictionaries;
            lastGroupIds = groupIdsByCode;
        }
        // the combinations without a group yet, in the order of their first rows
        int[] missing = new int[Math.min(combinations, count)];
        int missingCount = 0;
        for (int row = 0; row < count; row++) {
            int code = codes[row];
            if (groupIdsByCode[code] == -1) {
                groupIdsByCode[code] = -2;
                missing[missingCount++] = code;
            }
        }
        if (missingCount > 0) {
            Block[] missingKeys = new Block[keys.length];
            int[] positions = new int[missingCount];
            int divisor = combinations;
            for (int k = 0; k < keys.length; k++) {
                divisor /= sizes[k];
                for (int i = 0; i < missingCount; i++) {
                    positions[i] = (missing[i] / divisor) % sizes[k];
                }
                missingKeys[k] = dictionaries[k].copyPositions(positions, missingCount);
            }
            int[] newGroupIds = new int[missingCount];
            groupByHash.putRows(missingKeys, missingCount, newGroupIds);
            for (int i = 0; i < missingCount; i++) {
                groupIdsByCode[missing[i]] = newGroupIds[i];
            }
        }
        for (int row = 0; row < count; row++) {
            groupIds[row] = groupIdsByCode[codes[row]];
        }
    }
}
