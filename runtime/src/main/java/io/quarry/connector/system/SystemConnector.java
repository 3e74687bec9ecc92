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
import io.quarry.type.Types;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tables over the cluster's live state. Today: {@code runtime.nodes}, one row per member (this node
 * included) from the node registry, the same source as {@code /v1/node}.
 */
final class SystemConnector implements Connector {
    static final SchemaTableName NODES = new SchemaTableName("runtime", "nodes");
    static final TableMetadata NODES_TABLE = new TableMetadata(NODES, List.of(
            new ColumnMetadata("node_id", Types.VARCHAR),
            new ColumnMetadata("http_uri", Types.VARCHAR),
            new ColumnMetadata("node_version", Types.VARCHAR),
            new ColumnMetadata("coordinator", Types.BOOLEAN),
            new ColumnMetadata("state", Types.VARCHAR)));

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
        requireTable(table);
        return List.of(new SystemSplit(table));
    }

    @Override
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        requireTable(((SystemSplit) split).table());
        return new NodesPageSource(context.clusterNodes().toCompletableFuture(), columns);
    }

    private static void requireTable(SchemaTableName table) {
        if (!table.equals(NODES)) {
            throw new QuarryException(ErrorCode.TABLE_NOT_FOUND, "Table 'system." + table + "' does not exist");
        }
    }

    private static final class Metadata implements ConnectorMetadata {
        @Override
        public List<String> listSchemas() {
            return List.of(NODES.schema());
        }

        @Override
        public boolean schemaExists(String schema) {
            return schema.equals(NODES.schema());
        }

        @Override
        public List<String> listTables(String schema) {
            return schemaExists(schema) ? List.of(NODES.table()) : List.of();
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return name.equals(NODES) ? Optional.of(NODES_TABLE) : Optional.empty();
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
