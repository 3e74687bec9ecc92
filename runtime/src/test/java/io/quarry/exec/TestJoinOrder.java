package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.plan.Join;
import io.quarry.plan.JoinType;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.TableScan;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Join order at TPC-H scale factor 1 statistics (planned only): the relations that shrink the big tables most are
 * joined to them first, and a semi join filters the relation it belongs to before that joins anything.
 */
class TestJoinOrder {
    private final LocalQueryRunner runner = new LocalQueryRunner(Executors.newSingleThreadExecutor(), 1);

    @Test
    void q05JoinsLineitemWithItsOrdersFirstAndNeverCustomersWithSuppliersAlone() throws Exception {
        List<Join> joins = joins("q05");
        Join lowest = lowestOver(joins, "lineitem");
        assertThat(tablesUnder(lowest)).contains("lineitem").containsAnyOf("orders", "supplier");
        for (Join join : joins) {
            List<String> tables = tablesUnder(join);
            // customer and supplier share only a nation key: joined alone they multiply
            assertThat(tables.containsAll(List.of("customer", "supplier")) && !tables.contains("lineitem"))
                    .as("customer joined with supplier without lineitem: %s", tables)
                    .isFalse();
        }
    }

    @Test
    void q09FiltersLineitemByPartBeforeJoiningPartsupp() throws Exception {
        List<Join> joins = joins("q09");
        for (Join join : joins) {
            List<String> tables = tablesUnder(join);
            if (tables.contains("partsupp") && tables.contains("lineitem")) {
                assertThat(tables).as("the join with partsupp comes after the one with part").contains("part");
            }
        }
    }

    @Test
    void q18FiltersOrdersByTheInSubqueryBeforeTheJoins() throws Exception {
        List<Join> joins = joins("q18");
        Join semi = joins.stream().filter(join -> join.type() == JoinType.SEMI).findFirst().orElseThrow();
        assertThat(tablesUnder(semi.left())).containsExactly("orders");
    }

    @Test
    void q21KeepsItsExistsChecksAfterTheSupplierJoinThatShrinksLineitem() throws Exception {
        List<Join> checks = joins("q21").stream()
                .filter(join -> join.type() == JoinType.SEMI || join.type() == JoinType.ANTI
                        || join.type() == JoinType.RIGHT_SEMI || join.type() == JoinType.RIGHT_ANTI)
                .toList();
        assertThat(checks).hasSize(2);
        for (Join check : checks) {
            PlanNode kept = check.type().outputsOnlyRight() ? check.right() : check.left();
            assertThat(tablesUnder(kept)).contains("supplier", "orders");
        }
    }

    @Test
    void q17AggregatesOnlyTheLineitemRowsOfTheChosenParts() throws Exception {
        joins("q17");
        List<PlanNode> aggregations = new ArrayList<>();
        fragments.values().forEach(fragment -> collectAggregations(fragment.root(), aggregations));
        List<List<String>> perPart = aggregations.stream()
                .map(this::tablesUnder)
                .filter(tables -> tables.equals(List.of("lineitem")) || tables.contains("part") && tables.size() == 2)
                .toList();
        // the per-part average reads lineitem semi-joined with the chosen parts, never lineitem alone
        assertThat(perPart).isNotEmpty().allSatisfy(tables -> assertThat(tables).contains("part"));
    }

    private static void collectAggregations(PlanNode node, List<PlanNode> aggregations) {
        if (node instanceof io.quarry.plan.Aggregate) {
            aggregations.add(node);
        }
        node.sources().forEach(source -> collectAggregations(source, aggregations));
    }

    private List<Join> joins(String query) throws Exception {
        String sql = Files.readString(TestTpchQueries.conformance().resolve("tpch/queries/" + query + ".sql"));
        fragments.clear();
        for (PlanFragment fragment : runner.plan(sql, "sf1")) {
            fragments.put(fragment.id(), fragment);
        }
        List<Join> joins = new ArrayList<>();
        fragments.values().forEach(fragment -> collect(fragment.root(), joins));
        return joins;
    }

    private final Map<Integer, PlanFragment> fragments = new HashMap<>();

    private static void collect(PlanNode node, List<Join> joins) {
        if (node instanceof Join join) {
            joins.add(join);
        }
        node.sources().forEach(source -> collect(source, joins));
    }

    /** The join with the fewest tables under it among those reading {@code table}. */
    private Join lowestOver(List<Join> joins, String table) {
        return joins.stream()
                .filter(join -> tablesUnder(join).contains(table))
                .min((a, b) -> Integer.compare(tablesUnder(a).size(), tablesUnder(b).size()))
                .orElseThrow();
    }

    /** The tables read under a node, following exchanges into the fragments that feed them. */
    private List<String> tablesUnder(PlanNode node) {
        List<String> tables = new ArrayList<>();
        if (node instanceof TableScan scan) {
            tables.add(scan.table().table());
        } else if (node instanceof RemoteSource remote) {
            tables.addAll(tablesUnder(fragments.get(remote.fragmentId()).root()));
        }
        node.sources().forEach(source -> tables.addAll(tablesUnder(source)));
        return tables;
    }
}
