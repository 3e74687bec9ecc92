package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window functions, set operations, grouping sets and the statistical aggregates on a coordinator and two
 * workers, where windows repartition on their keys and aggregates merge partial states across workers.
 */
class WindowsAndSetOperationsIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static List<List<Object>> rows(String sql) {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
        return result.rows();
    }

    private static Object single(String sql) {
        List<List<Object>> rows = rows(sql);
        assertThat(rows).as(sql).hasSize(1);
        return rows.get(0).get(0);
    }

    private static List<Object> column(String sql) {
        List<Object> values = new ArrayList<>();
        rows(sql).forEach(row -> values.add(row.get(0)));
        return values;
    }

    @Test
    void windowPartitionsAreWholeAfterRepartitioning() {
        // the largest row number per customer is that customer's order count
        Object largestRowNumber = single(
                "SELECT max(rn) FROM (SELECT row_number() OVER (PARTITION BY custkey ORDER BY orderkey) AS rn FROM orders) t");
        Object largestCount = single("SELECT max(c) FROM (SELECT count(*) AS c FROM orders GROUP BY custkey) t");
        assertThat(largestRowNumber).isEqualTo(largestCount);
        // at the last order of each customer, the running sum is the customer's total
        Object mismatches = single("SELECT count(*) FROM (SELECT"
                + " sum(totalprice) OVER (PARTITION BY custkey ORDER BY orderkey) AS running_sum,"
                + " sum(totalprice) OVER (PARTITION BY custkey) AS total,"
                + " row_number() OVER (PARTITION BY custkey ORDER BY orderkey DESC) AS r FROM orders) t"
                + " WHERE r = 1 AND abs(running_sum - total) > 0.001");
        assertThat(mismatches).isEqualTo(0);
        assertThat(single("SELECT count(*) FROM (SELECT rank() OVER (ORDER BY orderdate) AS r FROM orders) t")).isEqualTo(15000);
    }

    @Test
    void setOperationsOverTablesOnBothWorkers() {
        assertThat(single("SELECT count(*) FROM (SELECT orderkey FROM orders UNION ALL SELECT orderkey FROM lineitem) t")).isEqualTo(75175);
        assertThat(single("SELECT count(*) FROM (SELECT orderkey FROM orders UNION SELECT orderkey FROM lineitem) t")).isEqualTo(15000);
        assertThat(single("SELECT count(*) FROM (SELECT custkey FROM orders INTERSECT SELECT custkey FROM customer) t")).isEqualTo(1000);
        assertThat(single("SELECT count(*) FROM (SELECT custkey FROM customer EXCEPT SELECT custkey FROM orders) t")).isEqualTo(500);
    }

    @Test
    void allVariantsKeepMultiplicities() {
        assertThat(column("SELECT x FROM (VALUES 1, 1, 1, 2, 3) AS a(x) INTERSECT ALL SELECT y FROM (VALUES 1, 1, 2, 2) AS b(y) ORDER BY 1"))
                .containsExactly(1, 1, 2);
        assertThat(column("SELECT x FROM (VALUES 1, 1, 1, 2, 3) AS a(x) EXCEPT ALL SELECT y FROM (VALUES 1, 2, 2) AS b(y) ORDER BY 1"))
                .containsExactly(1, 1, 3);
    }

    @Test
    void withUnionAndNullOrdering() {
        assertThat(column("WITH t AS (SELECT x FROM (VALUES 1, NULL, 3) AS v(x))"
                + " SELECT x FROM t UNION ALL SELECT x FROM t ORDER BY x DESC NULLS FIRST"))
                .containsExactly(null, null, 3, 3, 1, 1);
    }

    @Test
    void groupingSetsAndStatisticsMergeAcrossWorkers() {
        assertThat(single("SELECT count(*) FROM (SELECT orderstatus, orderpriority, count(*) FROM orders"
                + " GROUP BY ROLLUP (orderstatus, orderpriority)) t")).isEqualTo(19);
        List<List<Object>> totals = rows("SELECT grouping(orderstatus), sum(totalprice) > 0, count(*) FROM orders"
                + " GROUP BY GROUPING SETS ((orderstatus), ()) HAVING count(*) > 10000");
        assertThat(totals).containsExactly(Arrays.asList(1, true, 15000));
        assertThat(single("SELECT abs(var_samp(quantity)"
                + " - (sum(quantity * quantity) - sum(quantity) * sum(quantity) / count(*)) / (count(*) - 1)) < 1e-6 FROM lineitem"))
                .isEqualTo(true);
        assertThat(single("SELECT abs(corr(extendedprice, quantity) - corr(quantity, extendedprice)) < 1e-12 FROM lineitem"))
                .isEqualTo(true);
        assertThat(single("SELECT count_if(ok) FROM (SELECT bool_and(quantity > 0) AS ok FROM lineitem GROUP BY orderkey) t"))
                .isEqualTo(15000);
    }
}
