package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator and two workers in their own JVMs; the coordinator is killed (SIGKILL) while a long query
 * runs tasks on both workers. The workers abort the dead coordinator's tasks within 10 s and stay up, a client
 * polling the dead coordinator gets a connection error at once, and the coordinator, restarted from the same
 * etc directory, joins the surviving workers (every node lists the workers as seeds too) and runs queries.
 */
class CoordinatorLossIT {
    private static final Logger log = LoggerFactory.getLogger(CoordinatorLossIT.class);
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    /** Scans generated data for minutes on two workers: still running when the coordinator dies. */
    private static final String LONG_QUERY =
            "SELECT sum(extendedprice * (1 - discount)) FROM tpch.sf100.lineitem WHERE quantity > 1";
    private static final Duration TASKS_GONE_LIMIT = Duration.ofSeconds(10);

    private static ProcessCluster cluster;

    @BeforeAll
    static void start() {
        // the default detector (3 s pause) notices a dead node in about 5-7 s; 2 s keeps the test clear of
        // its 10 s bound on two loaded cores
        // the restarted coordinator waits up to 15 s for the workers (10 s by default): reaching a worker anew
        // took 6 s on two cores shared by many JVMs
        cluster = ProcessCluster.start(2, Map.of(
                "cluster.failure-detector.acceptable-heartbeat-pause", "2s", "cluster.seed-node-timeout", "15s"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void workersAbortTheDeadCoordinatorsTasksAndARestartedCoordinatorRejoins() {
        ProtocolRequests client = new ProtocolRequests(cluster.coordinatorUri());
        ProtocolRequests.Response[] last = new ProtocolRequests.Response[1];
        String started = null;
        for (int attempt = 1; started == null; attempt++) {
            ProtocolRequests.Response response = client.post(LONG_QUERY, USER);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            last[0] = response;
            String id = response.json().path("id").asText();
            if (tasksRunOnBothWorkers(client, id, last)) {
                started = id;
            } else {
                // a worker that joined just before the query may not have been schedulable yet: ask again
                client.delete(last[0].nextUri().orElseThrow(), USER);
                assertThat(attempt).as("attempts to run %s on both workers", LONG_QUERY).isLessThan(3);
            }
        }
        String queryId = started;
        URI next = last[0].nextUri().orElseThrow();

        long killed = System.nanoTime();
        cluster.coordinator().process().kill();

        // The client's next poll fails at once with a connection error: it neither hangs nor gets an answer.
        assertThatThrownBy(() -> client.get(next, USER))
                .isInstanceOf(UncheckedIOException.class)
                .satisfies(e -> assertThat(e.getCause()).isNotInstanceOf(HttpTimeoutException.class));
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("time to the client's error").isLessThan(Duration.ofSeconds(5));

        // 10 s after the kill, no task of the query runs on either worker (a loaded worker may answer late)
        Waits.until(TASKS_GONE_LIMIT.plusSeconds(1), "10 s after the kill",
                () -> System.nanoTime() - killed >= TASKS_GONE_LIMIT.toNanos());
        for (ProcessCluster.Node worker : cluster.workers()) {
            List<List<String>> answer = new ArrayList<>();
            cluster.await(Duration.ofSeconds(30), "an answer of " + worker.nodeId() + "'s /v1/task",
                    () -> runningTasks(worker, queryId).map(answer::add).orElse(false));
            assertThat(answer.get(0)).as("tasks of %s still running on %s 10 s after the kill\n%s", queryId, worker.nodeId(),
                    cluster.diagnostics()).isEmpty();
            assertThat(worker.process().logText())
                    .as("%s aborted the dead coordinator's tasks", worker.nodeId())
                    .containsPattern("Aborted \\d+ tasks created by node akka://quarry@127\\.0\\.0\\.1:"
                            + cluster.coordinator().clusterPort());
        }
        for (ProcessCluster.Node worker : cluster.workers()) {
            assertThat(worker.process().isAlive()).as("%s is still running\n%s", worker.nodeId(), cluster.diagnostics()).isTrue();
            cluster.await(Duration.ofSeconds(30), "/v1/info of " + worker.nodeId(),
                    () -> cluster.getJson(worker.uri().resolve("/v1/info")).isPresent());
        }

        ProcessCluster.Node restarted = cluster.restart(cluster.coordinator());
        restarted.process().awaitInfo(restarted.uri(), ProcessCluster.START_TIMEOUT);
        List<String> workerUris = cluster.workers().stream().map(worker -> worker.uri().toString()).toList();
        cluster.await(Duration.ofSeconds(60), "the restarted coordinator to list both workers", () -> {
            List<String> listed = new ArrayList<>();
            cluster.getJson(restarted.uri().resolve("/v1/node"))
                    .ifPresent(nodes -> nodes.forEach(node -> listed.add(node.path("uri").asText())));
            return listed.containsAll(workerUris);
        });
        cluster.await(Duration.ofSeconds(60), "a query on the restarted coordinator", () -> {
            StatementClient.Result result = StatementClient.forCatalog(restarted.uri(), "tpch", "tiny")
                    .execute("SELECT count(*) FROM lineitem");
            if (result.error().isPresent()) {
                log.info("Query on the restarted coordinator failed, trying again: {}", result.errorName());
                return false;
            }
            assertThat(result.rows()).containsExactly(List.of(60175));
            return true;
        });
        assertThat(restarted.process().logText())
                .as("the restarted coordinator joined the workers' cluster instead of forming its own")
                .doesNotContain("is JOINING itself");
        for (ProcessCluster.Node worker : cluster.workers()) {
            assertThat(worker.process().isAlive()).as("%s after the restart", worker.nodeId()).isTrue();
        }
    }

    /**
     * The ids of the tasks of {@code queryId} that run on {@code worker} now, from its {@code /v1/task}; empty
     * when the worker did not answer (in time).
     */
    /** Whether the query has running tasks on both workers within 20 s; the client keeps polling meanwhile. */
    private static boolean tasksRunOnBothWorkers(ProtocolRequests client, String queryId, ProtocolRequests.Response[] last) {
        try {
            cluster.await(Duration.ofSeconds(20), "running tasks of " + queryId + " on both workers", () -> {
                for (ProcessCluster.Node worker : cluster.workers()) {
                    if (runningTasks(worker, queryId).map(List::isEmpty).orElse(true)) {
                        // keep the client polling, as a real one would
                        last[0] = client.get(last[0].nextUri().orElseThrow(), USER);
                        if (last[0].error().isPresent()) {
                            throw new IllegalStateException("the query failed early: " + last[0].body());
                        }
                        return false;
                    }
                }
                return true;
            });
            return true;
        } catch (AssertionError timedOut) {
            log.info("No running tasks of {} on both workers: {}", queryId, timedOut.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static Optional<List<String>> runningTasks(ProcessCluster.Node worker, String queryId) {
        return cluster.getJson(worker.uri().resolve("/v1/task")).map(tasks -> {
            List<String> running = new ArrayList<>();
            for (JsonNode task : tasks) {
                JsonNode status = task.path("taskStatus");
                if (status.path("taskId").asText().startsWith(queryId + ".") && status.path("state").asText().equals("RUNNING")) {
                    running.add(status.path("taskId").asText());
                }
            }
            return running;
        });
    }
}
