package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.spi.TaskId;
import io.quarry.testing.ProtocolRequests.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker side of a running query seen through {@code /v1/task} alone (rest-protocol.md §8): each worker
 * lists its tasks, one task's info and status answer (also long-polled), and aborting one task over HTTP
 * fails the query.
 */
class TaskResourcesIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final Map<String, String> NONE = Map.of();

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
    void runningQueryTasksThroughHttpAndAbortOneFailsTheQuery() {
        // long enough (sf10) to still run after the checks below, a one-second long poll among them
        Response response = requests.submitUntilTasksRun(
                cluster, "SELECT count(*) FROM tpch.sf10.lineitem WHERE comment LIKE '%x%'", USER, 2);
        String queryId = response.json().path("id").asText();

        // Each worker lists its own tasks of the query, with itself as node and in its URIs.
        JsonNode chosen = null;
        QuarryCluster.Node chosenNode = null;
        for (QuarryCluster.Node worker : cluster.workers()) {
            Response list = requests.get(worker.uri().resolve("/v1/task"), NONE);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            List<JsonNode> ofQuery = new ArrayList<>();
            list.json().forEach(info -> {
                if (TaskId.valueOf(info.path("taskStatus").path("taskId").asText()).queryId().toString().equals(queryId)) {
                    ofQuery.add(info);
                }
            });
            assertThat(ofQuery).as("tasks of %s on %s", queryId, worker.config().nodeId()).isNotEmpty();
            for (JsonNode info : ofQuery) {
                assertThat(info.path("taskStatus").path("nodeId").asText()).isEqualTo(worker.config().nodeId());
            }
            if (chosen == null) {
                chosen = ofQuery.get(0);
                chosenNode = worker;
            }
        }
        String taskId = chosen.path("taskStatus").path("taskId").asText();
        URI taskUri = chosenNode.uri().resolve("/v1/task/" + taskId);

        Response info = requests.get(taskUri, NONE);
        assertThat(info.status()).isEqualTo(200);
        JsonNode status = info.json().path("taskStatus");
        assertThat(status.path("self").asText()).isEqualTo(taskUri.toString());
        assertThat(status.path("state").asText()).isIn("RUNNING", "FLUSHING");
        String instance = status.path("taskInstanceId").asText();
        assertThat(UUID.fromString(instance).toString()).isEqualTo(instance);
        assertThat(info.json().path("outputBuffers").path("buffers").size()).isGreaterThan(0);
        assertThat(info.json().path("stats").path("totalDrivers").asInt()).isGreaterThan(0);

        Response statusOnly = requests.get(URI.create(taskUri + "/status"), NONE);
        assertThat(statusOnly.status()).isEqualTo(200);
        assertThat(statusOnly.json().path("taskInstanceId").asText()).isEqualTo(instance);

        // A long poll on the current state waits about the asked time while nothing changes.
        String current = statusOnly.json().path("state").asText();
        long started = System.nanoTime();
        Response polled = requests.get(URI.create(taskUri + "/status"),
                Map.of("X-Presto-Current-State", current, "X-Presto-Max-Wait", "1s"));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(polled.status()).isEqualTo(200);
        assertThat(elapsedMillis).isLessThan(4000);
        if (polled.json().path("state").asText().equals(current)) {
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(900);
        }
        assertThat(requests.get(URI.create(taskUri + "/status"),
                Map.of("X-Presto-Current-State", current, "X-Presto-Max-Wait", "never")).status()).isEqualTo(400);
        String unknown = queryId + ".9.9.0";
        assertThat(requests.get(chosenNode.uri().resolve("/v1/task/" + unknown), NONE).status()).isEqualTo(404);

        // Aborting the task over HTTP answers its ABORTED info and fails the query.
        Response aborted = requests.delete(taskUri, NONE);
        assertThat(aborted.status()).as(aborted.body()).isEqualTo(200);
        assertThat(aborted.json().path("taskStatus").path("state").asText()).isEqualTo("ABORTED");
        Response last = response;
        long failDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (last.nextUri().isPresent()) {
            assertThat(System.nanoTime()).as("query %s ends", queryId).isLessThan(failDeadline);
            last = requests.get(last.nextUri().get(), USER);
        }
        assertThat(last.state()).isEqualTo("FAILED");
        assertThat(last.error()).isPresent();
        // Nothing was created for the unknown id.
        assertThat(chosenNode.tasks()).noneMatch(task -> task.toString().equals(unknown));
    }
}
