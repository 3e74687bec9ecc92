package io.quarry.exec;

import io.quarry.exec.operator.DropDataOperator;
import io.quarry.exec.operator.TableWriterOperator;
import io.quarry.plan.TableWriter;
import io.quarry.spi.Connector;

/** Plans a {@link TableWriter}: a writer (or data-dropping) operator at the end of its source's pipeline. */
final class TableWriters {
    private TableWriters() {}

    static LocalExecutionPlanner.Pipeline plan(TableWriter writer, LocalExecutionPlanner.Pipeline source, TaskExecutionContext context) {
        Connector connector = context.catalogs().apply(writer.catalog());
        if (writer.dropData()) {
            source.factories.add(() -> new DropDataOperator(() -> connector.dropData(writer.target())));
        } else {
            source.factories.add(() -> new TableWriterOperator(connector.pageSink(writer.target()), writer.target().columns()));
        }
        return source;
    }
}
