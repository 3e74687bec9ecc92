package io.quarry.client;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.quarry.actor.NodeGuardian;
import io.quarry.actor.NodeRegistry;
import io.quarry.actor.QueryActor;
import io.quarry.actor.QueryManager;
import io.quarry.actor.RemoteTask;
import io.quarry.actor.TaskActor;
import io.quarry.actor.TaskManager;
import io.quarry.actor.TaskState;
import io.quarry.actor.WorkerRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@link QuarryService} over a node's actors: each call is one ask, with the configured timeout. */
final class ActorQuarryService implements QuarryService {
    /** How long a task update waits for a producer's worker to be listed: 25 × 200 ms. */
    private static final int WORKER_LISTING_ATTEMPTS = 25;
    private static final long WORKER_LISTING_INTERVAL_MILLIS = 200;

    private final ActorRef<NodeGuardian.Command> guardian;
    private final NodeGuardian.Components components;
    private final Scheduler scheduler;
    private final Duration askTimeout;

    ActorQuarryService(
            ActorRef<NodeGuardian.Command> guardian, NodeGuardian.Components components, Scheduler scheduler, Duration askTimeout) {
        this.guardian = requireNonNull(guardian, "guardian is null");
        this.components = requireNonNull(components, "components is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.askTimeout = requireNonNull(askTimeout, "askTimeout is null");
    }

    @Override
    public CompletionStage<QueryHandle> submit(ClientSession session, String sql) {
        return queryManager().thenCompose(manager -> nodeState().thenCompose(state -> state == NodeState.ACTIVE
                ? AskPattern.<QueryManager.Command, QueryHandle>ask(
                        manager, replyTo -> new QueryManager.Submit(session, sql, replyTo), askTimeout, scheduler)
                : CompletableFuture.failedFuture(new QuarryException(
                        ErrorCode.SERVER_SHUTTING_DOWN, "The coordinator is " + state + " and takes no new statements"))));
    }

    @Override
    public CompletionStage<Optional<String>> changeNodeState(NodeState target) {
        return AskPattern.ask(guardian, replyTo -> new NodeGuardian.ChangeNodeState(target, replyTo), askTimeout, scheduler);
    }

    @Override
    public CompletionStage<FetchResult> fetch(
            QueryHandle handle, ResultPhase phase, long token, Duration maxWait, long targetResultBytes) {
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager,
                replyTo -> new QueryManager.Fetch(handle, phase, token, maxWait, targetResultBytes, replyTo),
                askTimeout.plus(maxWait),
                scheduler));
    }

    @Override
    public CompletionStage<Boolean> cancel(QueryHandle handle) {
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager, replyTo -> new QueryManager.CancelQuery(handle, replyTo), askTimeout, scheduler));
    }

    @Override
    public CompletionStage<List<QueryInfo>> queries() {
        return queryManager()
                .thenCompose(manager -> AskPattern.<QueryManager.Command, List<ActorRef<QueryActor.Command>>>ask(
                        manager, QueryManager.ListQueries::new, askTimeout, scheduler))
                .thenCompose(actors -> {
                    List<CompletableFuture<Optional<QueryInfo>>> infos = new ArrayList<>();
                    for (ActorRef<QueryActor.Command> actor : actors) {
                        // A query removed between the two asks does not answer: it is left out.
                        infos.add(AskPattern.<QueryActor.Command, QueryInfo>ask(
                                        actor, replyTo -> new QueryActor.GetInfo(false, replyTo), askTimeout, scheduler)
                                .thenApply(Optional::of)
                                .exceptionally(error -> Optional.empty())
                                .toCompletableFuture());
                    }
                    return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new)).thenApply(done -> infos.stream()
                            .map(CompletableFuture::join)
                            .flatMap(Optional::stream)
                            .sorted(Comparator.comparing(QueryInfo::createTime).thenComparing(info -> info.queryId().id()))
                            .toList());
                });
    }

    @Override
    public CompletionStage<Optional<QueryInfo>> queryInfo(QueryId queryId) {
        return queryActor(queryId).thenCompose(actor -> actor
                .<CompletionStage<Optional<QueryInfo>>>map(found -> AskPattern.<QueryActor.Command, QueryInfo>ask(
                                found, replyTo -> new QueryActor.GetInfo(true, replyTo), askTimeout, scheduler)
                        .thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
    }

    @Override
    public CompletionStage<Boolean> cancelStage(StageId stageId) {
        return queryActor(stageId.queryId()).thenCompose(actor -> actor
                .<CompletionStage<Boolean>>map(found -> AskPattern.ask(
                        found, replyTo -> new QueryActor.CancelStage(stageId.id(), replyTo), askTimeout, scheduler))
                .orElseGet(() -> CompletableFuture.completedFuture(false)));
    }

    @Override
    public CompletionStage<KillResult> kill(QueryId queryId, ErrorCode errorCode, String message) {
        FailureInfo cause = FailureInfo.of(errorCode, message);
        return queryActor(queryId).thenCompose(actor -> actor
                .<CompletionStage<KillResult>>map(found -> AskPattern.ask(
                        found, replyTo -> new QueryActor.Kill(cause, replyTo), askTimeout, scheduler))
                .orElseGet(() -> CompletableFuture.completedFuture(KillResult.NOT_FOUND)));
    }

    private CompletionStage<Optional<ActorRef<QueryActor.Command>>> queryActor(QueryId queryId) {
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager, replyTo -> new QueryManager.GetQuery(queryId, replyTo), askTimeout, scheduler));
    }

    @Override
    public CompletionStage<Boolean> heartbeat(QueryHandle handle) {
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager, replyTo -> new QueryManager.Heartbeat(handle, replyTo), askTimeout, scheduler));
    }

    @Override
    public CompletionStage<List<ClusterNode>> nodes() {
        return AskPattern.<NodeRegistry.Command, NodeRegistry.Nodes>ask(
                        components.registry(), NodeRegistry.GetNodes::new, askTimeout, scheduler)
                .thenApply(NodeRegistry.Nodes::nodes);
    }

    @Override
    public CompletionStage<NodeState> nodeState() {
        return AskPattern.ask(guardian, NodeGuardian.GetNodeState::new, askTimeout, scheduler);
    }

    @Override
    public CompletionStage<Optional<QueryStatistics>> statistics(QueryHandle handle) {
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager, replyTo -> new QueryManager.GetStatistics(handle, replyTo), askTimeout, scheduler));
    }

    @Override
    public CompletionStage<List<TaskId>> tasks() {
        return components.taskManager()
                .map(taskManager -> AskPattern.<TaskManager.Command, TaskManager.TaskList>ask(
                                taskManager, TaskManager.ListTasks::new, askTimeout, scheduler)
                        .thenApply(TaskManager.TaskList::tasks))
                .orElseGet(() -> CompletableFuture.completedFuture(List.of()));
    }

    @Override
    public CompletionStage<List<TaskSnapshot>> taskInfos() {
        return tasks().thenCompose(ids -> {
            List<CompletableFuture<Optional<TaskSnapshot>>> infos = ids.stream()
                    .map(id -> taskInfo(id, Optional.empty(), Duration.ZERO).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> infos.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    @Override
    public CompletionStage<Optional<TaskSnapshot>> taskInfo(TaskId taskId, Optional<TaskState> currentState, Duration maxWait) {
        return components.taskManager()
                .map(taskManager -> AskPattern.<TaskManager.Command, Optional<TaskSnapshot>>ask(
                        taskManager,
                        replyTo -> new TaskManager.GetTaskInfo(taskId, currentState, maxWait, replyTo),
                        askTimeout.plus(maxWait),
                        scheduler))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    @Override
    public CompletionStage<TaskSnapshot> cancelTask(TaskId taskId, boolean abort) {
        return taskManager().thenCompose(taskManager -> AskPattern.<TaskManager.Command, TaskSnapshot>ask(
                taskManager, replyTo -> new TaskManager.CancelTask(taskId, abort, replyTo), askTimeout, scheduler));
    }

    @Override
    public CompletionStage<Optional<TaskActor.Pages>> taskResults(TaskId taskId, int bufferId, long token, long maxBytes) {
        return findTask(taskId).thenCompose(task -> task
                .map(ref -> AskPattern.<TaskActor.Command, TaskActor.Pages>ask(
                                ref, replyTo -> new TaskActor.GetPages(bufferId, token, maxBytes, replyTo),
                                askTimeout.plus(Duration.ofSeconds(2)), scheduler)
                        .thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
    }

    @Override
    public CompletionStage<Boolean> acknowledgeTaskResults(TaskId taskId, int bufferId, long token) {
        return findTask(taskId).thenApply(task -> {
            task.ifPresent(ref -> ref.tell(new TaskActor.Acknowledge(bufferId, token)));
            return task.isPresent();
        });
    }

    @Override
    public CompletionStage<Boolean> destroyTaskBuffer(TaskId taskId, int bufferId) {
        return findTask(taskId).thenApply(task -> {
            task.ifPresent(ref -> ref.tell(new TaskActor.DestroyBuffer(bufferId)));
            return task.isPresent();
        });
    }

    @Override
    public CompletionStage<TaskSnapshot> updateTask(TaskUpdate update) {
        return taskManager().thenCompose(taskManager -> resolveRemoteSources(update.remoteSources())
                .thenCompose(remoteSources -> AskPattern.<TaskManager.Command, TaskManager.TaskUpdated>ask(
                        taskManager,
                        replyTo -> new TaskManager.UpdateTask(update.taskId(), update.spec(), update.splits(),
                                update.noMoreSplits(), remoteSources, replyTo),
                        askTimeout,
                        scheduler))
                .thenApply(updated -> {
                    updated.failure().ifPresent(failure -> {
                        throw failure.toException();
                    });
                    return updated.info().orElseThrow();
                }));
    }

    /** The producer locations as task actors: each asked of the task manager of the worker at its URI. */
    private CompletionStage<List<TaskActor.AddRemoteSources>> resolveRemoteSources(List<TaskUpdate.RemoteSourceUpdate> updates) {
        if (updates.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Set<String> producerNodes = new HashSet<>();
        updates.forEach(update -> update.producers().forEach(location -> producerNodes.add(withoutSlash(location.nodeUri()))));
        return workersListing(producerNodes, WORKER_LISTING_ATTEMPTS)
                .thenCompose(workers -> {
                    List<CompletableFuture<TaskActor.AddRemoteSources>> resolved = new ArrayList<>();
                    for (TaskUpdate.RemoteSourceUpdate update : updates) {
                        List<CompletableFuture<RemoteTask>> producers = update.producers().stream()
                                .map(location -> locate(workers.workers(), location).toCompletableFuture())
                                .toList();
                        resolved.add(CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new))
                                .thenApply(done -> new TaskActor.AddRemoteSources(
                                        update.fragmentId(), producers.stream().map(CompletableFuture::join).toList())));
                    }
                    return CompletableFuture.allOf(resolved.toArray(CompletableFuture[]::new))
                            .thenApply(done -> resolved.stream().map(CompletableFuture::join).toList());
                });
    }

    /**
     * The registry's workers once they include every node of {@code nodeUris}, asked again a few times apart: a
     * worker that just joined is listed a moment after its membership (its task manager comes through the
     * Receptionist). After the last attempt the listing is taken as it is, and a missing node is an error.
     */
    private CompletionStage<NodeRegistry.Workers> workersListing(Set<String> nodeUris, int attempts) {
        return AskPattern.<NodeRegistry.Command, NodeRegistry.Workers>ask(
                        components.registry(), NodeRegistry.GetWorkers::new, askTimeout, scheduler)
                .thenCompose(workers -> {
                    boolean complete = workers.workers().stream().map(WorkerRef::httpUri).collect(Collectors.toSet())
                            .containsAll(nodeUris);
                    if (complete || attempts <= 1) {
                        return CompletableFuture.completedFuture(workers);
                    }
                    return CompletableFuture.runAsync(() -> {},
                                    CompletableFuture.delayedExecutor(WORKER_LISTING_INTERVAL_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> workersListing(nodeUris, attempts - 1));
                });
    }

    private static String withoutSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private CompletionStage<RemoteTask> locate(List<WorkerRef> workers, TaskUpdate.TaskLocation location) {
        String nodeUri = withoutSlash(location.nodeUri());
        Optional<WorkerRef> worker = workers.stream().filter(each -> each.httpUri().equals(nodeUri)).findFirst();
        if (worker.isEmpty()) {
            return CompletableFuture.failedFuture(new QuarryException(ErrorCode.INVALID_ARGUMENTS,
                    "No active worker at " + location.nodeUri() + " (producer task " + location.taskId() + ")"));
        }
        return AskPattern.<TaskManager.Command, TaskManager.TaskLocated>ask(
                        worker.get().taskManager(),
                        replyTo -> new TaskManager.LocateTask(location.taskId(), replyTo),
                        askTimeout,
                        scheduler)
                .thenApply(located -> new RemoteTask(location.taskId(), located.task().orElseThrow(() -> new QuarryException(
                        ErrorCode.INVALID_ARGUMENTS,
                        "Producer task " + location.taskId() + " does not exist on " + location.nodeUri()))));
    }

    private CompletionStage<Optional<ActorRef<TaskActor.Command>>> findTask(TaskId taskId) {
        return components.taskManager()
                .map(taskManager -> AskPattern.<TaskManager.Command, Optional<ActorRef<TaskActor.Command>>>ask(
                        taskManager, replyTo -> new TaskManager.FindTask(taskId, replyTo), askTimeout, scheduler))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    private CompletionStage<ActorRef<TaskManager.Command>> taskManager() {
        return components.taskManager()
                .<CompletionStage<ActorRef<TaskManager.Command>>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new QuarryException(ErrorCode.NOT_SUPPORTED, "This node runs no tasks")));
    }

    private CompletionStage<ActorRef<QueryManager.Command>> queryManager() {
        return components.queryManager()
                .<CompletionStage<ActorRef<QueryManager.Command>>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new QuarryException(ErrorCode.NOT_SUPPORTED, "This node is not a coordinator")));
    }
}
