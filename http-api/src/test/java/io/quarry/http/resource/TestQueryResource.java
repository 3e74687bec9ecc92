package io.quarry.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryState;
import io.quarry.client.QueryStatistics;
import io.quarry.client.StageInfo;
import io.quarry.client.StageStatistics;
import io.quarry.client.StageTaskInfo;
import io.quarry.http.server.TestingHttpServer;
import io.quarry.spi.QueryId;
import io.quarry.plan.ExchangeKind;
import io.quarry.plan.FragmentDistribution;
import io.quarry.plan.Output;
import io.quarry.plan.PlanFragment;
import io.quarry.plan.RemoteSource;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.type.Types;
import io.quarry.spi.Session;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/query} and {@code /v1/stage} over a scripted service: exact field formats and status codes. */
class TestQueryResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QueryId RUNNING = QueryId.valueOf("20260101_120000_00001_abcde");
    private static final QueryId OTHERS = QueryId.valueOf("20260101_120000_00002_abcde");
    private static TestingHttpServer coordinator;

    @BeforeAll
    static void start() throws Exception {
        coordinator = new TestingHttpServer(true);
        coordinator.service.addQueryInfo(runningQuery(RUNNING, "alice"));
        coordinator.service.addQueryInfo(runningQuery(OTHERS, "bob"));
    }

    @AfterAll
    static void stop() throws Exception {
        coordinator.close();
    }

    private static QueryInfo runningQuery(QueryId queryId, String user) {
        Session session = new Session(
                queryId, user, Optional.of("cli"), Optional.of("tpch"), Optional.of("tiny"), ZoneId.of("UTC"), "en_US",
                Map.of("query_max_run_time", "1h"), Map.of(), 1_767_268_800_000L);
        StageStatistics leafStats = new StageStatistics(1, "RUNNING", false, 1, 4, 1, 2, 1, 120, 1500, 3000, 2048, 0, List.of());
        StageStatistics rootStats = new StageStatistics(0, "RUNNING", false, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(leafStats));
        StageTaskInfo task = new StageTaskInfo(
                new TaskId(new StageId(queryId, 1), 0, 0), "RUNNING", false, "worker-1", "http://10.0.0.7:8081", 4, 1, 2, 1,
                3000, 2048, 10, 80, 120_000_000L, 1_500_000_000L, 1_048_576);
        RemoteSource rows = new RemoteSource(1, List.of(Types.BIGINT));
        PlanFragment leafPlan = new PlanFragment(1, new Values(List.of(Types.BIGINT), List.of(List.of(new Constant(1L, Types.BIGINT)))),
                FragmentDistribution.SOURCE, ExchangeKind.GATHER, List.of(), List.of());
        PlanFragment rootPlan = new PlanFragment(0, new Output(rows, List.of("x")), FragmentDistribution.SINGLE, ExchangeKind.GATHER,
                List.of(), List.of(1));
        StageInfo leaf = new StageInfo(new StageId(queryId, 1), leafPlan, leafStats, List.of(task), List.of());
        StageInfo root = new StageInfo(new StageId(queryId, 0), rootPlan, rootStats, List.of(), List.of(leaf));
        QueryStatistics stats = new QueryStatistics(
                QueryState.RUNNING, true, 1, 4, 1, 2, 1, 120, 1500, 0, 2500, 40, 3000, 2048, 13_107_200, Optional.of(rootStats));
        return new QueryInfo(
                queryId, session, "SELECT count(*) FROM orders", QueryState.RUNNING, true,
                Instant.ofEpochMilli(1_767_268_800_000L), Optional.empty(), 0, 2500, 2500, stats, Optional.empty(),
                Optional.of(root));
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var request = coordinator.request(path).method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return coordinator.send(request.build());
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    @Test
    void listShowsTheCallersQueriesInTheWireFormats() throws Exception {
        HttpResponse<String> response = get("/v1/query", "X-Trino-User", "alice");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.size()).isEqualTo(1);
        JsonNode query = list.get(0);
        assertThat(query.path("queryId").asText()).isEqualTo(RUNNING.toString());
        assertThat(query.path("self").asText()).isEqualTo(coordinator.uri("/v1/query/" + RUNNING).toString());
        assertThat(query.path("session").toString()).isEqualTo("{\"queryId\":\"" + RUNNING + "\",\"user\":\"alice\","
                + "\"source\":\"cli\",\"catalog\":\"tpch\",\"schema\":\"tiny\",\"timeZone\":\"UTC\",\"locale\":\"en_US\","
                + "\"startTime\":1767268800000,\"systemProperties\":{\"query_max_run_time\":\"1h\"},\"catalogProperties\":{}}");
        JsonNode stats = query.path("queryStats");
        assertThat(stats.path("createTime").asText()).isEqualTo("2026-01-01T12:00:00Z");
        assertThat(stats.has("endTime")).isFalse();
        assertThat(stats.path("elapsedTime").asText()).isEqualTo("2.50s");
        assertThat(stats.path("executionTime").asText()).isEqualTo("2.50s");
        assertThat(stats.path("totalCpuTime").asText()).isEqualTo("120.00ms");
        assertThat(stats.path("peakUserMemoryReservation").asText()).isEqualTo("12.50MB");
        assertThat(stats.path("rawInputDataSize").asText()).isEqualTo("2kB");
        assertThat(stats.path("totalDrivers").asInt()).isEqualTo(4);
        assertThat(stats.path("completedDrivers").asInt()).isEqualTo(1);
        assertThat(stats.path("progressPercentage").asDouble()).isEqualTo(25.0);
        assertThat(query.has("errorCode")).isFalse();

        assertThat(JSON.readTree(get("/v1/query?state=finished", "X-Trino-User", "alice").body()).size()).isZero();
        assertThat(JSON.readTree(get("/v1/query?state=running,QUEUED", "X-Trino-User", "alice").body()).size()).isEqualTo(1);
        HttpResponse<String> bad = get("/v1/query?state=SLEEPING", "X-Trino-User", "alice");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("Invalid state: 'SLEEPING' is not a query state");
        assertThat(get("/v1/query").statusCode()).isEqualTo(401);
    }

    @Test
    void queryInfoHasTheStageTreeWithTaskUris() throws Exception {
        HttpResponse<String> response = get("/v1/query/" + RUNNING, "X-Presto-User", "alice");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.path("state").asText()).isEqualTo("RUNNING");
        assertThat(info.path("memoryPool").asText()).isEqualTo("general");
        JsonNode leaf = info.path("outputStage").path("subStages").get(0);
        assertThat(leaf.path("stageId").asText()).isEqualTo(RUNNING + ".1");
        assertThat(leaf.path("self").asText()).isEqualTo(coordinator.uri("/v1/stage/" + RUNNING + ".1").toString());
        assertThat(leaf.path("tasks").get(0).path("taskStatus").toString()).isEqualTo("{\"taskId\":\"" + RUNNING
                + ".1.0.0\",\"state\":\"RUNNING\",\"self\":\"http://10.0.0.7:8081/v1/task/" + RUNNING
                + ".1.0.0\",\"nodeId\":\"worker-1\"}");
        assertThat(leaf.path("tasks").get(0).path("stats").path("totalScheduledTime").asText()).isEqualTo("1.50s");
        assertThat(leaf.path("stageStats").path("rawInputPositions").asLong()).isEqualTo(3000);
        assertThat(leaf.path("plan").path("root").path("@type").asText()).isEqualTo("Values");
        assertThat(info.path("outputStage").path("plan").path("sourceFragments").toString()).isEqualTo("[1]");

        HttpResponse<String> stage = get("/v1/stage/" + RUNNING + ".1", "X-Trino-User", "alice");
        assertThat(JSON.readTree(stage.body())).isEqualTo(leaf);
        assertThat(get("/v1/stage/" + RUNNING + ".2", "X-Trino-User", "alice").statusCode()).isEqualTo(404);

        assertThat(get("/v1/query/" + OTHERS, "X-Trino-User", "alice").statusCode()).isEqualTo(403);
        assertThat(get("/v1/query/20260101_120000_00009_abcde", "X-Trino-User", "alice").statusCode()).isEqualTo(410);
        HttpResponse<String> malformed = get("/v1/query/BAD.ID", "X-Trino-User", "alice");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
    }

    @Test
    void killAndPreemptBuildTheirMessages() throws Exception {
        QueryId first = QueryId.valueOf("20260101_120000_00003_abcde");
        QueryId second = QueryId.valueOf("20260101_120000_00004_abcde");
        coordinator.service.addQueryInfo(runningQuery(first, "alice"));
        coordinator.service.addQueryInfo(runningQuery(second, "alice"));

        assertThat(send("PUT", "/v1/query/" + first + "/killed", "bye", "X-Trino-User", "alice").statusCode()).isEqualTo(202);
        assertThat(send("PUT", "/v1/query/" + first + "/killed", "", "X-Trino-User", "alice").statusCode()).isEqualTo(409);
        assertThat(send("PUT", "/v1/query/" + second + "/preempted", "", "X-Trino-User", "alice").statusCode()).isEqualTo(202);
        assertThat(coordinator.service.kills()).contains(
                first + " ADMINISTRATIVELY_KILLED Query killed. Message: bye",
                second + " ADMINISTRATIVELY_PREEMPTED Query preempted. No message provided.");
        JsonNode killed = JSON.readTree(get("/v1/query/" + first, "X-Trino-User", "alice").body());
        assertThat(killed.path("errorType").asText()).isEqualTo("USER_ERROR");
        assertThat(killed.path("errorCode").toString())
                .isEqualTo("{\"code\":38,\"name\":\"ADMINISTRATIVELY_KILLED\",\"type\":\"USER_ERROR\"}");
        assertThat(killed.path("failureInfo").path("message").asText()).isEqualTo("Query killed. Message: bye");

        assertThat(send("PUT", "/v1/query/20260101_120000_00009_abcde/killed", "x", "X-Trino-User", "alice").statusCode())
                .isEqualTo(410);
        assertThat(send("PUT", "/v1/query/" + OTHERS + "/killed", "x", "X-Trino-User", "alice").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/v1/query/20260101_120000_00009_abcde", null, "X-Trino-User", "alice").statusCode())
                .isEqualTo(204);
        assertThat(send("DELETE", "/v1/query/" + OTHERS, null, "X-Trino-User", "alice").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/v1/query/BAD-ID", null, "X-Trino-User", "alice").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/v1/query/" + OTHERS, "", "X-Trino-User", "alice").statusCode()).isEqualTo(405);
    }
}
