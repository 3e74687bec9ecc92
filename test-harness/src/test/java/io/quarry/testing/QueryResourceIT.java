package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.testing.ProtocolRequests.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/query} and {@code /v1/stage} on a coordinator with two workers (rest-protocol.md §5, §7 and the
 * status-code table): the list with its state filter, QueryInfo with the stage tree, cancel, kill and
 * preemption by id, and single stages.
 */
class QueryResourceIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final Map<String, String> OTHER_USER = Map.of("X-Trino-User", "someone_else");
    private static final String LONG_QUERY = "SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'";

    private static QuarryCluster cluster;
    private static ProtocolRequests requests;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.withWorkers(2);
        requests = new ProtocolRequests(cluster.coordinatorUri());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void listsFinishedAndFailedQueriesWithTheirFields() {
        StatementClient.Result finished = cluster.client("tpch", "tiny").execute("SELECT count(*) FROM orders");
        assertThat(finished.state()).isEqualTo("FINISHED");
        StatementClient.Result failed = cluster.client("tpch", "tiny").execute("SELEC 1");
        assertThat(failed.state()).isEqualTo("FAILED");

        Response list = requests.get("/v1/query", USER);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
        Map<String, JsonNode> byId = byId(list.json());
        JsonNode query = byId.get(finished.queryId());
        assertThat(query).as("finished query %s in %s", finished.queryId(), byId.keySet()).isNotNull();
        assertThat(query.path("state").asText()).isEqualTo("FINISHED");
        assertThat(query.path("query").asText()).isEqualTo("SELECT count(*) FROM orders");
        assertThat(query.path("memoryPool").asText()).isEqualTo("general");
        assertThat(query.path("resourceGroupId").toString()).isEqualTo("[\"global\"]");
        assertThat(query.path("scheduled").asBoolean()).isTrue();
        assertThat(query.path("self").asText()).isEqualTo(cluster.coordinatorUri().resolve("/v1/query/" + finished.queryId()).toString());
        JsonNode session = query.path("session");
        assertThat(session.path("queryId").asText()).isEqualTo(finished.queryId());
        assertThat(session.path("user").asText()).isEqualTo("test");
        assertThat(session.path("catalog").asText()).isEqualTo("tpch");
        assertThat(session.path("schema").asText()).isEqualTo("tiny");
        assertThat(session.path("locale").asText()).isNotEmpty();
        assertThat(session.path("startTime").asLong()).isPositive();
        JsonNode stats = query.path("queryStats");
        Instant created = Instant.parse(stats.path("createTime").asText());
        Instant ended = Instant.parse(stats.path("endTime").asText());
        assertThat(ended).isAfterOrEqualTo(created);
        assertThat(created.toEpochMilli()).isEqualTo(session.path("startTime").asLong());
        assertThat(stats.path("elapsedTime").asText()).matches("\\d+\\.\\d{2}(ns|us|ms|s|m|h|d)");
        assertThat(stats.path("executionTime").asText()).matches("\\d+\\.\\d{2}(ns|us|ms|s|m|h|d)");
        assertThat(stats.path("queuedTime").asText()).isEqualTo("0.00ns");
        assertThat(stats.path("peakUserMemoryReservation").asText()).matches("\\d+(\\.\\d{2})?[kMGTP]?B");
        assertThat(stats.path("totalDrivers").asInt()).isPositive();
        assertThat(stats.path("completedDrivers").asInt()).isEqualTo(stats.path("totalDrivers").asInt());
        assertThat(stats.path("queuedDrivers").asInt()).isZero();
        assertThat(stats.path("runningDrivers").asInt()).isZero();
        assertThat(stats.has("cumulativeUserMemory")).isTrue();
        assertThat(query.has("errorCode")).isFalse();

        JsonNode failedQuery = byId.get(failed.queryId());
        assertThat(failedQuery.path("state").asText()).isEqualTo("FAILED");
        assertThat(failedQuery.path("errorType").asText()).isEqualTo("USER_ERROR");
        assertThat(failedQuery.path("errorCode").toString())
                .isEqualTo("{\"code\":1,\"name\":\"SYNTAX_ERROR\",\"type\":\"USER_ERROR\"}");

        // The state filter: a comma list, any case.
        Map<String, JsonNode> onlyFailed = byId(requests.get("/v1/query?state=failed", USER).json());
        assertThat(onlyFailed).containsKey(failed.queryId()).doesNotContainKey(finished.queryId());
        assertThat(onlyFailed.values()).allMatch(node -> node.path("state").asText().equals("FAILED"));
        assertThat(byId(requests.get("/v1/query?state=Finished,%20FAILED", USER).json()))
                .containsKeys(failed.queryId(), finished.queryId());
        Response badState = requests.get("/v1/query?state=RUNNING,NOT_A_STATE", USER);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.contentType()).startsWith("text/plain");
        assertThat(badState.body()).contains("NOT_A_STATE");

        // Only one's own queries; a user is required.
        assertThat(byId(requests.get("/v1/query", OTHER_USER).json())).doesNotContainKey(finished.queryId());
        Response anonymous = requests.get("/v1/query", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("text/plain");
    }

    @Test
    void queryInfoCarriesTheStageTreeWithTasksOnTheWorkers() {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute(
                "SELECT orderpriority, count(*) FROM orders GROUP BY orderpriority");
        assertThat(result.state()).isEqualTo("FINISHED");
        String queryId = result.queryId();
        URI base = cluster.coordinatorUri();

        Response response = requests.get("/v1/query/" + queryId, USER);
        assertThat(response.status()).isEqualTo(200);
        JsonNode info = response.json();
        assertThat(info.path("queryId").asText()).isEqualTo(queryId);
        assertThat(info.path("state").asText()).isEqualTo("FINISHED");
        assertThat(info.path("session").path("user").asText()).isEqualTo("test");
        assertThat(info.path("self").asText()).isEqualTo(base.resolve("/v1/query/" + queryId).toString());
        assertThat(info.has("failureInfo")).isFalse();

        JsonNode root = info.path("outputStage");
        assertThat(root.path("stageId").asText()).isEqualTo(queryId + ".0");
        assertThat(root.path("self").asText()).isEqualTo(base.resolve("/v1/stage/" + queryId + ".0").toString());
        assertThat(root.path("state").asText()).isEqualTo("FINISHED");
        assertThat(root.path("subStages").size()).isPositive();

        Map<Integer, String> workerNodeByPort = new HashMap<>();
        cluster.workers().forEach(worker -> workerNodeByPort.put(worker.uri().getPort(), worker.config().nodeId()));
        List<JsonNode> stages = new ArrayList<>();
        collect(root, stages);
        Set<String> nodesWithTasks = new HashSet<>();
        long scannedRows = 0;
        for (JsonNode stage : stages) {
            assertThat(stage.path("stageId").asText()).startsWith(queryId + ".");
            assertThat(stage.path("stageStats").path("totalCpuTime").asText()).matches("\\d+\\.\\d{2}(ns|us|ms|s|m|h|d)");
            assertThat(stage.path("tasks").size()).as("tasks of %s", stage.path("stageId")).isPositive();
            for (JsonNode task : stage.path("tasks")) {
                JsonNode status = task.path("taskStatus");
                String taskId = status.path("taskId").asText();
                assertThat(taskId).startsWith(stage.path("stageId").asText() + ".");
                assertThat(status.path("state").asText()).isEqualTo("FINISHED");
                URI self = URI.create(status.path("self").asText());
                assertThat(self.getPath()).isEqualTo("/v1/task/" + taskId);
                assertThat(workerNodeByPort.get(self.getPort())).as("node of %s", self).isEqualTo(status.path("nodeId").asText());
                nodesWithTasks.add(status.path("nodeId").asText());
                assertThat(task.path("stats").path("totalCpuTime").asText()).isNotEmpty();
            }
            if (stage.path("subStages").isEmpty()) {
                scannedRows += stage.path("stageStats").path("rawInputPositions").asLong();
            }
        }
        assertThat(nodesWithTasks).containsExactlyInAnyOrder("worker-1", "worker-2");
        // tpch tiny: the leaf stage reads the 15 000 orders.
        assertThat(scannedRows).isEqualTo(15_000);

        // A single stage: the same shape as in the tree.
        JsonNode leaf = stages.get(stages.size() - 1);
        Response stage = requests.get("/v1/stage/" + leaf.path("stageId").asText(), USER);
        assertThat(stage.status()).isEqualTo(200);
        assertThat(stage.json()).isEqualTo(leaf);
        Response rootStage = requests.get("/v1/stage/" + queryId + ".0", USER);
        assertThat(rootStage.json()).isEqualTo(root);
        assertThat(requests.get("/v1/stage/" + queryId + ".99", USER).status()).isEqualTo(404);
        assertThat(requests.get("/v1/stage/20200101_000000_00001_zzzzz.0", USER).status()).isEqualTo(404);
        assertThat(requests.get("/v1/stage/NOT-A-STAGE", USER).status()).isEqualTo(404);
        assertThat(requests.get("/v1/stage/" + queryId + ".0", OTHER_USER).status()).isEqualTo(403);
        assertThat(requests.get("/v1/stage/" + queryId + ".0", Map.of()).status()).isEqualTo(401);

        // Unknown, malformed, another user's, no user.
        Response unknown = requests.get("/v1/query/20200101_000000_00001_zzzzz", USER);
        assertThat(unknown.status()).isEqualTo(410);
        assertThat(unknown.contentType()).startsWith("text/plain");
        Response malformed = requests.get("/v1/query/Not-A-Query", USER);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("text/plain");
        assertThat(requests.get("/v1/query/" + queryId, OTHER_USER).status()).isEqualTo(403);
        assertThat(requests.get("/v1/query/" + queryId, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void failedQueryInfoHasFailureInfo() {
        StatementClient.Result failed = cluster.client("tpch", "tiny").execute("SELECT * FROM no_such_table");
        assertThat(failed.state()).isEqualTo("FAILED");
        JsonNode info = requests.get("/v1/query/" + failed.queryId(), USER).json();
        assertThat(info.path("state").asText()).isEqualTo("FAILED");
        assertThat(info.path("errorCode").path("name").asText()).isEqualTo(failed.errorName());
        assertThat(info.path("failureInfo").path("message").asText()).contains("no_such_table");
        assertThat(info.path("failureInfo").path("stack").isArray()).isTrue();
    }

    @Test
    void killPreemptAndCancelById() {
        String killed = submitRunning();
        Response kill = requests.send("PUT", path("/v1/query/" + killed + "/killed"), USER, "too slow");
        assertThat(kill.status()).isEqualTo(202);
        assertFailed(killed, "ADMINISTRATIVELY_KILLED", "Query killed. Message: too slow");
        Waits.until(Duration.ofSeconds(2), "no task of " + killed, () -> cluster.tasksOf(killed).isEmpty());
        Response again = requests.send("PUT", path("/v1/query/" + killed + "/killed"), USER, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("text/plain");

        String preempted = submitRunning();
        assertThat(requests.send("PUT", path("/v1/query/" + preempted + "/preempted"), OTHER_USER, "").status())
                .isEqualTo(403);
        assertThat(requests.send("PUT", path("/v1/query/" + preempted + "/preempted"), USER, "").status())
                .isEqualTo(202);
        assertFailed(preempted, "ADMINISTRATIVELY_PREEMPTED", "Query preempted. No message provided.");

        String canceled = submitRunning();
        Response delete = requests.send("DELETE", path("/v1/query/" + canceled), USER, null);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        assertFailed(canceled, "USER_CANCELED", "Query was canceled");
        // Cancel of a done query and of an unknown one: a no-op.
        assertThat(requests.send("DELETE", path("/v1/query/" + canceled), USER, null).status()).isEqualTo(204);
        assertThat(requests.send("DELETE", path("/v1/query/20200101_000000_00001_zzzzz"), USER, null).status())
                .isEqualTo(204);

        // Unknown, malformed, no user.
        assertThat(requests.send("PUT", path("/v1/query/20200101_000000_00001_zzzzz/killed"), USER, "x").status())
                .isEqualTo(410);
        assertThat(requests.send("PUT", path("/v1/query/Bad-Id/killed"), USER, "x").status()).isEqualTo(404);
        assertThat(requests.send("DELETE", path("/v1/query/Bad-Id"), USER, null).status()).isEqualTo(404);
        assertThat(requests.send("PUT", path("/v1/query/" + killed + "/killed"), Map.of(), "x").status()).isEqualTo(401);
    }

    private static String submitRunning() {
        Response response = requests.post(LONG_QUERY, USER);
        assertThat(response.status()).isEqualTo(200);
        String queryId = response.json().path("id").asText();
        Waits.until(Duration.ofSeconds(20), "query " + queryId + " running", () ->
                requests.get("/v1/query/" + queryId, USER).json().path("state").asText().equals("RUNNING"));
        return queryId;
    }

    private static void assertFailed(String queryId, String errorName, String message) {
        JsonNode info = requests.get("/v1/query/" + queryId, USER).json();
        assertThat(info.path("state").asText()).isEqualTo("FAILED");
        assertThat(info.path("errorCode").path("name").asText()).isEqualTo(errorName);
        assertThat(info.path("failureInfo").path("message").asText()).isEqualTo(message);
        assertThat(info.path("queryStats").path("endTime").asText()).isNotEmpty();
    }

    private static URI path(String path) {
        return cluster.coordinatorUri().resolve(path);
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        assertThat(array.isArray()).as("array: %s", array).isTrue();
        Map<String, JsonNode> byId = new HashMap<>();
        array.forEach(node -> byId.put(node.path("queryId").asText(), node));
        return byId;
    }

    private static void collect(JsonNode stage, List<JsonNode> stages) {
        stages.add(stage);
        stage.path("subStages").forEach(child -> collect(child, stages));
    }

    @Test
    void partialCancelFinishesTheQueryWithTheRowsAlreadyProduced() {
        // A scan of 6 M rows: stop its leaf stage once rows flow, and the query ends FINISHED with fewer.
        Response response = requests.submitUntilTasksRun(cluster, "SELECT orderkey FROM tpch.sf1.lineitem", USER, 2);
        String queryId = response.json().path("id").asText();
        long rows = 0;
        while (rows == 0) {
            response = requests.get(response.nextUri().orElseThrow(), USER);
            rows += response.json().path("data").size();
        }
        assertThat(requests.delete("/v1/stage/" + queryId + ".99", USER).status()).as("unknown stage").isEqualTo(204);
        assertThat(requests.delete("/v1/stage/not-a-stage", USER).status()).as("malformed stage id").isEqualTo(404);
        Response cancelled = requests.delete("/v1/stage/" + queryId + ".1", USER);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
        while (response.nextUri().isPresent()) {
            response = requests.get(response.nextUri().get(), USER);
            assertThat(response.status()).isEqualTo(200);
            rows += response.json().path("data").size();
        }
        assertThat(response.error()).as("the query ends without an error").isEmpty();
        assertThat(response.json().path("stats").path("state").asText()).isEqualTo("FINISHED");
        assertThat(rows).isPositive().isLessThan(6_001_215);
        Waits.until(Duration.ofSeconds(5), "the query's tasks to end", () -> cluster.tasksOf(queryId).isEmpty());
    }

}
