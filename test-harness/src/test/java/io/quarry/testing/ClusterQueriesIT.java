package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A coordinator that runs no tasks and two workers: real Artery between three actor systems. */
class ClusterQueriesIT {
    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void tpchQ1RunsOnBothWorkers() {
        StatementClient.Result result = TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q01");
        assertLeafStageRanOnBothWorkers(result);
    }

    @Test
    void tpchQ6RunsOnBothWorkers() {
        StatementClient.Result result = TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q06");
        assertLeafStageRanOnBothWorkers(result);
    }

    static List<String> tpchQueries() {
        return IntStream.rangeClosed(1, 22).mapToObj(query -> String.format("q%02d", query)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tpchQueries")
    void tpchQueryMatchesTheReference(String query) {
        TpchConformance.assertMatches(cluster.client("tpch", "tiny"), query);
    }

    /** Tiny's tables are small enough to be broadcast: the session property forces partitioned joins. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"q03", "q05", "q09", "q18"})
    void partitionedJoinsRunOnBothWorkers(String query) {
        StatementClient.Result result = TpchConformance.assertMatches(client("PARTITIONED"), query);
        List<JsonNode> joinStages = new ArrayList<>();
        collectPartitionedJoinStages(result.finalStats().path("rootStage"), joinStages);
        assertThat(joinStages).as("stages joining two repartitioned inputs").isNotEmpty();
        for (JsonNode stage : joinStages) {
            assertThat(stage.path("nodes").asInt()).as("nodes of join stage " + stage.path("stageId")).isEqualTo(2);
        }
    }

    @Test
    void broadcastJoinsNeedFewerStages() {
        StatementClient.Result broadcast = TpchConformance.assertMatches(client("BROADCAST"), "q03");
        StatementClient.Result partitioned = TpchConformance.assertMatches(client("PARTITIONED"), "q03");
        // a broadcast join runs in the stage of its probe side; a partitioned one in a stage of its own
        assertThat(stageCount(broadcast.finalStats().path("rootStage")))
                .isLessThan(stageCount(partitioned.finalStats().path("rootStage")));
    }

    private static StatementClient client(String joinDistributionType) {
        return new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of(
                "User", "test", "Catalog", "tpch", "Schema", "tiny", "Session", "join_distribution_type=" + joinDistributionType));
    }

    private static int stageCount(JsonNode stage) {
        int count = 1;
        for (JsonNode child : stage.path("subStages")) {
            count += stageCount(child);
        }
        return count;
    }

    /** Stages below the root with two or more input stages: with partitioned joins, a stage per join. */
    private static void collectPartitionedJoinStages(JsonNode stage, List<JsonNode> found) {
        if (stage.path("subStages").size() >= 2 && !stage.path("stageId").asText().equals("0")) {
            found.add(stage);
        }
        stage.path("subStages").forEach(child -> collectPartitionedJoinStages(child, found));
    }

    @Test
    void groupsAreMergedAcrossWorkers() {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute(
                "SELECT orderstatus, count(*), count(DISTINCT custkey) FROM orders GROUP BY orderstatus ORDER BY 1");
        assertThat(result.error()).isEmpty();
        assertThat(result.rows()).hasSize(3);
        long total = result.rows().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum();
        assertThat(total).isEqualTo(15000);
    }

    /** exclude_columns is a projection of its input, in a fragment the workers run (values as in Trino 476). */
    @Test
    void excludeColumnsRunsOnTheWorkers() {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute(
                "SELECT n.*, r.name FROM TABLE(exclude_columns(input => TABLE(nation), columns => DESCRIPTOR(comment, name))) n"
                        + " JOIN TABLE(exclude_columns(TABLE(region) AS t(k, name, c), DESCRIPTOR(c))) r ON n.regionkey = r.k"
                        + " WHERE n.nationkey IN (1, 24) ORDER BY 1");
        assertThat(result.error()).isEmpty();
        assertThat(result.columns()).extracting(StatementClient.Column::name).containsExactly("nationkey", "regionkey", "name");
        assertThat(result.rows()).map(Object::toString).containsExactly("[1, 1, AMERICA]", "[24, 1, AMERICA]");
        StatementClient.Result missing = cluster.client("tpch", "tiny").execute(
                "SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(nosuch)))");
        assertThat(missing.errorName()).isEqualTo("INVALID_FUNCTION_ARGUMENT");
    }

    @Test
    void nodeResourceListsBothWorkersFromMembership() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(cluster.coordinatorUri().resolve("/v1/node")).header("X-Trino-User", "test").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode nodes = new ObjectMapper().readTree(response.body());
        List<String> uris = new ArrayList<>();
        nodes.forEach(node -> uris.add(node.path("uri").asText()));
        List<String> expected = cluster.workers().stream().map(w -> w.uri().toString()).toList();
        assertThat(uris).containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode node : nodes) {
            assertThat(node.has("age")).isTrue();
            assertThat(node.has("recentFailureRatio")).isTrue();
            assertThat(node.has("lastRequestTime")).isTrue();
        }
    }

    @Test
    void systemRuntimeNodesListsEveryMember() {
        String sql = "SELECT node_id, http_uri, coordinator, state FROM system.runtime.nodes ORDER BY node_id";
        // The table shows the membership as the node that reads it sees it: gossip may reach it a moment later.
        Waits.until(Duration.ofSeconds(10), "every member active in system.runtime.nodes", () -> cluster.client(null, null)
                .execute(sql)
                .rows()
                .stream()
                .allMatch(row -> "active".equals(row.get(3))));
        StatementClient.Result result = cluster.client(null, null).execute(sql);
        assertThat(result.error()).isEmpty();
        List<List<Object>> expected = new ArrayList<>();
        for (QuarryCluster.Node node : cluster.nodes()) {
            expected.add(List.of(node.config().nodeId(), node.uri().toString(), node.config().coordinator(), "active"));
        }
        assertThat(result.rows()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertLeafStageRanOnBothWorkers(StatementClient.Result result) {
        JsonNode stage = result.finalStats().path("rootStage");
        assertThat(stage.isMissingNode()).as("rootStage in the final stats").isFalse();
        while (stage.path("subStages").size() > 0) {
            stage = stage.path("subStages").get(0);
        }
        assertThat(stage.path("nodes").asInt()).as("nodes of the leaf stage").isEqualTo(2);
        assertThat(stage.path("completedSplits").asInt()).isPositive();
    }
}
