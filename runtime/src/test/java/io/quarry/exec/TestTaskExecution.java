package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Limit;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestTaskExecution {
    private static ExecutorService executor;

    @BeforeAll
    static void setUp() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static TaskExecution task(PlanNode root, CollectingOutputSink sink, List<Integer> sources) {
        PlanFragment fragment = new PlanFragment(0, root, FragmentDistribution.SINGLE, ExchangeKind.GATHER, List.of(), sources);
        return TaskExecution.create(new TaskExecutionContext(TestTpchQueries.taskId(0, 0), fragment, TestTpchQueries.session(),
                catalog -> {
                    throw new QuarryException(ErrorCode.CATALOG_NOT_FOUND, "Catalog '" + catalog + "' does not exist");
                }, 1, sink, executor, 4096));
    }

    private static Page longs(long... values) {
        io.quarry.block.BlockBuilder builder = io.quarry.block.BlockBuilder.create(Types.BIGINT, values.length);
        for (long value : values) {
            builder.appendLong(value);
        }
        return Page.of(builder.build());
    }

    private static QuarryException failure(CompletableFuture<Void> done) {
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (QuarryException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("task did not fail");
    }

    @Test
    void valuesRunToTheOutput() throws Exception {
        List<List<Expression>> rows = List.of(
                List.of(new Constant(1L, Types.BIGINT), new Constant("a", Types.VARCHAR)),
                List.of(new Call("add", List.of(new Constant(1L, Types.BIGINT), new Constant(1L, Types.BIGINT)), Types.BIGINT),
                        Constant.nullOf(Types.VARCHAR)));
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(new io.quarry.plan.Values(List.of(Types.BIGINT, Types.VARCHAR), rows), sink, List.of());
        task.start();
        task.done().get(30, TimeUnit.SECONDS);
        Page page = sink.pages(0).get(0);
        assertThat(Values.toObject(Types.BIGINT, page.block(0), 1)).isEqualTo(2L);
        assertThat(Values.toObject(Types.VARCHAR, page.block(1), 0)).isEqualTo("a");
        assertThat(page.block(1).isNull(1)).isTrue();
        assertThat(sink.noMorePages).isTrue();
        assertThat(task.statistics().outputRows()).isEqualTo(2);
    }

    @Test
    void operatorFiguresAreSummedPerPlanNode() throws Exception {
        List<List<Expression>> rows = new ArrayList<>();
        for (long i = 1; i <= 5; i++) {
            rows.add(List.of(new Constant(i, Types.BIGINT)));
        }
        PlanNode values = new io.quarry.plan.Values(List.of(Types.BIGINT), rows);
        PlanNode filter = new io.quarry.plan.Filter(values, new Call("greater_than",
                List.of(new InputRef(0, Types.BIGINT), new Constant(2L, Types.BIGINT)), Types.BOOLEAN));
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(new Limit(filter, 0, 2), sink, List.of());
        task.start();
        task.done().get(30, TimeUnit.SECONDS);

        // preorder ids: the limit 0, the filter 1, the values 2; the task's output operator belongs to no node
        List<OperatorSummary> summaries = task.operatorSummaries();
        assertThat(summaries).extracting(OperatorSummary::planNodeId).containsExactly(0, 1, 2);
        assertThat(summaries.get(2).operators()).isEqualTo("Values");
        assertThat(summaries.get(2).outputRows()).isEqualTo(5);
        assertThat(summaries.get(1).operators()).isEqualTo("FilterProject");
        assertThat(summaries.get(1).inputRows()).isEqualTo(5);
        assertThat(summaries.get(1).outputRows()).isEqualTo(3);
        assertThat(summaries.get(0).operators()).isEqualTo("Limit");
        assertThat(summaries.get(0).inputRows()).isEqualTo(3);
        assertThat(summaries.get(0).outputRows()).isEqualTo(2);
        assertThat(summaries).allSatisfy(summary -> {
            assertThat(summary.drivers()).isEqualTo(1);
            assertThat(summary.cpuNanos()).isNotNegative();
            assertThat(summary.wallNanos()).isNotNegative();
        });
        assertThat(summaries.stream().mapToLong(OperatorSummary::wallNanos).sum()).isPositive();
    }

    @Test
    void remoteSourceWaitsForPagesWithoutBlockingThreads() throws Exception {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(new Limit(new RemoteSource(7, List.of(Types.BIGINT)), 1, 3), sink, List.of(7));
        task.start();
        RemoteSourceBuffer buffer = task.remoteSource(7);
        assertThat(task.done()).isNotDone();
        buffer.addPages(List.of(longs(1, 2)));
        buffer.addPages(List.of(longs(3, 4, 5, 6)));
        task.done().get(30, TimeUnit.SECONDS);
        List<Long> values = new ArrayList<>();
        for (Page page : sink.pages(0)) {
            for (int i = 0; i < page.positionCount(); i++) {
                values.add((Long) Values.toObject(Types.BIGINT, page.block(0), i));
            }
        }
        assertThat(values).containsExactly(2L, 3L, 4L);
        assertThat(task.statistics().inputRows()).isGreaterThanOrEqualTo(2);
        assertThatThrownBy(() -> task.remoteSource(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void driverFailureFailsTheTaskAndAbortsTheOutput() {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        Expression divide = new Call("divide", List.of(new Constant(10L, Types.BIGINT), new InputRef(0, Types.BIGINT)), Types.BIGINT);
        TaskExecution task = task(new Project(new RemoteSource(1, List.of(Types.BIGINT)), List.of(divide)), sink, List.of(1));
        task.start();
        task.remoteSource(1).addPages(List.of(longs(5, 0)));
        task.remoteSource(1).noMorePages();
        QuarryException failure = failure(task.done());
        assertThat(failure.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(sink.aborted).isTrue();
        assertThat(sink.noMorePages).isFalse();
    }

    @Test
    void cancelStopsABlockedTask() {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(new RemoteSource(1, List.of(Types.BIGINT)), sink, List.of(1));
        task.start();
        task.cancel();
        assertThat(failure(task.done()).errorCode()).isEqualTo(ErrorCode.USER_CANCELED);
        assertThat(sink.aborted).isTrue();
    }

    @Test
    void fullOutputHoldsTheDriverUntilThereIsRoom() throws Exception {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        CompletableFuture<Void> room = new CompletableFuture<>();
        sink.full = room;
        TaskExecution task = task(new RemoteSource(1, List.of(Types.BIGINT)), sink, List.of(1));
        task.start();
        task.remoteSource(1).addPages(List.of(longs(1), longs(2)));
        task.remoteSource(1).noMorePages();
        assertThat(task.done()).isNotDone();
        assertThat(sink.pages(0)).isEmpty();
        sink.full = CompletableFuture.completedFuture(null);
        room.complete(null);
        task.done().get(30, TimeUnit.SECONDS);
        assertThat(sink.pages(0)).hasSize(2);
    }

    @Test
    void planningErrorsSurfaceAtCreate() {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TableScan scan = new TableScan("nowhere", new SchemaTableName("s", "t"), List.of());
        assertThatThrownBy(() -> task(scan, sink, List.of()))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CATALOG_NOT_FOUND));
        Expression unknown = new Call("frobnicate", List.of(new InputRef(0, Types.BIGINT)), Types.BIGINT);
        assertThatThrownBy(() -> task(new Project(new RemoteSource(1, List.of(Types.BIGINT)), List.of(unknown)), sink, List.of(1)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND));
    }
}
