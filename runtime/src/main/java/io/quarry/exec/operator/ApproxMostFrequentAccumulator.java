package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.exec.function.ElementKeys;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code approx_most_frequent(buckets, value, capacity)}: the {@code buckets} most frequent non-NULL values of a
 * group with their counts (values of equal count in the order first seen); NULL without values. Counts are exact:
 * the capacity that bounds Trino's summary only trades accuracy for memory there.
 */
final class ApproxMostFrequentAccumulator implements SingleStepAccumulator {
    private final Type valueType;
    private final List<Map<Object, Object[]>> groups = new ArrayList<>();
    private long entries;
    private long buckets = -1;

    ApproxMostFrequentAccumulator(Type valueType) {
        this.valueType = valueType;
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (groups.size() < groupCount) {
            groups.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = arguments[1];
        for (int i = 0; i < count; i++) {
            if (values.isNull(i) || arguments[0].isNull(i)) {
                continue;
            }
            long bucketCount = ((Number) Values.toObject(Types.BIGINT, arguments[0], i)).longValue();
            if (bucketCount < 2) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "approx_most_frequent bucket count must be greater than one");
            }
            buckets = bucketCount;
            Map<Object, Object[]> group = groups.get(groupIds[i]);
            if (group == null) {
                group = new LinkedHashMap<>();
                groups.set(groupIds[i], group);
            }
            Object key = ElementKeys.key(valueType, values, i);
            Object[] entry = group.get(key);
            if (entry == null) {
                entry = new Object[] {Values.toObject(valueType, values, i), new long[1]};
                group.put(key, entry);
                entries++;
            }
            ((long[]) entry[1])[0]++;
        }
    }

    @Override
    public String functionName() {
        return "approx_most_frequent";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        Map<Object, Object[]> counts = groups.get(group);
        if (counts == null || counts.isEmpty()) {
            out.appendNull();
            return;
        }
        List<Object[]> ordered = new ArrayList<>(counts.values());
        ordered.sort((a, b) -> Long.compare(((long[]) b[1])[0], ((long[]) a[1])[0]));
        Map<Object, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(ordered.size(), buckets); i++) {
            result.put(ordered.get(i)[0], ((long[]) ordered.get(i)[1])[0]);
        }
        out.appendObject(result);
    }

    @Override
    public long sizeInBytes() {
        return 16L * groups.size() + 96L * entries;
    }
}
