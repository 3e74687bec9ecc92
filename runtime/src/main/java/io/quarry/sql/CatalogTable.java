package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/** A connector's table as Calcite sees it: columns and row count. The plan translation reads it back. */
final class CatalogTable extends AbstractTable {
    private final String catalog;
    private final TableMetadata metadata;
    private final TableStatistics statistics;

    CatalogTable(String catalog, TableMetadata metadata, TableStatistics statistics) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
    }

    String catalog() {
        return catalog;
    }

    TableMetadata metadata() {
        return metadata;
    }

    /** The distinct values of the column at {@code field}, when the connector knows them. */
    OptionalDouble distinctValues(int field) {
        return statistics.distinctValues(metadata.columns().get(field).name());
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (ColumnMetadata column : metadata.columns()) {
            builder.add(column.name(), TypeMapping.toCalcite(typeFactory, column.type()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic() {
        double rowCount = statistics.rowCount();
        if (Double.isNaN(rowCount)) {
            return Statistics.UNKNOWN;
        }
        // only guaranteed keys: Calcite removes aggregations and joins over them
        List<String> names = metadata.columns().stream().map(ColumnMetadata::name).toList();
        List<ImmutableBitSet> keys = new ArrayList<>();
        for (List<String> key : statistics.uniqueKeys()) {
            if (names.containsAll(key)) {
                keys.add(ImmutableBitSet.of(key.stream().mapToInt(names::indexOf).toArray()));
            }
        }
        return Statistics.of(rowCount, keys);
    }
}
