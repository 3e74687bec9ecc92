package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.exec.dynamicfilter.CollectedDynamicFilter;
import io.quarry.exec.dynamicfilter.DynamicFilterPlanning;
import io.quarry.exec.dynamicfilter.DynamicFilterSummary;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Join;
import io.quarry.plan.JoinDistribution;
import io.quarry.plan.JoinType;
import io.quarry.plan.RemoteSource;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.Project;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDynamicFilterCoordinator {
    private static final TableScan SCAN = new TableScan("tpch", new SchemaTableName("tiny", "lineitem"), List.of(
            new ColumnMetadata("orderkey", Types.BIGINT), new ColumnMetadata("partkey", Types.BIGINT)));
    /** Fragment 2 reads the probe table and outputs (partkey, orderkey). */
    private static final PlanFragment PROBE = new PlanFragment(2,
            new Project(SCAN, List.of(new InputRef(1, Types.BIGINT), new InputRef(0, Types.BIGINT))),
            FragmentDistribution.SOURCE, ExchangeKind.REPARTITION, List.of(0), List.of());

    @Test
    void mergesOnceEveryBuildTaskReported() {
        DynamicFilterCoordinator coordinator = new DynamicFilterCoordinator(List.of(PROBE));
        assertThat(coordinator.add(report(0, DynamicFilterSummary.values(new long[] {1, 5})))).isEmpty();
        // a repeated report of the same partition does not complete it
        assertThat(coordinator.add(report(0, DynamicFilterSummary.values(new long[] {1, 5})))).isEmpty();
        List<DynamicFilterCoordinator.Merged> merged = coordinator.add(report(1, DynamicFilterSummary.values(new long[] {9})));
        // channel 0 of fragment 2 is scan column 1
        assertThat(merged).containsExactly(
                new DynamicFilterCoordinator.Merged(2, 1, DynamicFilterSummary.values(new long[] {1, 5, 9})));
        // sent once
        assertThat(coordinator.add(report(1, DynamicFilterSummary.none()))).isEmpty();
    }

    @Test
    void anEmptyPartitionAddsNothingAndTooManyValuesLeaveARange() {
        DynamicFilterCoordinator coordinator = new DynamicFilterCoordinator(List.of(PROBE));
        coordinator.add(report(0, DynamicFilterSummary.none()));
        assertThat(coordinator.add(report(1, DynamicFilterSummary.range(3, 7))))
                .containsExactly(new DynamicFilterCoordinator.Merged(2, 1, DynamicFilterSummary.range(3, 7)));

        long[] many = new long[DynamicFilterPlanning.MERGED_MAX_DISTINCT];
        long[] more = new long[DynamicFilterPlanning.MERGED_MAX_DISTINCT];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
            more[i] = -i - 1;
        }
        DynamicFilterCoordinator second = new DynamicFilterCoordinator(List.of(PROBE));
        second.add(report(0, DynamicFilterSummary.values(many)));
        assertThat(second.add(report(1, DynamicFilterSummary.values(more)))).containsExactly(
                new DynamicFilterCoordinator.Merged(2, 1, DynamicFilterSummary.range(-many.length, many.length - 1)));
    }

    @Test
    void aChannelThatIsNoPlainScanColumnGetsNoFilter() {
        DynamicFilterCoordinator coordinator = new DynamicFilterCoordinator(List.of(PROBE));
        StageActor.DynamicFiltersCollected unknownFragment = new StageActor.DynamicFiltersCollected(
                1, 0, 1, List.of(new CollectedDynamicFilter(7, 0, DynamicFilterSummary.none())));
        assertThat(coordinator.add(unknownFragment)).isEmpty();
    }

    @Test
    void theProbeStageLearnsHowManyFiltersItsScanAwaitsAndGetsEvenAnAllFilter() {
        // fragment 1 joins fragment 2's rows (probe, channel 0 = partkey) with fragment 3's (build)
        Join join = new Join(JoinType.INNER, new RemoteSource(2, List.of(Types.BIGINT, Types.BIGINT)),
                new RemoteSource(3, List.of(Types.BIGINT)), List.of(0), List.of(0), List.of(false), Optional.empty(),
                JoinDistribution.PARTITIONED);
        PlanFragment joining = new PlanFragment(1, join, FragmentDistribution.HASH, ExchangeKind.GATHER, List.of(), List.of(2, 3));
        DynamicFilterCoordinator coordinator = new DynamicFilterCoordinator(List.of(joining, PROBE));
        Session session = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(),
                Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en", Map.of(), Map.of(), 0);
        assertThat(DynamicFilterPlanning.awaitedFilters(coordinator.sessionOf(2, session))).isEqualTo(1);
        assertThat(coordinator.sessionOf(1, session)).isSameAs(session);
        Session off = session.withSystemProperty(DynamicFilterPlanning.SESSION_PROPERTY, "false");
        assertThat(coordinator.sessionOf(2, off)).isSameAs(off);
        coordinator.add(report(0, DynamicFilterSummary.all()));
        // a filter that prunes nothing is still sent: the scan waits for it
        assertThat(coordinator.add(report(1, DynamicFilterSummary.values(new long[] {4}))))
                .containsExactly(new DynamicFilterCoordinator.Merged(2, 1, DynamicFilterSummary.all()));
    }

    private static StageActor.DynamicFiltersCollected report(int partition, DynamicFilterSummary summary) {
        return new StageActor.DynamicFiltersCollected(1, partition, 2, List.of(new CollectedDynamicFilter(2, 0, summary)));
    }
}
