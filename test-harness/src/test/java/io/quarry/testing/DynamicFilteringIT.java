package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dynamic filtering on a coordinator with two workers: the probe scans of broadcast joins (filtered in their own
 * task) and of partitioned joins (filtered through the coordinator) drop rows when {@code enable_dynamic_filtering}
 * is on (the probe scans of partitioned joins wait for their filters, up to {@code dynamic_filtering_wait_timeout}),
 * on long and varchar keys, as their stage statistics in {@code /v1/query} show, and none when it is off; the answers are the same
 * either way, over the tpch connector and over memory tables, and the TPC-H queries match the expected answers.
 */
class DynamicFilteringIT {
    private static final String GREEN_PARTS =
            "SELECT count(*), sum(l.orderkey) FROM lineitem l JOIN part p ON l.partkey = p.partkey WHERE p.name LIKE '%green%'";
    /**
     * 1.5 M orders against the 300 building customers of tpch.tiny, with a costly predicate on the probe side (applied
     * after the scan): the probe stage runs long enough for the filter to arrive while it reads, through the
     * coordinator as well (a scan of memory tables alone can finish first: a late filter only prunes less).
     */
    private static final String BUILDING_ORDERS = "SELECT count(*), sum(o.orderkey) FROM %s.sf1.orders o"
            + " JOIN %<s.tiny.customer c ON o.custkey = c.custkey"
            + " WHERE c.mktsegment = 'BUILDING' AND regexp_like(CAST(o.orderkey * 7919 AS varchar), '^[1-9][0-9]*$')";
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");

    private static QuarryCluster cluster;
    private static ProtocolRequests requests;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        requests = new ProtocolRequests(cluster.coordinatorUri());
        StatementClient memory = cluster.client("memory", "default");
        assertThat(memory.execute("CREATE SCHEMA memory.tiny").error()).isEmpty();
        assertThat(memory.execute("CREATE SCHEMA memory.sf1").error()).isEmpty();
        assertThat(memory.execute("CREATE TABLE memory.sf1.orders AS SELECT orderkey, custkey FROM tpch.sf1.orders").error())
                .isEmpty();
        assertThat(memory.execute("CREATE TABLE memory.tiny.modes AS"
                + " SELECT DISTINCT shipmode, length(shipmode) AS letters FROM tpch.tiny.lineitem").error()).isEmpty();
        for (String table : List.of("part", "lineitem", "orders", "customer")) {
            assertThat(memory.execute("CREATE TABLE memory.tiny." + table + " AS SELECT * FROM tpch.tiny." + table).error())
                    .as("copy of %s", table)
                    .isEmpty();
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"tpch, BROADCAST", "tpch, PARTITIONED", "memory, BROADCAST", "memory, PARTITIONED"})
    void theProbeScanPrunesOrdersOnlyWhenFilteringIsOn(String catalog, String distribution) {
        long pruned = assertPrunedOnlyWhenOn(catalog, distribution, String.format(BUILDING_ORDERS, catalog));
        // most of the 1 500 000 orders belong to other customers
        assertThat(pruned).as("rows pruned with %s joins on %s", distribution, catalog).isGreaterThan(300_000);
    }

    @ParameterizedTest
    @CsvSource({"tpch, BROADCAST", "memory, BROADCAST", "tpch, PARTITIONED", "memory, PARTITIONED"})
    void theProbeScanPrunesRowsOfGreenPartsOnlyWhenFilteringIsOn(String catalog, String distribution) {
        long pruned = assertPrunedOnlyWhenOn(catalog, distribution, GREEN_PARTS);
        // tpch tiny: 60 175 lineitem rows, of which a few thousand belong to green parts
        assertThat(pruned).as("rows pruned with %s joins on %s", distribution, catalog).isGreaterThan(30_000);
    }

    @ParameterizedTest
    @CsvSource({"tpch, BROADCAST", "tpch, PARTITIONED", "memory, BROADCAST", "memory, PARTITIONED"})
    void aVarcharKeyPrunesTheProbeScan(String catalog, String distribution) {
        // AIR and FOB, the ship modes of three letters: 2 of 7 modes, so most of the 60 175 lineitem rows go
        String sql = "SELECT count(*), sum(l.orderkey) FROM lineitem l JOIN memory.tiny.modes m ON l.shipmode = m.shipmode"
                + " WHERE m.letters = 3";
        long pruned = assertPrunedOnlyWhenOn(catalog, distribution, sql);
        assertThat(pruned).as("rows pruned with %s joins on %s", distribution, catalog).isGreaterThan(30_000);
    }

    /** Runs {@code sql} with filtering on and off: same answer, rows pruned only when on; returns how many. */
    private static long assertPrunedOnlyWhenOn(String catalog, String distribution, String sql) {
        StatementClient.Result on = client(catalog, distribution, true).execute(sql);
        StatementClient.Result off = client(catalog, distribution, false).execute(sql);
        assertThat(on.error()).isEmpty();
        assertThat(off.error()).isEmpty();
        assertThat(on.rows()).isEqualTo(off.rows());
        long matched = ((Number) on.rows().get(0).get(0)).longValue();
        assertThat(matched).isPositive();
        assertThat(prunedRows(off.queryId())).isZero();
        long pruned = prunedRows(on.queryId());
        assertThat(pruned).isLessThanOrEqualTo(inputRows(on.queryId()) - matched);
        return pruned;
    }

    @Test
    void anEmptyBuildSidePrunesTheWholeProbeSide() {
        String sql = "SELECT count(*) FROM lineitem l JOIN part p ON l.partkey = p.partkey WHERE p.name = 'no such part'";
        for (String distribution : List.of("BROADCAST", "PARTITIONED")) {
            StatementClient.Result result = client("memory", distribution, true).execute(sql);
            assertThat(result.error()).isEmpty();
            assertThat(((Number) result.rows().get(0).get(0)).longValue()).isZero();
        }
    }

    @Test
    void outerAndAntiJoinsKeepTheirUnmatchedRows() {
        String left = "SELECT count(*) FROM orders o LEFT JOIN customer c ON o.custkey = c.custkey AND c.mktsegment = 'BUILDING'";
        String anti = "SELECT count(*) FROM orders o WHERE o.custkey NOT IN (SELECT custkey FROM customer WHERE mktsegment = 'BUILDING')";
        String semi = "SELECT count(*) FROM orders o WHERE o.custkey IN (SELECT custkey FROM customer WHERE mktsegment = 'BUILDING')";
        for (String distribution : List.of("BROADCAST", "PARTITIONED")) {
            for (String sql : List.of(left, anti, semi)) {
                StatementClient.Result on = client("memory", distribution, true).execute(sql);
                StatementClient.Result off = client("memory", distribution, false).execute(sql);
                assertThat(on.error()).as(sql).isEmpty();
                assertThat(on.rows()).as("%s with %s joins", sql, distribution).isEqualTo(off.rows());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"BROADCAST, true", "PARTITIONED, true", "AUTOMATIC, false"})
    void tpchQueriesMatchTheExpectedAnswers(String distribution, boolean enabled) {
        StatementClient client = client("tpch", distribution, enabled);
        for (int query = 1; query <= 22; query++) {
            TpchConformance.assertMatches(client, String.format("q%02d", query));
        }
    }

    private static StatementClient client(String catalog, String distribution, boolean enabled) {
        return new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of(
                "User", "test", "Catalog", catalog, "Schema", "tiny",
                "Session", "join_distribution_type=" + distribution + ",enable_dynamic_filtering=" + enabled));
    }

    /** The rows the query's stages read, from tables and from other stages: more than its scans read. */
    private static long inputRows(String queryId) {
        long input = 0;
        for (JsonNode stage : stages(queryId)) {
            input += stage.path("stageStats").path("rawInputPositions").asLong();
        }
        return input;
    }

    /** The rows the query's table scans dropped because of dynamic filters, summed over its stages' tasks. */
    private static long prunedRows(String queryId) {
        long pruned = 0;
        for (JsonNode stage : stages(queryId)) {
            long byTasks = 0;
            for (JsonNode task : stage.path("tasks")) {
                byTasks += task.path("stats").path("dynamicFilterPrunedPositions").asLong();
            }
            assertThat(stage.path("stageStats").path("dynamicFilterPrunedPositions").asLong()).isEqualTo(byTasks);
            pruned += byTasks;
        }
        return pruned;
    }

    private static List<JsonNode> stages(String queryId) {
        ProtocolRequests.Response response = requests.get("/v1/query/" + queryId, USER);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> stages = new ArrayList<>();
        collect(response.json().path("outputStage"), stages);
        return stages;
    }

    private static void collect(JsonNode stage, List<JsonNode> stages) {
        assertThat(stage.isMissingNode()).isFalse();
        stages.add(stage);
        stage.path("subStages").forEach(child -> collect(child, stages));
    }
}
