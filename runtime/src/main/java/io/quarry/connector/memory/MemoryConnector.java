package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.PageSink;
import io.quarry.spi.PageSource;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A memory catalog on one node: the metadata (used where the node plans, i.e. on the coordinator) and
 * this node's store of pages (used where the node runs tasks).
 */
public final class MemoryConnector implements Connector {
    private final String nodeId;
    private final MemoryMetadata metadata;
    private final MemoryPagesStore store;
    private final AtomicLong nextSink = new AtomicLong();

    public MemoryConnector(String catalogName, String nodeId, long maxDataPerNode) {
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.metadata = new MemoryMetadata(catalogName);
        this.store = new MemoryPagesStore(maxDataPerNode);
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
        return metadata.splits(table);
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
        List<Page> pages = store.read(memorySplit.tableId(), memorySplit.dataIds(), memorySplit.expectedRows());
        return new MemoryPageSource(pages, channels);
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

    /** Reads pages from the store by reference, keeping the scanned channels. */
    private static final class MemoryPageSource implements PageSource {
        private final List<Page> pages;
        private final int[] channels;
        private int next;
        private long rows;
        private long bytes;

        MemoryPageSource(List<Page> pages, int[] channels) {
            this.pages = pages;
            this.channels = channels;
        }

        @Override
        public Page nextPage() {
            if (next >= pages.size()) {
                return null;
            }
            Page page = pages.get(next++);
            Page projected = channels.length == 0 ? new Page(page.positionCount()) : page.project(channels);
            rows += projected.positionCount();
            bytes += projected.sizeInBytes();
            return projected;
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

    /** Appends to one piece of the store; the piece is dropped again on abort. */
    private final class MemoryPageSink implements PageSink {
        private final WriteTarget target;
        private final String dataId;
        private final ColumnStatistics statistics;

        MemoryPageSink(WriteTarget target, String dataId) {
            this.target = target;
            this.dataId = dataId;
            this.statistics = new ColumnStatistics(target.columns().size());
        }

        @Override
        public void appendPage(Page page) {
            if (page.positionCount() > 0) {
                store.append(target.tableId(), dataId, DictionaryEncoder.encode(page));
                statistics.add(page);
            }
        }

        @Override
        public WrittenFragment finish() {
            return new WrittenFragment(
                    nodeId, dataId, store.rows(target.tableId(), dataId), store.bytes(target.tableId(), dataId),
                    statistics.serialize());
        }

        @Override
        public void abort() {
            store.remove(target.tableId(), dataId);
        }
    }
}
