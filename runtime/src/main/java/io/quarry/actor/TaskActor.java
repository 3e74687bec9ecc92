package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.quarry.client.TaskSnapshot;
import io.quarry.config.RetryPolicy;
import io.quarry.exchange.BufferResult;
import io.quarry.exchange.OutputBuffer;
import io.quarry.exec.RemoteSourceBuffer;
import io.quarry.exec.TaskExecution;
import io.quarry.exec.memory.TaskMemoryContext;
import io.quarry.exec.TaskExecutionContext;
import io.quarry.exec.TaskStatistics;
import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.page.Page;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.PlanFragment;
import io.quarry.spi.Connector;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.TaskId;
import io.quarry.sql.SystemSessionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs one task of a stage on a worker: its fragment's drivers (through {@link TaskExecution}), its
 * output buffer, which consumers pull with {@link GetPages}, and the pulls from the producing tasks of
 * its remote sources. Reports its status to the stage that created it. Never blocks: driver work runs on
 * the driver executor and comes back as messages.
 *
 * <p>In a query that re-runs lost tasks (retry policy TASK) a task <em>retains</em>: its output stays readable
 * from token 0 until the stage releases it, so a new attempt of a consumer can read it again, and it takes
 * each producer's pages only once that producer's output is complete, so a producer lost halfway is simply read
 * again from its new attempt ({@link ReplaceProducer}). Pulls that fail are then retried until the stage
 * replaces the producer, instead of failing the task.
 */
public final class TaskActor extends AbstractBehavior<TaskActor.Command> {
    /** Longest time a page request waits for pages before it is answered empty. */
    static final Duration PAGE_WAIT = Duration.ofSeconds(1);
    /** Reply size for consumers on other nodes: well under Artery's 256 KiB frame. */
    static final long REMOTE_REPLY_BYTES = 192 * 1024;
    static final long LOCAL_REPLY_BYTES = 8 * 1024 * 1024;
    private static final Duration STATUS_INTERVAL = Duration.ofMillis(500);
    private static final int PULL_ATTEMPTS = 3;

    public sealed interface Command {}

    /** Adds splits to a source task; {@code noMoreSplits} closes the list. */
    public record AddSplits(List<Split> splits, boolean noMoreSplits) implements Command, ClusterMessage {
        public AddSplits {
            splits = List.copyOf(splits);
        }
    }

    /** The producing tasks of remote source {@code fragmentId}; this task pulls its own partition from each. */
    public record AddRemoteSources(int fragmentId, List<RemoteTask> producers) implements Command, ClusterMessage {
        public AddRemoteSources {
            producers = List.copyOf(producers);
        }
    }

    /** Asks for pages of output buffer {@code bufferId} from sequence {@code token} on; acknowledges what came before. */
    public record GetPages(int bufferId, long token, long maxBytes, ActorRef<Pages> replyTo)
            implements Command, ClusterMessage {}

    /** Pages of one output buffer: {@code [token, nextToken)}; {@code complete} = nothing more will come. */
    public record Pages(
            TaskId taskId, int bufferId, long token, long nextToken, List<Page> pages, boolean complete,
            Optional<FailureInfo> failure) implements ClusterMessage {
        public Pages {
            pages = List.copyOf(pages);
        }
    }

    /**
     * Producer partition {@code producer.taskId().partition()} of remote source {@code fragmentId} runs again as
     * {@code producer}: unless its output was already taken whole, what came from the earlier attempt is dropped
     * and the new attempt is read from the start. A task that will not read the new attempt (it has the earlier
     * one's output whole, or it ended) releases its buffer there, so that the attempt is not held back.
     */
    public record ReplaceProducer(int fragmentId, RemoteTask producer) implements Command, ClusterMessage {
        public ReplaceProducer {
            requireNonNull(producer, "producer is null");
        }
    }

    /** The producers of remote source {@code fragmentId} were cancelled: the pages received are all of it. */
    public record EndRemoteSource(int fragmentId) implements Command, ClusterMessage {}

    /** The consumer of a buffer has everything it needs; its pages can go. */
    public record DestroyBuffer(int bufferId) implements Command, ClusterMessage {}

    /** Frees the pages of buffer {@code bufferId} before {@code token} (the consumer has them). */
    public record Acknowledge(int bufferId, long token) implements Command, ClusterMessage {}

    /** Stops the task: CANCELED (query cancelled or done early) or ABORTED (query failed). */
    public record Cancel(boolean abort) implements Command, ClusterMessage {}

    /**
     * This task's info for {@code /v1/task}. With {@code currentState} and a positive {@code maxWait}, the
     * answer waits (parked in the actor, never blocking it) until the state differs or the wait passes.
     */
    public record GetTaskInfo(
            Optional<TaskState> currentState, Duration maxWait, ActorRef<Optional<TaskSnapshot>> replyTo)
            implements Command, LocalOnly {
        public GetTaskInfo {
            requireNonNull(currentState, "currentState is null");
            requireNonNull(maxWait, "maxWait is null");
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /**
     * An update through the task protocol: checked against what the task already has (splits only for a task
     * that reads a table and before its split list is closed; producers only for its own remote sources, once),
     * then applied as {@link AddSplits} and {@link AddRemoteSources} are. Answers the task's info, or why not.
     */
    public record ApplyUpdate(
            List<Split> splits, boolean noMoreSplits, List<AddRemoteSources> remoteSources,
            ActorRef<TaskManager.TaskUpdated> replyTo) implements Command, LocalOnly {
        public ApplyUpdate {
            splits = List.copyOf(splits);
            remoteSources = List.copyOf(remoteSources);
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /** Stops the task as {@link Cancel} does and answers its info after the change. */
    public record CancelAndReport(boolean abort, ActorRef<TaskSnapshot> replyTo) implements Command, LocalOnly {
        public CancelAndReport {
            requireNonNull(replyTo, "replyTo is null");
        }
    }

    /**
     * A merged dynamic filter from the coordinator for column {@code scanColumn} of the table scan this task's
     * output is read from; applies to the pages read from now on.
     */
    public record ApplyDynamicFilter(int scanColumn, DynamicFilterSummary summary) implements Command, ClusterMessage {
        public ApplyDynamicFilter {
            requireNonNull(summary, "summary is null");
        }
    }

    /** A partitioned join of this task has summarised its build keys (from the build driver). */
    private record DynamicFilterCollected(CollectedDynamicFilter filter) implements Command, LocalOnly {}

    private record PollExpired(long pollId) implements Command, LocalOnly {}

    private record ExecutionDone(Optional<FailureInfo> failure) implements Command, LocalOnly {}

    private record RetryGetPages(GetPages request) implements Command, LocalOnly {}

    private record Pulled(int fragmentId, int producer, TaskId from, Pages pages, Throwable error) implements Command, LocalOnly {}

    private record ResumePull(int fragmentId, int producer) implements Command, LocalOnly {}

    private enum StatusTick implements Command, LocalOnly {
        INSTANCE
    }

    private enum Linger implements Command, LocalOnly {
        INSTANCE
    }

    /** Pull state of one producer of one remote source. */
    private static final class Producer {
        RemoteTask task;
        long token;
        boolean complete;
        int failedAttempts;
        /** Pages kept aside until the producer's output is complete (retaining tasks only). */
        final List<Page> held = new ArrayList<>();
        long heldBytes;
        /** Pages go to the operators as they come: the task kept too much to wait for the whole output. */
        boolean streaming;

        Producer(RemoteTask task) {
            this.task = task;
        }
    }

    /** Delay before a retaining task asks a producer that did not answer again. */
    private static final Duration RETRY_PULL_DELAY = Duration.ofMillis(500);

    private final TaskId taskId;
    private final PlanFragment fragment;
    private final String nodeId;
    private final ActorRef<TaskStatus> statusListener;
    private final TimerScheduler<Command> timers;
    private final OutputBuffer outputBuffer;
    private final TaskExecution execution;
    private final Map<Integer, List<Producer>> producers = new HashMap<>();
    private final Set<Integer> endedSources = new HashSet<>();
    /** Every split received, so that a repeated update adds nothing. */
    private final Set<Split> receivedSplits = new HashSet<>();
    private final boolean retaining;
    /**
     * Most bytes a retaining task keeps for re-runs (session property retry_buffer_max_size): of its own output
     * for a second reader, and of its producers' pages held until their output is complete. Past it, the task
     * streams as any other, and a loss that would need what it did not keep fails the query with a named error
     * instead of a short answer.
     */
    private final long maxKeptBytes;
    /** Bytes held for all producers, against {@link #maxKeptBytes}. */
    private long heldBytes;
    private final Duration askTimeout;
    private final String taskInstanceId = UUID.randomUUID().toString();
    /** Long polls of the task info waiting for a state change, by poll id (also their timer key). */
    private final Map<Long, GetTaskInfo> parkedPolls = new HashMap<>();
    private long nextPollId;
    private long version = 1;
    private boolean noMoreSplits;
    private TaskState state = TaskState.RUNNING;
    private Optional<FailureInfo> failure = Optional.empty();
    /** Dynamic filters collected and not yet sent to the stage. */
    private final List<CollectedDynamicFilter> unsentDynamicFilters = new ArrayList<>();

    public static Behavior<Command> create(
            TaskId taskId,
            String nodeId,
            PlanFragment fragment,
            Session session,
            int outputPartitionCount,
            Function<String, Connector> catalogs,
            Executor driverExecutor,
            long outputBufferBytes,
            Duration askTimeout,
            TaskMemoryContext memory,
            ActorRef<TaskStatus> statusListener) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new TaskActor(
                context, timers, taskId, nodeId, fragment, session, outputPartitionCount, catalogs, driverExecutor,
                outputBufferBytes, askTimeout, memory, statusListener)));
    }

    private TaskActor(
            ActorContext<Command> context,
            TimerScheduler<Command> timers,
            TaskId taskId,
            String nodeId,
            PlanFragment fragment,
            Session session,
            int outputPartitionCount,
            Function<String, Connector> catalogs,
            Executor driverExecutor,
            long outputBufferBytes,
            Duration askTimeout,
            TaskMemoryContext memory,
            ActorRef<TaskStatus> statusListener) {
        super(context);
        this.taskId = requireNonNull(taskId, "taskId is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.fragment = requireNonNull(fragment, "fragment is null");
        this.timers = timers;
        this.askTimeout = askTimeout;
        this.statusListener = requireNonNull(statusListener, "statusListener is null");
        // only a query's own tasks retain (their stage releases them); tasks made through /v1/task never do
        this.retaining = session.systemProperty(SystemSessionProperties.RETRY_POLICY)
                .map(policy -> policy.equalsIgnoreCase(RetryPolicy.TASK.name()))
                .orElse(false);
        this.maxKeptBytes = retaining ? SystemSessionProperties.retryBufferMaxSize(session) : 0;
        this.outputBuffer = new OutputBuffer(outputPartitionCount, outputBufferBytes, retaining, maxKeptBytes);
        TaskExecution created;
        try {
            created = TaskExecution.create(new TaskExecutionContext(
                    taskId, fragment, session, catalogs, outputPartitionCount, new PageSplittingSink(outputBuffer),
                    driverExecutor, outputBufferBytes, memory));
        } catch (RuntimeException e) {
            created = null;
            state = TaskState.FAILED;
            failure = Optional.of(FailureInfo.from(e));
            outputBuffer.abort();
            timers.startSingleTimer(Linger.INSTANCE, PAGE_WAIT.multipliedBy(2));
        }
        this.execution = created;
        if (execution != null) {
            ActorRef<Command> self = context.getSelf();
            execution.dynamicFilters().onCollected(filter -> self.tell(new DynamicFilterCollected(filter)));
            if (retaining) {
                execution.holdOutputMemory();
            }
            execution.start();
            context.pipeToSelf(execution.done(), (ignored, error) -> new ExecutionDone(
                    error == null ? Optional.empty() : Optional.of(FailureInfo.from(unwrap(error)))));
            timers.startTimerWithFixedDelay(StatusTick.INSTANCE, STATUS_INTERVAL);
            context.getLog().debug("Task {} started on {}", taskId, nodeId);
        }
        reportStatus();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(AddSplits.class, this::onAddSplits)
                .onMessage(AddRemoteSources.class, this::onAddRemoteSources)
                .onMessage(ReplaceProducer.class, this::onReplaceProducer)
                .onMessage(ApplyUpdate.class, this::onApplyUpdate)
                .onMessage(EndRemoteSource.class, this::onEndRemoteSource)
                .onMessage(GetPages.class, this::onGetPages)
                .onMessage(RetryGetPages.class, retry -> answerGetPages(retry.request(), false))
                .onMessage(DestroyBuffer.class, this::onDestroyBuffer)
                .onMessage(Acknowledge.class, this::onAcknowledge)
                .onMessage(Cancel.class, this::onCancel)
                .onMessage(CancelAndReport.class, this::onCancelAndReport)
                .onMessage(GetTaskInfo.class, this::onGetTaskInfo)
                .onMessage(PollExpired.class, this::onPollExpired)
                .onMessage(ApplyDynamicFilter.class, this::onApplyDynamicFilter)
                .onMessage(DynamicFilterCollected.class, this::onDynamicFilterCollected)
                .onMessage(ExecutionDone.class, this::onExecutionDone)
                .onMessage(Pulled.class, this::onPulled)
                .onMessage(ResumePull.class, resume -> pull(resume.fragmentId(), resume.producer()))
                .onMessageEquals(StatusTick.INSTANCE, this::onStatusTick)
                .onMessageEquals(Linger.INSTANCE, () -> Behaviors.stopped())
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onAddSplits(AddSplits message) {
        if (!state.isDone()) {
            // a task update sent again (its answer was lost) must not add its splits twice
            List<Split> fresh = message.splits().stream().filter(receivedSplits::add).toList();
            execution.addSplits(fresh);
            if (message.noMoreSplits()) {
                noMoreSplits = true;
                execution.noMoreSplits();
            }
        }
        return this;
    }

    private Behavior<Command> onApplyUpdate(ApplyUpdate update) {
        Optional<String> refusal = refusal(update);
        if (refusal.isPresent()) {
            update.replyTo().tell(TaskManager.TaskUpdated.failed(ErrorCode.INVALID_ARGUMENTS, refusal.get()));
            return this;
        }
        if (!update.splits().isEmpty() || update.noMoreSplits()) {
            onAddSplits(new AddSplits(update.splits(), update.noMoreSplits()));
        }
        update.remoteSources().forEach(this::onAddRemoteSources);
        update.replyTo().tell(new TaskManager.TaskUpdated(Optional.of(snapshot()), Optional.empty()));
        return this;
    }

    private Optional<String> refusal(ApplyUpdate update) {
        Optional<String> refusal = refusal(taskId, fragment, update);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (!update.splits().isEmpty() && noMoreSplits) {
            return Optional.of("Task " + taskId + " already has all its splits");
        }
        for (AddRemoteSources sources : update.remoteSources()) {
            List<Producer> known = producers.get(sources.fragmentId());
            if (known != null && !known.stream().map(producer -> producer.task).toList().equals(sources.producers())) {
                return Optional.of("Task " + taskId + " already has other producers for remote source " + sources.fragmentId());
            }
        }
        return Optional.empty();
    }

    /** Why task {@code taskId} of {@code fragment} cannot take {@code update} whatever it has already; empty if it can. */
    static Optional<String> refusal(TaskId taskId, PlanFragment fragment, ApplyUpdate update) {
        if (!update.splits().isEmpty() && fragment.distribution() != FragmentDistribution.SOURCE) {
            return Optional.of("Task " + taskId + " reads no table: it takes no splits");
        }
        for (AddRemoteSources sources : update.remoteSources()) {
            if (!fragment.sourceFragments().contains(sources.fragmentId())) {
                return Optional.of("Task " + taskId + " has no remote source " + sources.fragmentId()
                        + " (its sources: " + fragment.sourceFragments() + ")");
            }
        }
        return Optional.empty();
    }

    private Behavior<Command> onEndRemoteSource(EndRemoteSource message) {
        if (state.isDone() || !endedSources.add(message.fragmentId())) {
            return this;
        }
        RemoteSourceBuffer buffer = execution.remoteSource(message.fragmentId());
        for (Producer producer : producers.getOrDefault(message.fragmentId(), List.of())) {
            if (!producer.complete) {
                producer.complete = true;
                commitHeld(producer, buffer);
                producer.task.task().tell(new DestroyBuffer(taskId.partition()));
            }
        }
        buffer.noMorePages();
        return this;
    }

    private Behavior<Command> onAddRemoteSources(AddRemoteSources message) {
        if (state.isDone() || producers.containsKey(message.fragmentId()) || endedSources.contains(message.fragmentId())) {
            return this;
        }
        List<Producer> list = new ArrayList<>();
        for (RemoteTask task : message.producers()) {
            list.add(new Producer(task));
        }
        producers.put(message.fragmentId(), list);
        if (list.isEmpty()) {
            execution.remoteSource(message.fragmentId()).noMorePages();
        }
        for (int i = 0; i < list.size(); i++) {
            pull(message.fragmentId(), i);
        }
        return this;
    }

    private Behavior<Command> pull(int fragmentId, int index) {
        if (state.isDone()) {
            return this;
        }
        Producer producer = producers.get(fragmentId).get(index);
        RemoteSourceBuffer buffer = execution.remoteSource(fragmentId);
        if (buffer.isFull()) {
            getContext().pipeToSelf(buffer.whenNotFull(), (ignored, error) -> new ResumePull(fragmentId, index));
            return this;
        }
        ActorRef<Command> target = producer.task.task();
        boolean local = target.path().address().hasLocalScope();
        long maxBytes = local ? LOCAL_REPLY_BYTES : REMOTE_REPLY_BYTES;
        int bufferId = taskId.partition();
        long token = producer.token;
        TaskId from = producer.task.taskId();
        getContext().ask(
                Pages.class,
                target,
                askTimeout.plus(PAGE_WAIT),
                replyTo -> new GetPages(bufferId, token, maxBytes, replyTo),
                (pages, error) -> new Pulled(fragmentId, index, from, pages, error));
        return this;
    }

    private Behavior<Command> onReplaceProducer(ReplaceProducer message) {
        List<Producer> list = producers.get(message.fragmentId());
        int index = message.producer().taskId().partition();
        if (list == null || index >= list.size()) {
            return this;
        }
        Producer producer = list.get(index);
        if (state.isDone() || producer.complete || producer.task.taskId().attempt() >= message.producer().taskId().attempt()) {
            // Its whole output is here already, or this is no newer attempt. This task never reads that attempt:
            // release its buffer for this task at once, or the attempt would stop once that buffer fills and
            // starve the consumers that do read it (re-runs of this task's stage).
            if (!producer.task.taskId().equals(message.producer().taskId())) {
                message.producer().task().tell(new DestroyBuffer(taskId.partition()));
            }
            return this;
        }
        if (producer.streaming) {
            return fail(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "Task " + producer.task.taskId()
                    + " was lost after task " + taskId + " had used part of its output (more than the "
                    + maxKeptBytes + " bytes kept for a re-run)"));
        }
        getContext().getLog().debug("Task {} reads producer {} instead of {}", taskId, message.producer().taskId(),
                producer.task.taskId());
        RemoteSourceBuffer buffer = execution.remoteSource(message.fragmentId());
        buffer.hold(-producer.heldBytes);
        heldBytes -= producer.heldBytes;
        producer.held.clear();
        producer.heldBytes = 0;
        producer.task = message.producer();
        producer.token = 0;
        producer.failedAttempts = 0;
        return pull(message.fragmentId(), index);
    }

    /** Too much held: every producer's pages go to the operators from now on (see {@link #maxKeptBytes}). */
    private void streamEverything() {
        getContext().getLog().debug("Task {} holds more than {} bytes of its producers' pages: it streams them now",
                taskId, maxKeptBytes);
        producers.forEach((fragmentId, list) -> {
            RemoteSourceBuffer target = execution.remoteSource(fragmentId);
            for (Producer each : list) {
                commitHeld(each, target);
                each.streaming = !each.complete;
            }
        });
    }

    /** Hands a producer's pages kept aside to the operators. */
    private void commitHeld(Producer producer, RemoteSourceBuffer buffer) {
        if (producer.held.isEmpty()) {
            return;
        }
        heldBytes -= producer.heldBytes;
        buffer.hold(-producer.heldBytes);
        buffer.addPages(producer.held);
        producer.held.clear();
        producer.heldBytes = 0;
    }

    private Behavior<Command> onPulled(Pulled message) {
        if (state.isDone()) {
            return this;
        }
        Producer producer = producers.get(message.fragmentId()).get(message.producer());
        if (producer.complete) {
            return this; // ended by a partial cancel while this request was under way
        }
        if (!message.from().equals(producer.task.taskId())) {
            return this; // an answer of an attempt this task no longer reads
        }
        if (message.error() != null && retaining) {
            // the producer's node may be lost: its stage runs it again and tells this task where
            getContext().scheduleOnce(RETRY_PULL_DELAY, getContext().getSelf(),
                    new ResumePull(message.fragmentId(), message.producer()));
            return this;
        }
        if (message.error() != null) {
            producer.failedAttempts++;
            if (producer.failedAttempts >= PULL_ATTEMPTS) {
                return fail(FailureInfo.of(
                        ErrorCode.PAGE_TRANSPORT_TIMEOUT,
                        "Task " + taskId + " could not get pages from task " + producer.task.taskId() + ": "
                                + message.error().getMessage()));
            }
            return pull(message.fragmentId(), message.producer());
        }
        producer.failedAttempts = 0;
        Pages pages = message.pages();
        if (pages.failure().isPresent()) {
            FailureInfo cause = pages.failure().get();
            return fail(new FailureInfo(cause.errorCode(), cause.type(), cause.message(), cause.location()));
        }
        if (pages.token() != producer.token) {
            // A late answer to an earlier request: ask again for what is still missing.
            return pull(message.fragmentId(), message.producer());
        }
        RemoteSourceBuffer buffer = execution.remoteSource(message.fragmentId());
        if (!pages.pages().isEmpty() && retaining && !producer.streaming) {
            long bytes = 0;
            for (Page page : pages.pages()) {
                bytes += page.sizeInBytes();
            }
            producer.held.addAll(pages.pages());
            producer.heldBytes += bytes;
            heldBytes += bytes;
            buffer.hold(bytes);
            if (heldBytes > maxKeptBytes) {
                streamEverything();
            }
        } else if (!pages.pages().isEmpty()) {
            buffer.addPages(pages.pages());
        }
        producer.token = pages.nextToken();
        if (pages.complete()) {
            producer.complete = true;
            commitHeld(producer, buffer);
            producer.task.task().tell(new DestroyBuffer(taskId.partition()));
            if (producers.get(message.fragmentId()).stream().allMatch(p -> p.complete)) {
                buffer.noMorePages();
            }
            return this;
        }
        return pull(message.fragmentId(), message.producer());
    }

    private Behavior<Command> onGetPages(GetPages request) {
        // Requests also come from HTTP: a bad buffer id or token is answered, never allowed to stop the task.
        if (!hasBuffer(request.bufferId())) {
            request.replyTo().tell(new Pages(taskId, request.bufferId(), request.token(), request.token(), List.of(), true,
                    Optional.of(FailureInfo.of(ErrorCode.NOT_FOUND, "Task " + taskId + " has no output buffer " + request.bufferId()))));
            return this;
        }
        try {
            return answerGetPages(request, true);
        } catch (IllegalArgumentException e) {
            request.replyTo().tell(new Pages(taskId, request.bufferId(), request.token(), request.token(), List.of(), true,
                    Optional.of(FailureInfo.of(ErrorCode.GENERIC_USER_ERROR, e.getMessage()))));
            return this;
        }
    }

    private boolean hasBuffer(int bufferId) {
        return bufferId >= 0 && bufferId < outputBuffer.partitionCount();
    }

    private Behavior<Command> answerGetPages(GetPages request, boolean mayWait) {
        Optional<FailureInfo> executionFailure = currentFailure();
        if (executionFailure.isPresent() || state == TaskState.CANCELED || state == TaskState.ABORTED) {
            Optional<FailureInfo> cause = executionFailure.isPresent()
                    ? executionFailure
                    : Optional.of(FailureInfo.of(ErrorCode.REMOTE_TASK_ERROR, "Task " + taskId + " was " + state));
            request.replyTo().tell(new Pages(taskId, request.bufferId(), request.token(), request.token(), List.of(), true, cause));
            return this;
        }
        BufferResult result;
        try {
            result = outputBuffer.get(request.bufferId(), request.token(), request.maxBytes());
        } catch (OutputBuffer.OutputForgotten e) {
            // a second reader (a re-run consumer) needs pages this task did not keep
            request.replyTo().tell(new Pages(taskId, request.bufferId(), request.token(), request.token(), List.of(), true,
                    Optional.of(FailureInfo.of(ErrorCode.REMOTE_HOST_GONE,
                            "Task " + taskId + " cannot serve its output again: " + e.getMessage()))));
            return this;
        }
        if (result.aborted()) {
            // The drivers failed and aborted the output just now; answer once the failure itself is known,
            // so that an aborted buffer is never mistaken for a complete one.
            getContext().pipeToSelf(execution.done(), (v, e) -> new RetryGetPages(request));
            return this;
        }
        if (result.pages().isEmpty() && !result.bufferComplete() && mayWait) {
            CompletableFuture<Void> wait = new CompletableFuture<>();
            outputBuffer.whenReady(request.bufferId(), request.token()).whenComplete((v, e) -> wait.complete(null));
            wait.completeOnTimeout(null, PAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            getContext().pipeToSelf(wait, (v, e) -> new RetryGetPages(request));
            return this;
        }
        request.replyTo().tell(new Pages(
                taskId, request.bufferId(), result.token(), result.nextToken(), result.pages(), result.bufferComplete(),
                Optional.empty()));
        return checkFlushed();
    }

    /** The task's failure: recorded, or already known to its execution although not yet reported here. */
    private Optional<FailureInfo> currentFailure() {
        if (failure.isPresent() || execution == null || !execution.done().isCompletedExceptionally()) {
            return failure;
        }
        Throwable error = execution.done().handle((ignored, e) -> e).join();
        return Optional.of(FailureInfo.from(unwrap(error)));
    }

    private Behavior<Command> onAcknowledge(Acknowledge message) {
        if (!hasBuffer(message.bufferId())) {
            return this;
        }
        try {
            outputBuffer.acknowledge(message.bufferId(), message.token());
        } catch (IllegalArgumentException e) {
            getContext().getLog().debug("Task {} ignored an acknowledgement: {}", taskId, e.getMessage());
        }
        return checkFlushed();
    }

    private Behavior<Command> onDestroyBuffer(DestroyBuffer message) {
        if (!hasBuffer(message.bufferId())) {
            return this;
        }
        outputBuffer.destroy(message.bufferId());
        return checkFlushed();
    }

    private Behavior<Command> onExecutionDone(ExecutionDone message) {
        if (state.isDone()) {
            return this;
        }
        if (message.failure().isPresent()) {
            return fail(message.failure().get());
        }
        changeState(TaskState.FLUSHING);
        reportStatus();
        return checkFlushed();
    }

    private Behavior<Command> checkFlushed() {
        if (state == TaskState.FLUSHING && outputBuffer.isFinished()) {
            return finish(TaskState.FINISHED);
        }
        return this;
    }

    private Behavior<Command> onCancel(Cancel message) {
        if (state.isDone()) {
            // a retaining task kept its finished output for a re-read: released now
            return retaining && state == TaskState.FINISHED ? Behaviors.stopped() : this;
        }
        // A task whose drivers are done did all its work: at the query's end it finished, whoever still had to read.
        // Its drivers may have ended just now, with the news of it still on its way to this actor.
        boolean workDone = state == TaskState.FLUSHING
                || execution != null && execution.done().isDone() && !execution.done().isCompletedExceptionally();
        TaskState end = message.abort() ? TaskState.ABORTED
                : workDone ? TaskState.FINISHED
                : TaskState.CANCELED;
        execution.cancel();
        outputBuffer.abort();
        finish(end);
        // A cancel comes from the query's end (failed, canceled, or all output read), which stops every task
        // of the query at once: no consumer waits for a definite answer, so stop now instead of lingering.
        return Behaviors.stopped();
    }

    private Behavior<Command> onCancelAndReport(CancelAndReport request) {
        // Asked from outside the query (DELETE /v1/task/{id}): unlike a query's own Cancel, the consumers
        // still pull, so linger and answer them with the definite end instead of letting their asks time out.
        if (!state.isDone()) {
            execution.cancel();
            outputBuffer.abort();
            finish(request.abort() ? TaskState.ABORTED : TaskState.CANCELED);
        }
        request.replyTo().tell(snapshot());
        return this;
    }

    private Behavior<Command> onGetTaskInfo(GetTaskInfo request) {
        boolean wait = request.currentState().isPresent() && request.currentState().get() == state
                && !state.isDone() && request.maxWait().compareTo(Duration.ZERO) > 0;
        if (!wait) {
            request.replyTo().tell(Optional.of(snapshot()));
            return this;
        }
        long pollId = nextPollId++;
        parkedPolls.put(pollId, request);
        timers.startSingleTimer(new PollExpired(pollId), new PollExpired(pollId), request.maxWait());
        return this;
    }

    private Behavior<Command> onPollExpired(PollExpired message) {
        GetTaskInfo request = parkedPolls.remove(message.pollId());
        if (request != null) {
            request.replyTo().tell(Optional.of(snapshot()));
        }
        return this;
    }

    private void changeState(TaskState newState) {
        if (newState != state) {
            state = newState;
            version++;
            releaseParkedPolls();
        }
    }

    private void releaseParkedPolls() {
        if (parkedPolls.isEmpty()) {
            return;
        }
        Optional<TaskSnapshot> snapshot = Optional.of(snapshot());
        for (Map.Entry<Long, GetTaskInfo> parked : parkedPolls.entrySet()) {
            timers.cancel(new PollExpired(parked.getKey()));
            parked.getValue().replyTo().tell(snapshot);
        }
        parkedPolls.clear();
    }

    private TaskSnapshot snapshot() {
        TaskStatistics statistics = execution == null ? null : execution.statistics();
        return new TaskSnapshot(
                taskId, taskInstanceId, version, state.name(), nodeId, failure.map(List::of).orElse(List.of()),
                Instant.now(), outputBuffer.info(), statistics == null ? TaskSnapshot.NO_STATISTICS : statistics,
                noMoreSplits || state.isDone());
    }

    private Behavior<Command> fail(FailureInfo cause) {
        if (state.isDone()) {
            return this;
        }
        if (cause.errorCode() == ErrorCode.GENERIC_INTERNAL_ERROR) {
            getContext().getLog().error("Task {} failed: {}: {}", taskId, cause.type(), cause.message());
        }
        failure = Optional.of(cause);
        execution.cancel();
        outputBuffer.abort();
        return finish(TaskState.FAILED);
    }

    private Behavior<Command> finish(TaskState finalState) {
        changeState(finalState);
        timers.cancel(StatusTick.INSTANCE);
        reportStatus();
        if (!(retaining && finalState == TaskState.FINISHED)) {
            // Stay a moment so that late page requests get a definite answer, then go. (A retaining task stays
            // until its stage releases it with a Cancel.)
            timers.startSingleTimer(Linger.INSTANCE, PAGE_WAIT.multipliedBy(2));
        }
        return this;
    }

    private Behavior<Command> onApplyDynamicFilter(ApplyDynamicFilter message) {
        if (execution != null && !state.isDone()) {
            execution.dynamicFilters().apply(message.scanColumn(), message.summary());
        }
        return this;
    }

    private Behavior<Command> onDynamicFilterCollected(DynamicFilterCollected message) {
        if (!state.isDone()) {
            // at once: the scans of the other stage wait for no one, the sooner they filter the better
            unsentDynamicFilters.add(message.filter());
            reportStatus();
        }
        return this;
    }

    private Behavior<Command> onStatusTick() {
        reportStatus();
        return this;
    }

    private void reportStatus() {
        // the figures per plan node travel once, with the final report
        statusListener.tell(new TaskStatus(taskId, nodeId, state, progress(), failure, unsentDynamicFilters,
                state.isDone() && execution != null ? execution.operatorSummaries() : List.of()));
        unsentDynamicFilters.clear();
    }

    private TaskProgress progress() {
        TaskStatistics stats = execution == null ? null : execution.statistics();
        if (stats == null) {
            return TaskProgress.NONE;
        }
        // Source tasks count their splits; the others count drivers, as the protocol's "splits" do.
        boolean bySplits = stats.totalSplits() > 0;
        return new TaskProgress(
                (int) (bySplits ? stats.totalSplits() : stats.totalDrivers()),
                (int) (bySplits ? stats.queuedSplits() : stats.queuedDrivers()),
                (int) (bySplits ? stats.runningSplits() : stats.runningDrivers()),
                (int) (bySplits ? stats.completedSplits() : stats.completedDrivers()),
                stats.inputRows(), stats.inputBytes(), stats.outputRows(), stats.outputBytes(), stats.cpuNanos(),
                stats.wallNanos(), stats.memoryBytes(), stats.peakMemoryBytes(), stats.dynamicFilterPrunedRows());
    }

    private Behavior<Command> onPostStop() {
        if (!state.isDone()) {
            execution.cancel();
            outputBuffer.abort();
        }
        if (execution != null) {
            execution.releaseMemory();
        }
        releaseParkedPolls();
        return this;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof java.util.concurrent.CancellationException) {
            return new QuarryException(ErrorCode.USER_CANCELED, "Task was cancelled");
        }
        return current;
    }
}
