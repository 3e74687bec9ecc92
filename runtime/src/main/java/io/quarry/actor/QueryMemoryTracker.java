package io.quarry.actor;

import io.quarry.config.DataSizes;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import java.util.Collection;
import java.util.Optional;

/**
 * The coordinator's view of one query's memory: the sum of the reservations its running tasks report with
 * their status, its peak, and the check against the distributed limit ({@code query.max-memory}, lowered by
 * the session's {@code query_max_memory}). Used by the query's actor only.
 */
final class QueryMemoryTracker {
    private final long limit;
    private long currentBytes;
    private long peakBytes;

    QueryMemoryTracker(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** Takes the tasks' latest figures; returns the failure when the query's memory passed the limit. */
    Optional<FailureInfo> update(Collection<StageActor.StageSnapshot> stages) {
        long current = 0;
        long largestTaskPeak = 0;
        for (StageActor.StageSnapshot stage : stages) {
            for (TaskStatus task : stage.tasks()) {
                if (!task.state().isDone()) {
                    current += task.progress().memoryBytes();
                }
                largestTaskPeak = Math.max(largestTaskPeak, task.progress().peakMemoryBytes());
            }
        }
        currentBytes = current;
        // Status updates are samples: a short query may finish between two of them, yet its largest task's
        // own peak is a true lower bound of the query's.
        peakBytes = Math.max(peakBytes, Math.max(current, largestTaskPeak));
        if (current > limit) {
            return Optional.of(FailureInfo.of(ErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT,
                    "Query exceeded distributed user memory limit of " + DataSizes.formatBytes(limit)
                            + " [Allocated: " + DataSizes.formatBytes(current) + "]"));
        }
        return Optional.empty();
    }

    long currentBytes() {
        return currentBytes;
    }

    long peakBytes() {
        return peakBytes;
    }
}
