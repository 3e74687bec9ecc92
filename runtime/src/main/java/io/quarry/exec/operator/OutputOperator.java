package io.quarry.exec.operator;

import io.quarry.block.Block;
import io.quarry.exec.OutputSink;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import io.quarry.page.Pages;
import io.quarry.plan.ExchangeKind;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a task's result to its {@link OutputSink}: GATHER to partition 0, REPLICATE to every partition,
 * REPARTITION by a stable hash of the key channels modulo the partition count. Small per-partition pieces
 * are buffered and joined so that consumers get reasonably sized pages.
 */
public final class OutputOperator implements Operator {
    private static final int MIN_PARTITION_ROWS = 1024;

    private final OutputSink sink;
    private final ExchangeKind kind;
    private final int[] partitionKeys;
    private final int partitionCount;
    private final List<Type> types;
    private final List<List<Page>> buffered;
    private final int[] bufferedRows;
    private final OperatorStats stats = new OperatorStats("Output");
    private boolean finished;
    /** Where the next ROUND_ROBIN page goes; a random start spreads the pages of many small producers. */
    private int nextRoundRobin = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16);

    public OutputOperator(OutputSink sink, ExchangeKind kind, List<Integer> partitionKeys, int partitionCount, List<Type> types) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partitionCount must be positive");
        }
        this.sink = sink;
        this.kind = kind;
        this.partitionKeys = partitionKeys.stream().mapToInt(Integer::intValue).toArray();
        this.partitionCount = partitionCount;
        this.types = List.copyOf(types);
        this.buffered = new ArrayList<>();
        for (int i = 0; i < partitionCount; i++) {
            buffered.add(new ArrayList<>());
        }
        this.bufferedRows = new int[partitionCount];
    }

    @Override
    public boolean needsInput() {
        return !finished && sink.isFull().isDone();
    }

    @Override
    public CompletableFuture<Void> isBlocked() {
        if (finished) {
            return NOT_BLOCKED;
        }
        CompletableFuture<Void> full = sink.isFull();
        return full.isDone() ? NOT_BLOCKED : full;
    }

    @Override
    public void addInput(Page page) {
        stats.recordInput(page);
        if (page.positionCount() == 0) {
            return;
        }
        switch (kind) {
            case GATHER -> send(0, page);
            case REPLICATE -> {
                for (int partition = 0; partition < partitionCount; partition++) {
                    send(partition, page);
                }
            }
            case REPARTITION -> repartition(page);
            case ROUND_ROBIN -> send(Math.floorMod(nextRoundRobin++, partitionCount), page);
        }
    }

    /** Encoded blocks travel encoded (the page serializer keeps them so); repartitioning hashes flat keys. */
    @Override
    public boolean acceptsEncodedBlocks() {
        return true;
    }

    private void repartition(Page encoded) {
        if (partitionCount == 1) {
            send(0, encoded);
            return;
        }
        Page page = EncodedPages.flatten(encoded);
        int count = page.positionCount();
        Block[] keys = new Block[partitionKeys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = EqualityKeys.of(types.get(partitionKeys[i]), page.block(partitionKeys[i]));
        }
        long[] hashes = Hashing.hashRows(keys, count);
        int[] partitions = new int[count];
        int[] sizes = new int[partitionCount];
        for (int i = 0; i < count; i++) {
            partitions[i] = Hashing.partition(hashes[i], partitionCount);
            sizes[partitions[i]]++;
        }
        int[][] positions = new int[partitionCount][];
        for (int partition = 0; partition < partitionCount; partition++) {
            positions[partition] = new int[sizes[partition]];
        }
        int[] filled = new int[partitionCount];
        for (int i = 0; i < count; i++) {
            int partition = partitions[i];
            positions[partition][filled[partition]++] = i;
        }
        for (int partition = 0; partition < partitionCount; partition++) {
            int size = sizes[partition];
            if (size == 0) {
                continue;
            }
            Page piece = size == count ? page : page.copyPositions(positions[partition], size);
            if (size >= MIN_PARTITION_ROWS && bufferedRows[partition] == 0) {
                send(partition, piece);
                continue;
            }
            buffered.get(partition).add(piece);
            bufferedRows[partition] += size;
            if (bufferedRows[partition] >= MIN_PARTITION_ROWS) {
                flush(partition);
            }
        }
    }

    private void flush(int partition) {
        List<Page> pages = buffered.get(partition);
        if (pages.isEmpty()) {
            return;
        }
        Page joined = Pages.concat(types, pages);
        pages.clear();
        bufferedRows[partition] = 0;
        send(partition, joined);
    }

    private void send(int partition, Page page) {
        int rows = page.positionCount();
        int rowsPerPage = OutputPages.rowsPerPage(Math.max(1, page.sizeInBytes() / Math.max(1, rows)));
        for (int start = 0; start < rows; start += rowsPerPage) {
            Page piece = start == 0 && rows <= rowsPerPage ? page : page.region(start, Math.min(rowsPerPage, rows - start));
            stats.recordOutput(piece);
            sink.enqueue(partition, piece);
        }
    }

    @Override
    public Page getOutput() {
        return null;
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        for (int partition = 0; partition < partitionCount; partition++) {
            flush(partition);
        }
        finished = true;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public OperatorStats stats() {
        return stats;
    }
}
