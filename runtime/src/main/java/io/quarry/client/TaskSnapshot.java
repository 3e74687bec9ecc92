package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.exchange.OutputBufferInfo;
import io.quarry.exec.TaskStatistics;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.TaskId;
import java.time.Instant;
import java.util.List;

/**
 * One task of this node as {@code /v1/task} shows it: its identity and incarnation ({@code taskInstanceId},
 * a UUID per task actor), a version that grows on each state change, its state name, failures, the time of
 * the snapshot, its output buffers and its figures.
 */
public record TaskSnapshot(
        TaskId taskId,
        String taskInstanceId,
        long version,
        String state,
        String nodeId,
        List<FailureInfo> failures,
        Instant lastHeartbeat,
        OutputBufferInfo outputBuffers,
        TaskStatistics statistics,
        boolean noMoreSplits) {
    /** The figures of a task that has not run. */
    public static final TaskStatistics NO_STATISTICS = new TaskStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public TaskSnapshot {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(taskInstanceId, "taskInstanceId is null");
        requireNonNull(state, "state is null");
        requireNonNull(nodeId, "nodeId is null");
        failures = List.copyOf(failures);
        requireNonNull(lastHeartbeat, "lastHeartbeat is null");
        requireNonNull(outputBuffers, "outputBuffers is null");
        requireNonNull(statistics, "statistics is null");
    }

    /** What a task that does not exist here reports when asked to abort: ABORTED, empty, version 0. */
    public static TaskSnapshot aborted(TaskId taskId, String nodeId, Instant now) {
        return new TaskSnapshot(
                taskId, new java.util.UUID(0, 0).toString(), 0, "ABORTED", nodeId, List.of(), now,
                new OutputBufferInfo(OutputBufferInfo.State.ABORTED, 0, 0, 0, List.of()), NO_STATISTICS, true);
    }
}
