package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.Values;
import io.quarry.exec.function.ElementKeys;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.SortKey;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregates that build a map per group: {@code histogram(x)} (each distinct non-null value and its count),
 * {@code multimap_agg(k, v)} (each non-null key and the array of its values) and {@code map_union(m)} (the
 * entries of all maps, the first value of a key kept); their intermediate state is their result. Also the
 * {@code bitwise_and_agg}, {@code bitwise_or_agg} and {@code bitwise_xor_agg} of bigints (NULL without input).
 */
final class MapBuildingAccumulators {
    static final Set<String> FUNCTIONS = Set.of(
            "histogram", "multimap_agg", "map_union", "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg");

    private MapBuildingAccumulators() {}

    static boolean handles(String function) {
        return FUNCTIONS.contains(function);
    }

    static Accumulator create(AggregateCall call) {
        return switch (call.function()) {
            case "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg" -> new Bitwise(call.function());
            default -> new MapBuilding(call.function(), (MapType) call.resultType(), call.orderBy(),
                    call.argumentTypes().subList(call.argumentTypes().size() - call.orderBy().size(), call.argumentTypes().size()));
        };
    }

    /** One map per group, keyed by the element key of each map key; each entry keeps the key and its value state. */
    private static final class MapBuilding implements Accumulator {
        private final String function;
        private final MapType type;
        private final List<Map<Object, Object[]>> groups = new ArrayList<>();
        private long entries;
        /** multimap_agg(k, v ORDER BY …): each value is kept with its sort keys, as {value, key…}, and sorted when written. */
        private final List<SortKey> orderBy;
        private final List<Type> sortKeyTypes;

        MapBuilding(String function, MapType type, List<SortKey> orderBy, List<Type> sortKeyTypes) {
            this.function = function;
            this.type = type;
            this.orderBy = List.copyOf(orderBy);
            this.sortKeyTypes = List.copyOf(sortKeyTypes);
        }

        @Override
        public void ensureCapacity(int groupCount) {
            while (groups.size() < groupCount) {
                groups.add(null);
            }
        }

        private Map<Object, Object[]> group(int group) {
            Map<Object, Object[]> map = groups.get(group);
            if (map == null) {
                map = new LinkedHashMap<>();
                groups.set(group, map);
            }
            return map;
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            for (int i = 0; i < count; i++) {
                switch (function) {
                    case "histogram" -> {
                        if (!arguments[0].isNull(i)) {
                            Object[] entry = entry(groupIds[i], arguments[0], i, () -> new long[1]);
                            ((long[]) entry[1])[0]++;
                        }
                    }
                    case "multimap_agg" -> {
                        if (!arguments[0].isNull(i)) {
                            Object[] entry = entry(groupIds[i], arguments[0], i, ArrayList::new);
                            @SuppressWarnings("unchecked")
                            List<Object> values = (List<Object>) entry[1];
                            Object value = Values.toObject(((ArrayType) type.valueType()).elementType(), arguments[1], i);
                            if (orderBy.isEmpty()) {
                                values.add(value);
                            } else {
                                Object[] row = new Object[1 + orderBy.size()];
                                row[0] = value;
                                for (int k = 0; k < orderBy.size(); k++) {
                                    row[1 + k] = Values.toObject(sortKeyTypes.get(k), arguments[2 + k], i);
                                }
                                values.add(row);
                            }
                        }
                    }
                    default -> addMap(groupIds[i], arguments[0], i);
                }
            }
        }

        /** map_union, and the merge of map states: each key's first value stays. */
        private void addMap(int group, Block maps, int position) {
            if (maps.isNull(position)) {
                return;
            }
            MapBlock map = (MapBlock) maps;
            for (int e = map.rawOffsets()[position]; e < map.rawOffsets()[position + 1]; e++) {
                Object[] entry = entry(group, map.keys(), e, () -> null);
                if (entry[1] == null) {
                    entry[1] = Values.toObject(type.valueType(), map.values(), e);
                }
            }
        }

        private Object[] entry(int group, Block keys, int position, java.util.function.Supplier<Object> initial) {
            Object key = ElementKeys.key(type.keyType(), keys, position);
            return group(group).computeIfAbsent(key, k -> {
                entries++;
                return new Object[] {Values.toObject(type.keyType(), keys, position), initial.get()};
            });
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            if (function.equals("map_union")) {
                for (int i = 0; i < count; i++) {
                    addMap(groupIds[i], states[0], i);
                }
                return;
            }
            MapBlock maps = (MapBlock) states[0];
            for (int i = 0; i < count; i++) {
                if (maps.isNull(i)) {
                    continue;
                }
                for (int e = maps.rawOffsets()[i]; e < maps.rawOffsets()[i + 1]; e++) {
                    if (function.equals("histogram")) {
                        Object[] entry = entry(groupIds[i], maps.keys(), e, () -> new long[1]);
                        ((long[]) entry[1])[0] += ((LongBlock) maps.values()).getLong(e);
                    } else {
                        Object[] entry = entry(groupIds[i], maps.keys(), e, ArrayList::new);
                        @SuppressWarnings("unchecked")
                        List<Object> values = (List<Object>) entry[1];
                        ArrayBlock arrays = (ArrayBlock) maps.values();
                        Type element = ((ArrayType) type.valueType()).elementType();
                        for (int v = arrays.offset(e), end = v + arrays.length(e); v < end; v++) {
                            values.add(Values.toObject(element, arrays.elements(), v));
                        }
                    }
                }
            }
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            Map<Object, Object[]> map = groups.get(group);
            if (map == null || map.isEmpty()) {
                out.appendNull();
                return;
            }
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Object[] entry : map.values()) {
                Object value = entry[1] instanceof long[] count ? (Object) count[0] : entry[1];
                if (!orderBy.isEmpty() && value instanceof List<?> rows) {
                    List<Object[]> sorted = new ArrayList<>();
                    rows.forEach(row -> sorted.add((Object[]) row));
                    sorted.sort(SortedValues.byKeys(orderBy, sortKeyTypes, 1));
                    value = sorted.stream().map(row -> row[0]).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
                }
                result.put(entry[0], value);
            }
            out.appendObject(result);
        }

        @Override
        public long sizeInBytes() {
            return 16L * groups.size() + 96L * entries;
        }
    }

    private static final class Bitwise implements Accumulator {
        private final String function;
        private long[] values = new long[0];
        private boolean[] present = new boolean[0];

        Bitwise(String function) {
            this.function = function;
        }

        @Override
        public void ensureCapacity(int groupCount) {
            if (values.length < groupCount) {
                int capacity = Math.max(groupCount, values.length * 2);
                values = Arrays.copyOf(values, capacity);
                present = Arrays.copyOf(present, capacity);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            if (!(arguments[0] instanceof LongBlock block)) {
                return; // the NULL literal (of unknown type): no value to fold in
            }
            for (int i = 0; i < count; i++) {
                if (!block.isNull(i)) {
                    add(groupIds[i], block.getLong(i));
                }
            }
        }

        private void add(int group, long value) {
            if (!present[group]) {
                present[group] = true;
                values[group] = value;
                return;
            }
            values[group] = switch (function) {
                case "bitwise_and_agg" -> values[group] & value;
                case "bitwise_or_agg" -> values[group] | value;
                default -> values[group] ^ value;
            };
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            addInput(groupIds, states, count);
        }

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (present[group]) {
                out.appendLong(values[group]);
            } else {
                out.appendNull();
            }
        }

        @Override
        public long sizeInBytes() {
            return 9L * values.length;
        }
    }
}
