package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.config.QueryConfig;
import io.quarry.exec.memory.NodeMemoryPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries that would need far more memory than the heap, on a node with the default limits (derived from
 * the JVM's maximum heap): each fails with a memory limit error instead of an OutOfMemoryError or a hang,
 * and the node then answers the next query with its memory pool back to zero. The node runs in the test's
 * JVM, so an OutOfMemoryError would fail the test itself; the per-node limit the pool enforces is the
 * configured default, a tenth of this JVM's heap.
 */
class MemorySafetyIT {
    private static final Logger log = LoggerFactory.getLogger(MemorySafetyIT.class);
    // 15,000 x 15,000 = 225 million rows, each query's state for them many times the heap
    private static final String HUGE = "tpch.tiny.orders a CROSS JOIN tpch.tiny.orders b";

    private static QuarryCluster cluster;
    private static StatementClient client;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode();
        client = cluster.client("tpch", "tiny");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT cardinality(array_agg(a.orderkey)) FROM " + HUGE,
            "SELECT count(*) FROM (SELECT a.custkey * 100000 + b.orderkey, count(*) FROM " + HUGE + " GROUP BY 1)",
            "SELECT a.orderkey, b.custkey FROM " + HUGE + " ORDER BY a.totalprice + b.totalprice",
            // both sides huge: whichever side is built, it does not fit
            "SELECT count(*) FROM " + HUGE + " WHERE a.orderkey * 100000 + b.custkey IN (SELECT c.orderkey * 100000 + d.orderkey FROM "
                    + "tpch.tiny.orders c CROSS JOIN tpch.tiny.orders d)",
            "SELECT count(DISTINCT a.orderkey * 100000 + b.orderkey) FROM " + HUGE,
            "SELECT max(r) FROM (SELECT row_number() OVER (PARTITION BY a.orderstatus ORDER BY b.totalprice) r FROM "
                    + HUGE + ")",
            "SELECT count(*) FROM (SELECT a.orderkey, b.orderkey FROM " + HUGE + " INTERSECT SELECT orderkey, custkey FROM tpch.tiny.orders)",
            "SELECT cardinality(map_agg(a.orderkey * 100000 + b.orderkey, a.comment)) FROM " + HUGE,
            "SELECT approx_percentile(a.totalprice + b.totalprice, 0.5), count(*) FROM " + HUGE
                    + " GROUP BY a.orderkey, b.orderkey",
    })
    void hugeQueryFailsOnTheMemoryLimitAndTheNodeRecovers(String sql) {
        long heap = Runtime.getRuntime().maxMemory();
        QuarryCluster.Node node = cluster.coordinator();
        NodeMemoryPool pool = node.node().memoryPool().orElseThrow();
        // the defaults, derived from this JVM's heap, are what the pool enforces
        assertThat(node.config().query().maxMemoryPerNodeBytes()).isEqualTo(QueryConfig.defaultMaxMemoryPerNodeBytes());
        assertThat(pool.maxQueryMemoryPerNode()).isEqualTo(node.config().query().maxMemoryPerNodeBytes()).isLessThan(heap / 5);
        assertThat(pool.size()).isLessThan(heap);

        StatementClient.Result result = client.execute(sql);

        assertThat(result.errorName())
                .as("error of %s: %s", sql, result.error())
                .isIn("EXCEEDED_LOCAL_MEMORY_LIMIT", "EXCEEDED_GLOBAL_MEMORY_LIMIT");
        log.info("{} failed as expected: {}", sql, result.error().orElseThrow().path("message").asText());
        assertThat(result.error().orElseThrow().path("errorType").asText()).isEqualTo("INSUFFICIENT_RESOURCES");
        Waits.until(Duration.ofSeconds(30), "the failed query's tasks are gone and its memory is back",
                () -> node.tasks().isEmpty() && pool.reservedBytes() == 0);

        StatementClient.Result next = client.execute("SELECT count(*) FROM nation");
        assertThat(next.error()).isEmpty();
        assertThat(next.rows()).containsExactly(List.of(25));
        Waits.until(Duration.ofSeconds(30), "the next query's memory is back",
                () -> node.tasks().isEmpty() && pool.reservedBytes() == 0);
    }
}
