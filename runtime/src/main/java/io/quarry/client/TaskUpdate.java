package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.PlanFragment;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.TaskId;
import java.util.List;
import java.util.Optional;

/**
 * What a scheduler tells a worker about one of its tasks, as {@code POST /v1/task/{taskId}} carries it: the
 * first update creates the task from its fragment; any update may add splits, close the split list, and name
 * the producing tasks of the fragment's remote sources.
 */
public record TaskUpdate(
        TaskId taskId, Optional<TaskSpec> spec, List<Split> splits, boolean noMoreSplits, List<RemoteSourceUpdate> remoteSources) {
    public TaskUpdate {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(spec, "spec is null");
        splits = List.copyOf(splits);
        remoteSources = List.copyOf(remoteSources);
    }

    /** What a task is created from: its fragment, the query's session and how many consumers read its output. */
    public record TaskSpec(PlanFragment fragment, Session session, int outputPartitionCount) {
        public TaskSpec {
            requireNonNull(fragment, "fragment is null");
            requireNonNull(session, "session is null");
            if (outputPartitionCount < 1) {
                throw new IllegalArgumentException("outputPartitionCount must be at least 1: " + outputPartitionCount);
            }
        }
    }

    /** The producers of remote source {@code fragmentId}: all of them, in partition order of their stage. */
    public record RemoteSourceUpdate(int fragmentId, List<TaskLocation> producers) {
        public RemoteSourceUpdate {
            producers = List.copyOf(producers);
        }
    }

    /** A task on a node, by that node's HTTP base URI ({@code http://host:port}). */
    public record TaskLocation(String nodeUri, TaskId taskId) {
        public TaskLocation {
            requireNonNull(nodeUri, "nodeUri is null");
            requireNonNull(taskId, "taskId is null");
        }
    }
}
