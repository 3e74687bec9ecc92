package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.FailureInfo;
import io.quarry.exec.OperatorSummary;
import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.spi.TaskId;
import java.util.List;
import java.util.Optional;

/**
 * What a task reports to its stage: on every state change and periodically while it runs. {@code dynamicFilters}
 * are the summaries of partitioned joins' build keys collected since the previous report (each is sent once);
 * {@code operators}, the task's figures per plan node, come with the final report only (EXPLAIN ANALYZE reads them).
 */
public record TaskStatus(
        TaskId taskId,
        String nodeId,
        TaskState state,
        TaskProgress progress,
        Optional<FailureInfo> failure,
        List<CollectedDynamicFilter> dynamicFilters,
        List<OperatorSummary> operators)
        implements ClusterMessage {
    public TaskStatus {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(state, "state is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(failure, "failure is null");
        dynamicFilters = List.copyOf(dynamicFilters);
        operators = List.copyOf(operators);
    }

    /** A report without figures per plan node. */
    public TaskStatus(
            TaskId taskId,
            String nodeId,
            TaskState state,
            TaskProgress progress,
            Optional<FailureInfo> failure,
            List<CollectedDynamicFilter> dynamicFilters) {
        this(taskId, nodeId, state, progress, failure, dynamicFilters, List.of());
    }

    /** A report with no new dynamic filters. */
    public TaskStatus(TaskId taskId, String nodeId, TaskState state, TaskProgress progress, Optional<FailureInfo> failure) {
        this(taskId, nodeId, state, progress, failure, List.of());
    }

    /** This report without its dynamic filters (what a stage keeps). */
    public TaskStatus withoutDynamicFilters() {
        return dynamicFilters.isEmpty() ? this : new TaskStatus(taskId, nodeId, state, progress, failure, List.of(), operators);
    }
}
