package io.quarry.connector.system;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/** Turns rows of Java values into {@link SnapshotSplit}s, and reads those splits back. */
public final class SnapshotRows {
    /** Rows per split: keeps each split well below the transport's frame size (256 KiB by default). */
    static final int ROWS_PER_SPLIT = 256;

    private SnapshotRows() {}

    /**
     * The splits holding {@code rows} of {@code table}; each row has one value per column of the table, as
     * {@link BlockBuilder#appendObject} takes it (Long, Boolean, String, null). At least one split, so that
     * an empty table reads as empty rather than waiting for splits.
     */
    public static List<Split> splits(TableMetadata table, List<Object[]> rows) {
        List<String> names = table.columns().stream().map(ColumnMetadata::name).toList();
        List<Split> splits = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(rows.size(), start + ROWS_PER_SPLIT);
            splits.add(new SnapshotSplit(table.name(), names, page(table.columns(), rows.subList(start, end))));
            start = end;
        } while (start < rows.size());
        return splits;
    }

    static Page page(List<ColumnMetadata> columns, List<Object[]> rows) {
        Block[] blocks = new Block[columns.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            BlockBuilder builder = BlockBuilder.create(columns.get(channel).type(), rows.size());
            for (Object[] row : rows) {
                builder.appendObject(row[channel]);
            }
            blocks[channel] = builder.build();
        }
        return new Page(rows.size(), blocks);
    }

    /** Reads a snapshot split, producing the requested columns in the requested order. */
    public static PageSource pageSource(SnapshotSplit split, List<ColumnMetadata> columns) {
        int[] channels = new int[columns.size()];
        for (int i = 0; i < channels.length; i++) {
            String name = columns.get(i).name();
            channels[i] = split.columnNames().indexOf(name);
            if (channels[i] < 0) {
                throw new QuarryException(
                        ErrorCode.COLUMN_NOT_FOUND, "Column '" + name + "' does not exist in table " + split.table());
            }
        }
        return new SinglePageSource(split.rows().project(channels));
    }

    /** Produces one page that is ready at once. */
    private static final class SinglePageSource implements PageSource {
        private final Page page;
        private boolean finished;

        SinglePageSource(Page page) {
            this.page = page;
        }

        @Override
        public Page nextPage() {
            if (finished) {
                return null;
            }
            finished = true;
            return page;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public long completedPositions() {
            return finished ? page.positionCount() : 0;
        }

        @Override
        public long completedBytes() {
            return finished ? page.sizeInBytes() : 0;
        }
    }
}
