package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.Split;
import java.util.List;
import java.util.Optional;

/**
 * The data of one memory table on one node: the pieces ({@code dataIds}) committed there, the table's
 * columns in table order (to find the scanned ones) and the rows the coordinator expects, so that a
 * node that lost its data fails the scan instead of returning fewer rows.
 */
public record MemorySplit(long tableId, String nodeId, List<String> dataIds, List<String> tableColumns, long expectedRows)
        implements Split {
    public MemorySplit {
        requireNonNull(nodeId, "nodeId is null");
        dataIds = List.copyOf(dataIds);
        tableColumns = List.copyOf(tableColumns);
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must not be negative");
        }
    }

    @Override
    public long estimatedRows() {
        return expectedRows;
    }

    @Override
    public Optional<String> requiredNodeId() {
        return Optional.of(nodeId);
    }
}
