package io.quarry.http.plan;

import io.quarry.client.TaskUpdate;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.TaskId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /v1/task/{taskId}}, in {@link PlanJson}: the {@code fragment} and {@code session}
 * (with {@code outputPartitionCount}, default 1) create the task; {@code splits}, {@code noMoreSplits} and
 * {@code remoteSources} (each a fragment id and the URIs of its producing tasks, {@code …/v1/task/{taskId}}) may
 * come with any update.
 */
public record TaskUpdateRequest(
        Optional<Session> session,
        Optional<PlanFragment> fragment,
        Optional<Integer> outputPartitionCount,
        List<Split> splits,
        Boolean noMoreSplits,
        List<RemoteSourceRequest> remoteSources) {
    public TaskUpdateRequest {
        session = session == null ? Optional.empty() : session;
        fragment = fragment == null ? Optional.empty() : fragment;
        outputPartitionCount = outputPartitionCount == null ? Optional.empty() : outputPartitionCount;
        splits = splits == null ? List.of() : List.copyOf(splits);
        noMoreSplits = noMoreSplits != null && noMoreSplits;
        remoteSources = remoteSources == null ? List.of() : List.copyOf(remoteSources);
    }

    /** The producing tasks of one remote source of the fragment. */
    public record RemoteSourceRequest(int fragmentId, List<URI> tasks) {
        public RemoteSourceRequest {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** This request as the update of task {@code taskId}; throws IllegalArgumentException naming what is wrong. */
    public TaskUpdate toUpdate(TaskId taskId) {
        if (fragment.isPresent() != session.isPresent()) {
            throw new IllegalArgumentException("A task is created from a \"fragment\" and a \"session\": give both or neither");
        }
        if (outputPartitionCount.isPresent() && fragment.isEmpty()) {
            throw new IllegalArgumentException("\"outputPartitionCount\" belongs to the update that creates the task");
        }
        Optional<TaskUpdate.TaskSpec> spec = Optional.empty();
        if (fragment.isPresent()) {
            if (!session.get().queryId().equals(taskId.queryId())) {
                throw new IllegalArgumentException("The session is of query " + session.get().queryId()
                        + ", the task of query " + taskId.queryId());
            }
            if (fragment.get().id() != taskId.stageId().id()) {
                throw new IllegalArgumentException("Fragment " + fragment.get().id() + " is not the fragment of stage "
                        + taskId.stageId());
            }
            spec = Optional.of(new TaskUpdate.TaskSpec(fragment.get(), session.get(), outputPartitionCount.orElse(1)));
        }
        List<TaskUpdate.RemoteSourceUpdate> sources = new ArrayList<>();
        for (RemoteSourceRequest source : remoteSources) {
            sources.add(new TaskUpdate.RemoteSourceUpdate(
                    source.fragmentId(), source.tasks().stream().map(TaskUpdateRequest::location).toList()));
        }
        return new TaskUpdate(taskId, spec, splits, noMoreSplits, sources);
    }

    /** {@code http://host:port/v1/task/{taskId}} as the node's base URI and the task id. */
    static TaskUpdate.TaskLocation location(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String prefix = "/v1/task/";
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null
                || !path.startsWith(prefix) || path.substring(prefix.length()).contains("/")) {
            throw new IllegalArgumentException("Not a task URI (http://host:port/v1/task/{taskId}): " + uri);
        }
        TaskId taskId = TaskId.valueOf(path.substring(prefix.length()));
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new TaskUpdate.TaskLocation(base, taskId);
    }
}
