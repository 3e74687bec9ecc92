package io.quarry.exec;

import io.quarry.exec.dynamicfilter.TaskDynamicFilters;
import io.quarry.exec.operator.Operator;
import io.quarry.exec.operator.OperatorStats;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Split;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task: plans its fragment into pipelines, runs their drivers time-sliced on the context's
 * executor (never blocking a thread: a blocked driver is resubmitted when its future completes), and ends
 * with {@code output.setNoMorePages()} and {@link #done()}. A failure in any driver aborts the output, stops
 * the others and completes {@link #done()} exceptionally. Thread-safe.
 *
 * <pre>
 * create ──start──> running ──all drivers finished──> done (normally)
 *                     │  └──driver failure──> output aborted, done (QuarryException)
 *                     └──cancel──> output aborted, done (USER_CANCELED)
 * </pre>
 */
public final class TaskExecution {
    private static final Logger log = LoggerFactory.getLogger(TaskExecution.class);
    private static final long TIME_SLICE_NANOS = 50_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final TaskExecutionContext context;
    private final SplitQueue splits = new SplitQueue();
    private final Map<Integer, RemoteSourceBuffer> remoteSources;
    /** The pipelines to make drivers of; none once they are made (their factories share the drivers' state). */
    private List<LocalExecutionPlanner.Pipeline> pipelines;
    private final TaskDynamicFilters dynamicFilters;
    private final List<DriverRunner> runners = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** {@link #done} once the task's memory is back in the node's pool: what {@link #done()} hands out. */
    private final CompletableFuture<Void> released;
    private final AtomicInteger remainingDrivers = new AtomicInteger();
    private final AtomicInteger queuedDrivers = new AtomicInteger();
    private final AtomicInteger runningDrivers = new AtomicInteger();
    private final AtomicInteger completedDrivers = new AtomicInteger();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong wallNanos = new AtomicLong();
    private volatile boolean started;
    private volatile boolean holdOutputMemory;
    private volatile boolean stopping;

    private TaskExecution(TaskExecutionContext context) {
        this.context = context;
        // Whatever ends the task, its memory goes back to the node's pool (late reports are ignored) before
        // anyone waiting on done() sees the end.
        released = done.whenComplete((ignored, failure) -> {
            if (holdOutputMemory && failure == null) {
                // the finished output stays for re-reads: only its pages stay counted, until releaseMemory()
                context.memory().keepOnlyBuffered(context.output().bufferedBytes());
            } else {
                context.memory().close();
            }
        });
        int concurrency = sourceConcurrency(context);
        LocalExecutionPlanner planner = new LocalExecutionPlanner(context, splits, concurrency);
        this.pipelines = planner.plan();
        this.remoteSources = Map.copyOf(planner.remoteSources());
        this.dynamicFilters = planner.dynamicFilters();
    }

    /**
     * Keeps the output's pages counted in the task's memory after the drivers end, until {@link #releaseMemory()}:
     * for a task that keeps its output for consumers that may read it again. Call before {@link #start()}.
     */
    public void holdOutputMemory() {
        holdOutputMemory = true;
    }

    /** Gives the task's memory back to the node's pool (idempotent). */
    public void releaseMemory() {
        context.memory().close();
    }

    /** The task's dynamic filters: reports of its partitioned joins, merged filters for its scan. */
    public TaskDynamicFilters dynamicFilters() {
        return dynamicFilters;
    }

    /** Plans the fragment; an unsupported plan or function fails here with a QuarryException. */
    public static TaskExecution create(TaskExecutionContext context) {
        return new TaskExecution(context);
    }

    private static int sourceConcurrency(TaskExecutionContext context) {
        if (context.fragment().distribution() != FragmentDistribution.SOURCE && !hasTableScan(context.fragment().root())) {
            return 1;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        int concurrency = Math.min(processors, 16);
        String property = context.session().systemProperties().get("task_concurrency");
        if (property != null) {
            try {
                concurrency = Integer.parseInt(property);
            } catch (NumberFormatException e) {
                throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "task_concurrency must be a number: " + property);
            }
            if (concurrency < 1) {
                throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "task_concurrency must be positive: " + property);
            }
        }
        return Math.max(1, concurrency);
    }

    private static boolean hasTableScan(PlanNode node) {
        if (node instanceof TableScan) {
            return true;
        }
        for (PlanNode source : node.sources()) {
            if (hasTableScan(source)) {
                return true;
            }
        }
        return false;
    }

    public void addSplits(List<Split> newSplits) {
        splits.addSplits(newSplits);
    }

    public void noMoreSplits() {
        splits.noMoreSplits();
    }

    /** The buffer that receives the pages of source fragment {@code sourceFragmentId}. */
    public RemoteSourceBuffer remoteSource(int sourceFragmentId) {
        RemoteSourceBuffer buffer = remoteSources.get(sourceFragmentId);
        if (buffer == null) {
            throw new IllegalArgumentException("Fragment " + context.fragment().id() + " of task " + context.taskId()
                    + " reads no fragment " + sourceFragmentId);
        }
        return buffer;
    }

    /** Creates the drivers and schedules them on the executor; idempotent. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            for (LocalExecutionPlanner.Pipeline pipeline : pipelines) {
                for (int i = 0; i < pipeline.driverCount; i++) {
                    List<Operator> operators = new ArrayList<>();
                    for (int index = 0; index < pipeline.factories.size(); index++) {
                        Operator operator = pipeline.factories.create(index);
                        operators.add(operator);
                        operator.stats().attachMemory(context.memory());
                    }
                    runners.add(new DriverRunner(new Driver(operators)));
                }
            }
            pipelines = List.of();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        remainingDrivers.set(runners.size());
        for (DriverRunner runner : runners) {
            runner.schedule();
        }
    }

    public CompletableFuture<Void> done() {
        return released;
    }

    /** Stops the drivers promptly, aborts the output and completes {@link #done()} with USER_CANCELED. */
    public void cancel() {
        finishWith(new QuarryException(ErrorCode.USER_CANCELED, "Task " + context.taskId() + " was canceled"));
    }

    private void fail(Throwable failure) {
        QuarryException exception;
        if (failure instanceof QuarryException quarry) {
            exception = quarry;
        } else {
            log.error("Task {} failed", context.taskId(), failure);
            String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            exception = new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, message, failure);
        }
        finishWith(exception);
    }

    private void finishWith(QuarryException exception) {
        synchronized (this) {
            if (stopping || done.isDone()) {
                return;
            }
            stopping = true;
        }
        try {
            context.output().abort();
        } catch (RuntimeException e) {
            log.warn("Aborting the output of task {} failed", context.taskId(), e);
        }
        List<DriverRunner> toClose;
        synchronized (this) {
            toClose = List.copyOf(runners);
        }
        for (DriverRunner runner : toClose) {
            runner.closeIfIdle();
        }
        for (RemoteSourceBuffer buffer : remoteSources.values()) {
            buffer.discard();
        }
        done.completeExceptionally(exception);
    }

    private void driverFinished() {
        completedDrivers.incrementAndGet();
        if (remainingDrivers.decrementAndGet() == 0 && !stopping) {
            try {
                context.output().setNoMorePages();
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            synchronized (this) {
                if (stopping) {
                    return;
                }
                stopping = true;
            }
            done.complete(null);
        }
    }

    public TaskStatistics statistics() {
        List<DriverRunner> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(runners);
        }
        long inputRows = 0;
        long inputBytes = 0;
        long outputRows = 0;
        long outputBytes = 0;
        long pruned = 0;
        for (DriverRunner runner : snapshot) {
            for (OperatorStats input : runner.driver.inputStats()) {
                inputRows += input.inputRows();
                inputBytes += input.inputBytes();
                pruned += input.dynamicFilterPrunedRows();
            }
            for (OperatorStats output : runner.driver.outputStats()) {
                outputRows += output.outputRows();
                outputBytes += output.outputBytes();
            }
        }
        updateBufferedBytes();
        long memory = context.memory().reservedBytes();
        long peak = context.memory().peakBytes();
        int total = snapshot.size();
        return new TaskStatistics(
                total, queuedDrivers.get(), runningDrivers.get(), completedDrivers.get(),
                splits.totalSplits(), splits.queuedSplits(), splits.runningSplits(), splits.completedSplits(),
                inputRows, inputBytes, outputRows, outputBytes, cpuNanos.get(), wallNanos.get(), memory, peak, pruned);
    }

    /** The task's figures per plan node (EXPLAIN ANALYZE): complete once the task is done. */
    public List<OperatorSummary> operatorSummaries() {
        List<DriverRunner> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(runners);
        }
        List<List<OperatorStats>> drivers = new ArrayList<>();
        for (DriverRunner runner : snapshot) {
            drivers.add(runner.driver.operatorStats());
        }
        return OperatorSummary.summarize(drivers);
    }

    /** Counts the page buffers (bounded on their own) in the task's memory; never fails the task. */
    private void updateBufferedBytes() {
        if (done.isDone()) {
            return;
        }
        long buffered = context.output().bufferedBytes();
        for (RemoteSourceBuffer buffer : remoteSources.values()) {
            buffered += buffer.bufferedBytes();
        }
        context.memory().setBufferedBytes(buffered);
    }

    /** Schedules one driver's time slices; the lock makes slices of one driver never overlap with closing. */
    private final class DriverRunner {
        private final Driver driver;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean finished;

        DriverRunner(Driver driver) {
            this.driver = driver;
        }

        void schedule() {
            queuedDrivers.incrementAndGet();
            try {
                context.executor().execute(this::runSlice);
            } catch (RuntimeException e) {
                queuedDrivers.decrementAndGet();
                fail(e);
            }
        }

        private void runSlice() {
            queuedDrivers.decrementAndGet();
            Driver.Result result;
            lock.lock();
            runningDrivers.incrementAndGet();
            long startWall = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            try {
                if (stopping || finished) {
                    closeDriver();
                    return;
                }
                result = driver.process(TIME_SLICE_NANOS);
                if (result.finished()) {
                    finished = true;
                    closeDriver();
                }
            } catch (Throwable t) {
                finished = true;
                closeDriver();
                runningDrivers.decrementAndGet();
                lock.unlock();
                fail(t);
                if (t instanceof Error error && !(t instanceof OutOfMemoryError) && !(t instanceof StackOverflowError)) {
                    throw error;
                }
                return;
            } finally {
                if (lock.isHeldByCurrentThread()) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    if (cpu >= 0 && startCpu >= 0) {
                        cpuNanos.addAndGet(cpu - startCpu);
                        driver.chargeCpu(cpu - startCpu);
                    }
                    wallNanos.addAndGet(System.nanoTime() - startWall);
                    runningDrivers.decrementAndGet();
                    lock.unlock();
                }
            }
            updateBufferedBytes();
            if (result.finished()) {
                driverFinished();
                return;
            }
            if (stopping) {
                closeIfIdle();
                return;
            }
            if (result.blocked() == null) {
                schedule();
            } else {
                result.blocked().whenComplete((ignored, failure) -> schedule());
            }
        }

        private void closeDriver() {
            driver.close();
        }

        /** Closes the driver now unless a slice is running; a running slice closes it when it sees the stop. */
        void closeIfIdle() {
            if (lock.tryLock()) {
                try {
                    closeDriver();
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
