package io.quarry.actor;

import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The coordinator's end of a statement whose tasks write (Trino's table-finish step): takes the rows the
 * table writers output (node, piece of data, rows, bytes, statistics), commits them in the connector's metadata, and
 * gives the client's one row, the number of rows written. Until then nothing of the write is visible;
 * {@link #abort()} forgets it when the query fails. For DROP TABLE, whose tasks only drop data, it just
 * answers {@code true}. Used by one query actor.
 */
public final class WriteCompletion implements LocalOnly {
    /** What the client gets: one page, and the update count when there is one. */
    public record Result(Page page, OptionalLong updateCount) {}

    private final Optional<ConnectorMetadata> metadata;
    private final String catalog;
    private final Optional<WriteTarget> target;

    private WriteCompletion(Optional<ConnectorMetadata> metadata, String catalog, Optional<WriteTarget> target) {
        this.metadata = metadata;
        this.catalog = catalog;
        this.target = target;
    }

    /** Commits a write into {@code target} of {@code catalog} once its writers are done. */
    public static WriteCompletion commit(ConnectorMetadata metadata, String catalog, WriteTarget target) {
        return new WriteCompletion(Optional.of(metadata), catalog, Optional.of(target));
    }

    /** Nothing to commit: the client gets {@code result = true} (DDL whose tasks drop data). */
    public static WriteCompletion done() {
        return new WriteCompletion(Optional.empty(), "", Optional.empty());
    }

    /** Commits from the writers' output; throws QuarryException when the commit is refused. */
    public Result complete(List<Page> writerOutput) {
        if (metadata.isEmpty()) {
            return new Result(new Page(1, BlockBuilder.create(Types.BOOLEAN, 1).appendBoolean(true).build()), OptionalLong.empty());
        }
        List<WrittenFragment> fragments = new ArrayList<>();
        for (Page page : writerOutput) {
            VariableWidthBlock nodes = (VariableWidthBlock) page.block(0);
            VariableWidthBlock dataIds = (VariableWidthBlock) page.block(1);
            LongBlock rows = (LongBlock) page.block(2);
            LongBlock bytes = (LongBlock) page.block(3);
            VariableWidthBlock statistics = (VariableWidthBlock) page.block(4);
            for (int position = 0; position < page.positionCount(); position++) {
                fragments.add(new WrittenFragment(
                        nodes.getString(position), dataIds.getString(position), rows.getLong(position), bytes.getLong(position),
                        statistics.getString(position)));
            }
        }
        long rows = metadata.get().finishWrite(target.get(), fragments);
        return new Result(new Page(1, BlockBuilder.create(Types.BIGINT, 1).appendLong(rows).build()), OptionalLong.of(rows));
    }

    /**
     * Forgets the write, and tells every worker to drop what it holds of it: writers that had finished when
     * the query failed keep their pages otherwise (writers that had not finished drop theirs themselves).
     */
    public void abort(List<WorkerRef> workers) {
        if (target.isEmpty()) {
            return;
        }
        metadata.get().abortWrite(target.get());
        TaskManager.DropWrite drop = new TaskManager.DropWrite(catalog, target.get());
        workers.forEach(worker -> worker.taskManager().tell(drop));
    }
}
