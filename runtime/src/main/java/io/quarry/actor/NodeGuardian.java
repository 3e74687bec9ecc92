package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.quarry.client.NodeState;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The root of a node's actors: the node registry on every node, the query manager on a coordinator and
 * the task manager on a node that runs tasks. Hands out their references to the node's programmatic API.
 */
public final class NodeGuardian {
    /** The name of every node's {@link NodeRegistry}, a child of this guardian. */
    static final String REGISTRY_NAME = "nodes";
    /** Where every node's {@link NodeRegistry} is, after the node's address. */
    static final String REGISTRY_PATH = "/user/" + REGISTRY_NAME;

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

    /**
     * Asks the node to change its lifecycle state: {@code ACTIVE} while active is accepted and changes
     * nothing; {@code SHUTTING_DOWN} (always accepted) drains the node: no new tasks or statements, then,
     * once its tasks and (on a coordinator) its queries have ended, it leaves the cluster and its actor system
     * stops. Anything else is refused with the reason.
     */
    public record ChangeNodeState(NodeState target, ActorRef<Optional<String>> replyTo) implements Command, LocalOnly {
        public ChangeNodeState {
            requireNonNull(target, "target is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    private enum DrainTick implements Command, LocalOnly {
        INSTANCE
    }

    private record TasksLeft(int count) implements Command, LocalOnly {}

    private record QueriesLeft(int count) implements Command, LocalOnly {}

    private static final Duration DRAIN_POLL = Duration.ofMillis(200);

    private NodeGuardian() {}

    public static Behavior<Command> create(Settings settings) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            ActorRef<NodeRegistry.Command> registry = context.spawn(NodeRegistry.create(), REGISTRY_NAME);
            Optional<QueryManager.Settings> coordinator = settings.coordinator().map(factory -> factory.apply(registry));
            Optional<ActorRef<QueryManager.Command>> queries =
                    coordinator.map(query -> context.spawn(QueryManager.create(query), "queries"));
            Optional<ActorRef<TaskManager.Command>> tasks =
                    settings.worker().map(worker -> context.spawn(TaskManager.create(worker), "tasks"));
            // Memory tables: writers copy their pieces to other workers, the coordinator restores lost copies.
            settings.worker().ifPresent(worker -> MemoryReplicas.bind(worker.catalogs(), registry, context.getSystem(), worker.askTimeout()));
            coordinator.ifPresent(query -> context.spawn(MemoryReplicaKeeper.create(
                    query.query().catalogs(), registry, query.query().askTimeout()), "memory-replicas"));
            Components components = new Components(registry, queries, tasks);
            ActorRef<TaskManager.TaskList> taskLists =
                    context.messageAdapter(TaskManager.TaskList.class, list -> new TasksLeft(list.tasks().size()));
            ActorRef<Integer> queryCounts = context.messageAdapter(Integer.class, QueriesLeft::new);
            NodeState[] state = {NodeState.ACTIVE};
            // What the drain still waits for, as last counted; -1 until counted. A role the node lacks counts 0.
            int[] tasksLeft = {tasks.isPresent() ? -1 : 0};
            int[] queriesLeft = {queries.isPresent() ? -1 : 0};
            boolean[] stopping = {false};
            Runnable stopWhenDrained = () -> {
                if (tasksLeft[0] == 0 && queriesLeft[0] == 0 && !stopping[0]) {
                    stopping[0] = true;
                    timers.cancel(DrainTick.INSTANCE);
                    context.getLog().info("Node drained: leaving the cluster and stopping");
                    // Terminating runs the coordinated shutdown, which leaves the cluster first.
                    context.getSystem().terminate();
                }
            };
            return Behaviors.receive(Command.class)
                    .onMessage(GetComponents.class, request -> {
                        request.replyTo().tell(components);
                        return Behaviors.same();
                    })
                    .onMessage(GetNodeState.class, request -> {
                        request.replyTo().tell(state[0]);
                        return Behaviors.same();
                    })
                    .onMessage(ChangeNodeState.class, request -> {
                        if (request.target() == state[0]) {
                            request.replyTo().tell(Optional.empty());
                        } else if (request.target() == NodeState.SHUTTING_DOWN) {
                            state[0] = NodeState.SHUTTING_DOWN;
                            context.getLog().info("Node shutting down: draining its tasks and queries");
                            tasks.ifPresent(manager -> manager.tell(new TaskManager.Drain()));
                            timers.startTimerWithFixedDelay(DrainTick.INSTANCE, DRAIN_POLL);
                            request.replyTo().tell(Optional.empty());
                        } else {
                            request.replyTo().tell(Optional.of("Invalid state transition to " + request.target()));
                        }
                        return Behaviors.same();
                    })
                    .onMessageEquals(DrainTick.INSTANCE, () -> {
                        tasks.ifPresent(manager -> manager.tell(new TaskManager.ListTasks(taskLists)));
                        queries.ifPresent(manager -> manager.tell(new QueryManager.CountRunning(queryCounts)));
                        stopWhenDrained.run();
                        return Behaviors.same();
                    })
                    .onMessage(TasksLeft.class, left -> {
                        tasksLeft[0] = left.count();
                        stopWhenDrained.run();
                        return Behaviors.same();
                    })
                    .onMessage(QueriesLeft.class, left -> {
                        queriesLeft[0] = left.count();
                        stopWhenDrained.run();
                        return Behaviors.same();
                    })
                    .build();
        }));
    }
}
