package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.ProtocolRequests.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /v1/info/state "SHUTTING_DOWN"} on a worker while a query runs on it (rest-protocol.md §9): the
 * worker reports SHUTTING_DOWN, its running tasks finish, so the query finishes, and then it leaves the
 * cluster and stops; the cluster goes on with the other worker. A draining coordinator takes no new statements,
 * lets its running queries finish and hand over all their rows, then stops.
 */
class NodeShutdownIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

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
    void drainedWorkerFinishesItsTasksThenStops() throws Exception {
        // long enough (all of sf1 lineitem) that its tasks are seen on both workers before it ends
        Response response = requests.post("SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'", USER);
        String queryId = response.json().path("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (cluster.tasksOf(queryId).size() < 2) {
            assertThat(System.nanoTime()).as("tasks of %s on both workers", queryId).isLessThan(deadline);
            response = requests.get(response.nextUri().orElseThrow(), USER);
            assertThat(response.error()).as("query %s failed early", queryId).isEmpty();
        }
        QuarryCluster.Node worker = cluster.workers().get(1);
        URI state = worker.uri().resolve("/v1/info/state");
        assertThat(requests.send("PUT", state, JSON, "\"ACTIVE\"").status()).isEqualTo(200);
        Response drain = requests.send("PUT", state, JSON, "\"SHUTTING_DOWN\"");
        assertThat(drain.status()).as(drain.body()).isEqualTo(200);
        Response reported = requests.get(state, Map.of());
        // The node may already be gone if its tasks ended in between; while it answers, it says so.
        if (reported.status() == 200) {
            assertThat(reported.body()).isEqualTo("\"SHUTTING_DOWN\"");
        }

        // Its tasks run to their end: the query finishes with the right answer.
        while (response.nextUri().isPresent()) {
            response = requests.get(response.nextUri().get(), USER);
        }
        assertThat(response.error()).as("query %s", queryId).isEmpty();
        assertThat(response.state()).isEqualTo("FINISHED");

        // Then the drained node stops.
        worker.node().system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Waits.until(Duration.ofSeconds(20), "the coordinator no longer uses the stopped worker",
                () -> cluster.coordinator().node().service().nodes().toCompletableFuture().join().stream()
                        .noneMatch(node -> node.nodeId().equals(worker.config().nodeId()) && !node.failed()));
        assertThat(cluster.client("tpch", "tiny").execute("SELECT count(*) FROM nation").rows().toString()).contains("25");
    }

    @Test
    void drainedCoordinatorFinishesItsQueriesThenStops() throws Exception {
        try (QuarryCluster single = QuarryCluster.singleNode()) {
            ProtocolRequests coordinator = new ProtocolRequests(single.coordinatorUri());
            Response response = coordinator.submitUntilTasksRun(
                    single, "SELECT count(*) FROM tpch.sf1.partsupp WHERE comment LIKE '%x%'", USER, 1);
            String queryId = response.json().path("id").asText();
            Response drain = coordinator.send("PUT", single.coordinatorUri().resolve("/v1/info/state"), JSON, "\"SHUTTING_DOWN\"");
            assertThat(drain.status()).as(drain.body()).isEqualTo(200);

            // No new statements, but the running one goes on to its end and the client gets all of it.
            assertThat(coordinator.post("SELECT 1", USER).status()).isEqualTo(503);
            while (response.nextUri().isPresent()) {
                response = coordinator.get(response.nextUri().get(), USER);
                assertThat(response.status()).as("query %s while the coordinator drains", queryId).isEqualTo(200);
            }
            assertThat(response.error()).as("query %s", queryId).isEmpty();
            assertThat(response.state()).isEqualTo("FINISHED");

            single.coordinator().node().system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
