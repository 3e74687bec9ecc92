package io.quarry.exec.operator;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.MapBlock;
import io.quarry.exec.function.ElementKeys;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.SortKey;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code array_agg} and {@code map_agg}. The values of all groups go into one block builder, chained per group
 * by index; the result is built once, as one array (or map) block for all groups, when the first group is
 * written out.
 */
final class StructuralAccumulators {
    private StructuralAccumulators() {}

    static boolean handles(String function) {
        return function.equals("array_agg") || function.equals("map_agg");
    }

    static Accumulator create(AggregateCall call) {
        if (call.function().equals("array_agg")) {
            return new ArrayAgg((ArrayType) call.resultType(), call.orderBy(),
                    call.argumentTypes().subList(1, call.argumentTypes().size()));
        }
        return new MapAgg((MapType) call.resultType(), call.orderBy(), call.argumentTypes().subList(2, call.argumentTypes().size()));
    }

    /** Values chained per group: the shared part of both accumulators. */
    private abstract static class Chains implements Accumulator {
        protected int[] heads = new int[0];
        protected int[] tails = new int[0];
        protected int[] next = new int[64];
        protected int stored;
        /** What the stored values (and sort keys) take in their builders, for the memory accounting. */
        protected long valueBytes;
        protected Block result;
        /** {@code stored} when {@link #result} was built: a window adds values after reading a group. */
        private int resultStored = -1;

        @Override
        public void ensureCapacity(int groupCount) {
            if (heads.length < groupCount) {
                int old = heads.length;
                int capacity = Math.max(groupCount, old * 2);
                heads = Arrays.copyOf(heads, capacity);
                tails = Arrays.copyOf(tails, capacity);
                Arrays.fill(heads, old, capacity, -1);
            }
        }

        protected void link(int group) {
            if (stored == next.length) {
                next = Arrays.copyOf(next, stored * 2);
            }
            next[stored] = -1;
            if (heads[group] < 0) {
                heads[group] = stored;
            } else {
                next[tails[group]] = stored;
            }
            tails[group] = stored;
            stored++;
        }

        /** The stored indexes of a group, in arrival order. */
        protected int[] chain(int group) {
            int count = 0;
            for (int at = heads[group]; at >= 0; at = next[at]) {
                count++;
            }
            int[] result = new int[count];
            int i = 0;
            for (int at = heads[group]; at >= 0; at = next[at]) {
                result[i++] = at;
            }
            return result;
        }

        protected abstract Block buildResult();

        @Override
        public void writeIntermediate(int group, BlockBuilder[] out) {
            writeFinal(group, out[0]);
        }

        @Override
        public void writeFinal(int group, BlockBuilder out) {
            if (result == null || resultStored != stored || result.positionCount() < heads.length) {
                result = buildResult();
                resultStored = stored;
            }
            out.append(result, group);
        }

        @Override
        public long sizeInBytes() {
            return 8L * heads.length + 4L * next.length + RetainedSizes.withGrowthSlack(valueBytes)
                    + (result == null ? 0 : result.sizeInBytes());
        }
    }

    static final class ArrayAgg extends Chains {
        private final BlockBuilder values;
        private final List<SortKey> orderBy;
        private final List<Type> keyTypes;
        private final BlockBuilder[] keys;

        ArrayAgg(ArrayType type, List<SortKey> orderBy, List<Type> keyTypes) {
            this.values = BlockBuilder.create(type.elementType(), 1024);
            this.orderBy = List.copyOf(orderBy);
            this.keyTypes = List.copyOf(keyTypes);
            this.keys = new BlockBuilder[orderBy.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = BlockBuilder.create(keyTypes.get(k), 1024);
            }
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            for (int i = 0; i < count; i++) {
                values.append(arguments[0], i);
                valueBytes += RetainedSizes.valueBytes(arguments[0], i);
                for (int k = 0; k < keys.length; k++) {
                    keys[k].append(arguments[1 + k], i);
                    valueBytes += RetainedSizes.valueBytes(arguments[1 + k], i);
                }
                link(groupIds[i]);
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            ArrayBlock arrays = (ArrayBlock) states[0];
            for (int i = 0; i < count; i++) {
                if (arrays.isNull(i)) {
                    continue;
                }
                for (int e = arrays.offset(i), end = e + arrays.length(i); e < end; e++) {
                    values.append(arrays.elements(), e);
                    valueBytes += RetainedSizes.valueBytes(arrays.elements(), e);
                    link(groupIds[i]);
                }
            }
        }

        @Override
        protected Block buildResult() {
            Block elements = values.build();
            Block[] keyBlocks = new Block[keys.length];
            for (int k = 0; k < keys.length; k++) {
                keyBlocks[k] = keys[k].build();
            }
            int groups = heads.length;
            int[] offsets = new int[groups + 1];
            int[] order = new int[stored];
            boolean[] nulls = new boolean[groups];
            int at = 0;
            for (int group = 0; group < groups; group++) {
                int[] chain = chain(group);
                nulls[group] = chain.length == 0;
                if (!orderBy.isEmpty() && chain.length > 1) {
                    Integer[] boxed = Arrays.stream(chain).boxed().toArray(Integer[]::new);
                    Arrays.sort(boxed, (left, right) -> compare(keyBlocks, left, right));
                    for (int i = 0; i < chain.length; i++) {
                        chain[i] = boxed[i];
                    }
                }
                System.arraycopy(chain, 0, order, at, chain.length);
                at += chain.length;
                offsets[group + 1] = at;
            }
            return new ArrayBlock(groups, groups == 0 ? null : nulls, offsets, elements.copyPositions(order, at));
        }

        private int compare(Block[] keyBlocks, int left, int right) {
            for (int k = 0; k < keyBlocks.length; k++) {
                SortKey key = orderBy.get(k);
                Block block = keyBlocks[k];
                boolean leftNull = block.isNull(left);
                boolean rightNull = block.isNull(right);
                int comparison;
                if (leftNull || rightNull) {
                    comparison = leftNull == rightNull ? 0 : (leftNull == key.nullsFirst() ? -1 : 1);
                } else {
                    comparison = ElementKeys.compare(keyTypes.get(k), block, left, right);
                    comparison = key.ascending() ? comparison : -comparison;
                }
                if (comparison != 0) {
                    return comparison;
                }
            }
            return 0;
        }
    }

    /** The sort keys of an aggregate's ORDER BY, kept beside its values: one row per stored value. */
    private static final class SortKeys {
        private final List<SortKey> orderBy;
        private final List<Type> types;
        private final BlockBuilder[] builders;

        SortKeys(List<SortKey> orderBy, List<Type> types) {
            this.orderBy = List.copyOf(orderBy);
            this.types = List.copyOf(types);
            this.builders = new BlockBuilder[orderBy.size()];
            for (int k = 0; k < builders.length; k++) {
                builders[k] = BlockBuilder.create(types.get(k), 1024);
            }
        }

        /** Keeps the keys of row {@code i}, which start at argument {@code first}; returns their size in bytes. */
        long append(Block[] arguments, int first, int i) {
            long bytes = 0;
            for (int k = 0; k < builders.length; k++) {
                builders[k].append(arguments[first + k], i);
                bytes += RetainedSizes.valueBytes(arguments[first + k], i);
            }
            return bytes;
        }

        Block[] build() {
            Block[] blocks = new Block[builders.length];
            for (int k = 0; k < builders.length; k++) {
                blocks[k] = builders[k].build();
            }
            return blocks;
        }

        /** The stored indexes in the order of the keys, equal keys in arrival order. */
        int[] sort(Block[] blocks, int[] chain) {
            if (builders.length == 0 || chain.length < 2) {
                return chain;
            }
            Integer[] boxed = Arrays.stream(chain).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (left, right) -> compare(blocks, left, right));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }

        private int compare(Block[] blocks, int left, int right) {
            for (int k = 0; k < blocks.length; k++) {
                SortKey key = orderBy.get(k);
                boolean leftNull = blocks[k].isNull(left);
                boolean rightNull = blocks[k].isNull(right);
                int comparison;
                if (leftNull || rightNull) {
                    comparison = leftNull == rightNull ? 0 : (leftNull == key.nullsFirst() ? -1 : 1);
                } else {
                    comparison = ElementKeys.compare(types.get(k), blocks[k], left, right);
                    comparison = key.ascending() ? comparison : -comparison;
                }
                if (comparison != 0) {
                    return comparison;
                }
            }
            return 0;
        }
    }

    static final class MapAgg extends Chains {
        private final MapType type;
        private final BlockBuilder keys;
        private final BlockBuilder values;
        private final SortKeys sortKeys;

        MapAgg(MapType type, List<SortKey> orderBy, List<Type> sortKeyTypes) {
            this.type = type;
            this.keys = BlockBuilder.create(type.keyType(), 1024);
            this.values = BlockBuilder.create(type.valueType(), 1024);
            this.sortKeys = new SortKeys(orderBy, sortKeyTypes);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int count) {
            for (int i = 0; i < count; i++) {
                if (arguments[0].isNull(i)) {
                    continue; // Trino skips NULL keys
                }
                keys.append(arguments[0], i);
                values.append(arguments[1], i);
                valueBytes += RetainedSizes.valueBytes(arguments[0], i) + RetainedSizes.valueBytes(arguments[1], i)
                        + sortKeys.append(arguments, 2, i);
                link(groupIds[i]);
            }
        }

        @Override
        public void addIntermediate(int[] groupIds, Block[] states, int count) {
            MapBlock maps = (MapBlock) states[0];
            for (int i = 0; i < count; i++) {
                if (maps.isNull(i)) {
                    continue;
                }
                for (int e = maps.offset(i), end = e + maps.length(i); e < end; e++) {
                    keys.append(maps.keys(), e);
                    values.append(maps.values(), e);
                    valueBytes += RetainedSizes.valueBytes(maps.keys(), e) + RetainedSizes.valueBytes(maps.values(), e);
                    link(groupIds[i]);
                }
            }
        }

        @Override
        protected Block buildResult() {
            Block keyBlock = keys.build();
            Block valueBlock = values.build();
            int groups = heads.length;
            int[] offsets = new int[groups + 1];
            int[] order = new int[stored];
            boolean[] nulls = new boolean[groups];
            int at = 0;
            Set<Object> seen = new HashSet<>();
            Block[] sortKeyBlocks = sortKeys.build();
            for (int group = 0; group < groups; group++) {
                int[] chain = sortKeys.sort(sortKeyBlocks, chain(group));
                nulls[group] = chain.length == 0;
                seen.clear();
                for (int index : chain) {
                    // a key seen again keeps its first value
                    if (seen.add(ElementKeys.key(type.keyType(), keyBlock, index))) {
                        order[at++] = index;
                    }
                }
                offsets[group + 1] = at;
            }
            return new MapBlock(groups, groups == 0 ? null : nulls, offsets,
                    keyBlock.copyPositions(order, at), valueBlock.copyPositions(order, at));
        }
    }
}
