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
    private final long maxQueryMemoryPerNode;
    private final Map<QueryId, Long> reservedByQuery = new HashMap<>();
    private long reservedBytes;

    /** @param maxQueryMemoryPerNode {@code query.max-memory-per-node} of this node, in bytes */
    public NodeMemoryPool(long maxQueryMemoryPerNode) {
        if (maxQueryMemoryPerNode <= 0) {
            throw new IllegalArgumentException("maxQueryMemoryPerNode must be positive: " + maxQueryMemoryPerNode);
        }
        this.maxQueryMemoryPerNode = maxQueryMemoryPerNode;
    }

    /** A pool without a limit, for tasks run outside a node (tests, local runners). */
    public static NodeMemoryPool unlimited() {
        return new NodeMemoryPool(Long.MAX_VALUE);
    }

    public long maxQueryMemoryPerNode() {
        return maxQueryMemoryPerNode;
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
