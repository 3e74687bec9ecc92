package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The NOT NULL columns of a table being written: a page with a NULL in one of them fails the write with
 * CONSTRAINT_VIOLATION (the write is then aborted, so nothing of it is committed), as Trino checks before writing.
 */
final class NotNullColumns {
    private final int[] channels;
    private final String[] names;

    NotNullColumns(List<ColumnMetadata> columns) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).nullable()) {
                found.add(i);
            }
        }
        channels = found.stream().mapToInt(Integer::intValue).toArray();
        names = found.stream().map(channel -> columns.get(channel).name()).toArray(String[]::new);
    }

    void check(Page page) {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] >= page.channelCount()) {
                continue;
            }
            Block block = page.block(channels[i]);
            if (!block.mayHaveNull()) {
                continue;
            }
            int positions = block.positionCount();
            for (int position = 0; position < positions; position++) {
                if (block.isNull(position)) {
                    throw new QuarryException(ErrorCode.CONSTRAINT_VIOLATION, "NULL value not allowed for NOT NULL column: " + names[i]);
                }
            }
        }
    }
}
