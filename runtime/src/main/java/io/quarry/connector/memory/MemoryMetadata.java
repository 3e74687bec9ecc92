package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.connector.memory.ReplicaPlacement.Piece;
import io.quarry.connector.memory.ReplicaPlacement.ReplicaCopy;
import io.quarry.page.Pages;
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
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The catalog of memory tables, kept on the coordinator (the node that plans): schemas, tables, their
 * columns and the committed pieces of data with the nodes holding a copy of each. A write becomes visible only when
 * {@link #finishWrite} commits it, so a failed query leaves no table and no rows behind. Thread-safe
 * (every method is synchronized; planning runs on several threads).
 */
public final class MemoryMetadata implements ConnectorMetadata {
    public static final String DEFAULT_SCHEMA = "default";

    /** A visible table; {@code statistics} is merged in place by each commit (under this object's lock). */
    private record Table(long id, TableMetadata metadata, List<Piece> pieces, ColumnStatistics statistics) {
        long rows() {
            return pieces.stream().mapToLong(Piece::rows).sum();
        }
    }

    /** A CREATE TABLE AS being written, and the comment its table gets when committed. */
    private record PendingCreate(WriteTarget target, Optional<String> comment) {}

    private final String catalogName;
    private final int replicationFactor;
    private final Map<String, Map<String, Table>> schemas = new TreeMap<>();
    /** CREATE TABLE AS in progress: the name is taken, the table is not visible; the value is the table's comment. */
    private final Map<SchemaTableName, PendingCreate> pendingCreates = new HashMap<>();
    /** Views by schema; a view lives only here, on the coordinator (nothing of it is on the workers). */
    private final Map<String, Map<String, ViewDefinition>> views = new TreeMap<>();
    /** Table ids stay unique across coordinator restarts, as workers may still hold data of older ids. */
    private long nextTableId = System.currentTimeMillis() * 1000;
    /** Counts the visible changes (schemas, tables, committed rows): plans of an older version are stale. */
    private long version;

    /** Metadata of a catalog that keeps one copy of each piece. */
    public MemoryMetadata(String catalogName) {
        this(catalogName, 1);
    }

    public MemoryMetadata(String catalogName, int replicationFactor) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1");
        }
        this.replicationFactor = replicationFactor;
        schemas.put(DEFAULT_SCHEMA, new TreeMap<>());
    }

    public String catalogName() {
        return catalogName;
    }

    /** How many nodes should hold a copy of each piece ({@code memory.replication-factor}). */
    public int replicationFactor() {
        return replicationFactor;
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
    public synchronized OptionalLong metadataVersion() {
        return OptionalLong.of(version);
    }

    @Override
    public synchronized TableStatistics statistics(SchemaTableName name) {
        return find(name).map(MemoryMetadata::statistics).orElse(TableStatistics.UNKNOWN);
    }

    /** The row count only, as Trino's memory connector reports it: the distinct values are the writers' estimates. */
    @Override
    public synchronized TableStatistics reportedStatistics(SchemaTableName name) {
        return find(name).map(table -> new TableStatistics(table.rows(), Map.of())).orElse(TableStatistics.UNKNOWN);
    }

    @Override
    public synchronized void createSchema(String schema) {
        if (schemas.containsKey(schema)) {
            throw new QuarryException(ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + catalogName + "." + schema + "' already exists");
        }
        schemas.put(schema, new TreeMap<>());
        version++;
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
        version++;
    }

    /** CREATE TABLE AS still writing into the schema fail when they commit, as if their table had been dropped. */
    @Override
    public synchronized List<WriteTarget> dropSchemaCascade(String schema) {
        Map<String, Table> tables = schemas.get(schema);
        if (tables == null) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + schema + "' does not exist");
        }
        List<WriteTarget> dropped = new ArrayList<>();
        tables.forEach((name, table) -> dropped.add(
                new WriteTarget(new SchemaTableName(schema, name), table.id(), "", table.metadata().columns())));
        pendingCreates.keySet().removeIf(name -> name.schema().equals(schema));
        schemas.remove(schema);
        views.remove(schema);
        version++;
        return dropped;
    }

    /** Tables keep their ids, so their data stays where it is on the workers. */
    @Override
    public synchronized void renameSchema(String from, String to) {
        Map<String, Table> tables = schemas.get(from);
        if (tables == null) {
            throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + from + "' does not exist");
        }
        if (schemas.containsKey(to)) {
            throw new QuarryException(ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema '" + catalogName + "." + to + "' already exists");
        }
        Map<String, Table> renamed = new TreeMap<>();
        tables.forEach((name, table) -> renamed.put(name, new Table(
                table.id(), table.metadata().withName(new SchemaTableName(to, name)), table.pieces(), table.statistics())));
        schemas.remove(from);
        schemas.put(to, renamed);
        Map<String, ViewDefinition> schemaViews = views.remove(from);
        if (schemaViews != null) {
            views.put(to, schemaViews);
        }
        version++;
    }

    @Override
    public synchronized void createTable(TableMetadata table) {
        checkCanCreate(table.name());
        schemas.get(table.name().schema()).put(
                table.name().table(), new Table(nextTableId++, table, new ArrayList<>(), new ColumnStatistics(table.columns().size())));
        version++;
    }

    @Override
    public synchronized WriteTarget dropTable(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        schemas.get(name.schema()).remove(name.table());
        version++;
        return new WriteTarget(name, table.id(), "", table.metadata().columns());
    }

    @Override
    public synchronized void renameTable(SchemaTableName from, SchemaTableName to) {
        Table table = find(from).orElseThrow(() -> tableNotFound(from));
        checkCanCreate(to);
        schemas.get(from.schema()).remove(from.table());
        schemas.get(to.schema()).put(to.table(), new Table(
                table.id(), table.metadata().withName(to), table.pieces(), table.statistics()));
        version++;
    }

    /** Metadata only: pieces written before keep fewer channels, and scans read NULL for the ones they lack. */
    @Override
    public synchronized void addColumn(SchemaTableName name, ColumnMetadata column) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        List<ColumnMetadata> columns = new ArrayList<>(table.metadata().columns());
        columns.add(column);
        table.statistics().addColumn();
        replace(table, columns);
    }

    @Override
    public synchronized void renameColumn(SchemaTableName name, String from, String to) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        List<ColumnMetadata> columns = new ArrayList<>(table.metadata().columns());
        columns.replaceAll(column -> column.name().equals(from) ? column.withName(to) : column);
        replace(table, columns);
    }

    /** A new table id, so that the old data can be dropped on the workers while new rows are written. */
    @Override
    public synchronized WriteTarget truncateTable(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        List<ColumnMetadata> columns = table.metadata().columns();
        schemas.get(name.schema()).put(name.table(), new Table(
                nextTableId++, table.metadata(), new ArrayList<>(), new ColumnStatistics(columns.size())));
        version++;
        return new WriteTarget(name, table.id(), "", columns);
    }

    @Override
    public synchronized void setTableComment(SchemaTableName name, Optional<String> comment) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        TableMetadata metadata = table.metadata();
        schemas.get(name.schema()).put(name.table(), new Table(
                table.id(), new TableMetadata(name, metadata.columns(), comment), table.pieces(), table.statistics()));
        version++;
    }

    @Override
    public synchronized void setColumnComment(SchemaTableName name, String column, Optional<String> comment) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        if (table.metadata().column(column).isEmpty()) {
            throw new QuarryException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + column + "' does not exist");
        }
        List<ColumnMetadata> columns = new ArrayList<>(table.metadata().columns());
        columns.replaceAll(existing -> existing.name().equals(column) ? existing.withComment(comment) : existing);
        replace(table, columns);
    }

    @Override
    public synchronized void dropNotNullConstraint(SchemaTableName name, String column) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        List<ColumnMetadata> columns = new ArrayList<>(table.metadata().columns());
        columns.replaceAll(existing -> existing.name().equals(column)
                ? new ColumnMetadata(existing.name(), existing.type(), true, existing.comment())
                : existing);
        replace(table, columns);
    }

    /** Whether the column accepts NULL: false for a NOT NULL column. */
    @Override
    public synchronized boolean isNullable(SchemaTableName name, String column) {
        return find(name).flatMap(table -> table.metadata().column(column)).map(ColumnMetadata::nullable).orElse(true);
    }

    private void replace(Table table, List<ColumnMetadata> columns) {
        SchemaTableName name = table.metadata().name();
        schemas.get(name.schema()).put(name.table(), new Table(
                table.id(), table.metadata().withColumns(columns), table.pieces(), table.statistics()));
        version++;
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
            throw new QuarryException(ErrorCode.TABLE_ALREADY_EXISTS, "View already exists: '" + qualified(name) + "'");
        }
        schemaViews.put(name.table(), definition);
        version++;
    }

    @Override
    public synchronized void dropView(SchemaTableName name) {
        Map<String, ViewDefinition> schemaViews = views.get(name.schema());
        if (schemaViews == null || schemaViews.remove(name.table()) == null) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "View '" + qualified(name) + "' does not exist");
        }
        version++;
    }

    @Override
    public synchronized WriteTarget beginCreateTable(TableMetadata table, String writeId) {
        checkCanCreate(table.name());
        WriteTarget target = new WriteTarget(table.name(), nextTableId++, writeId, table.columns());
        pendingCreates.put(table.name(), new PendingCreate(target, table.comment()));
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
        List<Piece> newPieces = written.stream().map(MemoryMetadata::piece).toList();
        SchemaTableName name = target.table();
        PendingCreate pending = pendingCreates.get(name);
        if (pending != null && pending.target().equals(target)) {
            pendingCreates.remove(name);
            Map<String, Table> tables = schemas.get(name.schema());
            if (tables == null) {
                throw new QuarryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema '" + catalogName + "." + name.schema() + "' does not exist");
            }
            ColumnStatistics statistics = new ColumnStatistics(target.columns().size());
            merge(statistics, written);
            tables.put(name.table(), new Table(
                    target.tableId(), new TableMetadata(name, target.columns(), pending.comment()), new ArrayList<>(newPieces), statistics));
            version++;
            return rows;
        }
        Table table = find(name)
                .filter(existing -> existing.id() == target.tableId())
                .orElseThrow(() -> new QuarryException(
                        ErrorCode.TABLE_NOT_FOUND, "Table '" + qualified(name) + "' was dropped while data was written to it"));
        table.pieces().addAll(newPieces);
        merge(table.statistics(), written);
        version++;
        return rows;
    }

    @Override
    public synchronized void abortWrite(WriteTarget target) {
        PendingCreate pending = pendingCreates.get(target.table());
        if (pending != null && pending.target().equals(target)) {
            pendingCreates.remove(target.table());
        }
    }

    /** The splits of a table when every node holding a copy is live (see the other overload). */
    public synchronized List<Split> splits(SchemaTableName name) {
        return splits(name, node -> true);
    }

    /**
     * The splits of a table: each committed piece is read exactly once, from one {@code live} node holding a
     * copy ({@link ReplicaPlacement#chooseReaders}: the writer while it lives); one split per
     * reading node and set of holders, so that a split can move to any of its {@link MemorySplit#candidateNodeIds}.
     * A piece no live node holds fails with MISSING_DATA naming the table.
     */
    public synchronized List<Split> splits(SchemaTableName name, Predicate<String> live) {
        return splits(name, live, 1);
    }

    /**
     * As {@link #splits(SchemaTableName, Predicate)}, with the pages of each reading node cut into parts, about
     * {@code targetSplitCount} splits in all, so that the drivers of a node read its pages side by side; a part
     * holds at least a page's worth of rows.
     */
    public synchronized List<Split> splits(SchemaTableName name, Predicate<String> live, int targetSplitCount) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        Map<String, String> readers = ReplicaPlacement.chooseReaders(table.pieces(), live, qualified(name));
        Map<List<String>, List<Piece>> groups = new LinkedHashMap<>();
        for (Piece piece : table.pieces()) {
            String reader = readers.get(piece.dataId());
            List<String> candidates = new ArrayList<>();
            candidates.add(reader);
            // live holders before the others, so that a moved split goes to a node that can read it
            piece.holders().stream().filter(node -> !node.equals(reader) && live.test(node)).sorted().forEach(candidates::add);
            piece.holders().stream().filter(node -> !node.equals(reader) && !live.test(node)).sorted().forEach(candidates::add);
            groups.computeIfAbsent(List.copyOf(candidates), ignored -> new ArrayList<>()).add(piece);
        }
        List<String> columns = table.metadata().columns().stream().map(ColumnMetadata::name).toList();
        List<Split> splits = new ArrayList<>();
        int partsPerGroup = Math.max(1, (targetSplitCount + groups.size() - 1) / Math.max(1, groups.size()));
        groups.forEach((candidates, pieces) -> {
            long rows = pieces.stream().mapToLong(Piece::rows).sum();
            int parts = (int) Math.max(1, Math.min(partsPerGroup, rows / Pages.MAX_ROWS));
            List<String> dataIds = pieces.stream().map(Piece::dataId).toList();
            for (int part = 0; part < parts; part++) {
                splits.add(new MemorySplit(table.id(), candidates.get(0), candidates, dataIds, columns, rows, part, parts));
            }
        });
        return splits;
    }

    /** Rows committed per node holding a copy, for tests and operators (a replicated row counts on each holder). */
    public synchronized Map<String, Long> rowsByNode(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        Map<String, Long> rows = new TreeMap<>();
        table.pieces().forEach(piece -> piece.holders().forEach(node -> rows.merge(node, piece.rows(), Long::sum)));
        return rows;
    }

    /** The nodes holding a copy of each committed piece of a table, by piece id. */
    public synchronized Map<String, List<String>> holders(SchemaTableName name) {
        Table table = find(name).orElseThrow(() -> tableNotFound(name));
        Map<String, List<String>> holders = new LinkedHashMap<>();
        table.pieces().forEach(piece -> holders.put(piece.dataId(), piece.holders()));
        return holders;
    }

    /**
     * The copies to make so that every piece of every table has {@link #replicationFactor} live copies again
     * (at most one per active worker), leaving out copies already in flight; see {@link ReplicaPlacement#copiesNeeded}.
     */
    public synchronized List<ReplicaCopy> copiesNeeded(List<String> activeWorkers, Set<String> inFlight) {
        Map<Long, List<Piece>> pieces = new LinkedHashMap<>();
        schemas.values().forEach(tables -> tables.values().forEach(table -> pieces.put(table.id(), List.copyOf(table.pieces()))));
        return ReplicaPlacement.copiesNeeded(catalogName, pieces, activeWorkers, replicationFactor, inFlight);
    }

    /**
     * Records that {@code node} now holds a copy of a piece; false when the table or the piece is gone (dropped
     * while the copy travelled), in which case the copy should be dropped.
     */
    public synchronized boolean addHolder(long tableId, String dataId, String node) {
        for (Map<String, Table> tables : schemas.values()) {
            for (Table table : tables.values()) {
                if (table.id() != tableId) {
                    continue;
                }
                List<Piece> pieces = table.pieces();
                for (int i = 0; i < pieces.size(); i++) {
                    if (pieces.get(i).dataId().equals(dataId)) {
                        pieces.set(i, pieces.get(i).withHolder(node));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Forgets the copies held by a node that left the cluster (its memory, and so its pages, are gone), except a
     * piece's last holder: that piece is lost, and scans name the node it was on. True when the node held any.
     */
    public synchronized boolean forgetNode(String node) {
        boolean held = false;
        for (Map<String, Table> tables : schemas.values()) {
            for (Table table : tables.values()) {
                held |= table.pieces().stream().anyMatch(piece -> piece.holders().contains(node));
                table.pieces().replaceAll(piece -> piece.holders().size() > 1 ? piece.withoutHolder(node) : piece);
            }
        }
        return held;
    }

    /** The piece a write committed: on the writing node and the nodes its sink copied it to. */
    private static Piece piece(WrittenFragment fragment) {
        List<String> holders = new ArrayList<>();
        holders.add(fragment.nodeId());
        ReplicaPlacement.replicasOf(fragment.statistics()).stream().filter(node -> !holders.contains(node)).forEach(holders::add);
        return new Piece(fragment.dataId(), fragment.rows(), fragment.bytes(), holders);
    }

    private static void merge(ColumnStatistics statistics, List<WrittenFragment> fragments) {
        int columns = statistics.columnCount();
        for (WrittenFragment fragment : fragments) {
            statistics.merge(ColumnStatistics.deserialize(ReplicaPlacement.statisticsOf(fragment.statistics()), columns));
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
