package io.quarry.exec.operator;

import static java.util.Objects.requireNonNull;

import io.quarry.exec.memory.TaskMemoryContext;
import io.quarry.page.Page;

/**
 * Figures of one operator: rows and bytes in and out, retained memory. Written by the driver thread,
 * read by anyone (volatile, single writer).
 */
public final class OperatorStats {
    /** The plan node id of an operator no plan node owns (e.g. the task's output). */
    public static final int UNPLACED = -1;

    private final String operatorType;
    private volatile long inputRows;
    private volatile long inputBytes;
    private volatile long outputRows;
    private volatile long outputBytes;
    private volatile long retainedBytes;
    private volatile long peakRetainedBytes;
    private volatile long cpuNanos;
    private volatile long wallNanos;
    private int planNodeId = UNPLACED;
    private int sequence = UNPLACED;
    private volatile long dynamicFilterPrunedRows;
    private volatile TaskMemoryContext memory;

    public OperatorStats(String operatorType) {
        this.operatorType = operatorType;
    }

    public String operatorType() {
        return operatorType;
    }

    public void recordInput(Page page) {
        inputRows += page.positionCount();
        inputBytes += page.sizeInBytes();
    }

    public void recordInput(long rows, long bytes) {
        inputRows += rows;
        inputBytes += bytes;
    }

    /** Rows a table scan read and dropped because of dynamic filters. */
    public void recordDynamicFilterPruned(long rows) {
        dynamicFilterPrunedRows += rows;
    }

    public long dynamicFilterPrunedRows() {
        return dynamicFilterPrunedRows;
    }

    public void recordOutput(Page page) {
        outputRows += page.positionCount();
        outputBytes += page.sizeInBytes();
    }

    /**
     * Sets what the operator retains now (cheap estimate, per page); the change is reserved in the task's
     * memory context, which throws EXCEEDED_LOCAL_MEMORY_LIMIT when the query passes its per-node limit.
     */
    public void setRetainedBytes(long bytes) {
        long delta = bytes - retainedBytes;
        retainedBytes = bytes;
        if (bytes > peakRetainedBytes) {
            peakRetainedBytes = bytes;
        }
        TaskMemoryContext context = memory;
        if (context != null) {
            context.reserve(operatorType, delta);
        }
    }

    /** Reports this operator's retained bytes, from now on, to the task's memory context. */
    public void attachMemory(TaskMemoryContext context) {
        requireNonNull(context, "context is null");
        memory = context;
        context.reserve(operatorType, retainedBytes);
    }

    public long inputRows() {
        return inputRows;
    }

    public long inputBytes() {
        return inputBytes;
    }

    public long outputRows() {
        return outputRows;
    }

    public long outputBytes() {
        return outputBytes;
    }

    public long retainedBytes() {
        return retainedBytes;
    }

    /** The most this operator retained at once. */
    public long peakRetainedBytes() {
        return peakRetainedBytes;
    }

    /** Wall time the driver spent in a call of this operator. */
    public void recordWall(long nanos) {
        wallNanos += nanos;
    }

    /** This operator's share of the thread CPU time of a driver's time slice (shared by wall time in its calls). */
    public void recordCpu(long nanos) {
        cpuNanos += nanos;
    }

    public long cpuNanos() {
        return cpuNanos;
    }

    public long wallNanos() {
        return wallNanos;
    }

    /**
     * Says which plan node of the fragment (its preorder id, see {@code exec.PlanNodeIds}) this operator runs, and its
     * place among the task's operator factories (a node's last operator gives the node's output). Set once, before the
     * operator runs.
     */
    public void place(int planNodeId, int sequence) {
        this.planNodeId = planNodeId;
        this.sequence = sequence;
    }

    public int planNodeId() {
        return planNodeId;
    }

    public int sequence() {
        return sequence;
    }
}
