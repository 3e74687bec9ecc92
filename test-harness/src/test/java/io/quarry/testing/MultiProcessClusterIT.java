package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator and two workers, each its own JVM started through {@code bin/quarry server --etc DIR}: the
 * cluster forms over real Artery between processes, answers queries, refuses a node of another environment
 * and notices a worker killed with SIGKILL. The cluster starts once; the test that kills a worker runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessClusterIT {
    private static final Logger log = LoggerFactory.getLogger(MultiProcessClusterIT.class);
    private static final List<String> NODE_FIELDS = List.of(
            "uri",
            "age",
            "recentRequests",
            "recentFailures",
            "recentSuccesses",
            "recentFailureRatio",
            "lastRequestTime",
            "lastResponseTime",
            "recentFailuresByType");
    private static final String AIRLIFT_DURATION = "\\d+(\\.\\d+)?(ns|us|ms|s|m|h|d)";
    private static final Duration FAILURE_DETECTION_LIMIT = Duration.ofSeconds(10);

    private static ProcessCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ProcessCluster.start(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void coordinatorListsExactlyTheTwoWorkerProcesses() {
        // The coordinator probes every node twice a second: soon each has answered some.
        cluster.await(Duration.ofSeconds(30), "probe answers from both workers", () -> {
            int answered = 0;
            for (JsonNode node : cluster.nodes()) {
                answered += node.path("recentSuccesses").asDouble() > 0 ? 1 : 0;
            }
            return answered == 2;
        });
        JsonNode nodes = cluster.nodes();
        List<String> uris = new ArrayList<>();
        nodes.forEach(node -> uris.add(node.path("uri").asText()));
        assertThat(uris)
                .as(cluster.diagnostics())
                .containsExactlyInAnyOrderElementsOf(cluster.workers().stream()
                        .map(worker -> worker.uri().toString())
                        .toList());
        for (JsonNode node : nodes) {
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            fields.remove("lastFailureInfo"); // present only after a failed probe
            assertThat(fields).as("fields of %s", node).containsExactlyInAnyOrderElementsOf(NODE_FIELDS);
            assertThat(node.path("age").asText()).matches(AIRLIFT_DURATION);
            for (String counter : List.of("recentRequests", "recentFailures", "recentSuccesses", "recentFailureRatio")) {
                assertThat(node.path(counter).isNumber()).as(counter + " of %s", node).isTrue();
            }
            assertThat(node.path("recentFailureRatio").asDouble()).as("a live worker").isLessThan(0.5);
            assertThat(node.path("recentRequests").asDouble()).as("probes of a live worker").isGreaterThan(0.0);
            assertThat(Instant.parse(node.path("lastRequestTime").asText())).isNotNull();
            assertThat(Instant.parse(node.path("lastResponseTime").asText())).isNotNull();
            assertThat(node.path("recentFailuresByType").isObject()).isTrue();
        }
        assertThat(cluster.failedNodes()).isEmpty();
    }

    @Test
    @Order(2)
    void tpchQ1MatchesTheReferenceAndRunsOnBothWorkers() {
        StatementClient.Result result = TpchConformance.assertMatches(cluster.client("tpch", "tiny"), "q01");
        assertThat(leafStage(result).path("nodes").asInt())
                .as("nodes of the leaf stage\n%s", cluster.diagnostics())
                .isEqualTo(2);
        assertThat(leafStage(result).path("completedSplits").asInt()).isPositive();
    }

    @Test
    @Order(3)
    void nodeOfAnotherEnvironmentIsRefused() {
        ProcessCluster.Node outsider = cluster.startNode(
                cluster.workerEtc("outsider").node("node.environment", "other"));
        try {
            cluster.await(Duration.ofSeconds(90), "the outsider to be refused", () -> outsider.process()
                    .logText()
                    .contains("Couldn't join seed nodes because of incompatible cluster configuration"));
            // the coordinator names the key that differs
            assertThat(cluster.coordinator().process().logText())
                    .contains("Found incompatible settings when [akka://quarry@127.0.0.1:" + outsider.clusterPort()
                            + "] tried to join: quarry-cluster.environment is incompatible");
            List<String> uris = new ArrayList<>();
            cluster.nodes().forEach(node -> uris.add(node.path("uri").asText()));
            assertThat(uris)
                    .as("nodes after the refusal")
                    .doesNotContain(outsider.uri().toString())
                    .hasSize(2);
            assertThat(cluster.getJson(outsider.uri().resolve("/v1/info")))
                    .as("the refused node never serves HTTP")
                    .isEmpty();
        } finally {
            outsider.process().kill();
        }
    }

    @Test
    @Order(4)
    void killedWorkerIsReportedFailedAndQueriesGoOn() {
        ProcessCluster.Node victim = cluster.workers().get(1);
        String victimUri = victim.uri().toString();
        Instant killed = Instant.now();
        victim.process().kill();
        cluster.await(Duration.ofSeconds(60), victimUri + " in /v1/node/failed", () -> {
            for (JsonNode node : cluster.failedNodes()) {
                if (node.path("uri").asText().equals(victimUri)) {
                    return true;
                }
            }
            return false;
        });
        Duration detection = Duration.between(killed, Instant.now());
        assertThat(detection).as("time from SIGKILL to /v1/node/failed").isLessThanOrEqualTo(FAILURE_DETECTION_LIMIT);
        JsonNode failed = cluster.failedNodes().get(0);
        // Probes stopped being answered at the kill.
        assertThat(Instant.parse(failed.path("lastResponseTime").asText())).isBefore(killed.plusMillis(500));

        // The scheduler skips an unreachable worker at once: the query must not wait for the split brain
        // resolver, which downs the dead node only after stable-after (7 s).
        assertCountRunsOnOneWorker("right after the failure was reported");

        // the leader decides (the member with the lowest address), which need not be the coordinator
        String decision = "SBR took decision DownUnreachable and is downing [akka://quarry@127.0.0.1:"
                + victim.clusterPort() + "]";
        List<ProcessCluster.Node> survivors = List.of(cluster.coordinator(), cluster.workers().get(0));
        cluster.await(Duration.ofSeconds(60), "the split brain resolver to down " + victim.nodeId(), () -> survivors
                .stream()
                .anyMatch(node -> node.process().logText().contains(decision)));
        Duration downed = Duration.between(killed, Instant.now());
        for (JsonNode node : cluster.nodes()) {
            boolean isVictim = node.path("uri").asText().equals(victimUri);
            if (isVictim) {
                assertThat(node.path("recentFailures").asDouble()).as("failed probes of the dead worker").isGreaterThan(0.0);
                assertThat(node.path("lastFailureInfo").path("message").asText()).startsWith("Probe failed");
            } else {
                assertThat(node.path("recentFailureRatio").asDouble()).as("failure ratio of the live worker").isLessThan(0.5);
            }
        }
        assertCountRunsOnOneWorker("after the dead worker was downed");
        log.info("Worker {} killed: in /v1/node/failed after {} ms, downed after {} ms",
                victim.nodeId(), detection.toMillis(), downed.toMillis());
    }

    @Test
    @Order(5)
    void restartedWorkerRejoinsAndRunsTasks() {
        ProcessCluster.Node victim = cluster.workers().get(1);
        assertThat(victim.process().isAlive()).as("killed by the previous test").isFalse();
        ProcessCluster.Node restarted = cluster.restart(victim);
        restarted.process().awaitInfo(restarted.uri(), ProcessCluster.START_TIMEOUT);
        String uri = restarted.uri().toString();
        cluster.await(Duration.ofSeconds(30), uri + " listed as healthy again", () -> {
            for (JsonNode node : cluster.nodes()) {
                if (node.path("uri").asText().equals(uri) && node.path("recentFailureRatio").asDouble() == 0.0) {
                    return true;
                }
            }
            return false;
        });
        assertThat(cluster.failedNodes()).as("failed nodes after the restart").isEmpty();
        // Healthy in /v1/node comes from membership; the coordinator schedules on the worker once its task
        // manager is known too (through the Receptionist, a moment later). Every answer meanwhile is complete.
        cluster.await(Duration.ofSeconds(30), "a query placed on both workers again", () -> {
            StatementClient.Result result = cluster.client("tpch", "tiny").execute("SELECT count(*) FROM lineitem");
            assertThat(result.rows()).containsExactly(List.of(60175));
            return leafStage(result).path("nodes").asInt() == 2;
        });
    }

    private static void assertCountRunsOnOneWorker(String when) {
        StatementClient.Result result = cluster.client("tpch", "tiny").execute("SELECT count(*) FROM lineitem");
        assertThat(result.error()).as("query %s\n%s", when, cluster.diagnostics()).isEmpty();
        assertThat(result.rows()).as("query %s", when).containsExactly(List.of(60175));
        assertThat(leafStage(result).path("nodes").asInt()).as("nodes of the leaf stage %s", when).isEqualTo(1);
    }

    private static JsonNode leafStage(StatementClient.Result result) {
        JsonNode stage = result.finalStats().path("rootStage");
        assertThat(stage.isMissingNode()).as("rootStage in the final stats").isFalse();
        while (stage.path("subStages").size() > 0) {
            stage = stage.path("subStages").get(0);
        }
        return stage;
    }
}
