package io.quarry.connector.tpch;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas, tables, columns and statistics of a tpch catalog. Schemas are {@code tiny} (scale 0.01)
 * and {@code sf<n>} for any positive decimal {@code n}; the listed ones are those Trino lists.
 */
public final class TpchMetadata implements ConnectorMetadata {
    public static final String TINY_SCHEMA = "tiny";
    public static final double TINY_SCALE_FACTOR = 0.01;

    private static final List<String> LISTED_SCHEMAS =
            List.of("tiny", "sf1", "sf100", "sf300", "sf1000", "sf3000", "sf10000", "sf30000", "sf100000");
    // Plain decimals only: Double.parseDouble alone would also take "1e3", "NaN" or "1d".
    private static final Pattern SCALED_SCHEMA = Pattern.compile("sf([0-9]+(?:\\.[0-9]+)?)");

    private final TpchColumnNaming naming;
    private final List<String> tableNames;
    private final Map<String, List<ColumnMetadata>> columnsByTable;
    private final Map<String, Map<String, TpchColumn<?>>> generatorColumnsByTable;

    public TpchMetadata(TpchColumnNaming naming) {
        this.naming = requireNonNull(naming, "naming is null");
        List<String> names = new ArrayList<>();
        Map<String, List<ColumnMetadata>> columns = new HashMap<>();
        Map<String, Map<String, TpchColumn<?>>> generatorColumns = new HashMap<>();
        for (TpchTable<?> table : TpchTable.getTables()) {
            names.add(table.getTableName());
            List<ColumnMetadata> tableColumns = new ArrayList<>();
            Map<String, TpchColumn<?>> byName = new LinkedHashMap<>();
            for (TpchColumn<?> column : table.getColumns()) {
                String name = naming.columnName(column);
                tableColumns.add(new ColumnMetadata(name, type(column.getType())));
                byName.put(name, column);
            }
            columns.put(table.getTableName(), List.copyOf(tableColumns));
            generatorColumns.put(table.getTableName(), Map.copyOf(byName));
        }
        this.tableNames = List.copyOf(names);
        this.columnsByTable = Map.copyOf(columns);
        this.generatorColumnsByTable = Map.copyOf(generatorColumns);
    }

    /** The scale factor a schema name stands for; empty when the name is not a tpch schema. */
    public static OptionalDouble scaleFactor(String schema) {
        if (TINY_SCHEMA.equals(schema)) {
            return OptionalDouble.of(TINY_SCALE_FACTOR);
        }
        Matcher matcher = SCALED_SCHEMA.matcher(schema);
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double scaleFactor = Double.parseDouble(matcher.group(1));
        return scaleFactor > 0 && Double.isFinite(scaleFactor) ? OptionalDouble.of(scaleFactor) : OptionalDouble.empty();
    }

    /** The SQL type of a generator column, as openLooKeng's tpch connector declares it. */
    static Type type(TpchColumnType type) {
        return switch (type.getBase()) {
            case IDENTIFIER -> Types.BIGINT;
            case INTEGER -> Types.INTEGER;
            case DATE -> Types.DATE;
            case DOUBLE -> Types.DOUBLE;
            case VARCHAR -> Types.varchar(Math.toIntExact(type.getPrecision().orElseThrow()));
        };
    }

    public TpchColumnNaming naming() {
        return naming;
    }

    @Override
    public List<String> listSchemas() {
        return LISTED_SCHEMAS;
    }

    @Override
    public boolean schemaExists(String schema) {
        return scaleFactor(schema).isPresent();
    }

    @Override
    public List<String> listTables(String schema) {
        return schemaExists(schema) ? tableNames : List.of();
    }

    /** The generator never produces NULL, so every column is NOT NULL, as Trino's tpch connector declares. */
    @Override
    public boolean isNullable(SchemaTableName table, String column) {
        return false;
    }

    @Override
    public Optional<TableMetadata> table(SchemaTableName name) {
        List<ColumnMetadata> columns = columnsByTable.get(name.table());
        if (columns == null || !schemaExists(name.schema())) {
            return Optional.empty();
        }
        return Optional.of(new TableMetadata(name, columns));
    }

    /** Generated data: the tables, columns and statistics of a scale never change. */
    @Override
    public OptionalLong metadataVersion() {
        return OptionalLong.of(0);
    }

    @Override
    public TableStatistics statistics(SchemaTableName name) {
        OptionalDouble scaleFactor = scaleFactor(name.schema());
        Map<String, TpchColumn<?>> columns = generatorColumnsByTable.get(name.table());
        if (scaleFactor.isEmpty() || columns == null) {
            return TableStatistics.UNKNOWN;
        }
        Map<String, Double> bySimplifiedName = TpchStatistics.distinctValues(name.table(), scaleFactor.getAsDouble());
        Map<String, Double> distinct = new HashMap<>();
        columns.forEach((columnName, column) -> {
            Double count = bySimplifiedName.get(column.getSimplifiedColumnName());
            if (count != null) {
                distinct.put(columnName, count);
            }
        });
        return new TableStatistics(TpchStatistics.rowCount(name.table(), scaleFactor.getAsDouble()), distinct,
                TpchStatistics.primaryKeys(name.table()));
    }

    /** The generator column behind a column name of this catalog, if the table has it. */
    Optional<TpchColumn<?>> generatorColumn(String table, String columnName) {
        Map<String, TpchColumn<?>> columns = generatorColumnsByTable.get(table);
        return columns == null ? Optional.empty() : Optional.ofNullable(columns.get(columnName));
    }

    boolean tableExists(String table) {
        return columnsByTable.containsKey(table);
    }
}
