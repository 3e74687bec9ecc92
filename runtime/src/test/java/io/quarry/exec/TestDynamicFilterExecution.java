package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.page.Page;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Join;
import io.quarry.plan.JoinDistribution;
import io.quarry.plan.JoinType;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import io.quarry.spi.QueryId;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Session;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynamic filters inside one task: a join's build side filters the probe scan of the same task, a join whose probe
 * rows come from another stage reports its summary, and a merged filter from the coordinator filters the scan the
 * fragment's output is read from.
 */
class TestDynamicFilterExecution {
    private static final TpchConnector CONNECTOR = new TpchConnector(TpchColumnNaming.SIMPLIFIED);
    private static final SchemaTableName ORDERS = new SchemaTableName("tiny", "orders");
    private static final TableScan ORDERS_SCAN = scan();
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

    @Test
    void theBuildSideFiltersTheProbeScanOfItsTask() throws Exception {
        Join join = new Join(JoinType.INNER, ORDERS_SCAN, new RemoteSource(7, List.of(Types.BIGINT)), List.of(1), List.of(0),
                List.of(false), Optional.empty(), JoinDistribution.BROADCAST);
        List<Long> rowCounts = new java.util.ArrayList<>();
        for (boolean enabled : List.of(true, false)) {
            CollectingOutputSink sink = new CollectingOutputSink(1);
            TaskExecution task = task(join, sink, List.of(7), session(enabled));
            task.addSplits(CONNECTOR.splits(ORDERS, 4));
            task.noMoreSplits();
            task.start();
            RemoteSourceBuffer build = task.remoteSource(7);
            build.addPages(List.of(Page.of(new LongBlock(4, new boolean[] {false, false, true, false}, new long[] {1, 4, 7, 1}))));
            build.noMorePages();
            task.done().get(60, TimeUnit.SECONDS);

            Set<Long> custkeys = new HashSet<>();
            long rows = 0;
            for (Page page : sink.pages(0)) {
                rows += page.positionCount();
                for (int position = 0; position < page.positionCount(); position++) {
                    custkeys.add(((LongBlock) page.block(1)).getLong(position));
                }
            }
            // the NULL build key (hiding a 7) joins nothing
            assertThat(custkeys).containsExactlyInAnyOrder(1L, 4L);
            rowCounts.add(rows);
            TaskStatistics statistics = task.statistics();
            if (enabled) {
                // the probe drivers wait for the build: at most the first page of each is read unfiltered
                assertThat(statistics.dynamicFilterPrunedRows()).isGreaterThan(10_000);
            } else {
                assertThat(statistics.dynamicFilterPrunedRows()).isZero();
            }
        }
        assertThat(rowCounts.get(0)).isEqualTo(rowCounts.get(1)).isPositive();
    }

    @Test
    void aJoinOverAnotherStagesRowsReportsItsSummary() throws Exception {
        Join join = new Join(JoinType.SEMI, new RemoteSource(2, List.of(Types.BIGINT, Types.BIGINT)),
                new RemoteSource(3, List.of(Types.BIGINT)), List.of(1), List.of(0), List.of(false), Optional.empty(),
                JoinDistribution.PARTITIONED);
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(join, sink, List.of(2, 3), session(true));
        List<CollectedDynamicFilter> reported = new CopyOnWriteArrayList<>();
        task.dynamicFilters().onCollected(reported::add);
        task.start();
        task.remoteSource(3).addPages(List.of(longs(5, 9, 5)));
        task.remoteSource(3).noMorePages();
        task.remoteSource(2).addPages(List.of(Page.of(
                BlockBuilder.create(Types.BIGINT, 2).appendLong(100).appendLong(200).build(), longs(9, 10).block(0))));
        task.remoteSource(2).noMorePages();
        task.done().get(30, TimeUnit.SECONDS);
        assertThat(reported).containsExactly(new CollectedDynamicFilter(2, 1, DynamicFilterSummary.values(new long[] {5, 9})));
        assertThat(sink.pages(0).stream().mapToInt(Page::positionCount).sum()).isEqualTo(1);
    }

    @Test
    void aMergedFilterFiltersTheScanTheFragmentOutputComesFrom() throws Exception {
        CollectingOutputSink sink = new CollectingOutputSink(1);
        TaskExecution task = task(ORDERS_SCAN, sink, List.of(), session(true));
        // the filter arrives before the first page: every row goes
        task.dynamicFilters().apply(1, DynamicFilterSummary.none());
        task.addSplits(CONNECTOR.splits(ORDERS, 2));
        task.noMoreSplits();
        task.start();
        task.done().get(60, TimeUnit.SECONDS);
        assertThat(sink.pages(0).stream().mapToInt(Page::positionCount).sum()).isZero();
        assertThat(task.statistics().dynamicFilterPrunedRows()).isEqualTo(15_000);
        assertThat(task.statistics().inputRows()).isEqualTo(15_000);
    }

    private static TaskExecution task(PlanNode root, CollectingOutputSink sink, List<Integer> sources, Session session) {
        PlanFragment fragment = new PlanFragment(0, root, FragmentDistribution.SOURCE, ExchangeKind.GATHER, List.of(), sources);
        return TaskExecution.create(new TaskExecutionContext(
                TestTpchQueries.taskId(0, 0), fragment, session, catalog -> CONNECTOR, 1, sink, executor, 1 << 20));
    }

    private static Session session(boolean dynamicFiltering) {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("tpch"),
                Optional.of("tiny"), ZoneId.of("UTC"), "en_US", Map.of("enable_dynamic_filtering", Boolean.toString(dynamicFiltering)),
                Map.of(), 0);
    }

    private static Page longs(long... values) {
        return Page.of(new LongBlock(values.length, null, values.clone()));
    }

    private static TableScan scan() {
        TableMetadata metadata = CONNECTOR.metadata().table(ORDERS).orElseThrow();
        return new TableScan("tpch", ORDERS, List.of(metadata.column("orderkey").orElseThrow(), metadata.column("custkey").orElseThrow()));
    }
}
