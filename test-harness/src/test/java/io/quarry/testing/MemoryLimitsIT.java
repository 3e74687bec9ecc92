package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.config.DataSizes;
import io.quarry.config.QueryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Memory limits end to end: a query whose hash tables outgrow {@code query.max-memory-per-node} fails with
 * EXCEEDED_LOCAL_MEMORY_LIMIT, one whose tasks together outgrow {@code query.max-memory} fails with
 * EXCEEDED_GLOBAL_MEMORY_LIMIT; small queries still run, and the nodes keep serving afterwards.
 */
class MemoryLimitsIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final String BIG_AGGREGATION = "SELECT orderkey, count(*) FROM tpch.sf1.lineitem GROUP BY orderkey";
    private static final String BIG_JOIN =
            "SELECT count(*) FROM tpch.sf1.orders a JOIN tpch.sf1.orders b ON a.orderkey = b.orderkey";

    @Test
    void perNodeLimitFailsTheBigQueryOnly() {
        try (QuarryCluster cluster = QuarryCluster.singleNode(builder -> builder.query(
                QueryConfig.builder().maxMemoryPerNodeBytes(8L << 20).build()))) {
            StatementClient client = cluster.client("tpch", "tiny");
            assertSmallQueriesRun(client);

            StatementClient.Result aggregation = client.execute(BIG_AGGREGATION);
            assertThat(aggregation.errorName()).isEqualTo("EXCEEDED_LOCAL_MEMORY_LIMIT");
            assertThat(aggregation.error().orElseThrow().path("errorType").asText()).isEqualTo("INSUFFICIENT_RESOURCES");
            assertThat(aggregation.error().orElseThrow().path("message").asText())
                    .startsWith("Query exceeded per-node memory limit of 8MB [Allocated: ");

            StatementClient.Result join = client.execute(BIG_JOIN);
            assertThat(join.errorName()).isEqualTo("EXCEEDED_LOCAL_MEMORY_LIMIT");

            // The session may lower the node's limit, never raise it.
            StatementClient lowered = new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of(
                    "User", "test", "Catalog", "tpch", "Schema", "tiny", "Session", "query_max_memory_per_node=1kB"));
            StatementClient.Result small = lowered.execute("SELECT orderkey, count(*) FROM lineitem GROUP BY orderkey");
            assertThat(small.errorName()).isEqualTo("EXCEEDED_LOCAL_MEMORY_LIMIT");
            assertThat(small.error().orElseThrow().path("message").asText())
                    .startsWith("Query exceeded per-node memory limit of 1kB");

            // The failed queries gave their memory back: the node serves as before.
            assertSmallQueriesRun(client);

            // A query within the limit shows the memory its hash table held as its peak.
            StatementClient.Result fits = client.execute("SELECT orderkey, count(*) FROM lineitem GROUP BY orderkey");
            assertThat(fits.error()).isEmpty();
            assertThat(fits.rows()).hasSize(15000);
            JsonNode stats = new ProtocolRequests(cluster.coordinatorUri())
                    .get("/v1/query/" + fits.queryId(), USER).json().path("queryStats");
            assertThat(DataSizes.parseBytes(stats.path("peakUserMemoryReservation").asText())).isBetween(64L << 10, 8L << 20);
            for (QuarryCluster.Node node : cluster.nodes()) {
                Waits.until(Duration.ofSeconds(10), "the failed queries' tasks are gone",
                        () -> node.tasks().isEmpty());
            }
        }
    }

    @Test
    void distributedLimitFailsTheQuery() {
        try (QuarryCluster cluster = QuarryCluster.start(2, false, builder -> builder.query(
                QueryConfig.builder().maxMemoryBytes(4L << 20).maxMemoryPerNodeBytes(1L << 30).build()))) {
            StatementClient client = cluster.client("tpch", "tiny");
            assertSmallQueriesRun(client);

            StatementClient.Result aggregation = client.execute(BIG_AGGREGATION);
            assertThat(aggregation.errorName()).isEqualTo("EXCEEDED_GLOBAL_MEMORY_LIMIT");
            assertThat(aggregation.error().orElseThrow().path("message").asText())
                    .startsWith("Query exceeded distributed user memory limit of 4MB");

            // The session's query_max_memory lowers the limit for its queries.
            StatementClient lowered = new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of(
                    "User", "test", "Catalog", "tpch", "Schema", "tiny", "Session", "query_max_memory=1MB"));
            StatementClient.Result limited = lowered.execute(BIG_AGGREGATION);
            assertThat(limited.errorName()).isEqualTo("EXCEEDED_GLOBAL_MEMORY_LIMIT");
            assertThat(limited.error().orElseThrow().path("message").asText())
                    .startsWith("Query exceeded distributed user memory limit of 1MB");

            assertSmallQueriesRun(client);
        }
    }

    private static void assertSmallQueriesRun(StatementClient client) {
        StatementClient.Result count = client.execute("SELECT count(*) FROM nation");
        assertThat(count.error()).isEmpty();
        assertThat(count.rows()).containsExactly(List.of(25));
        StatementClient.Result grouped = client.execute(
                "SELECT n.regionkey, count(*) FROM nation n JOIN region r ON n.regionkey = r.regionkey GROUP BY n.regionkey");
        assertThat(grouped.error()).isEmpty();
        assertThat(grouped.rows()).hasSize(5);
    }
}
