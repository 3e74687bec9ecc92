package io.quarry.connector.tpch;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.spi.PageSource;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads one {@link TpchSplit}: pulls up to {@link #ROWS_PER_PAGE} generated rows, then fills each requested
 * column's primitive array from them in one loop per column, with no boxing. Not thread-safe.
 */
final class TpchPageSource<E extends TpchEntity> implements PageSource {
    static final int ROWS_PER_PAGE = 4096;

    /** Where a requested column's values come from; ROW_NUMBER is the hidden {@code row_number} column. */
    enum ValueKind {
        ROW_NUMBER,
        IDENTIFIER,
        INTEGER,
        DATE,
        DOUBLE,
        VARCHAR
    }

    private final TpchTable<E> table;
    private final TpchSplit split;
    private final List<TpchColumn<E>> columns; // null entries for row_number
    private final ValueKind[] kinds;
    private final int[] expectedBytes;
    private final Object[] batch = new Object[ROWS_PER_PAGE];
    private Iterator<E> rows;
    private boolean finished;
    private long completedPositions;
    private long completedBytes;

    TpchPageSource(TpchTable<E> table, TpchSplit split, List<TpchColumn<E>> columns, ValueKind[] kinds) {
        this.table = requireNonNull(table, "table is null");
        this.split = requireNonNull(split, "split is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.kinds = kinds.clone();
        if (columns.size() != kinds.length) {
            throw new IllegalArgumentException("one kind per column is needed");
        }
        this.expectedBytes = new int[kinds.length];
        Arrays.fill(expectedBytes, ROWS_PER_PAGE * 16);
    }

    @Override
    public Page nextPage() {
        if (finished) {
            return null;
        }
        if (rows == null) {
            // The generator's parts are 1-based.
            rows = table.createGenerator(split.scaleFactor(), split.part() + 1, split.partCount()).iterator();
        }
        int count = 0;
        while (count < ROWS_PER_PAGE && rows.hasNext()) {
            batch[count++] = rows.next();
        }
        if (!rows.hasNext()) {
            finished = true;
        }
        if (count == 0) {
            return null;
        }
        Block[] blocks = new Block[kinds.length];
        for (int channel = 0; channel < kinds.length; channel++) {
            blocks[channel] = readColumn(channel, count);
        }
        Arrays.fill(batch, 0, count, null);
        Page page = new Page(count, blocks);
        completedPositions += count;
        completedBytes += page.sizeInBytes();
        return page;
    }

    @SuppressWarnings("unchecked")
    private E row(int index) {
        return (E) batch[index];
    }

    private Block readColumn(int channel, int count) {
        TpchColumn<E> column = columns.get(channel);
        switch (kinds[channel]) {
            case ROW_NUMBER -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = row(i).getRowNumber();
                }
                return new LongBlock(count, null, values);
            }
            case IDENTIFIER -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = column.getIdentifier(row(i));
                }
                return new LongBlock(count, null, values);
            }
            case INTEGER -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = column.getInteger(row(i));
                }
                return new LongBlock(count, null, values);
            }
            case DATE -> {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = column.getDate(row(i));
                }
                return new LongBlock(count, null, values);
            }
            case DOUBLE -> {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = column.getDouble(row(i));
                }
                return new DoubleBlock(count, null, values);
            }
            case VARCHAR -> {
                return readVarchar(channel, column, count);
            }
        }
        throw new IllegalStateException("unknown value kind " + kinds[channel]);
    }

    private Block readVarchar(int channel, TpchColumn<E> column, int count) {
        int[] offsets = new int[count + 1];
        byte[] data = new byte[Math.max(16, expectedBytes[channel])];
        int at = 0;
        for (int i = 0; i < count; i++) {
            String value = column.getString(row(i));
            int length = value.length();
            if (at + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, at + length));
            }
            // The generator's text is ASCII: copy chars as bytes, and encode properly only if one is not.
            boolean ascii = true;
            for (int j = 0; j < length; j++) {
                char c = value.charAt(j);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                data[at + j] = (byte) c;
            }
            if (ascii) {
                at += length;
            } else {
                byte[] encoded = value.getBytes(StandardCharsets.UTF_8);
                if (at + encoded.length > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, at + encoded.length));
                }
                System.arraycopy(encoded, 0, data, at, encoded.length);
                at += encoded.length;
            }
            offsets[i + 1] = at;
        }
        // Size the next page's array from this one, with a little room, so it rarely grows.
        expectedBytes[channel] = at + at / 8;
        return new VariableWidthBlock(count, null, offsets, data);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public long completedPositions() {
        return completedPositions;
    }

    @Override
    public long completedBytes() {
        return completedBytes;
    }

    @Override
    public void close() {
        finished = true;
        rows = null;
    }
}
