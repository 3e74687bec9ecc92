package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.type.Type;
import java.util.List;

/** Reads columns of a table from its splits. A source of distributed data. */
public record TableScan(String catalog, SchemaTableName table, List<ColumnMetadata> columns) implements PlanNode {
    public TableScan {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of();
    }

    @Override
    public List<Type> outputTypes() {
        return columns.stream().map(ColumnMetadata::type).toList();
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return this;
    }
}
