package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.quarry.client.NodeState;
import java.util.Optional;
import java.util.function.Function;

/**
 * The root of a node's actors: the node registry on every node, the query manager on a coordinator and
 * the task manager on a node that runs tasks. Hands out their references to the node's programmatic API.
 */
public final class NodeGuardian {
    public sealed interface Command {}

    public record GetComponents(ActorRef<Components> replyTo) implements Command, LocalOnly {}

    /** This node's lifecycle state. */
    public record GetNodeState(ActorRef<NodeState> replyTo) implements Command, LocalOnly {}

    /** The node's long-lived actors. */
    public record Components(
            ActorRef<NodeRegistry.Command> registry,
            Optional<ActorRef<QueryManager.Command>> queryManager,
            Optional<ActorRef<TaskManager.Command>> taskManager) implements LocalOnly {}

    /**
     * What the guardian starts: the query manager's settings need the registry, so they are made from
     * it; empty ones mean the node has no such role.
     */
    public record Settings(
            Optional<Function<ActorRef<NodeRegistry.Command>, QueryManager.Settings>> coordinator,
            Optional<TaskManager.Settings> worker) implements LocalOnly {
        public Settings {
            requireNonNull(coordinator, "coordinator is null");
            requireNonNull(worker, "worker is null");
        }
    }

    private NodeGuardian() {}

    public static Behavior<Command> create(Settings settings) {
        return Behaviors.setup(context -> {
            ActorRef<NodeRegistry.Command> registry = context.spawn(NodeRegistry.create(), "nodes");
            Optional<ActorRef<QueryManager.Command>> queries = settings.coordinator()
                    .map(factory -> context.spawn(QueryManager.create(factory.apply(registry)), "queries"));
            Optional<ActorRef<TaskManager.Command>> tasks =
                    settings.worker().map(worker -> context.spawn(TaskManager.create(worker), "tasks"));
            Components components = new Components(registry, queries, tasks);
            return Behaviors.receive(Command.class)
                    .onMessage(GetComponents.class, request -> {
                        request.replyTo().tell(components);
                        return Behaviors.same();
                    })
                    .onMessage(GetNodeState.class, request -> {
                        request.replyTo().tell(NodeState.ACTIVE);
                        return Behaviors.same();
                    })
                    .build();
        });
    }
}
