package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.Address;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.typed.Cluster;
import io.quarry.client.FetchRejected;
import io.quarry.client.FetchResult;
import io.quarry.client.KillResult;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultPhase;
import io.quarry.client.SessionUpdates;
import io.quarry.client.StageInfo;
import io.quarry.client.StageStatistics;
import io.quarry.client.StageTaskInfo;
import io.quarry.config.RetryPolicy;
import io.quarry.connector.CatalogManager;
import io.quarry.page.EncodedPages;
import io.quarry.page.Page;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import io.quarry.sql.SystemSessionProperties;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One query on the coordinator: waits in QUEUED until the query manager admits it, plans it (off the actor
 * thread), places its stages on the workers,
 * pulls the root task's pages into the client's bounded result buffer, and serves the result protocol
 * (tokens, repeated requests, long polls). Fails precisely on any task failure, on cancel, when the
 * client stops polling, or when it runs too long.
 *
 * <pre>
 * QUEUED -> PLANNING -> STARTING -> RUNNING -> FINISHING -> FINISHED
 *    (any state before FINISHED) -> FAILED
 * </pre>
 */
public final class QueryActor extends AbstractBehavior<QueryActor.Command> {
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How long a query waits for the task manager of a worker that is Up but not yet registered: 25 × 200 ms. */
    private static final int MAX_WORKER_RETRIES = 25;
    private static final Duration WORKER_RETRY_INTERVAL = Duration.ofMillis(200);
    private static final int PULL_ATTEMPTS = 3;
    /** Runs of one query at most under the QUERY policy (as Trino's query-retry-attempts = 4, plus the first). */
    private static final int MAX_QUERY_RUNS = 5;
    private static final Duration ROOT_RETRY_DELAY = Duration.ofMillis(500);
    /** Longest wait, once the output is complete, for the tasks' last statistics before the final answer. */
    private static final Duration SETTLE_WAIT = Duration.ofMillis(200);
    /** EXPLAIN ANALYZE needs every task's final report: it waits longer for them. */
    private static final Duration ANALYZE_SETTLE_WAIT = Duration.ofSeconds(10);

    public sealed interface Command {}

    /** One request of the result protocol. */
    public record Fetch(
            String slug, ResultPhase phase, long token, Duration maxWait, long targetBytes, ActorRef<FetchResult> replyTo)
            implements Command, LocalOnly {}

    /** Cancels the query for the client; answers false for a wrong slug. */
    public record Cancel(String slug, ActorRef<Boolean> replyTo) implements Command, LocalOnly {}

    /** The client is alive; answers false for a wrong slug. */
    public record Heartbeat(String slug, ActorRef<Boolean> replyTo) implements Command, LocalOnly {}

    /** The query's current statistics; empty for a wrong slug. Not a heartbeat. */
    public record GetStatistics(String slug, ActorRef<Optional<QueryStatistics>> replyTo) implements Command, LocalOnly {}

    /** Everything about the query, with its stage tree when {@code withStages}; not a heartbeat, no slug. */
    public record GetInfo(boolean withStages, ActorRef<QueryInfo> replyTo) implements Command, LocalOnly {}

    /**
     * Fails the query with {@code cause} unless it is done already (the administrative kill and the cancel by
     * id, which need no slug: the HTTP layer checks who may ask).
     */
    public record Kill(FailureInfo cause, ActorRef<KillResult> replyTo) implements Command, LocalOnly {
        public Kill {
            requireNonNull(cause, "cause is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** Partial cancel of stage {@code stageId} (the number within the query); always answers true. */
    public record CancelStage(int stageId, ActorRef<Boolean> replyTo) implements Command, LocalOnly {}

    /** The query's history time is over: stop. */
    /** The query manager lets the query run (it waits in QUEUED until then). */
    public enum Admit implements Command, LocalOnly {
        INSTANCE
    }

    /** The query manager refuses the query (e.g. QUERY_QUEUE_FULL): it fails without running. */
    public record Reject(FailureInfo failure) implements Command, LocalOnly {
        public Reject {
            requireNonNull(failure, "failure is null");
        }
    }

    public enum Expire implements Command, LocalOnly {
        INSTANCE
    }

    private record Planned(PlannedQuery plan, FailureInfo failure) implements Command, LocalOnly {}

    private record WorkersFound(List<WorkerRef> workers, Throwable error) implements Command, LocalOnly {}

    /** Scheduled: ask the registry for workers again (a worker that just joined is listed a moment later). */
    private enum RetryWorkers implements Command, LocalOnly {
        INSTANCE
    }

    /** The active workers now, for a stage that has no worker left to re-run a lost task on. */
    private record CandidatesFound(int fragmentId, List<WorkerRef> workers) implements Command, LocalOnly {}

    private record SplitsLoaded(List<WorkerRef> workers, Map<Integer, List<Split>> splits, Throwable error)
            implements Command, LocalOnly {}

    /** An event of a stage of run {@code run} of the query (a QUERY retry starts a new run). */
    private record StageEvent(int run, StageActor.Event event) implements Command, LocalOnly {}

    private record RootPulled(TaskId from, TaskActor.Pages pages, Throwable error) implements Command, LocalOnly {}

    private record RetryRootPull(TaskId from) implements Command, LocalOnly {}

    private record FetchDeadline(long waiterId) implements Command, LocalOnly {}

    private enum Tick implements Command, LocalOnly {
        INSTANCE
    }

    private enum SettleTimeout implements Command, LocalOnly {
        INSTANCE
    }

    /** What every query of a coordinator shares. */
    public record Settings(
            StatementPlanner planner,
            Executor planningExecutor,
            CatalogManager catalogs,
            ActorRef<NodeRegistry.Command> registry,
            Duration askTimeout,
            Duration clientTimeout,
            Duration maxRunTime,
            long clientBufferBytes,
            int splitsPerWorker,
            long maxMemoryBytes,
            RetryPolicy retryPolicy) implements LocalOnly {
        public Settings {
            requireNonNull(retryPolicy, "retryPolicy is null");
            if (maxMemoryBytes <= 0) {
                throw new IllegalArgumentException("maxMemoryBytes must be positive: " + maxMemoryBytes);
            }
            requireNonNull(planner, "planner is null");
            requireNonNull(planningExecutor, "planningExecutor is null");
            requireNonNull(catalogs, "catalogs is null");
            requireNonNull(registry, "registry is null");
            requireNonNull(askTimeout, "askTimeout is null");
            requireNonNull(clientTimeout, "clientTimeout is null");
            requireNonNull(maxRunTime, "maxRunTime is null");
        }
    }

    private record Waiter(long id, Fetch fetch) {}

    private final QueryId queryId;
    private final String slug;
    /** The client's session, or the query's own once planning read its WITH SESSION clause. */
    private Session session;
    private QueryMemoryTracker memory;
    private final String sql;
    private final StatementContext statementContext;
    private final Settings settings;
    private final ActorRef<QueryManager.Command> manager;
    private final TimerScheduler<Command> timers;
    private final long createNanos = System.nanoTime();

    private QueryState state = QueryState.QUEUED;
    private Optional<FailureInfo> failure = Optional.empty();
    private PlannedQuery plan;
    /** The workers, asked for while the query is planned; null until the registry answers. */
    private WorkersFound workers;
    private int workerRetries;
    private long planningNanos;
    private long endNanos;
    private long endMillis;
    private long lastHeartbeatNanos = System.nanoTime();

    private final Map<Integer, ActorRef<StageActor.Command>> stages = new HashMap<>();
    private final Map<Integer, StageActor.StageSnapshot> snapshots = new HashMap<>();
    private final Map<Integer, Integer> consumerOf = new HashMap<>();
    /** Merges the dynamic filters of partitioned joins; created with the plan. */
    private DynamicFilterCoordinator dynamicFilters;
    private boolean scheduled;
    /** Runs of the query so far minus one: a QUERY retry runs every stage again as a new run. */
    private int run;
    /** Forwards the events of the current run's stages (stopped when a new run starts). */
    private ActorRef<StageActor.Event> stageEvents;
    /** Rows were handed to the client: from then on the query cannot start over. */
    private boolean resultsHanded;

    private RemoteTask rootTask;
    private long rootToken;
    private boolean pulling;
    private int failedPulls;
    private boolean outputComplete;
    private boolean settleTimedOut;
    /** EXPLAIN ANALYZE: its answer has been rendered. */
    private boolean analyzed;
    private final ArrayDeque<Page> clientBuffer = new ArrayDeque<>();
    /** What the table writers reported, for the commit of a write statement. */
    private final List<Page> writerOutput = new ArrayList<>();
    private OptionalLong updateCount = OptionalLong.empty();
    private long clientBufferBytes;

    private long lastQueuedToken;
    private FetchResult lastQueuedAnswer;
    private long lastExecutingToken = -1;
    private FetchResult lastExecutingAnswer;
    private final List<Waiter> waiters = new ArrayList<>();
    private long nextWaiterId;

    public static Behavior<Command> create(
            QueryId queryId, String slug, Session session, String sql, Settings settings, ActorRef<QueryManager.Command> manager) {
        return create(queryId, slug, session, StatementContext.EMPTY, sql, settings, manager);
    }

    public static Behavior<Command> create(
            QueryId queryId,
            String slug,
            Session session,
            StatementContext statementContext,
            String sql,
            Settings settings,
            ActorRef<QueryManager.Command> manager) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new QueryActor(context, timers, queryId, slug, session, statementContext, sql, settings, manager)));
    }

    private QueryActor(
            ActorContext<Command> context,
            TimerScheduler<Command> timers,
            QueryId queryId,
            String slug,
            Session session,
            StatementContext statementContext,
            String sql,
            Settings settings,
            ActorRef<QueryManager.Command> manager) {
        super(context);
        this.statementContext = statementContext;
        this.queryId = queryId;
        this.slug = slug;
        this.session = session;
        this.sql = sql;
        this.settings = settings;
        this.manager = manager;
        this.timers = timers;
        timers.startTimerWithFixedDelay(Tick.INSTANCE, TICK);
    }

    /** Admission by the query manager: the query leaves QUEUED and is planned. */
    private Behavior<Command> onAdmit() {
        if (state != QueryState.QUEUED) {
            return this;
        }
        startPlanning();
        // Asked now rather than after planning, so that the answer is there when the plan is.
        askWorkers();
        return this;
    }

    private void askWorkers() {
        getContext().ask(
                NodeRegistry.Workers.class,
                settings.registry(),
                settings.askTimeout(),
                NodeRegistry.GetWorkers::new,
                (found, error) -> new WorkersFound(found == null ? List.of() : found.workers(), error));
    }

    private Behavior<Command> onRetryWorkers() {
        if (!state.isDone()) {
            askWorkers();
        }
        return this;
    }

    /** Whether the cluster has a worker that is Up, whose task manager the registry will list shortly. */
    private boolean workerJoining() {
        if (!getContext().getSystem().settings().config().getString("akka.actor.provider").equals("cluster")) {
            return false;
        }
        for (akka.cluster.Member member : Cluster.get(getContext().getSystem()).state().getMembers()) {
            if (member.status() == akka.cluster.MemberStatus.up() && member.hasRole(io.quarry.config.ClusterRoles.WORKER_ROLE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Fetch.class, this::onFetch)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(Heartbeat.class, this::onHeartbeat)
                .onMessage(GetStatistics.class, this::onGetStatistics)
                .onMessage(GetInfo.class, this::onGetInfo)
                .onMessage(Kill.class, this::onKill)
                .onMessage(CancelStage.class, this::onCancelStage)
                .onMessageEquals(Expire.INSTANCE, this::onExpire)
                .onMessageEquals(Admit.INSTANCE, this::onAdmit)
                .onMessage(Reject.class, reject -> fail(reject.failure()))
                .onMessage(Planned.class, this::onPlanned)
                .onMessage(WorkersFound.class, this::onWorkersFound)
                .onMessageEquals(RetryWorkers.INSTANCE, this::onRetryWorkers)
                .onMessage(CandidatesFound.class, found -> {
                    ActorRef<StageActor.Command> stage = stages.get(found.fragmentId());
                    if (stage != null && !state.isDone()) {
                        stage.tell(new StageActor.CandidateWorkers(reachable(found.workers())));
                    }
                    return this;
                })
                .onMessage(SplitsLoaded.class, this::onSplitsLoaded)
                .onMessage(StageEvent.class, this::onStageEvent)
                .onMessage(RootPulled.class, this::onRootPulled)
                .onMessage(RetryRootPull.class, retry -> {
                    if (rootTask != null && retry.from().equals(rootTask.taskId())) {
                        pulling = false;
                        pullRoot();
                    }
                    return this;
                })
                .onMessage(FetchDeadline.class, this::onFetchDeadline)
                .onMessageEquals(Tick.INSTANCE, this::onTick)
                .onMessageEquals(SettleTimeout.INSTANCE, this::onSettleTimeout)
                .build();
    }

    // ---- planning and scheduling ----

    private void startPlanning() {
        state = QueryState.PLANNING;
        long start = System.nanoTime();
        Session clientSession = session;
        CompletableFuture<PlannedQuery> planning = CompletableFuture.supplyAsync(
                () -> settings.planner().plan(sql, clientSession, statementContext), settings.planningExecutor());
        getContext().pipeToSelf(planning, (planned, error) -> {
            planningNanos = System.nanoTime() - start;
            return error == null ? new Planned(planned, null) : new Planned(null, FailureInfo.from(unwrap(error)));
        });
    }

    private Behavior<Command> onPlanned(Planned message) {
        if (state.isDone()) {
            return this;
        }
        if (message.failure() != null) {
            return fail(message.failure());
        }
        plan = message.plan();
        session = plan.runSession().orElse(session);
        dynamicFilters = new DynamicFilterCoordinator(plan.fragments());
        for (PlanFragment fragment : plan.fragments()) {
            for (int source : fragment.sourceFragments()) {
                consumerOf.put(source, fragment.id());
            }
        }
        state = QueryState.STARTING;
        answerWaiters();
        return workers == null ? this : startStages(workers);
    }

    private Behavior<Command> onWorkersFound(WorkersFound message) {
        workers = message;
        return plan == null || state.isDone() ? this : startStages(message);
    }

    private Behavior<Command> startStages(WorkersFound message) {
        if (message.error() != null) {
            return fail(FailureInfo.of(ErrorCode.GENERIC_INTERNAL_ERROR, "Node registry did not answer: " + message.error()));
        }
        List<WorkerRef> found = reachable(message.workers());
        if (found.isEmpty() && workerJoining() && workerRetries < MAX_WORKER_RETRIES) {
            // a worker is Up but not listed yet: the registry hears of its task manager a moment after it joins
            workerRetries++;
            workers = null;
            timers.startSingleTimer(RetryWorkers.INSTANCE, WORKER_RETRY_INTERVAL);
            return this;
        }
        if (found.isEmpty()) {
            return fail(FailureInfo.of(ErrorCode.NO_NODES_AVAILABLE, "No worker nodes available"));
        }
        loadSplits(found);
        return this;
    }

    /** The workers the cluster sees as reachable now (a lost node stays listed until it is removed). */
    private List<WorkerRef> reachable(List<WorkerRef> workers) {
        if (!getContext().getSystem().settings().config().getString("akka.actor.provider").equals("cluster")) {
            return workers;
        }
        Set<Address> unreachable = new HashSet<>();
        Cluster.get(getContext().getSystem()).state().getUnreachable().forEach(member -> unreachable.add(member.address()));
        return workers.stream()
                .filter(worker -> !unreachable.contains(worker.taskManager().path().address()))
                .toList();
    }

    /** The query's retry policy: the session's, or the coordinator's {@code retry-policy}. */
    private RetryPolicy retryPolicy() {
        return session.systemProperty(SystemSessionProperties.RETRY_POLICY)
                .map(RetryPolicy::parse)
                .orElse(settings.retryPolicy());
    }

    /**
     * Asks the connectors for the splits of every source fragment, then schedules. Most answer at once; the
     * system connector's snapshots of live state answer a moment later (the actor does not wait for them).
     */
    private void loadSplits(List<WorkerRef> workers) {
        Map<Integer, CompletableFuture<List<Split>>> loading = new HashMap<>();
        for (PlanFragment fragment : plan.fragments()) {
            if (fragment.distribution() == FragmentDistribution.SOURCE) {
                loading.put(fragment.id(), splitsOf(fragment.root(), workers.size()));
            }
        }
        CompletableFuture<Map<Integer, List<Split>>> all = CompletableFuture.allOf(
                        loading.values().toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    Map<Integer, List<Split>> splits = new HashMap<>();
                    loading.forEach((fragment, future) -> splits.put(fragment, future.join()));
                    return splits;
                });
        getContext().pipeToSelf(all, (splits, error) -> new SplitsLoaded(workers, splits, error));
    }

    private Behavior<Command> onSplitsLoaded(SplitsLoaded message) {
        if (state.isDone()) {
            return this;
        }
        if (message.error() != null) {
            return fail(FailureInfo.from(unwrap(message.error())));
        }
        try {
            schedule(message.workers(), message.splits());
        } catch (QuarryException e) {
            return fail(FailureInfo.from(e));
        }
        return this;
    }

    private void schedule(List<WorkerRef> workers, Map<Integer, List<Split>> splitsByFragment) {
        Map<Integer, List<WorkerRef>> placement = new HashMap<>();
        WorkerRef single = workers.stream()
                .filter(worker -> worker.taskManager().path().address().hasLocalScope())
                .findFirst()
                .orElse(workers.get(Math.floorMod(queryId.hashCode(), workers.size())));
        for (PlanFragment fragment : plan.fragments()) {
            placement.put(fragment.id(), fragment.distribution() == FragmentDistribution.SINGLE ? List.of(single)
                    : fragment.distribution() == FragmentDistribution.HASH ? hashPartitionWorkers(workers) : workers);
        }
        int thisRun = run;
        ActorRef<Command> self = getContext().getSelf();
        stageEvents = getContext().spawn(
                Behaviors.receive(StageActor.Event.class)
                        .onAnyMessage(event -> {
                            self.tell(new StageEvent(thisRun, event));
                            return Behaviors.same();
                        })
                        .build(),
                "stage-events-" + run);
        RetryPolicy policy = retryPolicy();
        if (policy == RetryPolicy.TASK && workers.size() < 2
                && workers.stream().allMatch(worker -> worker.taskManager().path().address().hasLocalScope())) {
            // a single node (this one) has nowhere else to run a lost task: keeping outputs for re-runs would
            // only cost. A single remote worker keeps TASK: another may join (restart) before it is lost.
            policy = RetryPolicy.NONE;
        }
        // the tasks learn the policy from the session: under TASK they keep their output for re-runs
        Session stageSession = session.withSystemProperty(SystemSessionProperties.RETRY_POLICY, policy.name());
        for (PlanFragment fragment : plan.fragments()) {
            Integer consumer = consumerOf.get(fragment.id());
            int outputPartitions = consumer == null ? 1 : placement.get(consumer).size();
            List<WorkerRef> taskNodes = placement.get(fragment.id());
            List<Split> splits = splitsByFragment.getOrDefault(fragment.id(), List.of());
            Session fragmentSession = dynamicFilters.sessionOf(fragment.id(), stageSession);
            ActorRef<StageActor.Command> stage = getContext().spawn(
                    StageActor.create(
                            new StageId(queryId, fragment.id()), fragment, fragmentSession, taskNodes, workers, policy,
                            run * StageActor.ATTEMPT_NUMBERS_PER_RUN, outputPartitions, splits, settings.askTimeout(),
                            stageEvents),
                    run == 0 ? "stage-" + fragment.id() : "stage-" + fragment.id() + "-run-" + run);
            stages.put(fragment.id(), stage);
        }
    }

    /** The workers of a hash-partitioned stage: one partition each, at most the session's hash_partition_count. */
    private List<WorkerRef> hashPartitionWorkers(List<WorkerRef> workers) {
        return workers.subList(0, Math.min(workers.size(), SystemSessionProperties.hashPartitionCount(session)));
    }

    private CompletableFuture<List<Split>> splitsOf(PlanNode node, int taskCount) {
        List<CompletableFuture<List<Split>>> scans = new ArrayList<>();
        try {
            collectSplits(node, taskCount, scans);
        } catch (QuarryException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.allOf(scans.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Split> splits = new ArrayList<>();
            scans.forEach(scan -> splits.addAll(scan.join()));
            return splits;
        });
    }

    private void collectSplits(PlanNode node, int taskCount, List<CompletableFuture<List<Split>>> scans) {
        if (node instanceof TableScan scan) {
            scans.add(settings.catalogs()
                    .require(scan.catalog())
                    .splitsAsync(scan.table(), Math.max(1, taskCount * settings.splitsPerWorker()))
                    .toCompletableFuture());
        }
        for (PlanNode source : node.sources()) {
            collectSplits(source, taskCount, scans);
        }
    }

    private Behavior<Command> onStageEvent(StageEvent message) {
        if (message.run() != run) {
            return this; // a stage of a run given up
        }
        StageActor.Event event = message.event();
        if (event instanceof StageActor.Progress progress) {
            snapshots.put(progress.snapshot().stageId().id(), progress.snapshot());
            Optional<FailureInfo> memoryExceeded = memory().update(snapshots.values());
            if (memoryExceeded.isPresent()) {
                return fail(memoryExceeded.get());
            }
            updateScheduled();
            if (outputComplete) {
                answerWaiters();
            }
            return this;
        }
        if (event instanceof StageActor.Failed failed) {
            return restartOrFail(failed.failure());
        }
        if (event instanceof StageActor.TaskReplaced replaced) {
            return onTaskReplaced(replaced);
        }
        if (event instanceof StageActor.WorkersWanted wanted) {
            // always answered (with no worker if the registry does not answer), so the stage never waits for ever
            getContext().ask(
                    NodeRegistry.Workers.class,
                    settings.registry(),
                    settings.askTimeout(),
                    NodeRegistry.GetWorkers::new,
                    (found, error) -> new CandidatesFound(wanted.fragmentId(), found == null ? List.of() : found.workers()));
            return this;
        }
        if (event instanceof StageActor.DynamicFiltersCollected collected) {
            return onDynamicFiltersCollected(collected);
        }
        StageActor.TasksCreated created = (StageActor.TasksCreated) event;
        if (state.isDone()) {
            return this;
        }
        Integer consumer = consumerOf.get(created.fragmentId());
        if (consumer == null) {
            rootTask = created.tasks().get(0);
            if (state == QueryState.STARTING) {
                state = QueryState.RUNNING;
            }
            pullRoot();
        } else {
            stages.get(consumer).tell(new StageActor.SourcesReady(created.fragmentId(), created.tasks()));
        }
        updateScheduled();
        return this;
    }

    private Behavior<Command> onDynamicFiltersCollected(StageActor.DynamicFiltersCollected collected) {
        if (state.isDone() || dynamicFilters == null) {
            return this;
        }
        for (DynamicFilterCoordinator.Merged merged : dynamicFilters.add(collected)) {
            ActorRef<StageActor.Command> stage = stages.get(merged.fragmentId());
            if (stage != null) {
                getContext().getLog().debug("Query {}: dynamic filter {} for column {} of stage {}", queryId,
                        merged.summary(), merged.scanColumn(), merged.fragmentId());
                stage.tell(new StageActor.ApplyDynamicFilter(merged.scanColumn(), merged.summary()));
            }
        }
        return this;
    }

    /** A lost task runs again: its consumer stage (or, for the root, this query) reads the new attempt. */
    private Behavior<Command> onTaskReplaced(StageActor.TaskReplaced replaced) {
        if (state.isDone()) {
            return this;
        }
        Integer consumer = consumerOf.get(replaced.fragmentId());
        if (consumer != null) {
            stages.get(consumer).tell(new StageActor.SourceReplaced(replaced.fragmentId(), replaced.task()));
            return this;
        }
        if (resultsHanded || outputComplete) {
            return fail(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "Task " + rootTask.taskId()
                    + " that produced the query's results was lost after results were sent to the client"));
        }
        // nothing reached the client: read the new attempt from its start
        rootTask = replaced.task();
        rootToken = 0;
        failedPulls = 0;
        clientBuffer.clear();
        clientBufferBytes = 0;
        writerOutput.clear();
        pulling = false;
        pullRoot();
        return this;
    }

    /**
     * A stage failed. A failure that a lost node may have caused starts the query over under the QUERY policy
     * when no result reached the client yet; anything else fails the query.
     */
    private Behavior<Command> restartOrFail(FailureInfo cause) {
        boolean nodeLost = cause.errorCode() == ErrorCode.REMOTE_HOST_GONE
                || cause.errorCode() == ErrorCode.REMOTE_TASK_ERROR
                || cause.errorCode() == ErrorCode.PAGE_TRANSPORT_TIMEOUT
                || cause.errorCode() == ErrorCode.PAGE_TRANSPORT_ERROR;
        if (state.isDone() || !nodeLost || retryPolicy() != RetryPolicy.QUERY || resultsHanded || outputComplete
                || run + 1 >= MAX_QUERY_RUNS) {
            return fail(cause);
        }
        getContext().getLog().info("Query {} runs again after {}: {}", queryId, cause.errorCode(), cause.message());
        stages.values().forEach(stage -> stage.tell(new StageActor.Stop(true)));
        getContext().stop(stageEvents);
        plan.completion().ifPresent(completion -> completion.abort(workers == null ? List.of() : workers.workers()));
        stages.clear();
        snapshots.clear();
        dynamicFilters = new DynamicFilterCoordinator(plan.fragments());
        scheduled = false;
        rootTask = null;
        rootToken = 0;
        failedPulls = 0;
        pulling = false;
        clientBuffer.clear();
        clientBufferBytes = 0;
        writerOutput.clear();
        run++;
        workers = null;
        getContext().ask(
                NodeRegistry.Workers.class,
                settings.registry(),
                settings.askTimeout(),
                NodeRegistry.GetWorkers::new,
                (found, error) -> new WorkersFound(found == null ? List.of() : found.workers(), error));
        return this;
    }

    /** Scheduled: every stage has placed its tasks (once true, it stays true). */
    private void updateScheduled() {
        scheduled = scheduled || (!stages.isEmpty() && snapshots.size() == stages.size()
                && snapshots.values().stream().noneMatch(s -> s.state().equals("SCHEDULING")));
    }

    // ---- pulling the root task's output ----

    private void pullRoot() {
        if (pulling || outputComplete || rootTask == null || state.isDone()
                || clientBufferBytes >= settings.clientBufferBytes()) {
            return;
        }
        pulling = true;
        boolean local = rootTask.task().path().address().hasLocalScope();
        long maxBytes = local ? TaskActor.LOCAL_REPLY_BYTES : TaskActor.REMOTE_REPLY_BYTES;
        long token = rootToken;
        TaskId from = rootTask.taskId();
        getContext().ask(
                TaskActor.Pages.class,
                rootTask.task(),
                settings.askTimeout().plus(TaskActor.PAGE_WAIT),
                replyTo -> new TaskActor.GetPages(0, token, maxBytes, replyTo),
                (pages, error) -> new RootPulled(from, pages, error));
    }

    private Behavior<Command> onRootPulled(RootPulled message) {
        if (rootTask == null || !message.from().equals(rootTask.taskId())) {
            return this; // an answer of a root task given up (its node was lost)
        }
        pulling = false;
        if (state.isDone() || outputComplete) {
            return this;
        }
        if (message.error() != null && retryPolicy() == RetryPolicy.TASK) {
            // the root's node may be lost: its stage runs it again and tells this query where
            pulling = true;
            getContext().scheduleOnce(ROOT_RETRY_DELAY, getContext().getSelf(), new RetryRootPull(message.from()));
            return this;
        }
        if (message.error() != null) {
            if (++failedPulls >= PULL_ATTEMPTS) {
                return fail(FailureInfo.of(
                        ErrorCode.PAGE_TRANSPORT_TIMEOUT,
                        "Could not get results from task " + rootTask.taskId() + ": " + message.error().getMessage()));
            }
            pullRoot();
            return this;
        }
        failedPulls = 0;
        TaskActor.Pages pages = message.pages();
        if (pages.failure().isPresent()) {
            return fail(pages.failure().get());
        }
        if (pages.token() == rootToken) {
            for (Page received : pages.pages()) {
                // clients and the write completion read flat blocks only: the root's pages are decoded here, once
                Page page = EncodedPages.flatten(received);
                if (page.positionCount() > 0 && plan.completion().isPresent()) {
                    writerOutput.add(page);
                } else if (page.positionCount() > 0 && plan.analyze().isEmpty()) {
                    clientBuffer.add(page);
                    clientBufferBytes += page.sizeInBytes();
                }
            }
            rootToken = pages.nextToken();
            if (pages.complete() && plan.completion().isPresent()) {
                try {
                    WriteCompletion.Result result = plan.completion().get().complete(writerOutput);
                    updateCount = result.updateCount();
                    clientBuffer.add(result.page());
                } catch (QuarryException e) {
                    return fail(FailureInfo.from(e));
                }
            }
            if (pages.complete()) {
                completeOutput();
            }
        }
        answerWaiters();
        pullRoot();
        return this;
    }

    /** The client has every row it will get: finish once the stages have settled. */
    private void completeOutput() {
        outputComplete = true;
        timers.startSingleTimer(SettleTimeout.INSTANCE, plan.analyze().isPresent() ? ANALYZE_SETTLE_WAIT : SETTLE_WAIT);
        if (rootTask != null) {
            rootTask.task().tell(new TaskActor.DestroyBuffer(0));
        }
        state = QueryState.FINISHING;
        // Whatever still runs upstream (e.g. under a satisfied LIMIT) is no longer needed.
        stages.values().forEach(stage -> stage.tell(new StageActor.Stop(false)));
    }

    /**
     * The clients' partial cancel: the stage and the stages below it stop producing, and their consumer
     * takes what it has received as the whole of that input, so the query finishes normally with the rows
     * already produced.
     */
    private Behavior<Command> onCancelStage(CancelStage request) {
        request.replyTo().tell(true);
        if (state.isDone() || outputComplete || !stages.containsKey(request.stageId())) {
            return this;
        }
        if (plan.completion().isPresent()) {
            // A write commits all of its rows or none: a partial cancel would leave it half done.
            return this;
        }
        Integer consumer = consumerOf.get(request.stageId());
        if (consumer == null) {
            completeOutput();
            answerWaiters();
            return this;
        }
        stages.get(consumer).tell(new StageActor.EndSource(request.stageId()));
        stopSubtree(request.stageId());
        return this;
    }

    private void stopSubtree(int fragmentId) {
        stages.get(fragmentId).tell(new StageActor.Stop(false));
        plan.fragments().stream()
                .filter(fragment -> fragment.id() == fragmentId)
                .forEach(fragment -> fragment.sourceFragments().forEach(this::stopSubtree));
    }

    // ---- the result protocol ----

    private Behavior<Command> onFetch(Fetch fetch) {
        if (!slugMatches(fetch.slug())) {
            fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "Query not found"));
            return this;
        }
        lastHeartbeatNanos = System.nanoTime();
        long token = fetch.token();
        if (fetch.phase() == ResultPhase.QUEUED) {
            if (token == lastQueuedToken && lastQueuedAnswer != null) {
                fetch.replyTo().tell(lastQueuedAnswer);
                return this;
            }
            if (isFinal(lastQueuedAnswer)) {
                fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "Query not found"));
                return this;
            }
            if (token != lastQueuedToken + 1) {
                fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.GONE, "Token " + token + " is no longer valid"));
                return this;
            }
        } else {
            if (token == lastExecutingToken && lastExecutingAnswer != null) {
                fetch.replyTo().tell(lastExecutingAnswer);
                return this;
            }
            if (token < lastExecutingToken) {
                fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.GONE, "Token " + token + " is no longer valid"));
                return this;
            }
            if (token != lastExecutingToken + 1 || isFinal(lastExecutingAnswer)) {
                fetch.replyTo().tell(new FetchRejected(FetchRejected.Reason.NOT_FOUND, "Query not found"));
                return this;
            }
        }
        if (canAnswer(fetch.phase()) || fetch.maxWait().isZero()) {
            answer(fetch);
        } else {
            long id = nextWaiterId++;
            waiters.add(new Waiter(id, fetch));
            timers.startSingleTimer(new FetchDeadline(id), fetch.maxWait());
        }
        return this;
    }

    /** The answer that ended the protocol: it has no next URI, so no later token exists. */
    private static boolean isFinal(FetchResult answer) {
        return answer instanceof ResultBatch batch && batch.nextToken().isEmpty();
    }

    private boolean canAnswer(ResultPhase phase) {
        if (failure.isPresent()) {
            return true;
        }
        if (phase == ResultPhase.QUEUED) {
            return plan != null;
        }
        if (plan == null) {
            return false;
        }
        // The answer that ends the query carries its final statistics and the last rows together: once the
        // output is complete it waits (briefly) for the tasks' last reports, which travel through their stages
        // and may arrive just after the last pages.
        return outputComplete ? settled() : !clientBuffer.isEmpty();
    }

    private boolean settled() {
        return settleTimedOut || stagesSettled();
    }

    /** Every stage has ended and every task it reported has ended too. */
    private boolean stagesSettled() {
        if (snapshots.size() < stages.size()) {
            return false;
        }
        for (StageActor.StageSnapshot snapshot : snapshots.values()) {
            if (!snapshot.done() || snapshot.tasks().stream().anyMatch(task -> !task.state().isDone())) {
                return false;
            }
        }
        return true;
    }

    private Behavior<Command> onSettleTimeout() {
        settleTimedOut = true;
        answerWaiters();
        return this;
    }

    private Behavior<Command> onFetchDeadline(FetchDeadline deadline) {
        for (int i = 0; i < waiters.size(); i++) {
            if (waiters.get(i).id() == deadline.waiterId()) {
                answer(waiters.remove(i).fetch());
                break;
            }
        }
        return this;
    }

    private void answerWaiters() {
        List<Waiter> ready = new ArrayList<>();
        for (Waiter waiter : waiters) {
            if (canAnswer(waiter.fetch().phase())) {
                ready.add(waiter);
            }
        }
        for (Waiter waiter : ready) {
            waiters.remove(waiter);
            timers.cancel(new FetchDeadline(waiter.id()));
            answer(waiter.fetch());
        }
    }

    private void answer(Fetch fetch) {
        long token = fetch.token();
        // A repeated request that waited beside the first one gets the same answer.
        if (fetch.phase() == ResultPhase.QUEUED && token == lastQueuedToken && lastQueuedAnswer != null) {
            fetch.replyTo().tell(lastQueuedAnswer);
            return;
        }
        if (fetch.phase() == ResultPhase.EXECUTING && token == lastExecutingToken && lastExecutingAnswer != null) {
            fetch.replyTo().tell(lastExecutingAnswer);
            return;
        }
        ResultBatch batch;
        if (fetch.phase() == ResultPhase.QUEUED) {
            if (failure.isPresent()) {
                batch = finalBatch(List.of());
            } else if (plan != null) {
                batch = batch(Optional.of(ResultPhase.EXECUTING), OptionalLong.of(0), List.of());
            } else {
                batch = batch(Optional.of(ResultPhase.QUEUED), OptionalLong.of(token + 1), List.of());
            }
            lastQueuedToken = token;
            lastQueuedAnswer = batch;
        } else {
            if (failure.isPresent()) {
                batch = finalBatch(List.of());
            } else {
                if (outputComplete && settled() && plan.analyze().isPresent() && !analyzed) {
                    analyzed = true;
                    clientBuffer.add(plan.analyze().get().answer(snapshots.values()));
                }
                List<Page> pages = takePages(fetch.targetBytes());
                if (outputComplete && clientBuffer.isEmpty() && settled()) {
                    finish();
                    batch = finalBatch(pages);
                } else {
                    batch = batch(Optional.of(ResultPhase.EXECUTING), OptionalLong.of(token + 1), pages);
                }
            }
            lastExecutingToken = token;
            lastExecutingAnswer = batch;
            pullRoot();
        }
        fetch.replyTo().tell(batch);
    }

    private List<Page> takePages(long targetBytes) {
        List<Page> pages = new ArrayList<>();
        long bytes = 0;
        while (!clientBuffer.isEmpty() && (pages.isEmpty() || bytes + clientBuffer.peek().sizeInBytes() <= targetBytes)) {
            Page page = clientBuffer.poll();
            resultsHanded = true;
            bytes += page.sizeInBytes();
            clientBufferBytes -= page.sizeInBytes();
            pages.add(page);
        }
        return pages;
    }

    private ResultBatch finalBatch(List<Page> pages) {
        return batch(Optional.empty(), OptionalLong.empty(), pages);
    }

    private ResultBatch batch(Optional<ResultPhase> nextPhase, OptionalLong nextToken, List<Page> pages) {
        return new ResultBatch(
                queryId,
                nextPhase,
                nextToken,
                plan == null ? Optional.empty() : Optional.of(plan.columns()),
                pages,
                statistics(),
                failure,
                plan == null ? Optional.empty() : plan.updateType(),
                updateCount,
                plan == null ? SessionUpdates.NONE : plan.sessionUpdates(),
                !state.isDone() && stages.size() > 1);
    }

    // ---- life cycle ----

    private Behavior<Command> onCancel(Cancel cancel) {
        if (!slugMatches(cancel.slug())) {
            cancel.replyTo().tell(false);
            return this;
        }
        cancel.replyTo().tell(true);
        return fail(FailureInfo.of(ErrorCode.USER_CANCELED, "Query was canceled"));
    }

    private Behavior<Command> onHeartbeat(Heartbeat heartbeat) {
        boolean matches = slugMatches(heartbeat.slug());
        if (matches) {
            lastHeartbeatNanos = System.nanoTime();
        }
        heartbeat.replyTo().tell(matches);
        return this;
    }

    private Behavior<Command> onGetStatistics(GetStatistics request) {
        request.replyTo().tell(slugMatches(request.slug()) ? Optional.of(statistics()) : Optional.empty());
        return this;
    }

    private Behavior<Command> onGetInfo(GetInfo request) {
        request.replyTo().tell(info(request.withStages()));
        return this;
    }

    private Behavior<Command> onKill(Kill kill) {
        if (state.isDone()) {
            kill.replyTo().tell(KillResult.ALREADY_DONE);
            return this;
        }
        kill.replyTo().tell(KillResult.KILLED);
        return fail(kill.cause());
    }

    private Behavior<Command> onTick() {
        if (state.isDone()) {
            return this;
        }
        long now = System.nanoTime();
        if (now - lastHeartbeatNanos > settings.clientTimeout().toNanos()) {
            return fail(FailureInfo.of(
                    ErrorCode.ABANDONED_QUERY,
                    "Query " + queryId + " was abandoned by the client, as it has not asked for results for "
                            + settings.clientTimeout().toSeconds() + "s"));
        }
        Duration maxRunTime = maxRunTime();
        if (now - createNanos > maxRunTime.toNanos()) {
            return fail(FailureInfo.of(
                    ErrorCode.EXCEEDED_TIME_LIMIT, "Query exceeded maximum time limit of " + AnalyzeText.duration(maxRunTime.toNanos())));
        }
        return this;
    }

    /** The query's memory on the coordinator's side, made on first use (the session is checked by then). */
    private QueryMemoryTracker memory() {
        if (memory == null) {
            long limit = settings.maxMemoryBytes();
            try {
                if (session.systemProperty(SystemSessionProperties.QUERY_MAX_MEMORY).isPresent()) {
                    limit = Math.min(limit, SystemSessionProperties.queryMaxMemory(session));
                }
            } catch (QuarryException e) {
                // A bad value fails the query in planning (INVALID_SESSION_PROPERTY).
            }
            memory = new QueryMemoryTracker(limit);
        }
        return memory;
    }

    private Duration maxRunTime() {
        Duration fromSession;
        try {
            fromSession = SystemSessionProperties.queryMaxRunTime(session);
        } catch (QuarryException e) {
            // A bad value fails the query in planning (INVALID_SESSION_PROPERTY); a tick before that must not
            // crash the actor, which would turn the answer into "Query not found".
            return settings.maxRunTime();
        }
        return fromSession.compareTo(settings.maxRunTime()) < 0 ? fromSession : settings.maxRunTime();
    }

    private Behavior<Command> onExpire() {
        if (!state.isDone()) {
            fail(FailureInfo.of(ErrorCode.SERVER_SHUTTING_DOWN, "Query was removed"));
        }
        return Behaviors.stopped();
    }

    private Behavior<Command> fail(FailureInfo cause) {
        if (state.isDone()) {
            return this;
        }
        failure = Optional.of(cause);
        state = QueryState.FAILED;
        if (plan != null) {
            plan.completion().ifPresent(completion -> completion.abort(workers == null ? List.of() : workers.workers()));
        }
        endNanos = System.nanoTime();
        endMillis = System.currentTimeMillis();
        if (cause.errorCode() == ErrorCode.GENERIC_INTERNAL_ERROR) {
            getContext().getLog().error("Query {} failed: {}: {}", queryId, cause.type(), cause.message());
        } else {
            getContext().getLog().info("Query {} failed: {} {}", queryId, cause.errorCode(), cause.message());
        }
        stages.values().forEach(stage -> stage.tell(new StageActor.Stop(true)));
        clientBuffer.clear();
        clientBufferBytes = 0;
        manager.tell(new QueryManager.QueryEnded(queryId));
        answerWaiters();
        return this;
    }

    private void finish() {
        state = QueryState.FINISHED;
        endNanos = System.nanoTime();
        endMillis = System.currentTimeMillis();
        getContext().getLog().info("Query {} finished in {} ms", queryId, (endNanos - createNanos) / 1_000_000);
        manager.tell(new QueryManager.QueryEnded(queryId));
    }

    private boolean slugMatches(String candidate) {
        return MessageDigest.isEqual(slug.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    // ---- statistics ----

    private QueryStatistics statistics() {
        long now = state.isDone() ? endNanos : System.nanoTime();
        long elapsed = (now - createNanos) / 1_000_000;
        TaskTotals all = new TaskTotals();
        TaskTotals sources = new TaskTotals();
        for (Map.Entry<Integer, StageActor.StageSnapshot> entry : snapshots.entrySet()) {
            boolean source = plan != null && isSource(entry.getKey());
            for (TaskStatus task : entry.getValue().tasks()) {
                all.add(task);
                if (source) {
                    sources.add(task);
                }
            }
        }
        Optional<StageStatistics> rootStage = snapshots.isEmpty() ? Optional.empty() : Optional.of(stageStatistics(0));
        return new QueryStatistics(
                state,
                scheduled,
                all.nodes.size(),
                all.total,
                all.queued,
                all.running,
                all.completed,
                all.cpuNanos / 1_000_000,
                all.wallNanos / 1_000_000,
                0,
                elapsed,
                planningNanos / 1_000_000,
                sources.rows,
                sources.bytes,
                Math.max(memory().peakBytes(), all.largestPeakMemory),
                rootStage);
    }

    private QueryInfo info(boolean withStages) {
        QueryStatistics statistics = statistics();
        // Planning starts as the query is created: it is never queued.
        long queued = 0;
        Optional<StageInfo> outputStage = withStages && plan != null && !stages.isEmpty()
                ? Optional.of(stageInfo(0, workerUris()))
                : Optional.empty();
        return new QueryInfo(
                queryId,
                session,
                sql,
                state,
                scheduled,
                Instant.ofEpochMilli(session.startTimeMillis()),
                state.isDone() ? Optional.of(Instant.ofEpochMilli(endMillis)) : Optional.empty(),
                queued,
                statistics.elapsedTimeMillis(),
                statistics.elapsedTimeMillis() - queued,
                statistics,
                failure,
                outputStage);
    }

    private Map<String, String> workerUris() {
        Map<String, String> uris = new HashMap<>();
        if (workers != null) {
            workers.workers().forEach(worker -> uris.put(worker.nodeId(), worker.httpUri()));
        }
        return uris;
    }

    private StageInfo stageInfo(int fragmentId, Map<String, String> workerUris) {
        PlanFragment fragment = plan.fragments().stream().filter(f -> f.id() == fragmentId).findFirst().orElseThrow();
        List<StageInfo> children = new ArrayList<>();
        for (int child : fragment.sourceFragments()) {
            children.add(stageInfo(child, workerUris));
        }
        List<StageTaskInfo> tasks = new ArrayList<>();
        StageActor.StageSnapshot snapshot = snapshots.get(fragmentId);
        if (snapshot != null) {
            for (TaskStatus task : snapshot.tasks()) {
                TaskProgress progress = task.progress();
                tasks.add(new StageTaskInfo(
                        task.taskId(), task.state().name(), task.state().isDone(), task.nodeId(),
                        workerUris.getOrDefault(task.nodeId(), ""), progress.totalSplits(), progress.queuedSplits(),
                        progress.runningSplits(), progress.completedSplits(), progress.inputRows(), progress.inputBytes(),
                        progress.outputRows(), progress.outputBytes(), progress.cpuNanos(), progress.wallNanos(),
                        progress.peakMemoryBytes(), progress.dynamicFilterPrunedRows()));
            }
        }
        return new StageInfo(new StageId(queryId, fragmentId), fragment, stageStatistics(fragmentId), tasks, children);
    }

    private boolean isSource(int fragmentId) {
        return plan.fragments().stream()
                .anyMatch(f -> f.id() == fragmentId && f.distribution() == FragmentDistribution.SOURCE);
    }

    private StageStatistics stageStatistics(int fragmentId) {
        StageActor.StageSnapshot snapshot = snapshots.get(fragmentId);
        List<StageStatistics> children = new ArrayList<>();
        PlanFragment fragment = plan.fragments().stream().filter(f -> f.id() == fragmentId).findFirst().orElseThrow();
        for (int child : fragment.sourceFragments()) {
            children.add(stageStatistics(child));
        }
        if (snapshot == null) {
            return new StageStatistics(fragmentId, "PLANNED", false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, children);
        }
        TaskTotals totals = new TaskTotals();
        snapshot.tasks().forEach(totals::add);
        return new StageStatistics(
                fragmentId, snapshot.state(), snapshot.done(), totals.nodes.size(), totals.total, totals.queued,
                totals.running, totals.completed, totals.cpuNanos / 1_000_000, totals.wallNanos / 1_000_000, totals.rows,
                totals.bytes, totals.failed, children);
    }

    /** Sums of task figures, for a stage or a whole query. */
    private static final class TaskTotals {
        final Set<String> nodes = new HashSet<>();
        int total;
        int queued;
        int running;
        int completed;
        int failed;
        long cpuNanos;
        long wallNanos;
        long rows;
        long bytes;
        long largestPeakMemory;

        void add(TaskStatus task) {
            nodes.add(task.nodeId());
            TaskProgress progress = task.progress();
            total += progress.totalSplits();
            queued += progress.queuedSplits();
            running += progress.runningSplits();
            completed += progress.completedSplits();
            cpuNanos += progress.cpuNanos();
            wallNanos += progress.wallNanos();
            rows += progress.inputRows();
            bytes += progress.inputBytes();
            largestPeakMemory = Math.max(largestPeakMemory, progress.peakMemoryBytes());
            if (task.state() == TaskState.FAILED) {
                failed++;
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
