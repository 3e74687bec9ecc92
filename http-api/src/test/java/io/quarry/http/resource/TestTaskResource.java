package io.quarry.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.actor.TaskState;
import io.quarry.actor.serialization.PageCodec;
import io.quarry.http.server.FakeQuarryService;
import io.quarry.http.server.TestingHttpServer;
import io.quarry.page.Page;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestTaskResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK = FakeQuarryService.TASK_ID.toString();
    private static final String UNKNOWN = "20251126_101500_00002_abcde.1.0.0";
    private static TestingHttpServer worker;

    @BeforeAll
    static void start() throws Exception {
        worker = new TestingHttpServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        worker.close();
    }

    @BeforeEach
    void clearRecords() {
        worker.service.pollStates.clear();
        worker.service.pollWaits.clear();
        worker.service.maxSizes.clear();
        worker.service.bufferCalls.clear();
        worker.service.taskCancels.clear();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = worker.request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return worker.send(request.build());
    }

    private static HttpResponse<String> delete(String path) throws Exception {
        return worker.send(worker.request(path).DELETE().build());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void listsTheTasksOfThisNode() throws Exception {
        JsonNode tasks = json(get("/v1/task"));
        assertThat(tasks.isArray()).isTrue();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("taskStatus").path("taskId").asText()).isEqualTo(TASK);
    }

    @Test
    void taskInfoHasStatusBuffersAndStats() throws Exception {
        JsonNode info = json(get("/v1/task/" + TASK));
        JsonNode status = info.get("taskStatus");
        assertThat(status.get("taskId").asText()).isEqualTo(TASK);
        assertThat(status.get("taskInstanceId").asText()).isEqualTo("3b2c8e4e-0d7f-4c0e-9d3c-4bb2a1f5a111");
        assertThat(status.get("version").asLong()).isEqualTo(3);
        assertThat(status.get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.get("self").asText()).isEqualTo(worker.uri("/v1/task/" + TASK).toString());
        assertThat(status.get("nodeId").asText()).isEqualTo("worker-1");
        assertThat(status.get("failures").isArray()).isTrue();
        assertThat(info.get("lastHeartbeat").asText()).isEqualTo(FakeQuarryService.NOW.toString());
        JsonNode buffers = info.get("outputBuffers");
        assertThat(buffers.get("type").asText()).isEqualTo("PARTITIONED");
        assertThat(buffers.get("state").asText()).isEqualTo("OPEN");
        assertThat(buffers.get("buffers").get(0).toString())
                .isEqualTo("{\"bufferId\":\"0\",\"finished\":false,\"bufferedPages\":1,\"pagesSent\":2}");
        JsonNode stats = info.get("stats");
        assertThat(stats.get("totalDrivers").asInt()).isEqualTo(4);
        assertThat(stats.get("completedSplits").asLong()).isEqualTo(3);
        assertThat(stats.get("rawInputPositions").asLong()).isEqualTo(1000);
        assertThat(stats.get("totalCpuTime").asText()).isEqualTo("2.00s");
        assertThat(info.get("noMoreSplits").asBoolean()).isFalse();
        // Without long-poll headers nothing waits.
        assertThat(worker.service.pollStates).containsExactly(Optional.empty());
    }

    @Test
    void statusIsTheTaskStatusAlone() throws Exception {
        JsonNode status = json(get("/v1/task/" + TASK + "/status"));
        assertThat(status.get("taskId").asText()).isEqualTo(TASK);
        assertThat(status.get("state").asText()).isEqualTo("RUNNING");
        assertThat(status.has("taskStatus")).isFalse();
    }

    @Test
    void longPollHeadersReachTheServiceCapped() throws Exception {
        json(get("/v1/task/" + TASK, "X-Presto-Current-State", "RUNNING", "X-Presto-Max-Wait", "1s"));
        json(get("/v1/task/" + TASK + "/status", "X-Trino-Current-State", "FLUSHING", "X-Trino-Max-Wait", "1h"));
        assertThat(worker.service.pollStates).containsExactly(Optional.of(TaskState.RUNNING), Optional.of(TaskState.FLUSHING));
        assertThat(worker.service.pollWaits).containsExactly(Duration.ofSeconds(1), TaskResource.MAX_LONG_POLL);
    }

    @Test
    void badLongPollHeadersAre400() throws Exception {
        HttpResponse<String> badState = get("/v1/task/" + TASK, "X-Presto-Current-State", "SLEEPING", "X-Presto-Max-Wait", "1s");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("SLEEPING");
        assertThat(get("/v1/task/" + TASK + "/status", "X-Presto-Current-State", "RUNNING", "X-Presto-Max-Wait", "soon")
                .statusCode()).isEqualTo(400);
        assertThat(worker.service.pollStates).isEmpty();
    }

    @Test
    void unknownAndMalformedTasksAre404() throws Exception {
        assertThat(get("/v1/task/" + UNKNOWN).statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/" + UNKNOWN + "/status").statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/not-a-task").statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/q.1.x.0/status").statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/" + UNKNOWN + "/results/0/0").statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/" + TASK + "/results/x/0").statusCode()).isEqualTo(404);
        assertThat(get("/v1/task/" + TASK + "/results/0/-1").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteAbortsByDefaultAndCancelsOnRequest() throws Exception {
        assertThat(json(delete("/v1/task/" + TASK)).path("taskStatus").path("state").asText()).isEqualTo("ABORTED");
        assertThat(json(delete("/v1/task/" + TASK + "?targetState=CANCELED")).path("taskStatus").path("state").asText())
                .isEqualTo("CANCELED");
        HttpResponse<String> bad = delete("/v1/task/" + TASK + "?targetState=FINISHED");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("FINISHED");
        assertThat(worker.service.taskCancels).containsExactly(true, false);
    }

    @Test
    void deleteOfAnUnknownTaskAnswersAnAbortedInfo() throws Exception {
        JsonNode status = json(delete("/v1/task/" + UNKNOWN)).get("taskStatus");
        assertThat(status.get("taskId").asText()).isEqualTo(UNKNOWN);
        assertThat(status.get("state").asText()).isEqualTo("ABORTED");
        assertThat(delete("/v1/task/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void resultsCarryPagesAndTokenHeaders() throws Exception {
        HttpResponse<byte[]> pages = worker.client().send(
                worker.request("/v1/task/" + TASK + "/results/0/0").header("X-Presto-Max-Size", "1MB").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(pages.headers().firstValue("Content-Type")).hasValue(PageCodec.CONTENT_TYPE);
        assertThat(pages.headers().firstValue("X-Presto-Page-Sequence-Id")).hasValue("0");
        assertThat(pages.headers().firstValue("X-Presto-Page-End-Sequence-Id")).hasValue("1");
        assertThat(pages.headers().firstValue("X-Presto-Buffer-Complete")).hasValue("false");
        List<Page> decoded = PageCodec.decode(pages.body());
        assertThat(decoded).hasSize(1);
        assertThat(decoded.get(0).positionCount()).isEqualTo(FakeQuarryService.allTypesPage().positionCount());

        HttpResponse<String> none = get("/v1/task/" + TASK + "/results/0/1");
        assertThat(none.statusCode()).isEqualTo(204);
        assertThat(none.headers().firstValue("X-Presto-Page-Sequence-Id")).hasValue("1");
        assertThat(none.headers().firstValue("X-Presto-Page-End-Sequence-Id")).hasValue("1");
        assertThat(none.headers().firstValue("X-Presto-Buffer-Complete")).hasValue("true");
        assertThat(worker.service.maxSizes).containsExactly(1024L * 1024, 16L * 1024 * 1024);
    }

    @Test
    void badMaxSizeIs400AndUnknownBufferIs404() throws Exception {
        assertThat(get("/v1/task/" + TASK + "/results/0/0", "X-Presto-Max-Size", "lots").statusCode()).isEqualTo(400);
        assertThat(get("/v1/task/" + TASK + "/results/7/0").statusCode()).isEqualTo(404);
    }

    @Test
    void acknowledgeAndDestroyAre204() throws Exception {
        assertThat(get("/v1/task/" + TASK + "/results/0/5/acknowledge").statusCode()).isEqualTo(204);
        assertThat(delete("/v1/task/" + TASK + "/results/0").statusCode()).isEqualTo(204);
        assertThat(delete("/v1/task/" + UNKNOWN + "/results/0").statusCode()).isEqualTo(204);
        assertThat(get("/v1/task/" + UNKNOWN + "/results/0/5/acknowledge").statusCode()).isEqualTo(404);
        assertThat(worker.service.bufferCalls).containsExactly(
                "ack " + TASK + " 0 5", "destroy " + TASK + " 0", "destroy " + UNKNOWN + " 0", "ack " + UNKNOWN + " 0 5");
    }
}
