package io.quarry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.type.Types;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestFragmenter {
    private static final TableScan SCAN = new TableScan(
            "tpch",
            new SchemaTableName("tiny", "lineitem"),
            List.of(new ColumnMetadata("returnflag", Types.varchar(1)), new ColumnMetadata("quantity", Types.DOUBLE)));

    private static Filter filtered() {
        return new Filter(SCAN, new Call(
                "greater_than", List.of(new InputRef(1, Types.DOUBLE), new Constant(1.0, Types.DOUBLE)), Types.BOOLEAN));
    }

    private static AggregateCall sum() {
        return new AggregateCall("sum", List.of(1), List.of(Types.DOUBLE), Types.DOUBLE, false, Optional.empty());
    }

    @Test
    void groupedAggregationIsSplitAcrossThreeStages() {
        Aggregate aggregate = new Aggregate(filtered(), List.of(0), List.of(sum()), AggregationStep.SINGLE);
        Output output = new Output(new Sort(aggregate, List.of(new SortKey(0, true, false))), List.of("flag", "total"));

        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(output));

        assertThat(fragments).extracting(PlanFragment::id).containsExactly(0, 1, 2);
        PlanFragment root = fragments.get(0);
        assertThat(root.distribution()).isEqualTo(FragmentDistribution.SINGLE);
        assertThat(root.root()).isInstanceOf(Output.class);
        assertThat(((Sort) ((Output) root.root()).source()).source()).isEqualTo(new RemoteSource(1, aggregate.outputTypes()));
        assertThat(root.sourceFragments()).containsExactly(1);

        PlanFragment finalStage = fragments.get(1);
        assertThat(finalStage.distribution()).isEqualTo(FragmentDistribution.HASH);
        assertThat(finalStage.outputKind()).isEqualTo(ExchangeKind.GATHER);
        Aggregate finalAggregate = (Aggregate) finalStage.root();
        assertThat(finalAggregate.step()).isEqualTo(AggregationStep.FINAL);
        assertThat(finalAggregate.calls().get(0).arguments()).containsExactly(1);

        PlanFragment partialStage = fragments.get(2);
        assertThat(partialStage.distribution()).isEqualTo(FragmentDistribution.SOURCE);
        assertThat(partialStage.outputKind()).isEqualTo(ExchangeKind.REPARTITION);
        assertThat(partialStage.outputPartitionKeys()).containsExactly(0);
        assertThat(((Aggregate) partialStage.root()).step()).isEqualTo(AggregationStep.PARTIAL);
    }

    @Test
    void globalAverageGathersTwoIntermediateChannels() {
        AggregateCall avg = new AggregateCall("avg", List.of(1), List.of(Types.DOUBLE), Types.DOUBLE, false, Optional.empty());
        Output output = new Output(new Aggregate(SCAN, List.of(), List.of(avg), AggregationStep.SINGLE), List.of("a"));

        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(output));

        assertThat(fragments).hasSize(2);
        Aggregate finalAggregate = (Aggregate) ((Output) fragments.get(0).root()).source();
        assertThat(finalAggregate.step()).isEqualTo(AggregationStep.FINAL);
        assertThat(finalAggregate.calls().get(0).arguments()).containsExactly(0, 1);
        assertThat(fragments.get(1).root().outputTypes()).containsExactly(Types.DOUBLE, Types.BIGINT);
        assertThat(fragments.get(1).outputKind()).isEqualTo(ExchangeKind.GATHER);
    }

    @Test
    void distinctAggregationRepartitionsRawRows() {
        AggregateCall countDistinct =
                new AggregateCall("count", List.of(1), List.of(Types.DOUBLE), Types.BIGINT, true, Optional.empty());
        Output output =
                new Output(new Aggregate(SCAN, List.of(0), List.of(countDistinct), AggregationStep.SINGLE), List.of("f", "c"));

        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(output));

        assertThat(fragments).hasSize(3);
        assertThat(((Aggregate) fragments.get(1).root()).step()).isEqualTo(AggregationStep.SINGLE);
        assertThat(fragments.get(2).root()).isEqualTo(SCAN);
        assertThat(fragments.get(2).outputKind()).isEqualTo(ExchangeKind.REPARTITION);
    }

    @Test
    void topNRunsBeforeAndAfterTheGather() {
        Output output = new Output(new TopN(SCAN, List.of(new SortKey(1, false, false)), 5), List.of("f", "q"));

        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(output));

        assertThat(fragments).hasSize(2);
        assertThat(((Output) fragments.get(0).root()).source()).isInstanceOf(TopN.class);
        assertThat(fragments.get(1).root()).isInstanceOf(TopN.class);
    }

    @Test
    void valuesStayInOneFragment() {
        Values values = new Values(List.of(Types.INTEGER), List.of(List.of(new Constant(1L, Types.INTEGER))));
        List<PlanFragment> fragments = Fragmenter.fragment(DistributedPlanner.addExchanges(new Output(values, List.of("_col0"))));
        assertThat(fragments).hasSize(1);
        assertThat(fragments.get(0).distribution()).isEqualTo(FragmentDistribution.SINGLE);
    }

    @Test
    void aTableWriterFedRoundRobinRunsInAStageOnEveryWorker() {
        io.quarry.spi.WriteTarget target = new io.quarry.spi.WriteTarget(
                new SchemaTableName("default", "t"), 1, "q", SCAN.columns());
        TableWriter writer = new TableWriter(new Exchange(SCAN, ExchangeKind.ROUND_ROBIN, List.of()), "memory", target, false);
        Output output = new Output(new Exchange(writer, ExchangeKind.GATHER, List.of()), List.of("node", "data", "rows", "bytes", "statistics"));

        List<PlanFragment> fragments = Fragmenter.fragment(output);

        assertThat(fragments).extracting(PlanFragment::distribution)
                .containsExactly(FragmentDistribution.SINGLE, FragmentDistribution.HASH, FragmentDistribution.SOURCE);
        assertThat(fragments.get(1).root()).isInstanceOf(TableWriter.class);
        assertThat(fragments.get(1).outputKind()).isEqualTo(ExchangeKind.GATHER);
        assertThat(fragments.get(2).outputKind()).isEqualTo(ExchangeKind.ROUND_ROBIN);
        assertThat(writer.outputTypes()).hasSize(5);
    }
}
