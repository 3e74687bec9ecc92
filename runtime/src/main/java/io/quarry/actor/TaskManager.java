package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import com.typesafe.config.Config;
import io.quarry.config.AkkaSettings;
import io.quarry.config.MembershipConfig;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import io.quarry.connector.CatalogManager;
import io.quarry.exec.memory.NodeMemoryPool;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.TaskId;
import io.quarry.spi.WriteTarget;
import io.quarry.sql.SystemSessionProperties;
import io.quarry.client.TaskSnapshot;
import io.quarry.client.TaskUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The worker side of scheduling: registered with the Receptionist, it creates a {@link TaskActor} per
 * task a stage asks for and knows the tasks running on this node.
 *
 * <p>It also watches the nodes that created its tasks: once such a node has been unreachable for the
 * coordinator-lost timeout ({@code cluster.coordinator-lost-timeout}) and does not answer a direct probe within
 * {@link #CREATOR_PROBE_TIMEOUT}, or is downed or removed, the tasks it created are aborted, so that a dead
 * coordinator's work stops and frees its memory without waiting for a downing decision that may never come. The
 * probe keeps a coordinator that is only slow (a few seconds without heartbeats on a busy machine make it
 * unreachable too) from losing every query it runs.
 */
public final class TaskManager extends AbstractBehavior<TaskManager.Command> {
    public static final ServiceKey<Command> SERVICE_KEY = ServiceKey.create(Command.class, "quarry-task-manager");

    /** How long a creator unreachable for the coordinator-lost timeout has to answer a probe. */
    static final Duration CREATOR_PROBE_TIMEOUT = Duration.ofSeconds(2);

    public sealed interface Command {}

    /** Creates a task; {@code statusListener} gets its status updates. */
    public record CreateTask(
            TaskId taskId,
            PlanFragment fragment,
            Session session,
            int outputPartitionCount,
            ActorRef<TaskStatus> statusListener,
            ActorRef<TaskCreated> replyTo) implements Command, ClusterMessage {
        public CreateTask {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(fragment, "fragment is null");
            requireNonNull(session, "session is null");
            requireNonNull(statusListener, "statusListener is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** The answer to {@link CreateTask}: the task's actor, or why it could not be created. */
    public record TaskCreated(TaskId taskId, String nodeId, Optional<ActorRef<TaskActor.Command>> task,
            Optional<FailureInfo> failure) implements ClusterMessage {}

    /** The ids of the tasks that run on this node now. */
    public record ListTasks(ActorRef<TaskList> replyTo) implements Command, ClusterMessage {}

    public record TaskList(String nodeId, List<TaskId> tasks) implements ClusterMessage {
        public TaskList {
            tasks = List.copyOf(tasks);
        }
    }

    /** The info of one task, routed to its actor (which may long-poll, see there); empty when unknown. */
    public record GetTaskInfo(
            TaskId taskId, Optional<TaskState> currentState, Duration maxWait, ActorRef<Optional<TaskSnapshot>> replyTo)
            implements Command, LocalOnly {
        public GetTaskInfo {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(currentState, "currentState is null");
            requireNonNull(maxWait, "maxWait is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /**
     * Cancels ({@code abort} false) or aborts a task and answers its info after the change; an unknown task
     * gets an ABORTED info and nothing is created.
     */
    public record CancelTask(TaskId taskId, boolean abort, ActorRef<TaskSnapshot> replyTo) implements Command, LocalOnly {
        public CancelTask {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** The actor of one task of this node, empty when unknown. */
    public record FindTask(TaskId taskId, ActorRef<Optional<ActorRef<TaskActor.Command>>> replyTo)
            implements Command, LocalOnly {
        public FindTask {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /**
     * Creates the task if {@code spec} is given and it does not exist yet, then applies the splits and remote
     * sources to it (see {@link TaskActor.ApplyUpdate}); the answer is the task's info, or why not.
     */
    public record UpdateTask(
            TaskId taskId,
            Optional<TaskUpdate.TaskSpec> spec,
            List<Split> splits,
            boolean noMoreSplits,
            List<TaskActor.AddRemoteSources> remoteSources,
            ActorRef<TaskUpdated> replyTo) implements Command, LocalOnly {
        public UpdateTask {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(spec, "spec is null");
            splits = List.copyOf(splits);
            remoteSources = List.copyOf(remoteSources);
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** The answer to {@link UpdateTask}: the task's info after the update, or the failure that refused it. */
    public record TaskUpdated(Optional<TaskSnapshot> info, Optional<FailureInfo> failure) implements LocalOnly {
        public static TaskUpdated failed(ErrorCode code, String message) {
            return new TaskUpdated(Optional.empty(), Optional.of(FailureInfo.of(code, message)));
        }
    }

    /** Which actor runs a task of this node: asked by other nodes to pull from a task known only by its id. */
    public record LocateTask(TaskId taskId, ActorRef<TaskLocated> replyTo) implements Command, ClusterMessage {
        public LocateTask {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    public record TaskLocated(TaskId taskId, Optional<ActorRef<TaskActor.Command>> task) implements ClusterMessage {}

    /** A write failed: drop what this node holds of it in catalog {@code catalog} (no reply). */
    public record DropWrite(String catalog, WriteTarget target) implements Command, ClusterMessage {
        public DropWrite {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(target, "target is null");
        }
    }

    /**
     * Part {@code index} of a copy of a memory table's piece sent by another node (see {@link MemoryReplicas}):
     * stored at once, the first part replacing what this node held of the piece; answered when stored.
     */
    public record StoreCopyChunk(
            String catalog, long tableId, String dataId, int index, List<io.quarry.page.Page> pages, boolean last,
            ActorRef<CopyStored> replyTo) implements Command, ClusterMessage {
        public StoreCopyChunk {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(dataId, "dataId is null");
            pages = List.copyOf(pages);
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** A part of a copy, or a whole copy, is stored; or why not. */
    public record CopyStored(Optional<FailureInfo> failure) implements ClusterMessage {
        public CopyStored {
            requireNonNull(failure, "failure is null");
        }
    }

    /** Copies a memory table's piece this node holds to another worker's task manager (to restore its copies). */
    public record CopyPiece(String catalog, long tableId, String dataId, ActorRef<Command> target, ActorRef<CopyStored> replyTo)
            implements Command, ClusterMessage {
        public CopyPiece {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(dataId, "dataId is null");
            requireNonNull(target, "target is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** The node is shutting down: every later {@link CreateTask} is refused with SERVER_SHUTTING_DOWN. */
    public record Drain() implements Command, LocalOnly {}

    private record TaskStopped(TaskId taskId) implements Command, LocalOnly {}

    private record MembershipChanged(ClusterEvent.MemberEvent event) implements Command, LocalOnly {}

    private record ReachabilityChanged(ClusterEvent.ReachabilityEvent event) implements Command, LocalOnly {}

    /** The creator at {@code creator} has been unreachable for the coordinator-lost timeout. */
    private record CreatorLost(Address creator) implements Command, LocalOnly {}

    /** The answer to a probe of an unreachable creator, or its absence ({@code answered} false). */
    private record CreatorProbed(Address creator, boolean answered) implements Command, LocalOnly {}

    /** What a task manager needs from its node. */
    public record Settings(
            String nodeId, CatalogManager catalogs, Executor driverExecutor, long outputBufferBytes, Duration askTimeout,
            NodeMemoryPool memoryPool)
            implements LocalOnly {
        public Settings {
            requireNonNull(memoryPool, "memoryPool is null");
            requireNonNull(nodeId, "nodeId is null");
            requireNonNull(catalogs, "catalogs is null");
            requireNonNull(driverExecutor, "driverExecutor is null");
            requireNonNull(askTimeout, "askTimeout is null");
        }
    }

    private final Settings settings;
    private final TimerScheduler<Command> timers;
    private final Duration creatorLostTimeout;
    private final Map<TaskId, ActorRef<TaskActor.Command>> tasks = new HashMap<>();
    /** The remote node whose stage created each task through {@link CreateTask}; tasks of this node's own stages are not here. */
    private final Map<TaskId, Address> creators = new HashMap<>();
    /** Creators of tasks here that the cluster marks unreachable now. */
    private final Set<Address> unreachableCreators = new HashSet<>();
    private boolean draining;

    public static Behavior<Command> create(Settings settings) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            context.getSystem().receptionist().tell(Receptionist.register(SERVICE_KEY, context.getSelf()));
            Cluster cluster = Cluster.get(context.getSystem());
            cluster.subscriptions().tell(Subscribe.create(
                    context.messageAdapter(ClusterEvent.MemberEvent.class, MembershipChanged::new),
                    ClusterEvent.MemberEvent.class));
            cluster.subscriptions().tell(Subscribe.create(
                    context.messageAdapter(ClusterEvent.ReachabilityEvent.class, ReachabilityChanged::new),
                    ClusterEvent.ReachabilityEvent.class));
            return new TaskManager(context, timers, settings);
        }));
    }

    private TaskManager(ActorContext<Command> context, TimerScheduler<Command> timers, Settings settings) {
        super(context);
        this.settings = settings;
        this.timers = timers;
        Config config = context.getSystem().settings().config();
        this.creatorLostTimeout = config.hasPath(AkkaSettings.COORDINATOR_LOST_TIMEOUT_KEY)
                ? config.getDuration(AkkaSettings.COORDINATOR_LOST_TIMEOUT_KEY)
                : MembershipConfig.DEFAULT_COORDINATOR_LOST_TIMEOUT;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(CreateTask.class, this::onCreateTask)
                .onMessage(ListTasks.class, this::onListTasks)
                .onMessage(TaskStopped.class, this::onTaskStopped)
                .onMessage(GetTaskInfo.class, this::onGetTaskInfo)
                .onMessage(CancelTask.class, this::onCancelTask)
                .onMessage(FindTask.class, this::onFindTask)
                .onMessage(UpdateTask.class, this::onUpdateTask)
                .onMessage(LocateTask.class, locate -> {
                    locate.replyTo().tell(new TaskLocated(locate.taskId(), Optional.ofNullable(tasks.get(locate.taskId()))));
                    return this;
                })
                .onMessage(DropWrite.class, this::onDropWrite)
                .onMessage(StoreCopyChunk.class, chunk -> {
                    chunk.replyTo().tell(MemoryReplicas.store(settings.catalogs(), chunk));
                    return this;
                })
                .onMessage(CopyPiece.class, copy -> {
                    MemoryReplicas.copyHeldPiece(settings.catalogs(), copy, getContext().getSystem(), settings.askTimeout());
                    return this;
                })
                .onMessage(MembershipChanged.class, this::onMembershipChanged)
                .onMessage(ReachabilityChanged.class, this::onReachabilityChanged)
                .onMessage(CreatorLost.class, this::onCreatorLost)
                .onMessage(CreatorProbed.class, this::onCreatorProbed)
                .onMessage(Drain.class, drain -> {
                    draining = true;
                    return this;
                })
                .build();
    }

    private Behavior<Command> onCreateTask(CreateTask request) {
        ActorRef<TaskActor.Command> existing = tasks.get(request.taskId());
        if (existing != null) {
            // A repeated request (e.g. after a lost reply) gets the same task.
            request.replyTo().tell(new TaskCreated(
                    request.taskId(), settings.nodeId(), Optional.of(existing), Optional.empty()));
            return this;
        }
        try {
            ActorRef<TaskActor.Command> task = createTask(request.taskId(),
                    new TaskUpdate.TaskSpec(request.fragment(), request.session(), request.outputPartitionCount()),
                    request.statusListener());
            Address creator = request.statusListener().path().address();
            if (!creator.hasLocalScope()) {
                creators.put(request.taskId(), creator);
            }
            request.replyTo().tell(new TaskCreated(
                    request.taskId(), settings.nodeId(), Optional.of(task), Optional.empty()));
        } catch (QuarryException e) {
            request.replyTo().tell(new TaskCreated(
                    request.taskId(), settings.nodeId(), Optional.empty(), Optional.of(FailureInfo.from(e))));
        }
        return this;
    }

    private Behavior<Command> onUpdateTask(UpdateTask request) {
        TaskActor.ApplyUpdate update = new TaskActor.ApplyUpdate(
                request.splits(), request.noMoreSplits(), request.remoteSources(), request.replyTo());
        ActorRef<TaskActor.Command> task = tasks.get(request.taskId());
        if (task == null) {
            if (request.spec().isEmpty()) {
                request.replyTo().tell(TaskUpdated.failed(ErrorCode.NOT_FOUND, "Task " + request.taskId()
                        + " does not exist on node " + settings.nodeId() + "; the update that creates it carries its fragment"));
                return this;
            }
            // Checked before the task exists, so that a refused update creates nothing.
            Optional<String> refusal = TaskActor.refusal(request.taskId(), request.spec().get().fragment(), update);
            if (refusal.isPresent()) {
                request.replyTo().tell(TaskUpdated.failed(ErrorCode.INVALID_ARGUMENTS, refusal.get()));
                return this;
            }
            try {
                // Created through the task protocol: no stage listens to its status; it is polled instead.
                task = createTask(request.taskId(), request.spec().get(), getContext().getSystem().ignoreRef());
            } catch (QuarryException e) {
                request.replyTo().tell(new TaskUpdated(Optional.empty(), Optional.of(FailureInfo.from(e))));
                return this;
            }
        }
        task.tell(update);
        return this;
    }

    /** Spawns and watches the actor of a new task; a refusal (draining, a fragment it cannot run) is thrown. */
    private ActorRef<TaskActor.Command> createTask(TaskId taskId, TaskUpdate.TaskSpec spec, ActorRef<TaskStatus> statusListener) {
        if (draining) {
            throw new QuarryException(ErrorCode.SERVER_SHUTTING_DOWN, "Node " + settings.nodeId() + " is shutting down");
        }
        try {
            Behavior<TaskActor.Command> behavior = TaskActor.create(
                    taskId, settings.nodeId(), spec.fragment(), spec.session(), spec.outputPartitionCount(),
                    settings.catalogs()::require, settings.driverExecutor(), settings.outputBufferBytes(),
                    settings.askTimeout(),
                    settings.memoryPool().createTaskContext(taskId, SystemSessionProperties.queryMaxMemoryPerNode(spec.session())),
                    statusListener);
            ActorRef<TaskActor.Command> task = getContext().spawn(
                    Behaviors.supervise(behavior).onFailure(SupervisorStrategy.stop()), "task-" + taskId);
            getContext().watchWith(task, new TaskStopped(taskId));
            tasks.put(taskId, task);
            return task;
        } catch (RuntimeException e) {
            FailureInfo failure = FailureInfo.from(e);
            getContext().getLog().warn("Task {} could not be created: {}", taskId, failure.message());
            throw failure.toException();
        }
    }

    private Behavior<Command> onListTasks(ListTasks request) {
        request.replyTo().tell(new TaskList(settings.nodeId(), List.copyOf(tasks.keySet())));
        return this;
    }

    private Behavior<Command> onGetTaskInfo(GetTaskInfo request) {
        ActorRef<TaskActor.Command> task = tasks.get(request.taskId());
        if (task == null) {
            request.replyTo().tell(Optional.empty());
        } else {
            task.tell(new TaskActor.GetTaskInfo(request.currentState(), request.maxWait(), request.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onCancelTask(CancelTask request) {
        ActorRef<TaskActor.Command> task = tasks.get(request.taskId());
        if (task == null) {
            request.replyTo().tell(TaskSnapshot.aborted(request.taskId(), settings.nodeId(), Instant.now()));
        } else {
            task.tell(new TaskActor.CancelAndReport(request.abort(), request.replyTo()));
        }
        return this;
    }

    private Behavior<Command> onFindTask(FindTask request) {
        request.replyTo().tell(Optional.ofNullable(tasks.get(request.taskId())));
        return this;
    }

    private Behavior<Command> onDropWrite(DropWrite message) {
        try {
            settings.catalogs().connector(message.catalog()).ifPresent(connector -> connector.dropWrite(message.target()));
        } catch (RuntimeException e) {
            getContext().getLog().warn("Dropping the data of failed write {} failed", message.target().writeId(), e);
        }
        return this;
    }

    private Behavior<Command> onTaskStopped(TaskStopped message) {
        tasks.remove(message.taskId());
        creators.remove(message.taskId());
        return this;
    }

    private Behavior<Command> onReachabilityChanged(ReachabilityChanged message) {
        Address address = message.event().member().address();
        if (message.event() instanceof ClusterEvent.UnreachableMember) {
            if (creators.containsValue(address) && unreachableCreators.add(address)) {
                getContext().getLog().warn("Node {}, which created {} tasks here, is unreachable: they are aborted if it stays so for {} ms and does not answer a probe",
                        address, countTasksOf(address), creatorLostTimeout.toMillis());
                timers.startSingleTimer(address, new CreatorLost(address), creatorLostTimeout);
            }
        } else if (unreachableCreators.remove(address)) {
            getContext().getLog().info("Node {} is reachable again: its tasks here go on", address);
            timers.cancel(address);
        }
        return this;
    }

    /** Unreachable for the coordinator-lost timeout: one direct probe decides. */
    private Behavior<Command> onCreatorLost(CreatorLost lost) {
        if (!unreachableCreators.contains(lost.creator())) {
            return this;
        }
        ActorRef<NodeRegistry.Command> registry = ActorRefResolver.get(getContext().getSystem())
                .resolveActorRef(lost.creator() + NodeGuardian.REGISTRY_PATH);
        getContext().ask(NodeRegistry.ProbeAnswer.class, registry, CREATOR_PROBE_TIMEOUT, NodeRegistry.Probe::new,
                (answer, error) -> new CreatorProbed(lost.creator(), error == null));
        return this;
    }

    private Behavior<Command> onCreatorProbed(CreatorProbed probed) {
        Address creator = probed.creator();
        if (!unreachableCreators.contains(creator)) {
            return this;
        }
        if (probed.answered()) {
            // alive but slow: ask again later while the cluster still marks it unreachable
            getContext().getLog().info("Node {} answers although marked unreachable: its tasks here go on", creator);
            timers.startSingleTimer(creator, new CreatorLost(creator), creatorLostTimeout);
            return this;
        }
        unreachableCreators.remove(creator);
        abortTasksOf(creator, "unreachable for " + creatorLostTimeout.toMillis() + " ms and did not answer a probe within "
                + CREATOR_PROBE_TIMEOUT.toMillis() + " ms");
        return this;
    }

    private Behavior<Command> onMembershipChanged(MembershipChanged message) {
        ClusterEvent.MemberEvent event = message.event();
        if (event instanceof ClusterEvent.MemberRemoved || event instanceof ClusterEvent.MemberDowned) {
            Address address = event.member().address();
            timers.cancel(address);
            unreachableCreators.remove(address);
            abortTasksOf(address, event instanceof ClusterEvent.MemberRemoved ? "removed from the cluster" : "downed");
        }
        return this;
    }

    /** Aborts every task the node at {@code creator} created here: no stage there will read or cancel them. */
    private void abortTasksOf(Address creator, String why) {
        int aborted = 0;
        for (Map.Entry<TaskId, Address> entry : List.copyOf(creators.entrySet())) {
            ActorRef<TaskActor.Command> task = tasks.get(entry.getKey());
            if (entry.getValue().equals(creator) && task != null) {
                task.tell(new TaskActor.Cancel(true));
                creators.remove(entry.getKey());
                aborted++;
            }
        }
        if (aborted > 0) {
            getContext().getLog().warn("Aborted {} tasks created by node {}, which is {}", aborted, creator, why);
        }
    }

    private long countTasksOf(Address creator) {
        return creators.values().stream().filter(creator::equals).count();
    }
}
