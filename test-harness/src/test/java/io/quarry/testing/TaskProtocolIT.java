package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarry.actor.serialization.PageCodec;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.spi.TaskId;
import io.quarry.testing.ProtocolRequests.Response;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task protocol alone runs a query: the fragments of TPC-H Q1 (as {@code GET /v1/query/{id}} shows them) are
 * sent with {@code POST /v1/task/{taskId}} to tasks on two workers, the leaf tasks get tpch splits, each consumer
 * is told its producers' URIs, and the root task's pages, pulled with {@code GET …/results/0/{token}}, are the
 * answer the client protocol gives.
 */
class TaskProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");
    private static final String QUERY_ID = "20260101_000000_00042_tasks";
    private static final String REFUSED_QUERY_ID = "20260101_000000_00043_refus";
    private static final int LEAF_SPLITS = 4;

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
    void q1RunsOnTwoWorkersThroughTheTaskProtocolAlone() throws Exception {
        StatementClient.Result expected = TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q01");
        Map<Integer, JsonNode> fragments = new HashMap<>();
        collectFragments(requests.get("/v1/query/" + expected.queryId(), USER).json().path("outputStage"), fragments);
        assertThat(fragments).hasSizeGreaterThanOrEqualTo(2);

        List<QuarryCluster.Node> workers = cluster.workers();
        Map<Integer, List<URI>> tasksOf = new HashMap<>();
        Map<URI, QuarryCluster.Node> nodeOf = new LinkedHashMap<>();
        for (int fragmentId : new TreeSet<>(fragments.keySet()).descendingSet()) {
            JsonNode fragment = fragments.get(fragmentId);
            List<QuarryCluster.Node> placement = fragment.path("distribution").asText().equals("SINGLE")
                    ? List.of(workers.get(0))
                    : workers;
            int consumerTasks = consumerOf(fragments, fragmentId)
                    .map(consumer -> fragments.get(consumer).path("distribution").asText().equals("SINGLE") ? 1 : workers.size())
                    .orElse(1);
            List<URI> created = new ArrayList<>();
            for (int partition = 0; partition < placement.size(); partition++) {
                TaskId taskId = TaskId.valueOf(QUERY_ID + "." + fragmentId + "." + partition + ".0");
                URI uri = placement.get(partition).uri().resolve("/v1/task/" + taskId);
                ObjectNode update = JSON.createObjectNode();
                update.set("session", session(QUERY_ID));
                update.set("fragment", fragment);
                update.put("outputPartitionCount", consumerTasks);
                boolean readsTable = fragment.path("distribution").asText().equals("SOURCE");
                if (readsTable) {
                    // the splits come in an update sent twice (as a client whose answer was lost sends it again),
                    // and the list is closed by a third one: no split may run twice
                    update.set("splits", lineitemSplits(partition, placement.size()));
                    update.put("noMoreSplits", false);
                }
                ArrayNode remoteSources = update.putArray("remoteSources");
                for (JsonNode source : fragment.path("sourceFragments")) {
                    ObjectNode remote = remoteSources.addObject();
                    remote.put("fragmentId", source.asInt());
                    tasksOf.get(source.asInt()).forEach(producer -> remote.withArray("tasks").add(producer.toString()));
                }
                Response response = requests.send("POST", uri, JSON_BODY, JSON.writeValueAsString(update));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.json().path("taskStatus").path("taskId").asText()).isEqualTo(taskId.toString());
                assertThat(response.json().path("taskStatus").path("nodeId").asText())
                        .isEqualTo(placement.get(partition).config().nodeId());
                if (readsTable) {
                    Response repeated = requests.send("POST", uri, JSON_BODY, JSON.writeValueAsString(update));
                    assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
                    ObjectNode close = update.deepCopy();
                    close.set("splits", JSON.createArrayNode());
                    close.put("noMoreSplits", true);
                    Response closed = requests.send("POST", uri, JSON_BODY, JSON.writeValueAsString(close));
                    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
                }
                created.add(uri);
                nodeOf.put(uri, placement.get(partition));
            }
            tasksOf.put(fragmentId, created);
        }

        URI root = tasksOf.get(0).get(0);
        List<Page> pages = pullAll(root);
        List<Type> types = expected.columns().stream().map(column -> Types.parse(column.type())).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(Values.toObject(types.get(channel), page.block(channel), position));
                }
                rows.add(row);
            }
        }
        assertSameRows(rows, expected.rows());

        // Every task of the hand-made query finished, the leaf stage on both workers.
        for (Map.Entry<URI, QuarryCluster.Node> task : nodeOf.entrySet()) {
            Waits.until(Duration.ofSeconds(10), "task " + task.getKey() + " finished", () -> {
                Response info = requests.get(task.getKey(), Map.of());
                return info.status() == 404 || info.json().path("taskStatus").path("state").asText().equals("FINISHED");
            });
        }
        Set<String> leafNodes = new TreeSet<>();
        int leaf = new TreeSet<>(fragments.keySet()).last();
        tasksOf.get(leaf).forEach(uri -> leafNodes.add(nodeOf.get(uri).config().nodeId()));
        assertThat(leafNodes).hasSize(2);
    }

    @Test
    void badTaskUpdatesAreRefusedAndCreateNothing() throws Exception {
        QuarryCluster.Node worker = cluster.workers().get(0);
        String rootFragment = "{\"id\":0,\"root\":{\"@type\":\"Output\",\"source\":{\"@type\":\"RemoteSource\","
                + "\"fragmentId\":1,\"types\":[{\"@type\":\"BigintType\"}]},\"columnNames\":[\"x\"]},"
                + "\"distribution\":\"SINGLE\",\"outputKind\":\"GATHER\",\"outputPartitionKeys\":[],\"sourceFragments\":[1]}";
        String session = JSON.writeValueAsString(session(REFUSED_QUERY_ID));
        String split = lineitemSplits(0, 1).get(0).toString();
        URI task = worker.uri().resolve("/v1/task/20260101_000000_00044_other.0.0.0");
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{", "Invalid task update");
        refusals.put("[]", "Invalid task update");
        refusals.put("{\"session\":" + session + "}", "\"fragment\" and a \"session\"");
        refusals.put("{\"fragment\":{\"id\":0,\"root\":{\"@type\":\"Explode\"}}}", "Explode");
        refusals.put("{\"noMoreSplits\":\"maybe\"}", "noMoreSplits");
        refusals.put("{\"unknownField\":1}", "unknownField");
        refusals.put("{\"session\":" + session + ",\"fragment\":" + rootFragment + "}", "query");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Response response = requests.send("POST", task, JSON_BODY, refusal.getKey());
            assertThat(response.status()).as(refusal.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(refusal.getKey()).contains(refusal.getValue()).doesNotContain("\tat ");
        }

        URI ownTask = worker.uri().resolve("/v1/task/" + REFUSED_QUERY_ID + ".0.0.0");
        String create = "{\"session\":" + session + ",\"fragment\":" + rootFragment;
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put(create + ",\"splits\":[" + split + "]}", 400);
        statuses.put(create + ",\"remoteSources\":[{\"fragmentId\":7,\"tasks\":[]}]}", 400);
        statuses.put(create + ",\"remoteSources\":[{\"fragmentId\":1,\"tasks\":[\"http://127.0.0.1:1/v1/task/"
                + REFUSED_QUERY_ID + ".1.0.0\"]}]}", 400);
        statuses.put(create + ",\"remoteSources\":[{\"fragmentId\":1,\"tasks\":[\"" + worker.uri().resolve("/v1/query/x")
                + "\"]}]}", 400);
        statuses.put("{\"noMoreSplits\":true}", 404);
        for (Map.Entry<String, Integer> update : statuses.entrySet()) {
            Response response = requests.send("POST", ownTask, JSON_BODY, update.getKey());
            assertThat(response.status()).as(update.getKey() + ": " + response.body()).isEqualTo(update.getValue());
        }
        assertThat(requests.send("POST", ownTask, Map.of("Content-Type", "text/plain"), create + "}").status()).isEqualTo(415);
        assertThat(requests.send("POST", worker.uri().resolve("/v1/task/not-a-task"), JSON_BODY, create + "}").status())
                .isEqualTo(404);
        assertThat(cluster.tasksOf(REFUSED_QUERY_ID)).isEmpty();
        assertThat(cluster.tasksOf("20260101_000000_00044_other")).isEmpty();
    }

    private static void collectFragments(JsonNode stage, Map<Integer, JsonNode> fragments) {
        JsonNode plan = stage.path("plan");
        assertThat(plan.isObject()).as("stage %s has its plan", stage.path("stageId").asText()).isTrue();
        fragments.put(plan.path("id").asInt(), plan);
        stage.path("subStages").forEach(subStage -> collectFragments(subStage, fragments));
    }

    private static java.util.Optional<Integer> consumerOf(Map<Integer, JsonNode> fragments, int fragmentId) {
        for (Map.Entry<Integer, JsonNode> fragment : fragments.entrySet()) {
            for (JsonNode source : fragment.getValue().path("sourceFragments")) {
                if (source.asInt() == fragmentId) {
                    return java.util.Optional.of(fragment.getKey());
                }
            }
        }
        return java.util.Optional.empty();
    }

    static ObjectNode session(String queryId) {
        ObjectNode session = JSON.createObjectNode();
        session.put("queryId", queryId);
        session.put("user", "test");
        session.putNull("source");
        session.put("catalog", "tpch");
        session.put("schema", "tiny");
        session.put("timeZone", "UTC");
        session.put("locale", "en_US");
        session.putObject("systemProperties");
        session.putObject("catalogProperties");
        session.put("startTimeMillis", System.currentTimeMillis());
        return session;
    }

    /** This task's share of the lineitem splits: parts {@code partition, partition + tasks, …} of {@value #LEAF_SPLITS}. */
    private static ArrayNode lineitemSplits(int partition, int tasks) {
        ArrayNode splits = JSON.createArrayNode();
        for (int part = partition; part < LEAF_SPLITS; part += tasks) {
            ObjectNode split = splits.addObject();
            split.put("@type", "tpch");
            split.put("table", "lineitem");
            split.put("scaleFactor", 0.01);
            split.put("part", part);
            split.put("partCount", LEAF_SPLITS);
        }
        return splits;
    }

    private static List<Page> pullAll(URI task) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Page> pages = new ArrayList<>();
        long token = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            assertThat(System.nanoTime()).as("results of %s within 60 s", task).isLessThan(deadline);
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(task + "/results/0/" + token)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body())).isIn(200, 204);
            if (response.statusCode() == 200) {
                pages.addAll(PageCodec.decode(response.body()));
            }
            token = Long.parseLong(response.headers().firstValue("X-Presto-Page-End-Sequence-Id").orElseThrow());
            if (Boolean.parseBoolean(response.headers().firstValue("X-Presto-Buffer-Complete").orElseThrow())) {
                break;
            }
        }
        HttpResponse<String> destroyed = http.send(HttpRequest.newBuilder(URI.create(task + "/results/0")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(destroyed.statusCode()).isEqualTo(204);
        return pages;
    }

    private static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int row = 0; row < expected.size(); row++) {
            for (int column = 0; column < expected.get(row).size(); column++) {
                Object want = expected.get(row).get(column);
                Object got = actual.get(row).get(column);
                if (want instanceof Number number && got instanceof Number value) {
                    assertThat(value.doubleValue()).as("row %d column %d", row, column)
                            .isCloseTo(number.doubleValue(), org.assertj.core.api.Assertions.withinPercentage(1e-7));
                } else {
                    assertThat(got).as("row %d column %d", row, column).isEqualTo(want);
                }
            }
        }
    }
}
