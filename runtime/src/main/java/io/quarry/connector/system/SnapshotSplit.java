package io.quarry.connector.system;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import java.util.List;

/**
 * A split that carries its rows: a snapshot of metadata or of live state, taken on the coordinator when the
 * query is scheduled, so that any worker can read it (the coordinator alone knows the memory connector's
 * tables and the queries). {@code rows} holds every column of the table, named by {@code columnNames}.
 */
public record SnapshotSplit(SchemaTableName table, List<String> columnNames, Page rows) implements Split {
    public SnapshotSplit {
        requireNonNull(table, "table is null");
        columnNames = List.copyOf(columnNames);
        requireNonNull(rows, "rows is null");
        if (rows.channelCount() != columnNames.size()) {
            throw new IllegalArgumentException(
                    "rows have " + rows.channelCount() + " columns, expected " + columnNames.size());
        }
    }

    @Override
    public long carriedBytes() {
        return rows.sizeInBytes();
    }

    @Override
    public long estimatedRows() {
        return rows.positionCount();
    }
}
