package io.quarry.client;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.quarry.actor.NodeGuardian;
import io.quarry.actor.NodeRegistry;
import io.quarry.actor.QueryActor;
import io.quarry.actor.QueryManager;
import io.quarry.actor.TaskManager;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@link QuarryService} over a node's actors: each call is one ask, with the configured timeout. */
final class ActorQuarryService implements QuarryService {
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
        return queryManager().thenCompose(manager -> AskPattern.ask(
                manager, replyTo -> new QueryManager.Submit(session, sql, replyTo), askTimeout, scheduler));
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

    private CompletionStage<ActorRef<QueryManager.Command>> queryManager() {
        return components.queryManager()
                .<CompletionStage<ActorRef<QueryManager.Command>>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new QuarryException(ErrorCode.NOT_SUPPORTED, "This node is not a coordinator")));
    }
}
