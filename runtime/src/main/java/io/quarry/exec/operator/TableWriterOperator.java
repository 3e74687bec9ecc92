package io.quarry.exec.operator;

import static java.util.Objects.requireNonNull;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.PageSink;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.util.List;

/**
 * Writes every input page to a connector's {@link PageSink} and, once its input ends, outputs one row
 * saying what it wrote (node, piece of data, rows, bytes, statistics) for the coordinator's commit. Closed before it
 * finished (failure, cancel), it aborts the sink so that nothing it wrote stays behind.
 */
public final class TableWriterOperator implements Operator {
    private final PageSink sink;
    private final NotNullColumns notNullColumns;
    private final OperatorStats stats = new OperatorStats("TableWriter");
    private boolean finishing;
    private boolean finished;
    private boolean committed;
    private Page output;

    public TableWriterOperator(PageSink sink) {
        this(sink, List.of());
    }

    /** A writer that refuses NULL in the table's NOT NULL {@code columns} (the table's columns, in page channel order). */
    public TableWriterOperator(PageSink sink, List<ColumnMetadata> columns) {
        this.sink = requireNonNull(sink, "sink is null");
        this.notNullColumns = new NotNullColumns(columns);
    }

    @Override
    public boolean needsInput() {
        return !finishing;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        notNullColumns.check(page);
        sink.appendPage(page);
    }

    @Override
    public Page getOutput() {
        Page page = output;
        if (page != null) {
            output = null;
            finished = true;
            stats.recordOutput(page);
        }
        return page;
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        WrittenFragment fragment = sink.finish();
        committed = true;
        output = new Page(
                1,
                BlockBuilder.create(Types.VARCHAR, 1).appendString(fragment.nodeId()).build(),
                BlockBuilder.create(Types.VARCHAR, 1).appendString(fragment.dataId()).build(),
                BlockBuilder.create(Types.BIGINT, 1).appendLong(fragment.rows()).build(),
                BlockBuilder.create(Types.BIGINT, 1).appendLong(fragment.bytes()).build(),
                BlockBuilder.create(Types.VARCHAR, 1).appendString(fragment.statistics()).build());
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (!committed || !finished) {
            sink.abort();
        }
    }
}
