package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.SortKey;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code listagg(x, separator) WITHIN GROUP (ORDER BY …)}: the non-NULL x of a group joined by the separator in
 * the order of the sort keys (rows of equal keys in arrival order); NULL when there are none. A result over 1 MiB
 * is an error ({@code ON OVERFLOW ERROR}, the default) or ends after the values that fit with the separator, the
 * filler and, {@code WITH COUNT}, the number of values left out in parentheses ({@code ON OVERFLOW TRUNCATE}).
 */
final class ListaggAccumulator implements SingleStepAccumulator {
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    private final List<SortKey> orderBy;
    private final List<Type> keyTypes;
    private final boolean hasSeparator;
    /** Arguments 3 to 5 (ON OVERFLOW): whether to fail, the filler and whether to count the values left out. */
    private final boolean hasOverflow;
    private boolean overflowError = true;
    private String filler = "...";
    private boolean withCount;
    private final List<List<Object[]>> groups = new ArrayList<>();
    private String separator = "";
    private long bytes;

    ListaggAccumulator(AggregateCall call) {
        this.orderBy = call.orderBy();
        int plain = call.argumentTypes().size() - orderBy.size();
        this.hasSeparator = plain > 1;
        this.hasOverflow = plain == 5;
        this.keyTypes = call.argumentTypes().subList(plain, call.argumentTypes().size());
    }

    @Override
    public void ensureCapacity(int groupCount) {
        while (groups.size() < groupCount) {
            groups.add(null);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int count) {
        Block values = arguments[0];
        int firstKey = hasOverflow ? 5 : hasSeparator ? 2 : 1;
        for (int i = 0; i < count; i++) {
            if (hasSeparator && !arguments[1].isNull(i)) {
                separator = (String) Values.toObject(Types.VARCHAR, arguments[1], i);
            }
            if (hasOverflow && !arguments[2].isNull(i)) {
                overflowError = (Boolean) Values.toObject(Types.BOOLEAN, arguments[2], i);
                filler = arguments[3].isNull(i) ? "" : (String) Values.toObject(Types.VARCHAR, arguments[3], i);
                withCount = Boolean.TRUE.equals(Values.toObject(Types.BOOLEAN, arguments[4], i));
            }
            if (values.isNull(i)) {
                continue;
            }
            Object[] row = new Object[1 + keyTypes.size()];
            row[0] = Values.toObject(Types.VARCHAR, values, i);
            for (int k = 0; k < keyTypes.size(); k++) {
                row[1 + k] = Values.toObject(keyTypes.get(k), arguments[firstKey + k], i);
            }
            List<Object[]> group = groups.get(groupIds[i]);
            if (group == null) {
                group = new ArrayList<>();
                groups.set(groupIds[i], group);
            }
            group.add(row);
            bytes += 32 + 8L * row.length + ((String) row[0]).length();
        }
    }

    @Override
    public String functionName() {
        return "listagg";
    }

    @Override
    public void writeFinal(int group, BlockBuilder out) {
        List<Object[]> rows = groups.get(group);
        if (rows == null || rows.isEmpty()) {
            out.appendNull();
            return;
        }
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(SortedValues.byKeys(orderBy, keyTypes, 1));
        byte[] separatorBytes = separator.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < sorted.size(); i++) {
            byte[] value = ((String) sorted.get(i)[0]).getBytes(StandardCharsets.UTF_8);
            int needed = (i > 0 ? separatorBytes.length : 0) + value.length;
            if (joined.size() + needed > MAX_OUTPUT_BYTES) {
                if (overflowError) {
                    throw new QuarryException(ErrorCode.EXCEEDED_FUNCTION_MEMORY_LIMIT,
                            "Concatenated string has the length in bytes larger than the maximum output length " + MAX_OUTPUT_BYTES);
                }
                // ON OVERFLOW TRUNCATE: the values that fit, then the separator, the filler and the count left out
                String tail = (i > 0 ? separator : "") + filler + (withCount ? "(" + (sorted.size() - i) + ")" : "");
                joined.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
                break;
            }
            if (i > 0) {
                joined.writeBytes(separatorBytes);
            }
            joined.writeBytes(value);
        }
        byte[] utf8 = joined.toByteArray();
        out.appendBytes(utf8);
    }

    @Override
    public long sizeInBytes() {
        return 16L * groups.size() + bytes;
    }
}
