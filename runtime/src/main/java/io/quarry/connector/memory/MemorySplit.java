package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pieces of one memory table ({@code dataIds}) read on one node ({@code nodeId}), with every node that holds a
 * copy of all of them ({@code candidateNodeIds}, {@code nodeId} first), the table's columns in table order (to
 * find the scanned ones) and the rows the coordinator expects the pieces to hold, so that a node that lost its
 * data fails the scan instead of returning fewer rows. A split reads part {@code part} of {@code parts} of the
 * pieces' pages (every {@code parts}-th page from the {@code part}-th), so that the drivers of a node share them.
 */
public record MemorySplit(
        long tableId, String nodeId, List<String> candidateNodeIds, List<String> dataIds, List<String> tableColumns,
        long expectedRows, int part, int parts) implements Split {
    public MemorySplit {
        requireNonNull(nodeId, "nodeId is null");
        candidateNodeIds = List.copyOf(candidateNodeIds);
        if (candidateNodeIds.isEmpty() || !candidateNodeIds.get(0).equals(nodeId)) {
            throw new IllegalArgumentException("candidateNodeIds must start with nodeId " + nodeId + ": " + candidateNodeIds);
        }
        if (candidateNodeIds.stream().distinct().count() != candidateNodeIds.size()) {
            throw new IllegalArgumentException("candidateNodeIds must be distinct: " + candidateNodeIds);
        }
        dataIds = List.copyOf(dataIds);
        tableColumns = List.copyOf(tableColumns);
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must not be negative");
        }
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part must be in [0, parts) and parts positive: " + part + " of " + parts);
        }
    }

    /** All the pages of the pieces. */
    public MemorySplit(
            long tableId, String nodeId, List<String> candidateNodeIds, List<String> dataIds, List<String> tableColumns,
            long expectedRows) {
        this(tableId, nodeId, candidateNodeIds, dataIds, tableColumns, expectedRows, 0, 1);
    }

    /** A split of pieces held by one node only. */
    public MemorySplit(long tableId, String nodeId, List<String> dataIds, List<String> tableColumns, long expectedRows) {
        this(tableId, nodeId, List.of(nodeId), dataIds, tableColumns, expectedRows);
    }

    /** About this part's share of the pieces' rows. */
    @Override
    public long estimatedRows() {
        return expectedRows / parts;
    }

    @Override
    public Optional<String> requiredNodeId() {
        return Optional.of(nodeId);
    }

    /** Bound to another holder, which comes first; the others keep their order. */
    @Override
    public MemorySplit onNode(String otherNodeId) {
        requireNonNull(otherNodeId, "otherNodeId is null");
        if (!candidateNodeIds.contains(otherNodeId)) {
            throw new IllegalArgumentException(
                    "Node " + otherNodeId + " holds no copy of the data of memory table " + tableId + " (holders: " + candidateNodeIds + ")");
        }
        List<String> candidates = new ArrayList<>(candidateNodeIds.size());
        candidates.add(otherNodeId);
        candidateNodeIds.stream().filter(node -> !node.equals(otherNodeId)).forEach(candidates::add);
        return new MemorySplit(tableId, otherNodeId, candidates, dataIds, tableColumns, expectedRows, part, parts);
    }
}
