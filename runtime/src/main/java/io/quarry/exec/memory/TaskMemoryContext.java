package io.quarry.exec.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.config.DataSizes;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.TaskId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The memory of one task: what its operators retain (reported per page through {@link #reserve}, enforced
 * against the query's per-node limit) plus what its page buffers hold (bounded elsewhere: counted through
 * {@link #setBufferedBytes}, never enforced). {@link #close()} gives everything back to the node's pool.
 * Thread-safe: the drivers of a task report concurrently.
 */
public final class TaskMemoryContext {
    private final NodeMemoryPool pool;
    private final TaskId taskId;
    private final long limit;
    private final Map<String, Long> byConsumer = new HashMap<>();
    private final Map<String, Long> peakByConsumer = new HashMap<>();
    private long operatorBytes;
    private long bufferedBytes;
    private long peakBytes;
    private boolean closed;

    TaskMemoryContext(NodeMemoryPool pool, TaskId taskId, long limit) {
        this.pool = requireNonNull(pool, "pool is null");
        this.taskId = requireNonNull(taskId, "taskId is null");
        this.limit = limit;
    }

    /** A context of its own unlimited pool, for tasks run outside a node. */
    public static TaskMemoryContext unlimited(TaskId taskId) {
        return NodeMemoryPool.unlimited().createTaskContext(taskId, Long.MAX_VALUE);
    }

    public TaskId taskId() {
        return taskId;
    }

    /** The per-node limit of this task's query, in bytes. */
    public long limit() {
        return limit;
    }

    /**
     * Changes what {@code consumer} (an operator type) retains by {@code delta} bytes.
     *
     * @throws QuarryException EXCEEDED_LOCAL_MEMORY_LIMIT when the growth takes the query's reservation on
     *     this node past the limit; the bytes stay reserved until {@link #close()}, as the operator holds them
     */
    public void reserve(String consumer, long delta) {
        if (delta == 0) {
            return;
        }
        long queryBytes;
        long poolBytes;
        String topConsumers;
        synchronized (this) {
            if (closed) {
                return;
            }
            operatorBytes += delta;
            long consumerBytes = byConsumer.merge(consumer, delta, Long::sum);
            peakByConsumer.merge(consumer, consumerBytes, Math::max);
            peakBytes = Math.max(peakBytes, operatorBytes + bufferedBytes);
            queryBytes = pool.update(taskId.stageId().queryId(), delta);
            poolBytes = pool.reservedBytes();
            if (delta < 0 || queryBytes <= limit && poolBytes <= pool.size()) {
                return;
            }
            topConsumers = topConsumers();
        }
        if (queryBytes <= limit) {
            // every query is within its limit but together they fill the node: the growing one gives way
            throw new QuarryException(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, String.format(
                    "Query exceeded the memory pool of this node of %s shared by all queries [Allocated: %s, Delta: %s, Top Consumers: %s]",
                    DataSizes.formatBytes(pool.size()), DataSizes.formatBytes(queryBytes), DataSizes.formatBytes(delta),
                    topConsumers));
        }
        throw new QuarryException(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, String.format(
                "Query exceeded per-node memory limit of %s [Allocated: %s, Delta: %s, Top Consumers: %s]",
                DataSizes.formatBytes(limit), DataSizes.formatBytes(queryBytes), DataSizes.formatBytes(delta),
                topConsumers));
    }

    private String topConsumers() {
        return byConsumer.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(3)
                .map(entry -> entry.getKey() + "=" + DataSizes.formatBytes(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Sets what the task's page buffers hold now; counted in the reservation, never failing the task. */
    public synchronized void setBufferedBytes(long bytes) {
        if (closed) {
            return;
        }
        long delta = Math.max(0, bytes) - bufferedBytes;
        bufferedBytes += delta;
        peakBytes = Math.max(peakBytes, operatorBytes + bufferedBytes);
        pool.update(taskId.stageId().queryId(), delta);
    }

    /** What the task reserves now: operators plus buffers; zero once closed. */
    public synchronized long reservedBytes() {
        return operatorBytes + bufferedBytes;
    }

    /** The largest reservation the task has had. */
    public synchronized long peakBytes() {
        return peakBytes;
    }

    /** The largest reservation of each consumer (operator type) that reserved anything. */
    public synchronized Map<String, Long> peakByConsumer() {
        return Map.copyOf(peakByConsumer);
    }

    /** The operators are done: only {@code bytes} of page buffers stay reserved (until {@link #close()}). */
    public synchronized void keepOnlyBuffered(long bytes) {
        if (closed) {
            return;
        }
        pool.update(taskId.stageId().queryId(), -operatorBytes);
        operatorBytes = 0;
        byConsumer.clear();
        setBufferedBytes(bytes);
    }

    /** Gives the whole reservation back to the pool; later reports are ignored. Idempotent. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.update(taskId.stageId().queryId(), -(operatorBytes + bufferedBytes));
        operatorBytes = 0;
        bufferedBytes = 0;
        byConsumer.clear();
    }
}
