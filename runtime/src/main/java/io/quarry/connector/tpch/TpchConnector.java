package io.quarry.connector.tpch;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.trino.tpch.TextPool;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tpch catalog: TPC-H tables generated on the fly, at any scale factor, cut into splits by the
 * generator's parts. Thread-safe; holds no data.
 */
public final class TpchConnector implements Connector {
    /** The hidden column openLooKeng's tpch connector offers: the generator's 1-based row number. */
    public static final String ROW_NUMBER_COLUMN = "row_number";

    private static final Logger log = LoggerFactory.getLogger(TpchConnector.class);
    // Fewer rows than this per split cost more in scheduling than they save in parallelism.
    private static final long MIN_ROWS_PER_SPLIT = 1000;

    private final TpchMetadata metadata;

    public TpchConnector(TpchColumnNaming naming) {
        this.metadata = new TpchMetadata(naming);
    }

    /**
     * Builds the generator's shared text pool (about 300 MB, 2 s), which the first generated row of a JVM
     * would otherwise build in the middle of a query. A node calls it once at start; later calls are free.
     */
    public static void warmUp() {
        long start = System.nanoTime();
        TextPool.getDefaultTextPool();
        TpchTable.NATION.createGenerator(1, 1, 1).iterator().next();
        log.info("TPC-H generator ready in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public TpchMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Split> splits(SchemaTableName table, int targetSplitCount) {
        if (targetSplitCount < 1) {
            throw new IllegalArgumentException("target split count must be positive: " + targetSplitCount);
        }
        double scaleFactor = requireTable(table);
        String name = table.table();
        int partCount = partCount(name, scaleFactor, targetSplitCount);
        List<Split> splits = new ArrayList<>(partCount);
        for (int part = 0; part < partCount; part++) {
            splits.add(new TpchSplit(name, scaleFactor, part, partCount));
        }
        return splits;
    }

    private static int partCount(String table, double scaleFactor, int targetSplitCount) {
        // nation and region ignore parts: any part count but 1 yields no rows at all.
        if (table.equals("nation") || table.equals("region")) {
            return 1;
        }
        // The generator cuts lineitem by orders and partsupp by parts.
        String driving = switch (table) {
            case "lineitem" -> "orders";
            case "partsupp" -> "part";
            default -> table;
        };
        long drivingRows = (long) TpchStatistics.rowCount(driving, scaleFactor);
        long byRows = Math.max(1, drivingRows / MIN_ROWS_PER_SPLIT);
        return (int) Math.min(targetSplitCount, byRows);
    }

    private double requireTable(SchemaTableName table) {
        OptionalDouble scaleFactor = TpchMetadata.scaleFactor(table.schema());
        if (scaleFactor.isEmpty()) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + table.schema() + "' does not exist");
        }
        if (!metadata.tableExists(table.table())) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + table + "' does not exist");
        }
        return scaleFactor.getAsDouble();
    }

    @Override
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        if (!(split instanceof TpchSplit tpchSplit)) {
            throw new IllegalArgumentException("not a tpch split: " + split);
        }
        if (!metadata.tableExists(tpchSplit.table())) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + tpchSplit.table() + "' does not exist");
        }
        return createPageSource(TpchTable.getTable(tpchSplit.table()), tpchSplit, columns);
    }

    @SuppressWarnings("unchecked")
    private <E extends TpchEntity> PageSource createPageSource(
            TpchTable<E> table, TpchSplit split, List<ColumnMetadata> requested) {
        requireNonNull(requested, "columns is null");
        List<TpchColumn<E>> columns = new ArrayList<>(requested.size());
        TpchPageSource.ValueKind[] kinds = new TpchPageSource.ValueKind[requested.size()];
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i).name();
            if (name.equals(ROW_NUMBER_COLUMN)) {
                columns.add(null);
                kinds[i] = TpchPageSource.ValueKind.ROW_NUMBER;
                continue;
            }
            TpchColumn<E> column = (TpchColumn<E>) metadata.generatorColumn(split.table(), name)
                    .orElseThrow(() -> new QuarryException(
                            ErrorCode.COLUMN_NOT_FOUND,
                            "Column '" + name + "' does not exist in table '" + split.table() + "'"));
            columns.add(column);
            kinds[i] = switch (column.getType().getBase()) {
                case IDENTIFIER -> TpchPageSource.ValueKind.IDENTIFIER;
                case INTEGER -> TpchPageSource.ValueKind.INTEGER;
                case DATE -> TpchPageSource.ValueKind.DATE;
                case DOUBLE -> TpchPageSource.ValueKind.DOUBLE;
                case VARCHAR -> TpchPageSource.ValueKind.VARCHAR;
            };
        }
        return new TpchPageSource<>(table, split, columns, kinds);
    }
}
