package io.quarry.exec.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.QueryId;
import io.quarry.spi.TaskId;
import java.util.HashMap;
import java.util.Map;

/**
 * The memory of the queries running on one node: the sum, per query, of the reservations of its tasks on
 * this node. A task whose reservation growth takes its query past the per-node limit fails with
 * EXCEEDED_LOCAL_MEMORY_LIMIT; the other queries are untouched. Thread-safe (one lock, taken per page, never
 * per row).
 */
public final class NodeMemoryPool {
    /** The share of the maximum heap kept out of the pool, for what queries do not account and the node itself. */
    public static final double HEADROOM_FRACTION = 0.3;
    /** The least headroom: a node at rest (Akka, Calcite, the planner's generated code) takes about this much. */
    public static final long MIN_HEADROOM_BYTES = 256L << 20;

    private final long maxQueryMemoryPerNode;
    private final long size;
    private final Map<QueryId, Long> reservedByQuery = new HashMap<>();
    private long reservedBytes;

    /** @param maxQueryMemoryPerNode {@code query.max-memory-per-node} of this node, in bytes */
    public NodeMemoryPool(long maxQueryMemoryPerNode) {
        this(maxQueryMemoryPerNode, Long.MAX_VALUE);
    }

    /**
     * @param maxQueryMemoryPerNode {@code query.max-memory-per-node} of this node, in bytes
     * @param size what all queries together may reserve on this node; a growth past it fails the growing query
     */
    public NodeMemoryPool(long maxQueryMemoryPerNode, long size) {
        if (maxQueryMemoryPerNode <= 0) {
            throw new IllegalArgumentException("maxQueryMemoryPerNode must be positive: " + maxQueryMemoryPerNode);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.maxQueryMemoryPerNode = maxQueryMemoryPerNode;
        this.size = size;
    }

    /**
     * The pool of a node in this JVM: the maximum heap less its headroom ({@link #HEADROOM_FRACTION} of it, at
     * least {@link #MIN_HEADROOM_BYTES}) for all queries together, so that many queries each within their
     * per-node limit still leave the JVM room; never less than a tenth of the heap.
     */
    public static NodeMemoryPool forHeap(long maxQueryMemoryPerNode) {
        return new NodeMemoryPool(maxQueryMemoryPerNode, sizeForHeap(Runtime.getRuntime().maxMemory()));
    }

    /** What the queries of a node with this maximum heap may reserve together. */
    public static long sizeForHeap(long maxHeapBytes) {
        long headroom = Math.max((long) (maxHeapBytes * HEADROOM_FRACTION), MIN_HEADROOM_BYTES);
        return Math.max(Math.max(1, maxHeapBytes / 10), maxHeapBytes - headroom);
    }

    /** A pool without a limit, for tasks run outside a node (tests, local runners). */
    public static NodeMemoryPool unlimited() {
        return new NodeMemoryPool(Long.MAX_VALUE);
    }

    public long maxQueryMemoryPerNode() {
        return maxQueryMemoryPerNode;
    }

    /** What all queries together may reserve on this node. */
    public long size() {
        return size;
    }

    /**
     * A new context for one task.
     *
     * @param sessionLimit the session's {@code query_max_memory_per_node}, if set; it may only lower the
     *     node's limit
     */
    public TaskMemoryContext createTaskContext(TaskId taskId, long sessionLimit) {
        requireNonNull(taskId, "taskId is null");
        return new TaskMemoryContext(this, taskId, Math.min(maxQueryMemoryPerNode, sessionLimit));
    }

    /** What the query reserves on this node now. */
    public synchronized long queryReservation(QueryId queryId) {
        return reservedByQuery.getOrDefault(queryId, 0L);
    }

    /** What every query reserves on this node now. */
    public synchronized long reservedBytes() {
        return reservedBytes;
    }

    /** Applies a change of a task's reservation; returns the query's reservation on this node after it. */
    synchronized long update(QueryId queryId, long delta) {
        long query = reservedByQuery.getOrDefault(queryId, 0L) + delta;
        if (query <= 0) {
            reservedByQuery.remove(queryId);
            query = 0;
        } else {
            reservedByQuery.put(queryId, query);
        }
        reservedBytes += delta;
        return query;
    }
}
