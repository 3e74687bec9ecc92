package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** approx_percentile's signatures through the planner and partial/final steps over two workers. */
class TestApproxPercentileQueries {
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

    private static LocalQueryRunner.Result run(String sql) throws Exception {
        return new LocalQueryRunner(executor, 2).execute(sql, Map.of());
    }

    /** The exact value at rank {@code round(q * (n - 1))} of a sorted column. */
    private static double exact(String column, String table, double q) throws Exception {
        List<List<Object>> rows = run("SELECT " + column + " FROM " + table + " ORDER BY 1").rows();
        return ((Number) rows.get((int) Math.round(q * (rows.size() - 1))).get(0)).doubleValue();
    }

    @Test
    void scalarPercentageOfBigintAndDouble() throws Exception {
        LocalQueryRunner.Result result = run(
                "SELECT approx_percentile(orderkey, 0.5), approx_percentile(extendedprice, 0.9), approx_percentile(quantity, 0.25) FROM lineitem");
        assertThat(result.types()).containsExactly(Types.BIGINT, Types.DOUBLE, Types.DOUBLE);
        List<Object> row = result.rows().get(0);
        // a t-digest errs by rank, not by value: its centroids near the median hold up to 1% of the rows each, and the
        // partial digests merge in any order, so within 2% of the rows of the exact answer (one past for integers)
        assertThat(((Long) row.get(0)).doubleValue())
                .isBetween(exact("orderkey", "lineitem", 0.48), exact("orderkey", "lineitem", 0.52));
        assertThat((Double) row.get(1))
                .isBetween(exact("extendedprice", "lineitem", 0.88), exact("extendedprice", "lineitem", 0.92));
        assertThat((Double) row.get(2))
                .isBetween(exact("quantity", "lineitem", 0.23) - 1, exact("quantity", "lineitem", 0.27) + 1);
    }

    @Test
    void arrayOfPercentagesWeightsAndGroups() throws Exception {
        LocalQueryRunner.Result arrays = run("SELECT approx_percentile(custkey, ARRAY[0.1, 0.5, 0.9]) FROM orders");
        assertThat(arrays.types()).containsExactly(new ArrayType(Types.BIGINT));
        @SuppressWarnings("unchecked")
        List<Long> values = (List<Long>) arrays.rows().get(0).get(0);
        assertThat(values).hasSize(3);
        assertThat(values.get(0)).isLessThan(values.get(1));
        assertThat(values.get(1).doubleValue()).isCloseTo(exact("custkey", "orders", 0.5), within(30.0));

        // integer weights repeat values: weight 1 everywhere is the unweighted answer
        List<Object> weighted = run("SELECT approx_percentile(orderkey, 1, 0.5), approx_percentile(orderkey, 1.0, ARRAY[0.5]),"
                + " approx_percentile(orderkey, 0.5) FROM orders").rows().get(0);
        assertThat(weighted.get(0)).isEqualTo(weighted.get(2));
        assertThat(weighted.get(1)).isEqualTo(List.of(weighted.get(2)));

        List<List<Object>> grouped = run("SELECT orderstatus, approx_percentile(totalprice, 0.5) FROM orders GROUP BY orderstatus ORDER BY 1").rows();
        assertThat(grouped).hasSize(3);
        for (List<Object> group : grouped) {
            assertThat((Double) group.get(1)).isCloseTo(
                    exact("totalprice", "orders WHERE orderstatus = '" + group.get(0) + "'", 0.5), within(5_000.0));
        }
        assertThat(run("SELECT approx_percentile(orderkey, 0.5) FROM orders WHERE orderkey < 0").rows())
                .containsExactly(java.util.Collections.singletonList(null));
    }

    @Test
    void percentageOutOfRangeIsAUserError() {
        assertThatThrownBy(() -> run("SELECT approx_percentile(orderkey, 2) FROM orders"))
                .hasRootCauseInstanceOf(QuarryException.class)
                .rootCause()
                .hasMessage("Percentile must be between 0 and 1")
                .satisfies(e -> assertThat(((QuarryException) e).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
    }
}
