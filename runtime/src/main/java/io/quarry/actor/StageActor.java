package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.quarry.config.RetryPolicy;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one fragment of a query: places one task on each chosen worker, hands out the splits, tells the
 * tasks where their remote sources are, watches the tasks (DeathWatch across the cluster, and the cluster's
 * reachability, which notices a lost node sooner) and reports the stage's progress and end to its query.
 *
 * <p>A task that fails fails the stage with its error. A task whose node is lost fails the stage with
 * REMOTE_HOST_GONE, unless the query re-runs lost tasks ({@link RetryPolicy#TASK}): then a new attempt of the
 * same partition starts on a surviving worker with the same splits and producers, and the query tells the
 * consumers to read that attempt instead (they take a producer's output only once it is complete, so no page
 * of the lost attempt is ever used). A finished task is re-run too while the query runs: a re-run consumer may
 * need its output again. Under TASK the tasks keep their output until the stage stops at the query's end.
 */
public final class StageActor extends AbstractBehavior<StageActor.Command> {
    /** Most data carried by the splits of one message (Artery's default frame is 256 KiB). */
    private static final long MAX_CARRIED_BYTES = 128 * 1024;
    /** Attempts of one partition before the stage gives up (as Trino's task-retry-attempts-per-task). */
    static final int MAX_ATTEMPTS_PER_TASK = 4;
    /** Task attempt numbers each run of a query uses: run {@code n} numbers its attempts from {@code n * 10}. */
    public static final int ATTEMPT_NUMBERS_PER_RUN = 10;
    /** Requests to create one task attempt before the stage gives up on a worker that does not answer. */
    private static final int CREATION_REQUESTS = 3;
    /**
     * How long an unreachable node may stay so before a stage under TASK gives up its tasks there (downed or
     * removed nodes, and every loss under the other policies, count at once).
     */
    static final Duration UNREACHABLE_GRACE = Duration.ofSeconds(3);

    public sealed interface Command {}

    /** The producers of remote source {@code fragmentId} are known. */
    public record SourcesReady(int fragmentId, List<RemoteTask> producers) implements Command, LocalOnly {
        public SourcesReady {
            producers = List.copyOf(producers);
        }
    }

    /** A producer of remote source {@code fragmentId} was re-run: its partition is read from {@code producer} now. */
    public record SourceReplaced(int fragmentId, RemoteTask producer) implements Command, LocalOnly {
        public SourceReplaced {
            requireNonNull(producer, "producer is null");
        }
    }

    /** The producers of remote source {@code fragmentId} were cancelled: what the tasks have is all of it. */
    public record EndSource(int fragmentId) implements Command, LocalOnly {}

    /** The cluster's active workers now, asked for with {@link WorkersWanted}: more places for re-runs. */
    public record CandidateWorkers(List<WorkerRef> workers) implements Command, LocalOnly {
        public CandidateWorkers {
            workers = List.copyOf(workers);
        }
    }

    /** Stops every task of the stage (abort = the query failed). */
    public record Stop(boolean abort) implements Command, LocalOnly {}

    /** A merged dynamic filter for column {@code scanColumn} of the table scan this stage's tasks read. */
    public record ApplyDynamicFilter(int scanColumn, DynamicFilterSummary summary) implements Command, LocalOnly {
        public ApplyDynamicFilter {
            requireNonNull(summary, "summary is null");
        }
    }

    private record Created(TaskId taskId, WorkerRef worker, TaskManager.TaskCreated reply, Throwable error)
            implements Command, LocalOnly {}

    private record StatusChanged(TaskStatus status) implements Command, LocalOnly {}

    private record TaskGone(TaskId taskId) implements Command, LocalOnly {}

    /** The grace of a node that became unreachable (generation {@code generation} of its suspicion) ended. */
    private record SuspicionDue(Address address, int generation) implements Command, LocalOnly {}

    /** What the cluster says of a node. */
    enum NodeNews {
        UNREACHABLE,
        REACHABLE_AGAIN,
        /** Downed, exiting or removed: gone for good. */
        DEPARTED,
        /** Any other change of its membership: nothing for the stage. */
        OTHER
    }

    /** What the cluster says of the node at {@code address}. */
    record NodeChanged(Address address, NodeNews news) implements Command, LocalOnly {
        static NodeChanged of(ClusterEvent.ReachabilityEvent event) {
            return new NodeChanged(event.member().address(), event instanceof ClusterEvent.UnreachableMember
                    ? NodeNews.UNREACHABLE
                    : NodeNews.REACHABLE_AGAIN);
        }

        static NodeChanged of(ClusterEvent.MemberEvent event) {
            boolean departed = event instanceof ClusterEvent.MemberRemoved || event instanceof ClusterEvent.MemberDowned
                    || event instanceof ClusterEvent.MemberExited;
            return new NodeChanged(event.member().address(), departed ? NodeNews.DEPARTED : NodeNews.OTHER);
        }
    }

    /** What a stage tells its query. */
    public sealed interface Event {}

    /** Every task of the stage exists: consumers can pull from them. */
    public record TasksCreated(int fragmentId, List<RemoteTask> tasks) implements Event, LocalOnly {
        public TasksCreated {
            tasks = List.copyOf(tasks);
        }
    }

    /** A lost task of the stage runs again as {@code task}: its consumers must read that attempt. */
    public record TaskReplaced(int fragmentId, RemoteTask task) implements Event, LocalOnly {
        public TaskReplaced {
            requireNonNull(task, "task is null");
        }
    }

    /**
     * No worker the stage knows can run a lost task again: the query answers with the cluster's active workers
     * now ({@link CandidateWorkers}), e.g. a worker that joined after the query started.
     */
    public record WorkersWanted(int fragmentId) implements Event, LocalOnly {}

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

    /** The current attempt of one partition of the stage. */
    private static final class Attempt {
        final TaskId taskId;
        final WorkerRef worker;
        ActorRef<TaskActor.Command> task;
        TaskStatus status;
        /** Its actor stopped while the stage was finishing; its final report may still come. */
        boolean stopped;
        /** Requests to create it sent so far (a request is repeated when its answer does not come in time). */
        int creationRequests;

        Attempt(TaskId taskId, WorkerRef worker) {
            this.taskId = taskId;
            this.worker = worker;
        }

        boolean finished() {
            return status != null && status.state() == TaskState.FINISHED;
        }

        /** The task's last report, if any, is final. */
        boolean reportedEnd() {
            return status != null && status.state().isDone();
        }

        /** The task ended, reported or not (it stopped at the query's end). */
        boolean ended() {
            return reportedEnd() || stopped;
        }
    }

    private final StageId stageId;
    private final PlanFragment fragment;
    private final Session session;
    private final List<WorkerRef> workers;
    /** Where lost tasks may run again: every worker when the query started, and those found since. */
    private final List<WorkerRef> allWorkers;
    /** Partitions whose lost attempt waits for {@link CandidateWorkers}, with the node it was lost on. */
    private final Map<Integer, String> awaitingWorkers = new LinkedHashMap<>();
    private final RetryPolicy retryPolicy;
    private final int firstAttempt;
    private final int outputPartitionCount;
    private final List<List<Split>> splitsByPartition;
    private final ActorRef<Event> query;
    private final Duration askTimeout;
    private final ActorRef<TaskStatus> statusListener;
    private final Attempt[] attempts;
    /** Earlier attempts of re-run partitions, cancelled when the stage ends (their node may come back). */
    private final List<ActorRef<TaskActor.Command>> superseded = new ArrayList<>();
    /** Nodes (by address: a restarted node is another member) unreachable or gone now. */
    private final Set<Address> lostNodes = new HashSet<>();
    /** Nodes downed or removed: lost for good, unlike an unreachable node, which may come back. */
    private final Set<Address> departedNodes = new HashSet<>();
    /** Unreachable nodes within their grace (TASK only), with the generation of the suspicion. */
    private final Map<Address, Integer> suspectNodes = new HashMap<>();
    private int suspicions;
    /** The producers of each remote source, by producing partition, once known. */
    private final Map<Integer, RemoteTask[]> sources = new LinkedHashMap<>();
    private final Set<Integer> endedSources = new HashSet<>();
    /** Every merged dynamic filter so far, for tasks that start later. */
    private final List<ApplyDynamicFilter> dynamicFilters = new ArrayList<>();
    private boolean announced;
    private String state = "SCHEDULING";
    private boolean done;
    private boolean finishing;
    /** Nobody reads the stage's output any more (the query ended): lost tasks need no re-run. */
    private boolean outputConsumed;

    public static Behavior<Command> create(
            StageId stageId,
            PlanFragment fragment,
            Session session,
            List<WorkerRef> workers,
            int outputPartitionCount,
            List<Split> splits,
            Duration askTimeout,
            ActorRef<Event> query) {
        return create(stageId, fragment, session, workers, workers, RetryPolicy.NONE, 0, outputPartitionCount, splits,
                askTimeout, query);
    }

    /**
     * A stage whose tasks run on {@code workers} (one partition each), numbered from {@code firstAttempt}, and
     * under {@link RetryPolicy#TASK} run again on any of {@code allWorkers} when lost.
     */
    public static Behavior<Command> create(
            StageId stageId,
            PlanFragment fragment,
            Session session,
            List<WorkerRef> workers,
            List<WorkerRef> allWorkers,
            RetryPolicy retryPolicy,
            int firstAttempt,
            int outputPartitionCount,
            List<Split> splits,
            Duration askTimeout,
            ActorRef<Event> query) {
        return Behaviors.setup(context -> new StageActor(
                context, stageId, fragment, session, workers, allWorkers, retryPolicy, firstAttempt, outputPartitionCount,
                splits, askTimeout, query));
    }

    private StageActor(
            ActorContext<Command> context,
            StageId stageId,
            PlanFragment fragment,
            Session session,
            List<WorkerRef> workers,
            List<WorkerRef> allWorkers,
            RetryPolicy retryPolicy,
            int firstAttempt,
            int outputPartitionCount,
            List<Split> splits,
            Duration askTimeout,
            ActorRef<Event> query) {
        super(context);
        this.stageId = requireNonNull(stageId, "stageId is null");
        this.fragment = requireNonNull(fragment, "fragment is null");
        this.session = requireNonNull(session, "session is null");
        this.workers = List.copyOf(workers);
        this.allWorkers = new ArrayList<>(allWorkers);
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy is null");
        this.firstAttempt = firstAttempt;
        this.outputPartitionCount = outputPartitionCount;
        this.askTimeout = askTimeout;
        this.query = requireNonNull(query, "query is null");
        this.statusListener = context.messageAdapter(TaskStatus.class, StatusChanged::new);
        this.attempts = new Attempt[this.workers.size()];
        this.splitsByPartition = assign(splits);
        if (done) {
            return;
        }
        if (context.getSystem().settings().config().getString("akka.actor.provider").equals("cluster")) {
            Cluster cluster = Cluster.get(context.getSystem());
            cluster.subscriptions().tell(Subscribe.create(
                    context.messageAdapter(ClusterEvent.ReachabilityEvent.class, NodeChanged::of),
                    ClusterEvent.ReachabilityEvent.class));
            cluster.subscriptions().tell(Subscribe.create(
                    context.messageAdapter(ClusterEvent.MemberEvent.class, NodeChanged::of),
                    ClusterEvent.MemberEvent.class));
        }
        for (int partition = 0; partition < this.workers.size(); partition++) {
            start(partition, new TaskId(stageId, partition, firstAttempt), this.workers.get(partition));
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Created.class, this::onCreated)
                .onMessage(SourcesReady.class, this::onSourcesReady)
                .onMessage(SourceReplaced.class, this::onSourceReplaced)
                .onMessage(StatusChanged.class, this::onStatusChanged)
                .onMessage(TaskGone.class, message -> onLost(message.taskId(), null))
                .onMessage(NodeChanged.class, this::onNodeChanged)
                .onMessage(SuspicionDue.class, this::onSuspicionDue)
                .onMessage(Stop.class, this::onStop)
                .onMessage(EndSource.class, this::onEndSource)
                .onMessage(ApplyDynamicFilter.class, this::onApplyDynamicFilter)
                .onMessage(CandidateWorkers.class, this::onCandidateWorkers)
                .build();
    }

    // ---- placing tasks ----

    private void start(int partition, TaskId taskId, WorkerRef worker) {
        attempts[partition] = new Attempt(taskId, worker);
        requestCreation(attempts[partition]);
    }

    /** Asks the worker to create the attempt; a repeated request gets the task the first one created, if any. */
    private void requestCreation(Attempt attempt) {
        attempt.creationRequests++;
        TaskId taskId = attempt.taskId;
        WorkerRef worker = attempt.worker;
        getContext().ask(
                TaskManager.TaskCreated.class,
                worker.taskManager(),
                askTimeout,
                replyTo -> new TaskManager.CreateTask(
                        taskId, fragment, session, outputPartitionCount, statusListener, replyTo),
                (reply, error) -> new Created(taskId, worker, reply, error));
    }

    private Behavior<Command> onCreated(Created message) {
        Attempt attempt = attempts[message.taskId().partition()];
        Optional<ActorRef<TaskActor.Command>> task = message.reply() == null ? Optional.empty() : message.reply().task();
        if (done || finishing || !attempt.taskId.equals(message.taskId())) {
            // not needed any more (the stage ended, or this attempt was given up while it was being created)
            task.ifPresent(late -> late.tell(new TaskActor.Cancel(done && !finishing)));
            if (attempt.taskId.equals(message.taskId())) {
                attempt.status = cancelledStatus(attempt);
            }
            checkFinishing();
            return this;
        }
        if (attempt.task != null) {
            return this; // answered already (requests are repeated only after an error, but stay safe)
        }
        if (message.error() != null && !isLost(message.worker()) && attempt.creationRequests < CREATION_REQUESTS) {
            // a busy worker may answer late: ask again rather than leave a task nobody knows of running there
            requestCreation(attempt);
            return this;
        }
        if (message.error() != null) {
            FailureInfo failure = FailureInfo.of(
                    ErrorCode.REMOTE_TASK_ERROR,
                    "Could not create task " + message.taskId() + " on node " + message.worker().nodeId() + ": "
                            + message.error().getMessage());
            return isLost(message.worker()) ? onLost(message.taskId(), null) : fail(failure);
        }
        if (message.reply().failure().isPresent()) {
            return fail(message.reply().failure().get());
        }
        attempt.task = task.orElseThrow();
        getContext().watchWith(attempt.task, new TaskGone(attempt.taskId));
        if (isLost(attempt.worker)) {
            return onLost(attempt.taskId, null);
        }
        if (announced) {
            feed(attempt);
            query.tell(new TaskReplaced(fragment.id(), new RemoteTask(attempt.taskId, attempt.task)));
            checkFinished();
            reportProgress();
            return this;
        }
        for (Attempt each : attempts) {
            if (each.task == null) {
                return this;
            }
        }
        announced = true;
        state = "RUNNING";
        List<RemoteTask> created = new ArrayList<>();
        for (Attempt each : attempts) {
            feed(each);
            created.add(new RemoteTask(each.taskId, each.task));
        }
        query.tell(new TasksCreated(fragment.id(), created));
        checkFinished();
        reportProgress();
        return this;
    }

    /** Gives a started task everything the stage knows: its splits, producers, ended sources and dynamic filters. */
    private void feed(Attempt attempt) {
        sendSplits(attempt.task, splitsByPartition.get(attempt.taskId.partition()));
        sources.forEach((fragmentId, producers) -> {
            if (Arrays.stream(producers).allMatch(java.util.Objects::nonNull)) {
                attempt.task.tell(new TaskActor.AddRemoteSources(fragmentId, Arrays.asList(producers)));
            }
        });
        for (int fragmentId : endedSources) {
            attempt.task.tell(new TaskActor.EndRemoteSource(fragmentId));
        }
        dynamicFilters.forEach(filter -> attempt.task.tell(
                new TaskActor.ApplyDynamicFilter(filter.scanColumn(), filter.summary())));
    }

    /** The splits of each partition, decided once: a re-run attempt reads exactly what the lost one read. */
    private List<List<Split>> assign(List<Split> splits) {
        List<List<Split>> perTask = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            perTask.add(new ArrayList<>());
        }
        int next = 0;
        for (Split split : splits) {
            Optional<String> node = split.requiredNodeId();
            if (node.isEmpty()) {
                perTask.get(next++ % workers.size()).add(split);
                continue;
            }
            // A split whose data lives on some nodes runs on one of them or nowhere: never a silently short result.
            Optional<String> holder = split.candidateNodeIds().stream().filter(id -> partitionOn(id) >= 0).findFirst();
            if (holder.isEmpty()) {
                fail(missingData(node.get()));
                break;
            }
            perTask.get(partitionOn(holder.get())).add(holder.get().equals(node.get()) ? split : split.onNode(holder.get()));
        }
        return perTask;
    }

    private FailureInfo missingData(String nodeId) {
        return FailureInfo.of(
                ErrorCode.MISSING_DATA,
                "Stage " + stageId + " must read data held by node " + nodeId
                        + ", which is not an active worker (it left the cluster)");
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

    // ---- sources and filters ----

    private Behavior<Command> onSourcesReady(SourcesReady message) {
        if (state.equals("FAILED") || state.equals("ABORTED")) {
            return this;
        }
        RemoteTask[] producers = message.producers().toArray(RemoteTask[]::new);
        sources.put(message.fragmentId(), producers);
        for (Attempt attempt : attempts) {
            if (attempt.task != null && announced) {
                attempt.task.tell(new TaskActor.AddRemoteSources(message.fragmentId(), message.producers()));
            }
        }
        return this;
    }

    private Behavior<Command> onSourceReplaced(SourceReplaced message) {
        RemoteTask[] producers = sources.get(message.fragmentId());
        if (producers == null || state.equals("FAILED") || state.equals("ABORTED")) {
            return this;
        }
        // Also when this stage is done: a task of it re-run later reads the new attempt, and finished tasks
        // release their buffer there (see TaskActor.ReplaceProducer).
        producers[message.producer().taskId().partition()] = message.producer();
        for (Attempt attempt : attempts) {
            if (attempt.task != null && announced) {
                attempt.task.tell(new TaskActor.ReplaceProducer(message.fragmentId(), message.producer()));
            }
        }
        return this;
    }

    private Behavior<Command> onApplyDynamicFilter(ApplyDynamicFilter filter) {
        if (done || finishing) {
            return this;
        }
        dynamicFilters.add(filter);
        for (Attempt attempt : attempts) {
            if (attempt.task != null && announced) {
                attempt.task.tell(new TaskActor.ApplyDynamicFilter(filter.scanColumn(), filter.summary()));
            }
        }
        return this;
    }

    private Behavior<Command> onEndSource(EndSource message) {
        endedSources.add(message.fragmentId());
        for (Attempt attempt : attempts) {
            if (attempt.task != null && announced) {
                attempt.task.tell(new TaskActor.EndRemoteSource(message.fragmentId()));
            }
        }
        return this;
    }

    // ---- task states ----

    private Behavior<Command> onStatusChanged(StatusChanged message) {
        TaskStatus status = message.status();
        Attempt attempt = attempts[status.taskId().partition()];
        if (!attempt.taskId.equals(status.taskId()) || attempt.reportedEnd()) {
            return this; // an earlier attempt, or a report after the attempt's end
        }
        if (!status.dynamicFilters().isEmpty()) {
            query.tell(new DynamicFiltersCollected(
                    fragment.id(), status.taskId().partition(), workers.size(), status.dynamicFilters()));
            status = status.withoutDynamicFilters();
        }
        attempt.status = status;
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
        checkFinished();
        checkFinishing();
        reportProgress();
        return this;
    }

    /**
     * Done once every partition's current attempt finished and exists (its final report can come before the
     * answer to its creation: a task with nothing to do finishes at once).
     */
    private void checkFinished() {
        if (done || !Arrays.stream(attempts).allMatch(attempt -> attempt.finished() && attempt.task != null)) {
            return;
        }
        state = "FINISHED";
        done = true;
        if (retryPolicy != RetryPolicy.TASK) {
            outputConsumed = true;
        }
    }

    private Behavior<Command> onNodeChanged(NodeChanged message) {
        Address address = message.address();
        switch (message.news()) {
            case DEPARTED -> {
                departedNodes.add(address);
                suspectNodes.remove(address);
                return onNodeLost(address);
            }
            case UNREACHABLE -> {
                if (retryPolicy != RetryPolicy.TASK) {
                    return onNodeLost(address);
                }
                // A busy node can miss heartbeats for a second or two: re-running everything it runs at each such
                // flap would only add load. A node still unreachable after the grace is lost (a dead one is).
                int generation = ++suspicions;
                suspectNodes.put(address, generation);
                getContext().scheduleOnce(UNREACHABLE_GRACE, getContext().getSelf(), new SuspicionDue(address, generation));
                return this;
            }
            case REACHABLE_AGAIN -> {
                suspectNodes.remove(address);
                if (!departedNodes.contains(address)) {
                    // a busy node missed heartbeats: it may run re-runs again (the attempts already given up
                    // there stay given up)
                    lostNodes.remove(address);
                }
                return this;
            }
            default -> {
                return this;
            }
        }
    }

    /** A node of the cluster is unreachable or gone: every task of this stage there is lost. */
    private Behavior<Command> onNodeLost(Address address) {
        lostNodes.add(address);
        for (Attempt attempt : attempts) {
            if (attempt != null && isLost(attempt.worker)) {
                onLost(attempt.taskId, attempt.worker.nodeId());
            }
        }
        return this;
    }

    private Behavior<Command> onSuspicionDue(SuspicionDue due) {
        Integer generation = suspectNodes.get(due.address());
        if (generation == null || generation != due.generation()) {
            return this; // reachable again meanwhile, or unreachable once more with a later grace
        }
        suspectNodes.remove(due.address());
        return onNodeLost(due.address());
    }

    private boolean isLost(WorkerRef worker) {
        return lostNodes.contains(worker.taskManager().path().address());
    }

    /**
     * Task {@code taskId} stopped without a final state (its actor ended) or sits on a lost node. Under the TASK
     * policy it runs again elsewhere while its output may still be needed; otherwise the stage fails.
     */
    private Behavior<Command> onLost(TaskId taskId, String lostNode) {
        Attempt attempt = attempts[taskId.partition()];
        if (!attempt.taskId.equals(taskId)) {
            return this;
        }
        if (finishing) {
            // the end of its actor can overtake its final report: keep what it reports, count it as ended now
            attempt.stopped = true;
            checkFinishing();
            reportProgress();
            return this;
        }
        boolean outputNeeded = !attempt.finished() || (retryPolicy == RetryPolicy.TASK && !outputConsumed);
        if (state.equals("FAILED") || state.equals("ABORTED") || !outputNeeded) {
            return this;
        }
        String node = lostNode != null ? lostNode : attempt.worker.nodeId();
        if (retryPolicy != RetryPolicy.TASK) {
            return fail(FailureInfo.of(
                    ErrorCode.REMOTE_HOST_GONE,
                    "Task " + taskId + " on node " + node + " was lost (the node left the cluster or stopped responding)"));
        }
        return rerun(attempt, node);
    }

    private Behavior<Command> rerun(Attempt lost, String node) {
        int partition = lost.taskId.partition();
        if (awaitingWorkers.containsKey(partition)) {
            return this;
        }
        if (lost.task != null) {
            superseded.add(lost.task);
        }
        int attemptNumber = lost.taskId.attempt() + 1;
        if (attemptNumber - firstAttempt >= MAX_ATTEMPTS_PER_TASK) {
            return fail(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE,
                    "Task " + lost.taskId + " on node " + node + " was lost and its partition already ran "
                            + MAX_ATTEMPTS_PER_TASK + " times"));
        }
        List<Split> splits = splitsByPartition.get(partition);
        Optional<WorkerRef> target = replacementWorker(splits);
        if (target.isEmpty()) {
            // perhaps a worker joined since the query started (a restarted one): ask the query for them
            if (awaitingWorkers.isEmpty()) {
                query.tell(new WorkersWanted(fragment.id()));
            }
            awaitingWorkers.put(partition, node);
            return this;
        }
        return rerunOn(lost, node, target);
    }

    private Behavior<Command> onCandidateWorkers(CandidateWorkers message) {
        Set<ActorRef<TaskManager.Command>> known = new HashSet<>();
        allWorkers.forEach(worker -> known.add(worker.taskManager()));
        for (WorkerRef worker : message.workers()) {
            if (known.add(worker.taskManager())) {
                allWorkers.add(worker);
            }
        }
        Map<Integer, String> waiting = new LinkedHashMap<>(awaitingWorkers);
        awaitingWorkers.clear();
        for (Map.Entry<Integer, String> entry : waiting.entrySet()) {
            if (outputConsumed || state.equals("FAILED") || state.equals("ABORTED")) {
                break; // the query ended meanwhile
            }
            Attempt lost = attempts[entry.getKey()];
            rerunOn(lost, entry.getValue(), replacementWorker(splitsByPartition.get(entry.getKey())));
        }
        return this;
    }

    private Behavior<Command> rerunOn(Attempt lost, String node, Optional<WorkerRef> target) {
        int partition = lost.taskId.partition();
        int attemptNumber = lost.taskId.attempt() + 1;
        List<Split> splits = splitsByPartition.get(partition);
        if (target.isEmpty()) {
            return fail(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE,
                    "Task " + lost.taskId + " on node " + node + " was lost and no worker is left that can run it again"
                            + (splits.stream().anyMatch(split -> split.requiredNodeId().isPresent())
                                    ? " (no live worker holds all the table data it read)"
                                    : "")));
        }
        // splits bound to a node read from a copy on the new worker
        String targetNode = target.get().nodeId();
        splitsByPartition.set(partition, splits.stream()
                .map(split -> split.requiredNodeId().isEmpty() || split.requiredNodeId().get().equals(targetNode)
                        ? split
                        : split.onNode(targetNode))
                .toList());
        getContext().getLog().info("Task {} on node {} was lost: running it again on node {}", lost.taskId, node,
                target.get().nodeId());
        if (done) {
            done = false;
            state = "RUNNING";
        }
        start(partition, new TaskId(stageId, partition, attemptNumber), target.get());
        reportProgress();
        return this;
    }

    /**
     * The live worker running the fewest of this stage's tasks among those that can read every split of a
     * partition (a split bound to a node can move only to a node holding a copy of its data).
     */
    private Optional<WorkerRef> replacementWorker(List<Split> splits) {
        WorkerRef best = null;
        long bestLoad = Long.MAX_VALUE;
        for (WorkerRef worker : allWorkers) {
            if (isLost(worker) || !canRead(worker.nodeId(), splits)) {
                continue;
            }
            long load = Arrays.stream(attempts).filter(a -> a != null && a.worker.nodeId().equals(worker.nodeId())).count();
            if (load < bestLoad) {
                best = worker;
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean canRead(String nodeId, List<Split> splits) {
        return splits.stream().allMatch(split -> split.requiredNodeId().isEmpty() || split.candidateNodeIds().contains(nodeId));
    }

    private TaskStatus cancelledStatus(Attempt attempt) {
        return new TaskStatus(attempt.taskId, attempt.worker.nodeId(), TaskState.CANCELED, attempt.status == null
                ? TaskProgress.NONE : attempt.status.progress(), Optional.empty(), List.of());
    }

    /** While finishing: done once every task has ended one way or another. */
    private void checkFinishing() {
        if (!finishing || done) {
            return;
        }
        if (Arrays.stream(attempts).allMatch(Attempt::ended)) {
            done = true;
            state = "FINISHED";
        }
    }

    private Behavior<Command> onStop(Stop message) {
        // whatever happens to the tasks from now on, nobody reads their output any more
        outputConsumed = true;
        if (message.abort()) {
            if (!done) {
                done = true;
                state = "ABORTED";
            }
        } else if (!done) {
            // The query has all its output: whatever still runs here is not needed any more.
            finishing = true;
        }
        for (Attempt attempt : attempts) {
            if (attempt.task != null && (retryPolicy == RetryPolicy.TASK || !attempt.ended())) {
                attempt.task.tell(new TaskActor.Cancel(message.abort()));
            }
            if (attempt.task == null && finishing) {
                attempt.status = cancelledStatus(attempt);
            }
        }
        superseded.forEach(task -> task.tell(new TaskActor.Cancel(true)));
        superseded.clear();
        checkFinishing();
        reportProgress();
        return this;
    }

    private Behavior<Command> fail(FailureInfo failure) {
        if (state.equals("FAILED") || state.equals("ABORTED")) {
            return this;
        }
        done = true;
        state = "FAILED";
        for (Attempt attempt : attempts) {
            if (attempt != null && attempt.task != null) {
                attempt.task.tell(new TaskActor.Cancel(true));
            }
        }
        superseded.forEach(task -> task.tell(new TaskActor.Cancel(true)));
        superseded.clear();
        reportProgress();
        query.tell(new Failed(fragment.id(), failure));
        return this;
    }

    private void reportProgress() {
        List<TaskStatus> statuses = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt != null && attempt.status != null) {
                statuses.add(attempt.status);
            }
        }
        query.tell(new Progress(new StageSnapshot(stageId, state, done, statuses)));
    }
}
