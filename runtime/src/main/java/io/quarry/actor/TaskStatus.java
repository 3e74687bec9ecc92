package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.FailureInfo;
import io.quarry.spi.TaskId;
import java.util.Optional;

/** What a task reports to its stage: on every state change and periodically while it runs. */
public record TaskStatus(TaskId taskId, String nodeId, TaskState state, TaskProgress progress, Optional<FailureInfo> failure)
        implements ClusterMessage {
    public TaskStatus {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(state, "state is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(failure, "failure is null");
    }
}
