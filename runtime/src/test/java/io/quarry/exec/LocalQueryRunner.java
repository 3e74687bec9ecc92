package io.quarry.exec;

import io.quarry.block.Values;
import io.quarry.connector.system.SystemConnectorFactory;
import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.exec.memory.NodeMemoryPool;
import io.quarry.exec.memory.TaskMemoryContext;
import io.quarry.page.Page;
import io.quarry.plan.DistributedPlanner;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Fragmenter;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.spi.Split;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import io.quarry.sql.MetadataProvider;
import io.quarry.sql.QueryPlan;
import io.quarry.sql.SqlPlanner;
import io.quarry.sql.SystemSessionProperties;
import io.quarry.type.Type;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs SQL over {@code tpch} in one JVM without actors: plans it, distributes and fragments the plan, and
 * runs every fragment's tasks ({@code workers} tasks for distributed fragments, one for single ones) wired
 * together as the stages would be, so that exchanges (gather, repartition, replicate) really move rows.
 */
final class LocalQueryRunner {
    static final TpchConnector CONNECTOR = new TpchConnector(TpchColumnNaming.SIMPLIFIED);
    /** The catalogs: tpch, and system for what its tables hold without a cluster (the table function sequence). */
    private static final Map<String, Connector> CATALOGS = Map.of("tpch", CONNECTOR,
            "system", new SystemConnectorFactory().create("system", Map.of(), ConnectorContext.EMPTY));

    private final SqlPlanner planner = new SqlPlanner(new MetadataProvider() {
        @Override
        public Set<String> catalogNames() {
            return CATALOGS.keySet();
        }

        @Override
        public Optional<ConnectorMetadata> catalog(String name) {
            return Optional.ofNullable(CATALOGS.get(name)).map(Connector::metadata);
        }
    });
    private final Executor executor;
    private final int workers;
    private final NodeMemoryPool memoryPool;
    private final List<TaskMemoryContext> memoryContexts = new java.util.concurrent.CopyOnWriteArrayList<>();

    LocalQueryRunner(Executor executor, int workers) {
        this(executor, workers, NodeMemoryPool.unlimited());
    }

    /** Tasks take their memory from {@code memoryPool}; their contexts are kept in {@link #memoryContexts()}. */
    LocalQueryRunner(Executor executor, int workers, NodeMemoryPool memoryPool) {
        this.executor = executor;
        this.workers = workers;
        this.memoryPool = memoryPool;
    }

    List<TaskMemoryContext> memoryContexts() {
        return List.copyOf(memoryContexts);
    }

    /** The result: column types and rows of Java values ({@link Values#toObject}). */
    record Result(List<String> names, List<Type> types, List<List<Object>> rows, List<PlanFragment> fragments) {}

    static Session session(Map<String, String> properties) {
        return session(properties, "tiny");
    }

    private static Session session(Map<String, String> properties, String schema) {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("tpch"),
                Optional.of(schema), ZoneOffset.UTC, "en", properties, Map.of(), 0);
    }

    /** The fragments of a statement planned in schema {@code schema} of the tpch catalog, without running it. */
    List<PlanFragment> plan(String sql, String schema) {
        Session session = session(Map.of(), schema);
        return Fragmenter.fragment(DistributedPlanner.addExchanges(planner.plan(sql, session).root()));
    }

    Result execute(String sql, Map<String, String> properties) throws Exception {
        Session session = session(properties);
        QueryPlan plan = planner.plan(sql, session);
        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(plan.root()));
        Map<Integer, PlanFragment> byId = new HashMap<>();
        Map<Integer, Integer> consumerOf = new HashMap<>();
        for (PlanFragment fragment : fragments) {
            byId.put(fragment.id(), fragment);
            fragment.sourceFragments().forEach(source -> consumerOf.put(source, fragment.id()));
        }
        Map<Integer, List<TaskExecution>> tasks = new HashMap<>();
        CollectingOutputSink rootSink = new CollectingOutputSink(1);
        // consumers have lower ids than their producers: create them first
        for (PlanFragment fragment : fragments) {
            int taskCount = fragment.distribution() == FragmentDistribution.SINGLE ? 1 : workers;
            Integer consumer = consumerOf.get(fragment.id());
            int outputPartitions = consumer == null ? 1 : tasks.get(consumer).size();
            OutputSink sink = consumer == null ? rootSink : new RoutingSink(tasks.get(consumer), fragment.id(), taskCount);
            List<TaskExecution> created = new ArrayList<>();
            List<Split> splits = fragment.distribution() == FragmentDistribution.SOURCE ? splits(fragment.root()) : List.of();
            for (int partition = 0; partition < taskCount; partition++) {
                TaskId taskId = new TaskId(new StageId(session.queryId(), fragment.id()), partition, 0);
                TaskMemoryContext memory = memoryPool.createTaskContext(
                        taskId, SystemSessionProperties.queryMaxMemoryPerNode(session));
                memoryContexts.add(memory);
                TaskExecution task = TaskExecution.create(new TaskExecutionContext(
                        taskId, fragment, session, CATALOGS::get, outputPartitions, sink, executor, 1 << 20, memory));
                List<Split> mine = new ArrayList<>();
                for (int i = partition; i < splits.size(); i += taskCount) {
                    mine.add(splits.get(i));
                }
                task.addSplits(mine);
                task.noMoreSplits();
                created.add(task);
            }
            tasks.put(fragment.id(), created);
        }
        List<TaskExecution> all = tasks.values().stream().flatMap(List::stream).toList();
        all.forEach(TaskExecution::start);
        // As a query would: the first failing task fails the whole and cancels the others.
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        for (TaskExecution task : all) {
            task.done().whenComplete((ignored, error) -> {
                Throwable cause = cause(error);
                if (cause != null && !isCancellation(cause) && firstFailure.completeExceptionally(cause)) {
                    all.forEach(TaskExecution::cancel);
                }
            });
        }
        CompletableFuture<Void> everything = CompletableFuture.allOf(all.stream().map(TaskExecution::done).toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(everything, firstFailure).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ExecutionException(ownFailure(all, cause(e.getCause())));
        } finally {
            all.forEach(TaskExecution::cancel);
        }
        List<Type> types = plan.columnTypes();
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : rootSink.pages(0)) {
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(Values.toObject(types.get(channel), page.block(channel), position));
                }
                rows.add(row);
            }
        }
        return new Result(plan.columnNames(), types, rows, fragments);
    }

    /**
     * The error to report for a failed query: a task's own failure, not the cancellation of the others it caused.
     * All tasks may have ended by the time the caller looks, and the tasks' joint end then carries the error of
     * whichever task comes first in the list, which may be one that was canceled.
     */
    private static Throwable ownFailure(List<TaskExecution> tasks, Throwable reported) {
        if (!isCancellation(reported)) {
            return reported;
        }
        for (TaskExecution task : tasks) {
            if (task.done().isCompletedExceptionally()) {
                Throwable failure = cause(task.done().handle((ignored, error) -> error).join());
                if (!isCancellation(failure)) {
                    return failure;
                }
            }
        }
        return reported;
    }

    private static boolean isCancellation(Throwable failure) {
        return failure instanceof QuarryException quarry && quarry.errorCode() == ErrorCode.USER_CANCELED;
    }

    private static Throwable cause(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private List<Split> splits(PlanNode node) {
        List<Split> splits = new ArrayList<>();
        if (node instanceof TableScan scan) {
            splits.addAll(CATALOGS.get(scan.catalog()).splits(scan.table(), workers * 2));
        }
        for (PlanNode source : node.sources()) {
            splits.addAll(splits(source));
        }
        return splits;
    }

    /** A producer task's output: partition {@code i} goes to consumer task {@code i}; the last producer ends the input. */
    private static final class RoutingSink implements OutputSink {
        private final List<TaskExecution> consumers;
        private final int fragmentId;
        private final AtomicInteger producers;

        RoutingSink(List<TaskExecution> consumers, int fragmentId, int producers) {
            this.consumers = consumers;
            this.fragmentId = fragmentId;
            this.producers = new AtomicInteger(producers);
        }

        @Override
        public void enqueue(int partition, Page page) {
            consumers.get(partition).remoteSource(fragmentId).addPages(List.of(page));
        }

        @Override
        public CompletableFuture<Void> isFull() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void setNoMorePages() {
            if (producers.decrementAndGet() == 0) {
                consumers.forEach(consumer -> consumer.remoteSource(fragmentId).noMorePages());
            }
        }

        @Override
        public void abort() {}
    }
}
