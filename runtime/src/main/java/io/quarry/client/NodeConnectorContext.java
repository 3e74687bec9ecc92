package io.quarry.client;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import io.quarry.actor.NodeRegistry;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.NodeInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The connectors' view of their node. Catalogs are created before the node's actors exist, so the
 * registry is bound once the node is up; until then the answers wait.
 */
final class NodeConnectorContext implements ConnectorContext {
    private record Registry(ActorRef<NodeRegistry.Command> registry, Scheduler scheduler) {}

    private final CompletableFuture<Registry> registry = new CompletableFuture<>();
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

    void bind(ActorRef<NodeRegistry.Command> nodeRegistry, Scheduler scheduler) {
        registry.complete(new Registry(nodeRegistry, scheduler));
    }

    @Override
    public CompletionStage<List<NodeInfo>> clusterNodes() {
        return registry.thenCompose(bound -> AskPattern.<NodeRegistry.Command, NodeRegistry.Members>ask(
                        bound.registry(), NodeRegistry.GetMembers::new, askTimeout, bound.scheduler()))
                .thenApply(NodeRegistry.Members::members);
    }
}
