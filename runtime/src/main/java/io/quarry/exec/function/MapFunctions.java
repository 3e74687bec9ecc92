package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code map_concat} (later maps win on equal keys; NULL if any map is NULL) and {@code multimap_from_entries}
 * (the values of equal keys gathered into an array, in entry order).
 */
final class MapFunctions {
    private MapFunctions() {}

    /** Where an entry of the result comes from: an argument and a position in its entry blocks. */
    private record Source(int argument, int position) {}

    static Block mapConcat(MapType type, Block[] arguments, int count) {
        BlockBuilder keys = BlockBuilder.create(type.keyType(), count);
        BlockBuilder values = BlockBuilder.create(type.valueType(), count);
        int[] offsets = new int[count + 1];
        boolean[] nulls = Blocks.unionNulls(arguments, count);
        Map<Object, Source> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (!Blocks.isNull(nulls, i)) {
                entries.clear();
                for (int a = 0; a < arguments.length; a++) {
                    MapBlock map = (MapBlock) arguments[a];
                    int start = map.rawOffsets()[i];
                    int end = map.rawOffsets()[i + 1];
                    for (int e = start; e < end; e++) {
                        Object key = ElementKeys.key(type.keyType(), map.keys(), e);
                        // a later map's value replaces the earlier one, at the key's first place
                        entries.put(key, new Source(a, e));
                    }
                }
                for (Source source : entries.values()) {
                    MapBlock map = (MapBlock) arguments[source.argument()];
                    keys.append(map.keys(), source.position());
                    values.append(map.values(), source.position());
                }
            }
            offsets[i + 1] = keys.positionCount();
        }
        return new MapBlock(count, nulls, offsets, keys.build(), values.build());
    }

    static Block multimapFromEntries(MapType type, Block[] arguments, int count) {
        ArrayBlock arrays = (ArrayBlock) arguments[0];
        RowBlock entries = (RowBlock) arrays.elements();
        Block entryKeys = entries.field(0);
        Block entryValues = entries.field(1);
        ArrayType valueArray = (ArrayType) type.valueType();
        BlockBuilder keys = BlockBuilder.create(type.keyType(), count);
        BlockBuilder values = BlockBuilder.create(valueArray.elementType(), count);
        int[] offsets = new int[count + 1];
        List<Integer> valueOffsets = new ArrayList<>();
        valueOffsets.add(0);
        boolean[] nulls = null;
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (arrays.isNull(i)) {
                nulls = nulls == null ? new boolean[count] : nulls;
                nulls[i] = true;
                offsets[i + 1] = keys.positionCount();
                continue;
            }
            groups.clear();
            for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                if (entries.isNull(e)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map entry cannot be null");
                }
                Object key = ElementKeys.key(type.keyType(), entryKeys, e);
                if (key == null) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
            for (List<Integer> positions : groups.values()) {
                keys.append(entryKeys, positions.get(0));
                for (int position : positions) {
                    values.append(entryValues, position);
                }
                valueOffsets.add(values.positionCount());
            }
            offsets[i + 1] = keys.positionCount();
        }
        int[] arrayOffsets = valueOffsets.stream().mapToInt(Integer::intValue).toArray();
        Block valueArrays = new ArrayBlock(arrayOffsets.length - 1, null, arrayOffsets, values.build());
        return new MapBlock(count, nulls, offsets, keys.build(), valueArrays);
    }
}
