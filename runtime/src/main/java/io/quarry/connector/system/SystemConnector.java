package io.quarry.connector.system;

import static java.util.Objects.requireNonNull;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.NodeInfo;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tables over the cluster's live state and the node's catalogs. {@code runtime.nodes} is read where the task
 * runs, from that node's registry (the same source as {@code /v1/node}); the other tables are snapshots taken
 * on the coordinator when the query is scheduled and carried to the workers in {@link SnapshotSplit}s: the
 * queries and their tasks (the sources of {@code /v1/query}) and the {@code jdbc} tables over every catalog. The
 * hidden {@code builtin} schema holds the rows of the table function {@code sequence} ({@link SequenceTable}).
 */
final class SystemConnector implements Connector {
    static final SchemaTableName NODES = SystemTables.NODES;

    private final ConnectorContext context;
    private final ConnectorMetadata metadata = new Metadata();

    SystemConnector(ConnectorContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public ConnectorMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Split> splits(SchemaTableName table, int targetSplitCount) {
        if (table.schema().equals(SequenceTable.SCHEMA)) {
            return SequenceTable.splits(table, targetSplitCount);
        }
        TableMetadata tableMetadata = requireTable(table);
        if (table.equals(NODES)) {
            return List.of(new SystemSplit(table));
        }
        if (table.schema().equals(SystemTables.JDBC)) {
            return SnapshotRows.splits(tableMetadata, JdbcTables.rows(table.table(), context));
        }
        if (table.equals(SystemTables.TABLE_COMMENTS)) {
            return SnapshotRows.splits(tableMetadata, JdbcTables.tableComments(context));
        }
        if (table.equals(SystemTables.CATALOGS)) {
            List<Object[]> rows = context.catalogNames().stream()
                    .map(catalog -> new Object[] {catalog, catalog, context.connectorName(catalog).orElse(null)})
                    .toList();
            return SnapshotRows.splits(tableMetadata, rows);
        }
        if (table.schema().equals(SystemTables.METADATA)) {
            return SnapshotRows.splits(tableMetadata, List.of()); // the properties and materialized views: none
        }
        throw new QuarryException(
                ErrorCode.GENERIC_INTERNAL_ERROR, "Table 'system." + table + "' is read asynchronously (splitsAsync)");
    }

    @Override
    public CompletionStage<List<Split>> splitsAsync(SchemaTableName table, int targetSplitCount) {
        if (!table.equals(SystemTables.QUERIES) && !table.equals(SystemTables.TASKS)) {
            return Connector.super.splitsAsync(table, targetSplitCount);
        }
        TableMetadata tableMetadata;
        try {
            tableMetadata = requireTable(table);
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
        return context.queries().thenApply(queries -> SnapshotRows.splits(
                tableMetadata, table.equals(SystemTables.QUERIES) ? RuntimeTables.queries(queries) : RuntimeTables.tasks(queries)));
    }

    @Override
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        if (split instanceof SnapshotSplit snapshot) {
            return SnapshotRows.pageSource(snapshot, columns);
        }
        if (split instanceof SequenceSplit sequence) {
            return SequenceTable.pageSource(sequence, columns);
        }
        requireTable(((SystemSplit) split).table());
        return new NodesPageSource(context.clusterNodes().toCompletableFuture(), columns);
    }

    private static TableMetadata requireTable(SchemaTableName table) {
        return SystemTables.table(table).orElseThrow(() ->
                new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table 'system." + table + "' does not exist"));
    }

    private static final class Metadata implements ConnectorMetadata {
        @Override
        public List<String> listSchemas() {
            return SystemTables.schemas();
        }

        @Override
        public boolean schemaExists(String schema) {
            return SystemTables.schemas().contains(schema) || schema.equals(SequenceTable.SCHEMA);
        }

        @Override
        public List<String> listTables(String schema) {
            return SystemTables.tables(schema);
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return SystemTables.table(name).or(() -> SequenceTable.metadata(name));
        }
    }

    /** Waits (without blocking) for the registry's answer, then produces one page. */
    private static final class NodesPageSource implements PageSource {
        private final CompletableFuture<List<NodeInfo>> nodes;
        private final List<ColumnMetadata> columns;
        private boolean finished;
        private long positions;
        private long bytes;

        NodesPageSource(CompletableFuture<List<NodeInfo>> nodes, List<ColumnMetadata> columns) {
            this.nodes = nodes;
            this.columns = List.copyOf(columns);
        }

        @Override
        public Page nextPage() {
            if (finished || !nodes.isDone()) {
                return null;
            }
            finished = true;
            List<NodeInfo> rows = nodes.join();
            BlockBuilder[] builders = new BlockBuilder[columns.size()];
            for (int i = 0; i < builders.length; i++) {
                builders[i] = BlockBuilder.create(columns.get(i).type(), rows.size());
            }
            for (NodeInfo node : rows) {
                for (int i = 0; i < builders.length; i++) {
                    switch (columns.get(i).name()) {
                        case "node_id" -> builders[i].appendString(node.nodeId());
                        case "http_uri" -> builders[i].appendString(node.httpUri());
                        case "node_version" -> builders[i].appendString(node.version());
                        case "coordinator" -> builders[i].appendBoolean(node.coordinator());
                        case "state" -> builders[i].appendString(node.state());
                        default -> throw new QuarryException(
                                ErrorCode.COLUMN_NOT_FOUND, "Column '" + columns.get(i).name() + "' does not exist");
                    }
                }
            }
            io.quarry.block.Block[] blocks = new io.quarry.block.Block[builders.length];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = builders[i].build();
            }
            Page page = new Page(rows.size(), blocks);
            positions = rows.size();
            bytes = page.sizeInBytes();
            return page;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public long completedPositions() {
            return positions;
        }

        @Override
        public long completedBytes() {
            return bytes;
        }
    }
}
