package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.block.Block;
import io.quarry.block.RunLengthBlock;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import io.quarry.page.Pages;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.PageSink;
import io.quarry.spi.PageSource;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.NodeInfo;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A memory catalog on one node: the metadata (used where the node plans, i.e. on the coordinator) and
 * this node's store of pages (used where the node runs tasks). A writer copies its piece to other workers
 * (through the bound {@link ReplicaTransport}) before it reports the piece, so that a committed piece lives on
 * {@code memory.replication-factor} workers.
 */
public final class MemoryConnector implements Connector {
    private static final Logger log = LoggerFactory.getLogger(MemoryConnector.class);
    /** A bound on how long a writer waits for its copies; each message of a copy has its own, shorter timeout. */
    private static final Duration COPY_WAIT = Duration.ofMinutes(10);

    private final String catalogName;
    private final String nodeId;
    private final int replicationFactor;
    private final ConnectorContext context;
    private final MemoryMetadata metadata;
    private final MemoryPagesStore store;
    private final AtomicLong nextSink = new AtomicLong();
    private volatile ReplicaTransport transport;

    /** A catalog that keeps one copy of each piece, outside a cluster. */
    public MemoryConnector(String catalogName, String nodeId, long maxDataPerNode) {
        this(catalogName, nodeId, maxDataPerNode, 1, ConnectorContext.EMPTY);
    }

    public MemoryConnector(
            String catalogName, String nodeId, long maxDataPerNode, int replicationFactor, ConnectorContext context) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.replicationFactor = replicationFactor;
        this.context = requireNonNull(context, "context is null");
        this.metadata = new MemoryMetadata(catalogName, replicationFactor);
        this.store = new MemoryPagesStore(maxDataPerNode);
    }

    /**
     * Lets this node's writers copy their pieces to other nodes; until bound (and with a factor of 1) each piece
     * stays on the node that wrote it.
     */
    public void bindTransport(ReplicaTransport transport) {
        this.transport = requireNonNull(transport, "transport is null");
    }

    @Override
    public MemoryMetadata metadata() {
        return metadata;
    }

    /** This node's pages. */
    public MemoryPagesStore store() {
        return store;
    }

    @Override
    public List<Split> splits(SchemaTableName table, int targetSplitCount) {
        return metadata.splits(table, node -> true, targetSplitCount);
    }

    /** Reads each piece from a holder that is an active member now (any holder when membership is unknown). */
    @Override
    public CompletionStage<List<Split>> splitsAsync(SchemaTableName table, int targetSplitCount) {
        return context.clusterNodes().thenApply(nodes -> {
            if (nodes.isEmpty()) {
                return metadata.splits(table, node -> true, targetSplitCount);
            }
            Set<String> active = nodes.stream()
                    .filter(node -> node.state().equals("active"))
                    .map(NodeInfo::nodeId)
                    .collect(Collectors.toSet());
            return metadata.splits(table, active::contains, targetSplitCount);
        });
    }

    @Override
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        MemorySplit memorySplit = (MemorySplit) split;
        int[] channels = new int[columns.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = memorySplit.tableColumns().indexOf(columns.get(i).name());
            if (channels[i] < 0) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + " is not in memory table " + memorySplit.tableId());
            }
        }
        List<Type> types = columns.stream().map(ColumnMetadata::type).toList();
        List<Page> pages = store.read(memorySplit.tableId(), memorySplit.dataIds(), memorySplit.expectedRows());
        if (memorySplit.parts() > 1) {
            List<Page> part = new ArrayList<>();
            for (int i = memorySplit.part(); i < pages.size(); i += memorySplit.parts()) {
                part.add(pages.get(i));
            }
            pages = part;
        }
        return new MemoryPageSource(pages, channels, types);
    }

    @Override
    public PageSink pageSink(WriteTarget target) {
        return new MemoryPageSink(target, target.writeId() + "." + nodeId + "." + nextSink.incrementAndGet());
    }

    @Override
    public void dropData(WriteTarget target) {
        store.dropTable(target.tableId());
    }

    @Override
    public void dropWrite(WriteTarget target) {
        store.removeWrite(target.tableId(), target.writeId() + ".");
    }

    /**
     * Reads pages from the store by reference, keeping the scanned channels; a page written before a column was
     * added lacks it and reads NULL there.
     */
    private static final class MemoryPageSource implements PageSource {
        private final List<Page> pages;
        private final int[] channels;
        private final List<Type> types;
        private int next;
        private long rows;
        private long bytes;

        MemoryPageSource(List<Page> pages, int[] channels, List<Type> types) {
            this.pages = pages;
            this.channels = channels;
            this.types = types;
        }

        @Override
        public Page nextPage() {
            if (next >= pages.size()) {
                return null;
            }
            Page page = pages.get(next++);
            Page projected = channels.length == 0 ? new Page(page.positionCount()) : project(page);
            rows += projected.positionCount();
            bytes += projected.sizeInBytes();
            return projected;
        }

        private Page project(Page page) {
            Block[] blocks = new Block[channels.length];
            for (int i = 0; i < channels.length; i++) {
                blocks[i] = channels[i] < page.channelCount()
                        ? page.block(channels[i])
                        : RunLengthBlock.nullsOf(types.get(i), page.positionCount());
            }
            return new Page(page.positionCount(), blocks);
        }

        @Override
        public boolean isFinished() {
            return next >= pages.size();
        }

        @Override
        public long completedPositions() {
            return rows;
        }

        @Override
        public long completedBytes() {
            return bytes;
        }
    }

    /**
     * Appends to one piece of the store; the piece is dropped again on abort. The small pages an exchange
     * delivers are joined into pages of up to {@link Pages#MAX_ROWS} rows before they are stored: every
     * later scan pays per page, not per row.
     */
    private final class MemoryPageSink implements PageSink {
        private final WriteTarget target;
        private final String dataId;
        private final ColumnStatistics statistics;
        private final List<Type> types;
        private final List<Page> pending = new ArrayList<>();
        private long pendingRows;
        private long pendingBytes;

        MemoryPageSink(WriteTarget target, String dataId) {
            this.target = target;
            this.dataId = dataId;
            this.statistics = new ColumnStatistics(target.columns().size());
            this.types = target.columns().stream().map(ColumnMetadata::type).toList();
        }

        @Override
        public void appendPage(Page page) {
            if (page.positionCount() == 0) {
                return;
            }
            statistics.add(page);
            pending.add(EncodedPages.flatten(page));
            pendingRows += page.positionCount();
            pendingBytes += page.sizeInBytes();
            // a page that would pass the node's limit fails at once, as if nothing were held back
            if (pendingRows >= Pages.MAX_ROWS || pendingBytes >= Pages.MAX_BYTES
                    || store.usedBytes() + pendingBytes > store.maxBytes()) {
                storePending();
            }
        }

        private void storePending() {
            if (pending.isEmpty()) {
                return;
            }
            Page joined = Pages.concat(types, pending);
            pending.clear();
            pendingRows = 0;
            pendingBytes = 0;
            store.append(target.tableId(), dataId, DictionaryEncoder.encode(joined));
        }

        /** Copies the piece to {@code replication-factor - 1} other workers before reporting it. */
        @Override
        public WrittenFragment finish() {
            storePending();
            long rows = store.rows(target.tableId(), dataId);
            List<String> replicas = rows > 0 ? replicate() : List.of();
            return new WrittenFragment(
                    nodeId, dataId, rows, store.bytes(target.tableId(), dataId),
                    ReplicaPlacement.withReplicas(replicas, statistics.serialize()));
        }

        private List<String> replicate() {
            ReplicaTransport transport = MemoryConnector.this.transport;
            if (replicationFactor <= 1 || transport == null) {
                return List.of();
            }
            try {
                List<String> workers = transport.activeWorkers().toCompletableFuture().get(COPY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                List<String> targets = ReplicaPlacement.replicaTargets(nodeId, workers, replicationFactor - 1);
                List<Page> pages = store.pages(target.tableId(), dataId);
                CompletableFuture<?>[] copies = targets.stream()
                        .map(node -> transport.copy(catalogName, target.tableId(), dataId, pages, node).toCompletableFuture())
                        .toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(copies).get(COPY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                log.debug("Piece {} of memory table {} copied to {}", dataId, target.table(), targets);
                return targets;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof QuarryException quarry) {
                    throw quarry;
                }
                throw copyFailed(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw copyFailed(e);
            } catch (TimeoutException e) {
                throw copyFailed(e);
            }
        }

        private QuarryException copyFailed(Throwable cause) {
            return new QuarryException(
                    ErrorCode.REMOTE_TASK_ERROR,
                    "Could not copy written data of memory table '" + catalogName + "." + target.table() + "' to another node: "
                            + cause.getMessage(),
                    cause);
        }

        @Override
        public void abort() {
            store.remove(target.tableId(), dataId);
        }
    }
}
