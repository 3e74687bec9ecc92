package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.plan.Aggregate;
import io.quarry.plan.DistributedPlanner;
import io.quarry.plan.Exchange;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.GroupId;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Sort;
import io.quarry.plan.Union;
import io.quarry.plan.Window;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.type.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestWindowAndSetPlanning {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(),
            Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    private static PlanNode plan(String sql) {
        return PLANNER.plan(sql, SESSION).root();
    }

    private static <T extends PlanNode> List<T> findAll(PlanNode node, Class<T> kind) {
        List<T> found = new ArrayList<>();
        if (kind.isInstance(node)) {
            found.add(kind.cast(node));
        }
        for (PlanNode source : node.sources()) {
            found.addAll(findAll(source, kind));
        }
        return found;
    }

    @Test
    void windowsWithTheSameSpecificationShareANode() {
        PlanNode root = plan("SELECT name, row_number() OVER (PARTITION BY regionkey ORDER BY name) AS rn,"
                + " sum(nationkey) OVER (PARTITION BY regionkey ORDER BY name ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s,"
                + " lag(name, 2, 'none') OVER (ORDER BY nationkey) AS previous FROM nation");
        List<Window> windows = findAll(root, Window.class);
        assertThat(windows).hasSize(2);
        Window partitioned = windows.stream().filter(w -> !w.partitionKeys().isEmpty()).findFirst().orElseThrow();
        assertThat(partitioned.functions()).extracting(WindowFunction::function).contains("row_number", "sum");
        WindowFunction sum = partitioned.functions().stream().filter(f -> f.function().equals("sum")).findFirst().orElseThrow();
        assertThat(sum.frame().kind()).isEqualTo(WindowFrame.Kind.ROWS);
        assertThat(sum.frame().startType()).isEqualTo(WindowFrame.Bound.PRECEDING);
        WindowFunction rowNumber = partitioned.functions().stream().filter(f -> f.function().equals("row_number")).findFirst().orElseThrow();
        // Calcite states ranking functions' frame as ROWS; either way it ends at the current row
        assertThat(rowNumber.frame().endType()).isEqualTo(WindowFrame.Bound.CURRENT_ROW);
        // lag's type is the common type of value and default: the longer varchar
        Window ordered = windows.stream().filter(w -> w.partitionKeys().isEmpty()).findFirst().orElseThrow();
        assertThat(ordered.functions().get(0).resultType()).isEqualTo(Types.varchar(25));
        assertThat(ordered.functions().get(0).arguments()).hasSize(3);
    }

    @Test
    void unsupportedWindowFormsSaySo() {
        assertThatThrownBy(() -> plan("SELECT lag(DISTINCT regionkey) OVER (ORDER BY nationkey) FROM nation"))
                .isInstanceOf(QuarryException.class)
                .hasMessage("line 1:8: DISTINCT in window function parameters not yet supported: lag(DISTINCT regionkey)");
        assertThatThrownBy(() -> plan("SELECT sum(regionkey) IGNORE NULLS OVER (ORDER BY nationkey) FROM nation"))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("Cannot specify null treatment clause for sum function");
        plan("SELECT first_value(name) IGNORE NULLS OVER (ORDER BY nationkey) FROM nation");
    }

    @Test
    void windowsRepartitionOnTheirKeysOrGather() {
        PlanNode distributed = DistributedPlanner.addExchanges(
                plan("SELECT name, rank() OVER (PARTITION BY regionkey ORDER BY name) FROM nation"));
        Window window = findAll(distributed, Window.class).get(0);
        assertThat(window.source()).isInstanceOfSatisfying(Exchange.class, exchange -> {
            assertThat(exchange.kind()).isEqualTo(ExchangeKind.REPARTITION);
            assertThat(exchange.partitionKeys()).isEqualTo(window.partitionKeys());
        });
        PlanNode global = DistributedPlanner.addExchanges(plan("SELECT name, rank() OVER (ORDER BY name) FROM nation"));
        assertThat(findAll(global, Window.class).get(0).source())
                .isInstanceOfSatisfying(Exchange.class, exchange -> assertThat(exchange.kind()).isEqualTo(ExchangeKind.GATHER));
    }

    @Test
    void setOperations() {
        PlanNode union = plan("SELECT regionkey FROM nation UNION SELECT regionkey FROM region");
        assertThat(findAll(union, Union.class)).hasSize(1);
        assertThat(findAll(union, Aggregate.class)).singleElement().satisfies(a -> assertThat(a.calls()).isEmpty());
        PlanNode unionAll = plan("SELECT regionkey FROM nation UNION ALL SELECT regionkey FROM region");
        assertThat(findAll(unionAll, Aggregate.class)).isEmpty();
        PlanNode except = plan("SELECT regionkey FROM nation EXCEPT SELECT regionkey FROM region");
        Aggregate counts = findAll(except, Aggregate.class).get(0);
        assertThat(counts.calls()).extracting(c -> c.function()).containsExactly("sum", "sum");
        PlanNode intersectAll = plan("SELECT regionkey FROM nation INTERSECT ALL SELECT regionkey FROM region");
        assertThat(findAll(intersectAll, Window.class)).hasSize(2);
    }

    @Test
    void groupingSetsFeedOneAggregation() {
        PlanNode root = plan("SELECT orderstatus, orderpriority, count(*), grouping(orderstatus, orderpriority) AS g"
                + " FROM orders GROUP BY CUBE (orderstatus, orderpriority)");
        GroupId groupId = findAll(root, GroupId.class).get(0);
        assertThat(groupId.groupingSets()).hasSize(4);
        // the set index, then the grouping() value of each set
        assertThat(groupId.markers()).hasSize(2);
        assertThat(groupId.markers().get(1)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(groupId.markerTypes().get(1)).isEqualTo(Types.INTEGER);
        Aggregate aggregate = findAll(root, Aggregate.class).get(0);
        assertThat(aggregate.groupKeys()).hasSize(4);
        assertThat(root.outputTypes()).containsExactly(Types.varchar(1), Types.varchar(15), Types.BIGINT, Types.INTEGER);
    }

    @Test
    void fetchFirstWithTiesRanksByTheOrdering() {
        WithTies stripped = WithTies.strip("SELECT name FROM nation ORDER BY regionkey\nFETCH FIRST 2 ROWS WITH TIES;");
        assertThat(stripped.count()).hasValue(2);
        assertThat(stripped.sql()).doesNotContainIgnoringCase("ties").contains("\n");
        assertThat(WithTies.strip("SELECT 'FETCH FIRST 2 ROWS ONLY'").count()).isEmpty();

        PlanNode root = plan("SELECT regionkey, name FROM nation ORDER BY regionkey FETCH FIRST 2 ROWS WITH TIES");
        assertThat(findAll(root, Sort.class)).hasSize(1);
        assertThat(findAll(root, Window.class)).singleElement()
                .satisfies(window -> assertThat(window.functions().get(0).function()).isEqualTo("rank"));
        assertThatThrownBy(() -> plan("SELECT name FROM nation FETCH FIRST 2 ROWS WITH TIES"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_ORDER_BY));
    }
}
