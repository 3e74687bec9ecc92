package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.WriteTarget;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;

/**
 * Writes its source's rows (one channel per column of the target, in table order) into a connector on
 * the node where the task runs, and outputs one row per sink describing what it wrote: node, piece of
 * data, rows, bytes, column statistics. With {@code dropData} it writes nothing and instead drops the target table's data
 * held on its node (after DROP TABLE). The coordinator commits the write from those rows.
 */
public record TableWriter(PlanNode source, String catalog, WriteTarget target, boolean dropData) implements PlanNode {
    /** The columns of the writer's output. */
    public static final List<Type> OUTPUT_TYPES = List.of(Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR);

    public TableWriter {
        requireNonNull(source, "source is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(target, "target is null");
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        return OUTPUT_TYPES;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new TableWriter(newSources.get(0), catalog, target, dropData);
    }
}
