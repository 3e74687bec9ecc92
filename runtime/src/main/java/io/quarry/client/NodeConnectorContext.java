package io.quarry.client;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.quarry.actor.NodeGuardian;
import io.quarry.actor.NodeRegistry;
import io.quarry.actor.QueryActor;
import io.quarry.actor.QueryManager;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.NodeInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.QuerySummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The connectors' view of their node. Catalogs are created before the node's actors exist, so the
 * registry and the query manager are bound once the node is up; until then the answers wait.
 */
final class NodeConnectorContext implements ConnectorContext {
    private record Bound(NodeGuardian.Components components, Scheduler scheduler) {}

    private final CompletableFuture<Bound> bound = new CompletableFuture<>();
    private final String nodeId;
    private final Duration askTimeout;

    NodeConnectorContext(String nodeId, Duration askTimeout) {
        this.nodeId = nodeId;
        this.askTimeout = askTimeout;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    void bind(NodeGuardian.Components components, Scheduler scheduler) {
        bound.complete(new Bound(components, scheduler));
    }

    @Override
    public CompletionStage<List<NodeInfo>> clusterNodes() {
        return bound.thenCompose(node -> AskPattern.<NodeRegistry.Command, NodeRegistry.Members>ask(
                        node.components().registry(), NodeRegistry.GetMembers::new, askTimeout, node.scheduler()))
                .thenApply(NodeRegistry.Members::members);
    }

    /** Every query of the query manager with its stage tree; a query that ends between the asks is left out. */
    @Override
    public CompletionStage<List<QuerySummary>> queries() {
        return bound.thenCompose(node -> node.components().queryManager()
                .map(manager -> queries(manager, node.scheduler()))
                .orElseGet(() -> CompletableFuture.completedFuture(List.of())));
    }

    @Override
    public CompletionStage<Boolean> killQuery(QueryId queryId, String message) {
        FailureInfo cause = FailureInfo.of(ErrorCode.ADMINISTRATIVELY_KILLED, message);
        return bound.thenCompose(node -> node.components().queryManager()
                .map(manager -> AskPattern.<QueryManager.Command, Optional<ActorRef<QueryActor.Command>>>ask(
                                manager, replyTo -> new QueryManager.GetQuery(queryId, replyTo), askTimeout, node.scheduler())
                        .thenCompose(actor -> actor
                                .map(found -> AskPattern.<QueryActor.Command, KillResult>ask(
                                                found, replyTo -> new QueryActor.Kill(cause, replyTo), askTimeout, node.scheduler())
                                        .thenApply(result -> result != KillResult.NOT_FOUND))
                                .orElseGet(() -> CompletableFuture.completedFuture(false))))
                .orElseGet(() -> CompletableFuture.completedFuture(false)));
    }

    private CompletionStage<List<QuerySummary>> queries(ActorRef<QueryManager.Command> manager, Scheduler scheduler) {
        return AskPattern.<QueryManager.Command, List<ActorRef<QueryActor.Command>>>ask(
                        manager, QueryManager.ListQueries::new, askTimeout, scheduler)
                .thenCompose(actors -> {
                    List<CompletableFuture<Optional<QueryInfo>>> infos = new ArrayList<>();
                    for (ActorRef<QueryActor.Command> actor : actors) {
                        infos.add(AskPattern.<QueryActor.Command, QueryInfo>ask(
                                        actor, replyTo -> new QueryActor.GetInfo(true, replyTo), askTimeout, scheduler)
                                .thenApply(Optional::of)
                                .exceptionally(error -> Optional.empty())
                                .toCompletableFuture());
                    }
                    return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new)).thenApply(done -> infos.stream()
                            .map(CompletableFuture::join)
                            .flatMap(Optional::stream)
                            .sorted(Comparator.comparing(QueryInfo::createTime).thenComparing(info -> info.queryId().id()))
                            .map(NodeConnectorContext::summary)
                            .toList());
                });
    }

    private static QuerySummary summary(QueryInfo info) {
        List<QuerySummary.Task> tasks = new ArrayList<>();
        info.outputStage().ifPresent(stage -> addTasks(stage, tasks));
        Optional<Instant> started = info.state() == QueryState.QUEUED
                ? Optional.empty()
                : Optional.of(info.createTime().plusMillis(info.queuedMillis()));
        return new QuerySummary(
                info.queryId().id(),
                info.state().name(),
                info.session().user(),
                info.session().source(),
                info.query(),
                info.queuedMillis(),
                info.statistics().planningTimeMillis(),
                info.createTime(),
                started,
                Optional.of(info.endTime().orElseGet(Instant::now)),
                info.endTime(),
                info.failure().map(FailureInfo::errorCode),
                tasks);
    }

    private static void addTasks(StageInfo stage, List<QuerySummary.Task> tasks) {
        for (StageTaskInfo task : stage.tasks()) {
            tasks.add(new QuerySummary.Task(
                    task.nodeId(), task.taskId().toString(), stage.stageId().toString(), task.state(),
                    task.totalSplits(), task.queuedSplits(), task.runningSplits(), task.completedSplits(),
                    task.cpuNanos() / 1_000_000, task.wallNanos() / 1_000_000,
                    task.inputBytes(), task.inputRows(), task.outputBytes(), task.outputRows()));
        }
        for (StageInfo subStage : stage.subStages()) {
            addTasks(subStage, tasks);
        }
    }
}
