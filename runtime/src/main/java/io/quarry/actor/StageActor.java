package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one fragment of a query: places one task on each chosen worker, hands out the splits, tells the
 * tasks where their remote sources are, watches the tasks (DeathWatch across the cluster) and reports
 * the stage's progress and end to its query. A task that fails or disappears fails the stage with a
 * precise error.
 */
public final class StageActor extends AbstractBehavior<StageActor.Command> {
    /** Most data carried by the splits of one message (Artery's default frame is 256 KiB). */
    private static final long MAX_CARRIED_BYTES = 128 * 1024;

    public sealed interface Command {}

    /** The producers of remote source {@code fragmentId} are known. */
    public record SourcesReady(int fragmentId, List<RemoteTask> producers) implements Command, LocalOnly {
        public SourcesReady {
            producers = List.copyOf(producers);
        }
    }

    /** The producers of remote source {@code fragmentId} were cancelled: what the tasks have is all of it. */
    public record EndSource(int fragmentId) implements Command, LocalOnly {}

    /** Stops every task of the stage (abort = the query failed). */
    public record Stop(boolean abort) implements Command, LocalOnly {}

    /** A merged dynamic filter for column {@code scanColumn} of the table scan this stage's tasks read. */
    public record ApplyDynamicFilter(int scanColumn, DynamicFilterSummary summary) implements Command, LocalOnly {
        public ApplyDynamicFilter {
            requireNonNull(summary, "summary is null");
        }
    }

    private record Created(int partition, TaskManager.TaskCreated reply, Throwable error) implements Command, LocalOnly {}

    private record StatusChanged(TaskStatus status) implements Command, LocalOnly {}

    private record TaskGone(TaskId taskId) implements Command, LocalOnly {}

    /** What a stage tells its query. */
    public sealed interface Event {}

    /** Every task of the stage exists: consumers can pull from them. */
    public record TasksCreated(int fragmentId, List<RemoteTask> tasks) implements Event, LocalOnly {
        public TasksCreated {
            tasks = List.copyOf(tasks);
        }
    }

    /** The current picture of the stage; sent on every change. */
    public record Progress(StageSnapshot snapshot) implements Event, LocalOnly {}

    /**
     * Task {@code partition} of the stage (which has {@code taskCount} tasks) summarised build keys of its
     * partitioned joins.
     */
    public record DynamicFiltersCollected(int fragmentId, int partition, int taskCount, List<CollectedDynamicFilter> filters)
            implements Event, LocalOnly {
        public DynamicFiltersCollected {
            filters = List.copyOf(filters);
        }
    }

    /** The stage failed; the query fails with this. */
    public record Failed(int fragmentId, FailureInfo failure) implements Event, LocalOnly {}

    /** The stage's state and its tasks. */
    public record StageSnapshot(StageId stageId, String state, boolean done, List<TaskStatus> tasks) implements LocalOnly {
        public StageSnapshot {
            tasks = List.copyOf(tasks);
        }
    }

    private final StageId stageId;
    private final PlanFragment fragment;
    private final Session session;
    private final List<WorkerRef> workers;
    private final int outputPartitionCount;
    private final List<Split> splits;
    private final ActorRef<Event> query;
    private final Duration askTimeout;
    private final Map<Integer, ActorRef<TaskActor.Command>> tasks = new LinkedHashMap<>();
    private final Map<TaskId, TaskStatus> statuses = new LinkedHashMap<>();
    private final List<SourcesReady> pendingSources = new ArrayList<>();
    private final Set<TaskId> endedTasks = new HashSet<>();
    private final Set<Integer> endedSources = new HashSet<>();
    /** Merged dynamic filters that arrived before every task existed. */
    private final List<ApplyDynamicFilter> pendingDynamicFilters = new ArrayList<>();
    private String state = "SCHEDULING";
    private boolean done;
    private boolean finishing;

    public static Behavior<Command> create(
            StageId stageId,
            PlanFragment fragment,
            Session session,
            List<WorkerRef> workers,
            int outputPartitionCount,
            List<Split> splits,
            Duration askTimeout,
            ActorRef<Event> query) {
        return Behaviors.setup(context -> new StageActor(
                context, stageId, fragment, session, workers, outputPartitionCount, splits, askTimeout, query));
    }

    private StageActor(
            ActorContext<Command> context,
            StageId stageId,
            PlanFragment fragment,
            Session session,
            List<WorkerRef> workers,
            int outputPartitionCount,
            List<Split> splits,
            Duration askTimeout,
            ActorRef<Event> query) {
        super(context);
        this.stageId = requireNonNull(stageId, "stageId is null");
        this.fragment = requireNonNull(fragment, "fragment is null");
        this.session = requireNonNull(session, "session is null");
        this.workers = List.copyOf(workers);
        this.outputPartitionCount = outputPartitionCount;
        this.splits = List.copyOf(splits);
        this.askTimeout = askTimeout;
        this.query = requireNonNull(query, "query is null");
        ActorRef<TaskStatus> statusListener = context.messageAdapter(TaskStatus.class, StatusChanged::new);
        for (int partition = 0; partition < this.workers.size(); partition++) {
            WorkerRef worker = this.workers.get(partition);
            TaskId taskId = new TaskId(stageId, partition, 0);
            int index = partition;
            context.ask(
                    TaskManager.TaskCreated.class,
                    worker.taskManager(),
                    askTimeout,
                    replyTo -> new TaskManager.CreateTask(
                            taskId, fragment, session, outputPartitionCount, statusListener, replyTo),
                    (reply, error) -> new Created(index, reply, error));
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Created.class, this::onCreated)
                .onMessage(SourcesReady.class, this::onSourcesReady)
                .onMessage(StatusChanged.class, this::onStatusChanged)
                .onMessage(TaskGone.class, this::onTaskGone)
                .onMessage(Stop.class, this::onStop)
                .onMessage(EndSource.class, this::onEndSource)
                .onMessage(ApplyDynamicFilter.class, this::onApplyDynamicFilter)
                .build();
    }

    private Behavior<Command> onCreated(Created message) {
        if (done || finishing) {
            Optional<ActorRef<TaskActor.Command>> late =
                    message.reply() == null ? Optional.empty() : message.reply().task();
            late.ifPresent(task -> task.tell(new TaskActor.Cancel(done && !finishing)));
            endedTasks.add(new TaskId(stageId, message.partition(), 0));
            checkFinishing();
            return this;
        }
        WorkerRef worker = workers.get(message.partition());
        if (message.error() != null) {
            return fail(FailureInfo.of(
                    ErrorCode.REMOTE_TASK_ERROR,
                    "Could not create a task of stage " + stageId + " on node " + worker.nodeId() + ": "
                            + message.error().getMessage()));
        }
        if (message.reply().failure().isPresent()) {
            return fail(message.reply().failure().get());
        }
        ActorRef<TaskActor.Command> task = message.reply().task().orElseThrow();
        TaskId taskId = message.reply().taskId();
        tasks.put(message.partition(), task);
        getContext().watchWith(task, new TaskGone(taskId));
        if (tasks.size() < workers.size()) {
            return this;
        }
        state = "RUNNING";
        assignSplits();
        if (done) {
            return this;
        }
        for (SourcesReady sources : pendingSources) {
            sendSources(sources);
        }
        pendingSources.clear();
        pendingDynamicFilters.forEach(this::sendDynamicFilter);
        pendingDynamicFilters.clear();
        for (int fragmentId : endedSources) {
            tasks.values().forEach(each -> each.tell(new TaskActor.EndRemoteSource(fragmentId)));
        }
        List<RemoteTask> created = new ArrayList<>();
        for (int partition = 0; partition < workers.size(); partition++) {
            created.add(new RemoteTask(new TaskId(stageId, partition, 0), tasks.get(partition)));
        }
        query.tell(new TasksCreated(fragment.id(), created));
        reportProgress();
        return this;
    }

    private void assignSplits() {
        if (tasks.isEmpty()) {
            return;
        }
        List<List<Split>> perTask = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            perTask.add(new ArrayList<>());
        }
        int next = 0;
        for (Split split : splits) {
            Optional<String> node = split.requiredNodeId();
            if (node.isEmpty()) {
                perTask.get(next++ % tasks.size()).add(split);
                continue;
            }
            // A split whose data lives on one node runs there or nowhere: never a silently short result.
            int partition = partitionOn(node.get());
            if (partition < 0) {
                fail(FailureInfo.of(
                        ErrorCode.MISSING_DATA,
                        "Stage " + stageId + " must read data held by node " + node.get()
                                + ", which is not an active worker (it left the cluster)"));
                return;
            }
            perTask.get(partition).add(split);
        }
        for (int partition = 0; partition < tasks.size(); partition++) {
            sendSplits(tasks.get(partition), perTask.get(partition));
        }
    }

    /**
     * Sends a task its splits, in several messages when the splits carry data of their own (snapshots of the
     * system tables): Artery drops a message larger than its frame size, so each stays below {@link
     * #MAX_CARRIED_BYTES}. Messages between two actors arrive in order, so the last one ends the list.
     */
    private static void sendSplits(ActorRef<TaskActor.Command> task, List<Split> splits) {
        List<Split> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Split split : splits) {
            if (!batch.isEmpty() && batchBytes + split.carriedBytes() > MAX_CARRIED_BYTES) {
                task.tell(new TaskActor.AddSplits(batch, false));
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(split);
            batchBytes += split.carriedBytes();
        }
        task.tell(new TaskActor.AddSplits(batch, true));
    }

    private int partitionOn(String nodeId) {
        for (int partition = 0; partition < workers.size(); partition++) {
            if (workers.get(partition).nodeId().equals(nodeId)) {
                return partition;
            }
        }
        return -1;
    }

    private Behavior<Command> onSourcesReady(SourcesReady sources) {
        if (done) {
            return this;
        }
        if (tasks.size() < workers.size()) {
            pendingSources.add(sources);
        } else {
            sendSources(sources);
        }
        return this;
    }

    private void sendSources(SourcesReady sources) {
        for (ActorRef<TaskActor.Command> task : tasks.values()) {
            task.tell(new TaskActor.AddRemoteSources(sources.fragmentId(), sources.producers()));
        }
    }

    private Behavior<Command> onApplyDynamicFilter(ApplyDynamicFilter filter) {
        if (done || finishing) {
            return this;
        }
        if (tasks.size() < workers.size()) {
            pendingDynamicFilters.add(filter);
        } else {
            sendDynamicFilter(filter);
        }
        return this;
    }

    private void sendDynamicFilter(ApplyDynamicFilter filter) {
        for (ActorRef<TaskActor.Command> task : tasks.values()) {
            task.tell(new TaskActor.ApplyDynamicFilter(filter.scanColumn(), filter.summary()));
        }
    }

    private Behavior<Command> onStatusChanged(StatusChanged message) {
        TaskStatus status = message.status();
        TaskStatus previous = statuses.get(status.taskId());
        if (previous != null && previous.state().isDone()) {
            return this;
        }
        if (!status.dynamicFilters().isEmpty()) {
            query.tell(new DynamicFiltersCollected(
                    fragment.id(), status.taskId().partition(), workers.size(), status.dynamicFilters()));
            status = status.withoutDynamicFilters();
        }
        statuses.put(status.taskId(), status);
        if (done) {
            // Late final figures still reach the query's statistics.
            reportProgress();
            return this;
        }
        boolean ended = status.state() == TaskState.FAILED
                || status.state() == TaskState.ABORTED
                || status.state() == TaskState.CANCELED;
        if (ended && !finishing) {
            // The stage did not ask for this (e.g. a task aborted through /v1/task): the query cannot finish.
            return fail(status.failure().orElse(FailureInfo.of(
                    ErrorCode.REMOTE_TASK_ERROR, "Task " + status.taskId() + " was " + status.state().name().toLowerCase(Locale.ROOT))));
        }
        if (tasks.size() == workers.size()
                && statuses.size() == workers.size()
                && statuses.values().stream().allMatch(s -> s.state() == TaskState.FINISHED)) {
            state = "FINISHED";
            done = true;
        }
        checkFinishing();
        reportProgress();
        return this;
    }

    private Behavior<Command> onTaskGone(TaskGone message) {
        TaskStatus status = statuses.get(message.taskId());
        if (finishing) {
            endedTasks.add(message.taskId());
            checkFinishing();
            reportProgress();
            return this;
        }
        if (done || (status != null && status.state().isDone())) {
            return this;
        }
        String node = status == null ? "its worker" : "node " + status.nodeId();
        return fail(FailureInfo.of(
                ErrorCode.REMOTE_HOST_GONE,
                "Task " + message.taskId() + " on " + node + " was lost (the node left the cluster or stopped)"));
    }

    /** While finishing: done once every task has ended one way or another. */
    private void checkFinishing() {
        if (!finishing || done) {
            return;
        }
        long ended = statuses.values().stream()
                .filter(status -> status.state().isDone() || endedTasks.contains(status.taskId()))
                .count();
        long unreported = endedTasks.stream().filter(id -> !statuses.containsKey(id)).count();
        if (ended + unreported >= workers.size()) {
            done = true;
            state = "FINISHED";
        }
    }

    private Behavior<Command> onEndSource(EndSource message) {
        endedSources.add(message.fragmentId());
        for (ActorRef<TaskActor.Command> task : tasks.values()) {
            task.tell(new TaskActor.EndRemoteSource(message.fragmentId()));
        }
        return this;
    }

    private Behavior<Command> onStop(Stop message) {
        if (message.abort()) {
            if (!done) {
                done = true;
                state = "ABORTED";
            }
        } else if (!done) {
            // The query has all its output: whatever still runs here is not needed any more.
            finishing = true;
        }
        for (Map.Entry<Integer, ActorRef<TaskActor.Command>> task : tasks.entrySet()) {
            TaskStatus status = statuses.get(new TaskId(stageId, task.getKey(), 0));
            if (status == null || !status.state().isDone()) {
                task.getValue().tell(new TaskActor.Cancel(message.abort()));
            }
        }
        checkFinishing();
        reportProgress();
        return this;
    }

    private Behavior<Command> fail(FailureInfo failure) {
        if (done) {
            return this;
        }
        done = true;
        state = "FAILED";
        for (ActorRef<TaskActor.Command> task : tasks.values()) {
            task.tell(new TaskActor.Cancel(true));
        }
        reportProgress();
        query.tell(new Failed(fragment.id(), failure));
        return this;
    }

    private void reportProgress() {
        query.tell(new Progress(new StageSnapshot(stageId, state, done, List.copyOf(statuses.values()))));
    }
}
