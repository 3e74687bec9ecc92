package io.quarry.exec.operator;

import io.quarry.page.Page;

/**
 * Figures of one operator: rows and bytes in and out, retained memory. Written by the driver thread,
 * read by anyone (volatile, single writer).
 */
public final class OperatorStats {
    private final String operatorType;
    private volatile long inputRows;
    private volatile long inputBytes;
    private volatile long outputRows;
    private volatile long outputBytes;
    private volatile long retainedBytes;

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

    public void recordOutput(Page page) {
        outputRows += page.positionCount();
        outputBytes += page.sizeInBytes();
    }

    public void setRetainedBytes(long bytes) {
        retainedBytes = bytes;
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
}
