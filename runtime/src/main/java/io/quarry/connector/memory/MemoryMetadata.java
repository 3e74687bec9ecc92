package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog of memory tables, kept on the coordinator (the node that plans): schemas, tables, their
 * columns and the committed pieces of data with the node holding each. A write becomes visible only when
 * {@link #finishWrite} commits it, so a failed query leaves no table and no rows behind. Thread-safe
 * (every method is synchronized; planning runs on several threads).
 */
public final class MemoryMetadata implements ConnectorMetadata {
    public static final String DEFAULT_SCHEMA = "default";

    /** A visible table; {@code statistics} is merged in place by each commit (under this object's lock). */
    private record Table(long id, TableMetadata metadata, List<WrittenFragment> fragments, ColumnStatistics statistics) {
        long rows() {
            return fragments.stream().mapToLong(WrittenFragment::rows).sum();
        }
    }

    private final String catalogName;
    private final Map<String, Map<String, Table>> schemas = new TreeMap<>();
    /** CREATE TABLE AS in progress: the name is taken, the table is not visible. */
    private final Map<SchemaTableName, WriteTarget> pendingCreates = new HashMap<>();
    /** Views by schema; a view lives only here, on the coordinator (nothing of it is on the workers). */
    private final Map<String, Map<String, ViewDefinition>> views = new TreeMap<>();
    /** Table ids stay unique across coordinator restarts, as workers may still hold data of older ids. */
    private long nextTableId = System.currentTimeMillis() * 1000;

    public MemoryMetadata(String catalogName) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        schemas.put(DEFAULT_SCHEMA, new TreeMap<>());
    }

    @Override
    public synchronized List<String> listSchemas() {
        return List.copyOf(schemas.keySet());
    }

    @Override
    public synchronized boolean schemaExists(String schema) {
        return schemas.containsKey(schema);
    }

    @Override
    public synchronized List<String> listTables(String schema) {
        Map<String, Table> tables = schemas.get(schema);
        return tables == null ? List.of() : List.copyOf(tables.keySet());
    }

    @Override
    public synchronized Optional<TableMetadata> table(SchemaTableName name) {
        return find(name).map(Table::metadata);
    }

    @Override
    public synchronized TableStatistics statistics(SchemaTableName name) {
        return find(name).map(MemoryMetadata::statistics).orElse(TableStatistics.UNKNOWN);
    }

    @Override
    public synchronized void createSchema(String schema) {
        if (schemas.containsKey(schema)) {
            throw new QuarryException(ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + catalogName + "." + schema + "' already exists");
        }
        schemas.put(schema, new TreeMap<>());
    }

    @Override
    public synchronized void dropSchema(String schema) {
        Map<String, Table> tables = schemas.get(schema);
        if (tables == null) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + schema + "' does not exist");
        }
        boolean pending = pendingCreates.keySet().stream().anyMatch(name -> name.schema().equals(schema));
        if (!tables.isEmpty() || pending || !views.getOrDefault(schema, Map.of()).isEmpty()) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema '" + schema + "'");
        }
        schemas.remove(schema);
        views.remove(schema);
    }

    @Override
    public synchronized void createTable(TableMetadata table) {
        checkCanCreate(table.name());
        schemas.get(table.name().schema()).put(
                table.name().table(), new Table(nextTableId++, table, List.of(), new ColumnStatistics(table.columns().size())));
    }

    @Override
    public synchronized WriteTarget dropTable(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        schemas.get(name.schema()).remove(name.table());
        return new WriteTarget(name, table.id(), "", table.metadata().columns());
    }

    @Override
    public synchronized List<String> listViews(String schema) {
        return List.copyOf(views.getOrDefault(schema, Map.of()).keySet());
    }

    @Override
    public synchronized Optional<ViewDefinition> view(SchemaTableName name) {
        return Optional.ofNullable(views.getOrDefault(name.schema(), Map.of()).get(name.table()));
    }

    @Override
    public synchronized void createView(SchemaTableName name, ViewDefinition definition, boolean replace) {
        Map<String, Table> tables = schemas.get(name.schema());
        if (tables == null) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + name.schema() + "' does not exist");
        }
        if (tables.containsKey(name.table()) || pendingCreates.containsKey(name)) {
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: '" + qualified(name) + "'");
        }
        Map<String, ViewDefinition> schemaViews = views.computeIfAbsent(name.schema(), ignored -> new TreeMap<>());
        if (!replace && schemaViews.containsKey(name.table())) {
            throw new QuarryException(ErrorCode.ALREADY_EXISTS, "View already exists: '" + qualified(name) + "'");
        }
        schemaViews.put(name.table(), definition);
    }

    @Override
    public synchronized void dropView(SchemaTableName name) {
        Map<String, ViewDefinition> schemaViews = views.get(name.schema());
        if (schemaViews == null || schemaViews.remove(name.table()) == null) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "View '" + qualified(name) + "' does not exist");
        }
    }

    @Override
    public synchronized WriteTarget beginCreateTable(TableMetadata table, String writeId) {
        checkCanCreate(table.name());
        WriteTarget target = new WriteTarget(table.name(), nextTableId++, writeId, table.columns());
        pendingCreates.put(table.name(), target);
        return target;
    }

    @Override
    public synchronized WriteTarget beginInsert(SchemaTableName name, String writeId) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        return new WriteTarget(name, table.id(), writeId, table.metadata().columns());
    }

    @Override
    public synchronized long finishWrite(WriteTarget target, List<WrittenFragment> fragments) {
        List<WrittenFragment> written = fragments.stream().filter(fragment -> fragment.rows() > 0).toList();
        long rows = written.stream().mapToLong(WrittenFragment::rows).sum();
        SchemaTableName name = target.table();
        WriteTarget pending = pendingCreates.get(name);
        if (pending != null && pending.equals(target)) {
            pendingCreates.remove(name);
            Map<String, Table> tables = schemas.get(name.schema());
            if (tables == null) {
                throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + name.schema() + "' does not exist");
            }
            ColumnStatistics statistics = new ColumnStatistics(target.columns().size());
            merge(statistics, written);
            tables.put(name.table(), new Table(target.tableId(), new TableMetadata(name, target.columns()), written, statistics));
            return rows;
        }
        Table table = find(name)
                .filter(existing -> existing.id() == target.tableId())
                .orElseThrow(() -> new QuarryException(
                        ErrorCode.TABLE_NOT_FOUND, "Table '" + qualified(name) + "' was dropped while data was written to it"));
        List<WrittenFragment> all = new ArrayList<>(table.fragments());
        all.addAll(written);
        merge(table.statistics(), written);
        schemas.get(name.schema()).put(name.table(), new Table(table.id(), table.metadata(), all, table.statistics()));
        return rows;
    }

    @Override
    public synchronized void abortWrite(WriteTarget target) {
        pendingCreates.remove(target.table(), target);
    }

    /** One split per node holding committed data of the table; each must be read on that node. */
    public synchronized List<Split> splits(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        Map<String, List<WrittenFragment>> byNode = new LinkedHashMap<>();
        for (WrittenFragment fragment : table.fragments()) {
            byNode.computeIfAbsent(fragment.nodeId(), ignored -> new ArrayList<>()).add(fragment);
        }
        List<String> columns = table.metadata().columns().stream().map(ColumnMetadata::name).toList();
        List<Split> splits = new ArrayList<>();
        byNode.forEach((node, pieces) -> splits.add(new MemorySplit(
                table.id(), node, pieces.stream().map(WrittenFragment::dataId).toList(), columns,
                pieces.stream().mapToLong(WrittenFragment::rows).sum())));
        return splits;
    }

    /** Rows and bytes committed per node, for tests and operators. */
    public synchronized Map<String, Long> rowsByNode(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        Map<String, Long> rows = new TreeMap<>();
        table.fragments().forEach(fragment -> rows.merge(fragment.nodeId(), fragment.rows(), Long::sum));
        return rows;
    }

    private static void merge(ColumnStatistics statistics, List<WrittenFragment> fragments) {
        int columns = statistics.columnCount();
        for (WrittenFragment fragment : fragments) {
            statistics.merge(ColumnStatistics.deserialize(fragment.statistics(), columns));
        }
    }

    /** Row count, and distinct values per column estimated from what the writers saw (never above the rows). */
    private static TableStatistics statistics(Table table) {
        long rows = table.rows();
        Map<String, Double> distinct = new LinkedHashMap<>();
        List<ColumnMetadata> columns = table.metadata().columns();
        for (int i = 0; i < columns.size(); i++) {
            long estimate = table.statistics().distinctValues(i);
            if (estimate >= 0) {
                distinct.put(columns.get(i).name(), (double) Math.min(estimate, rows));
            }
        }
        return new TableStatistics(rows, distinct);
    }

    private void checkCanCreate(SchemaTableName name) {
        Map<String, Table> tables = schemas.get(name.schema());
        if (tables == null) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + name.schema() + "' does not exist");
        }
        if (tables.containsKey(name.table()) || pendingCreates.containsKey(name)) {
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "Table '" + qualified(name) + "' already exists");
        }
        if (views.getOrDefault(name.schema(), Map.of()).containsKey(name.table())) {
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "View '" + qualified(name) + "' already exists");
        }
    }

    private Optional<Table> find(SchemaTableName name) {
        Map<String, Table> tables = schemas.get(name.schema());
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(name.table()));
    }

    private QuarryException tableNotFound(SchemaTableName name) {
        return new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table '" + qualified(name) + "' does not exist");
    }

    private String qualified(SchemaTableName name) {
        return catalogName + "." + name;
    }
}
