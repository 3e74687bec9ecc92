package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import akka.actor.Address;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.remote.RARP;
import akka.remote.transport.ThrottlerTransportAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.config.MembershipConfig;
import io.quarry.exec.memory.NodeMemoryPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.FutureConverters;

/**
 * A coordinator and three workers in one JVM, Artery in test mode so that the test can cut links: one worker
 * is cut off from every other node (a partition of one against three). The split brain resolver
 * (keep-majority, stable-after 2 s here) keeps the coordinator's side: the isolated worker downs itself and
 * its actor system stops, the coordinator lists it as failed and the two others as healthy. TPC-H Q1 and Q6
 * run before, during and after the partition; each answer is the expected one or a named error, never a
 * short or mixed result.
 */
class PartitionIT {
    private static final Logger log = LoggerFactory.getLogger(PartitionIT.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration STABLE_AFTER = Duration.ofSeconds(2);
    private static final List<String> QUERIES = List.of("q01", "q06");

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.start(3, false, builder -> builder.membership(MembershipConfig.defaults()
                .withStableAfter(STABLE_AFTER)
                .withAcceptableHeartbeatPause(Duration.ofSeconds(2))
                .withTransportTestMode(true)));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Outcome(String query, StatementClient.Result result) {}

    @Test
    void isolatedWorkerDownsItselfAndEveryAnswerIsCorrectOrANamedError() throws InterruptedException {
        StatementClient client = cluster.client("tpch", "tiny");
        for (String query : QUERIES) {
            TpchConformance.assertMatches(client, query);
        }

        QuarryCluster.Node isolated = cluster.workers().get(2);
        List<QuarryCluster.Node> majority = List.of(cluster.coordinator(), cluster.workers().get(0), cluster.workers().get(1));
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        List<Throwable> clientErrors = new CopyOnWriteArrayList<>();
        AtomicBoolean stopQueries = new AtomicBoolean();
        Thread queries = new Thread(() -> {
            for (int i = 0; !stopQueries.get(); i++) {
                String query = QUERIES.get(i % QUERIES.size());
                try {
                    outcomes.add(new Outcome(query, client.execute(TpchConformance.query(query))));
                } catch (RuntimeException e) {
                    clientErrors.add(e);
                    return;
                }
            }
        }, "partition-it-queries");
        queries.setDaemon(true);
        queries.start();
        // let a few queries run on all four nodes first
        Waits.until(Duration.ofSeconds(30), "queries before the partition", () -> outcomes.size() >= 2);

        for (QuarryCluster.Node other : majority) {
            blackhole(isolated, other);
            blackhole(other, isolated);
        }
        log.info("Worker {} is cut off from the other three nodes", isolated.config().nodeId());

        Waits.until(Duration.ofSeconds(60), "the isolated worker to down itself and stop",
                () -> isolated.node().system().getWhenTerminated().toCompletableFuture().isDone());
        Address isolatedAddress = address(isolated);
        for (QuarryCluster.Node node : majority) {
            Cluster akka = Cluster.get(node.node().system());
            Waits.until(Duration.ofSeconds(30), node.config().nodeId() + " to see three Up members and no unreachable one", () -> {
                List<Member> members = StreamSupport.stream(akka.state().getMembers().spliterator(), false).toList();
                return members.size() == 3
                        && members.stream().allMatch(member -> member.status() == MemberStatus.up())
                        && members.stream().noneMatch(member -> member.address().equals(isolatedAddress))
                        && akka.state().getUnreachable().isEmpty();
            });
            assertThat(akka.selfMember().status()).as("%s survives", node.config().nodeId()).isEqualTo(MemberStatus.up());
        }
        int duringPartition = outcomes.size();
        Waits.until(Duration.ofSeconds(60), "two more queries after the decision", () -> outcomes.size() >= duringPartition + 2);
        stopQueries.set(true);
        queries.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(queries.isAlive()).as("the query loop ended").isFalse();
        assertThat(clientErrors).as("the coordinator answered every request").isEmpty();

        int failed = 0;
        for (Outcome outcome : outcomes) {
            StatementClient.Result result = outcome.result();
            if (result.error().isPresent()) {
                failed++;
                assertThat(result.errorName()).as("error of %s (%s): %s", outcome.query(), result.queryId(), result.error().get())
                        .isNotBlank();
                assertThat(result.state()).as("state of failed %s", result.queryId()).isEqualTo("FAILED");
            } else {
                assertThat(TpchConformance.expected(outcome.query()).mismatch(result, false))
                        .as("%s (%s), which finished", outcome.query(), result.queryId())
                        .isEmpty();
            }
        }
        log.info("{} queries around the partition: {} correct, {} failed with a named error", outcomes.size(),
                outcomes.size() - failed, failed);

        // after the decision every query succeeds on the three survivors
        for (String query : QUERIES) {
            TpchConformance.assertMatches(client, query);
        }
        // every worker, the stopped one too, released the memory of the tasks it ran
        for (QuarryCluster.Node worker : cluster.workers()) {
            NodeMemoryPool pool = worker.node().memoryPool().orElseThrow();
            Waits.until(Duration.ofSeconds(10), worker.config().nodeId() + " to hold no query memory", () -> pool.reservedBytes() == 0);
        }
        String isolatedUri = isolated.uri().toString();
        assertThat(uris(get("/v1/node/failed"))).as("failed nodes").containsExactly(isolatedUri);
        List<String> healthy = new ArrayList<>();
        for (JsonNode node : get("/v1/node")) {
            if (!node.path("uri").asText().equals(isolatedUri)) {
                healthy.add(node.path("uri").asText());
            }
        }
        assertThat(healthy).as("nodes beside the isolated one")
                .containsExactlyInAnyOrder(cluster.workers().get(0).uri().toString(), cluster.workers().get(1).uri().toString());
    }

    /** Drops every message between {@code from} and {@code to}, both ways, in {@code from}'s transport. */
    private static void blackhole(QuarryCluster.Node from, QuarryCluster.Node to) {
        RARP remoting = (RARP) RARP.get(Adapter.toClassic(from.node().system()));
        scala.concurrent.Future<Object> done = remoting.provider().transport().managementCommand(new ThrottlerTransportAdapter.SetThrottle(
                address(to), ThrottlerTransportAdapter.bothDirection(), ThrottlerTransportAdapter.blackholeThrottleMode()));
        Object applied = FutureConverters.asJava(done).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(applied).as("blackholing %s -> %s", from.config().nodeId(), to.config().nodeId()).isEqualTo(Boolean.TRUE);
    }

    private static Address address(QuarryCluster.Node node) {
        return Cluster.get(node.node().system()).selfMember().address();
    }

    private static JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(cluster.coordinatorUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Trino-User", "test")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> uris(JsonNode nodes) {
        List<String> uris = new ArrayList<>();
        nodes.forEach(node -> uris.add(node.path("uri").asText()));
        return uris;
    }
}
