package io.quarry.client;

import io.quarry.actor.TaskActor;
import io.quarry.actor.TaskState;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The programmatic API of a Quarry coordinator: what the HTTP layer and embedding programs use. Every
 * method is an ask of the actor that owns the state; none blocks. Stages complete exceptionally only
 * on internal failure or timeout; query failures are part of the answers.
 */
public interface QuarryService {
    /** Registers a statement and returns at once; parsing and planning happen after. */
    CompletionStage<QueryHandle> submit(ClientSession session, String sql);

    /**
     * One response of the result protocol for {@code phase}/{@code token}, waiting up to {@code maxWait}
     * for data or a state change, with about {@code targetResultBytes} of rows at most.
     */
    CompletionStage<FetchResult> fetch(
            QueryHandle handle, ResultPhase phase, long token, Duration maxWait, long targetResultBytes);

    /** Cancels the query (FAILED with USER_CANCELED); false when the query or slug is unknown. */
    CompletionStage<Boolean> cancel(QueryHandle handle);

    /**
     * Every query the coordinator knows, running or kept after its end (see {@code query.min-expire-age} and
     * {@code query.max-history}), without stage trees, in creation order.
     */
    CompletionStage<List<QueryInfo>> queries();

    /** One query with its stage tree; empty when the id is unknown or the query was removed. */
    CompletionStage<Optional<QueryInfo>> queryInfo(QueryId queryId);

    /**
     * Fails a query by id, not by slug, with {@code errorCode} and {@code message} (cancel by id, the
     * administrative kill and preemption): the caller decides who may.
     */
    CompletionStage<KillResult> kill(QueryId queryId, ErrorCode errorCode, String message);

    /**
     * The clients' partial cancel: stage {@code stageId} and those below it stop producing and the query
     * finishes with the rows already produced. False when the query is unknown.
     */
    CompletionStage<Boolean> cancelStage(StageId stageId);

    /** Records that the client is alive (HEAD on a result URI); false when the query or slug is unknown. */
    CompletionStage<Boolean> heartbeat(QueryHandle handle);

    /** The other nodes of the cluster as cluster membership sees them. */
    CompletionStage<List<ClusterNode>> nodes();

    /** This node's lifecycle state. */
    CompletionStage<NodeState> nodeState();

    /**
     * Changes this node's lifecycle state; completes with the reason when the transition is not allowed.
     * {@code SHUTTING_DOWN} drains the node and then stops it. The default allows only the current state.
     */
    default CompletionStage<Optional<String>> changeNodeState(NodeState target) {
        return nodeState().thenApply(current -> current == target
                ? Optional.<String>empty()
                : Optional.of("Invalid state transition to " + target));
    }

    /**
     * The current statistics of a query, read without consuming results and without counting as client
     * activity; empty when the query or slug is unknown. The default is for services that keep no
     * queries.
     */
    default CompletionStage<Optional<QueryStatistics>> statistics(QueryHandle handle) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * The tasks that exist on this node now, running or about to stop. The default, and a node without
     * the worker role, answer an empty list.
     */
    default CompletionStage<List<TaskId>> tasks() {
        return CompletableFuture.completedFuture(List.of());
    }

    /** The info of every task on this node now; empty on a node without the worker role. */
    default CompletionStage<List<TaskSnapshot>> taskInfos() {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * The info of one task of this node; empty when it does not exist here (nothing is created). With
     * {@code currentState} present, waits up to {@code maxWait} for the task to leave that state.
     */
    default CompletionStage<Optional<TaskSnapshot>> taskInfo(TaskId taskId, Optional<TaskState> currentState, Duration maxWait) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Aborts ({@code abort} true) or cancels a task of this node and answers its info after the change; an
     * unknown task answers an ABORTED info and nothing is created.
     */
    default CompletionStage<TaskSnapshot> cancelTask(TaskId taskId, boolean abort) {
        return CompletableFuture.failedFuture(new QuarryException(ErrorCode.NOT_SUPPORTED, "This node runs no tasks"));
    }

    /**
     * Pages of output buffer {@code bufferId} of a task from {@code token} on (acknowledging what came before),
     * waiting about a second for some; empty when the task does not exist here.
     */
    default CompletionStage<Optional<TaskActor.Pages>> taskResults(TaskId taskId, int bufferId, long token, long maxBytes) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /**
     * Creates or updates a task of this node (the task protocol's {@code POST /v1/task/{taskId}}): the same
     * messages a stage sends its tasks. Producers of remote sources are found on the nodes their locations
     * name. Fails with NOT_FOUND for an update of an unknown task without its fragment, INVALID_ARGUMENTS for
     * an update the task cannot take.
     */
    default CompletionStage<TaskSnapshot> updateTask(TaskUpdate update) {
        return CompletableFuture.failedFuture(new QuarryException(ErrorCode.NOT_SUPPORTED, "This node runs no tasks"));
    }

    /** Frees the pages of a task's output buffer before {@code token}; false when the task does not exist here. */
    default CompletionStage<Boolean> acknowledgeTaskResults(TaskId taskId, int bufferId, long token) {
        return CompletableFuture.completedFuture(false);
    }

    /** Closes a task's output buffer and drops its pages; false when the task does not exist here. */
    default CompletionStage<Boolean> destroyTaskBuffer(TaskId taskId, int bufferId) {
        return CompletableFuture.completedFuture(false);
    }
}
