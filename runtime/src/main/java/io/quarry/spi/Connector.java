package io.quarry.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A catalog's data source: its metadata, how a table's data is cut into splits, and how a split is
 * read. Implementations are thread-safe; one instance serves every query on a node.
 */
public interface Connector {
    ConnectorMetadata metadata();

    /**
     * The splits of a table, about {@code targetSplitCount} of them (a hint: the number of workers times
     * a few), each readable on any node.
     */
    List<Split> splits(SchemaTableName table, int targetSplitCount);

    /**
     * The splits of a table once they are known: what the scheduler calls. Tables whose rows are a snapshot of
     * live state taken on the coordinator (the system connector's) answer later; others answer {@link #splits}.
     */
    default CompletionStage<List<Split>> splitsAsync(SchemaTableName table, int targetSplitCount) {
        try {
            return CompletableFuture.completedFuture(splits(table, targetSplitCount));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Reads one split, producing pages with the given columns in that order. */
    PageSource pageSource(Split split, List<ColumnMetadata> columns);

    /** A sink for one write on this node; NOT_SUPPORTED for read-only connectors. */
    default PageSink pageSink(WriteTarget target) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "This connector does not support writes");
    }

    /** Drops every piece of the target's table held on this node (after DROP TABLE); no-op by default. */
    default void dropData(WriteTarget target) {}

    /** Drops what this node holds of a write that will not be committed (its query failed); no-op by default. */
    default void dropWrite(WriteTarget target) {}
}
