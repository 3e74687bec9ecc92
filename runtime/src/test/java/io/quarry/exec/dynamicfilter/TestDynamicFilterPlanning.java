package io.quarry.exec.dynamicfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.plan.Exchange;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.Filter;
import io.quarry.plan.Join;
import io.quarry.plan.JoinDistribution;
import io.quarry.plan.JoinType;
import io.quarry.plan.Project;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.type.Types;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestDynamicFilterPlanning {
    private static final TableScan SCAN = new TableScan("tpch", new SchemaTableName("tiny", "lineitem"), List.of(
            new ColumnMetadata("orderkey", Types.BIGINT), new ColumnMetadata("partkey", Types.BIGINT),
            new ColumnMetadata("comment", Types.VARCHAR)));

    @Test
    void followsPlainColumnsThroughProjectsFiltersAndExchanges() {
        InputRef partkey = new InputRef(1, Types.BIGINT);
        Filter filter = new Filter(SCAN, new Call("greater_than", List.of(partkey, new Constant(5L, Types.BIGINT)), Types.BOOLEAN));
        Project project = new Project(filter, List.of(new InputRef(2, Types.VARCHAR), partkey));
        Exchange exchange = new Exchange(project, ExchangeKind.REPARTITION, List.of(1));
        assertThat(DynamicFilterPlanning.probeSource(exchange, 1)).contains(new DynamicFilterPlanning.LocalScan(1));
        assertThat(DynamicFilterPlanning.rootScanColumn(project, 1)).contains(1);
        assertThat(DynamicFilterPlanning.isScanChain(exchange)).isTrue();
        assertThat(DynamicFilterPlanning.probeSource(new RemoteSource(4, List.of(Types.BIGINT)), 0))
                .contains(new DynamicFilterPlanning.RemoteChannel(4, 0));
    }

    @Test
    void givesUpOnComputedColumnsAndOtherNodes() {
        Project computed = new Project(SCAN, List.of(
                new Call("add", List.of(new InputRef(1, Types.BIGINT), new Constant(1L, Types.BIGINT)), Types.BIGINT)));
        assertThat(DynamicFilterPlanning.probeSource(computed, 0)).isEmpty();
        Join join = join(JoinType.INNER, SCAN, false);
        assertThat(DynamicFilterPlanning.probeSource(join, 0)).isEmpty();
        assertThat(DynamicFilterPlanning.isScanChain(join)).isFalse();
        assertThat(DynamicFilterPlanning.rootScanColumn(new RemoteSource(4, List.of(Types.BIGINT)), 0)).isEmpty();
    }

    @Test
    void filtersOnlyJoinsThatDropUnmatchedProbeRows() {
        assertThat(List.of(JoinType.values()).stream().filter(DynamicFilterPlanning::filtersProbe))
                .containsExactlyInAnyOrder(JoinType.INNER, JoinType.RIGHT, JoinType.SEMI, JoinType.RIGHT_SEMI, JoinType.RIGHT_ANTI);
        assertThat(DynamicFilterPlanning.filterableKey(join(JoinType.INNER, SCAN, false), 0)).isTrue();
        assertThat(DynamicFilterPlanning.filterableKey(join(JoinType.INNER, SCAN, true), 0)).isFalse();
    }

    @Test
    void filtersLongDoubleAndVariableWidthKeysOfOneStorage() {
        Join onComment = new Join(JoinType.INNER, SCAN, new RemoteSource(3, List.of(Types.varchar(10))), List.of(2), List.of(0),
                List.of(false), Optional.empty(), JoinDistribution.PARTITIONED);
        assertThat(DynamicFilterPlanning.keyType(onComment, 0)).contains(DynamicFilterSummary.KeyType.VARIABLE_WIDTH);
        Join onDouble = new Join(JoinType.INNER, new RemoteSource(5, List.of(Types.DOUBLE)),
                new RemoteSource(3, List.of(Types.DOUBLE)), List.of(0), List.of(0), List.of(false), Optional.empty(),
                JoinDistribution.PARTITIONED);
        assertThat(DynamicFilterPlanning.keyType(onDouble, 0)).contains(DynamicFilterSummary.KeyType.DOUBLE);
        Join onBoolean = new Join(JoinType.INNER, new RemoteSource(5, List.of(Types.BOOLEAN)),
                new RemoteSource(3, List.of(Types.BOOLEAN)), List.of(0), List.of(0), List.of(false), Optional.empty(),
                JoinDistribution.PARTITIONED);
        assertThat(DynamicFilterPlanning.keyType(onBoolean, 0)).isEmpty();
    }

    private static Join join(JoinType type, TableScan probe, boolean nullSafe) {
        return new Join(type, probe, new RemoteSource(3, List.of(Types.BIGINT)), List.of(1), List.of(0), List.of(nullSafe),
                Optional.empty(), JoinDistribution.BROADCAST);
    }
}
