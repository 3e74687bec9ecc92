package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator and three workers, each its own JVM: a worker that runs a task of a TPC-H query is killed with
 * SIGKILL at a random moment while the query runs. Under {@code retry_policy = TASK} the lost tasks run again
 * on the survivors and the answer equals the same query's undisturbed answer; under {@code QUERY} the query
 * starts over unseen; under {@code NONE} it fails within 10 s with a named error and leaves no task behind.
 * The killed worker is started again before the next test. A memory table (two copies of every piece) is
 * read after every kill, once the coordinator lists the killed worker as failed: its row count and checksums
 * never change, and since the pieces the dead worker held get their second copy back, they survive the next
 * kill too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerLossIT {
    private static final Logger log = LoggerFactory.getLogger(WorkerLossIT.class);
    private static final String SCHEMA = "sf1";
    private static final Duration QUERY_LIMIT = Duration.ofMinutes(3);
    private static final Duration FAILURE_LIMIT = Duration.ofSeconds(10);

    private static ProcessCluster cluster;
    /** The live node of each worker slot (a restarted worker replaces its dead one). */
    private static final List<ProcessCluster.Node> workers = new ArrayList<>();
    private static final Random random = new Random();
    private static final String MEMORY_CHECK = "SELECT count(*), sum(orderkey * 3 + custkey), count(DISTINCT orderkey) FROM orders";
    /** The memory table's count and checksums, as read from tpch before any kill. */
    private static List<Object> memoryTableFigures;

    @BeforeAll
    static void start() {
        // TASK keeps exchanged pages for re-runs: a query needs more memory per node than the small test JVMs'
        // default limit (a tenth of 768 MB) gives it
        cluster = ProcessCluster.start(3, QuarryProcess.newWorkDirectory("cluster-"), etc -> etc
                .config("query.max-memory-per-node", "400MB")
                .catalog("memory", Map.of("connector.name", "memory")), ProcessCluster.START_TIMEOUT);
        workers.addAll(cluster.workers());
        memoryTableFigures = onlyRow(cluster.client("tpch", "tiny"), MEMORY_CHECK);
        StatementClient.Result copied = cluster.client("memory", "default").execute("CREATE TABLE orders AS SELECT * FROM tpch.tiny.orders");
        assertThat(copied.error()).as("copy of tpch.tiny.orders into memory").isEmpty();
        assertThat(onlyRow(cluster.client("memory", "default"), MEMORY_CHECK)).isEqualTo(memoryTableFigures);
        long seed = System.nanoTime();
        random.setSeed(seed);
        log.info("Kill moments drawn with seed {}", seed);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q03", "q05", "q09", "q18"})
    @Order(1)
    void lostTasksRunAgainAndTheAnswerIsUnchanged(String name) {
        String sql = TpchConformance.query(name);
        StatementClient.Result undisturbed = client("TASK").execute(sql);
        assertThat(undisturbed.error()).as("%s undisturbed", name).isEmpty();

        Killed killed = runAndKill(client("TASK"), sql);
        try {
            StatementClient.Result disturbed = killed.result();
            assertThat(disturbed.error()).as("%s with %s killed\n%s", name, killed.worker(), cluster.diagnostics()).isEmpty();
            assertThat(ExpectedResult.of(undisturbed).mismatch(disturbed, true))
                    .as("%s with %s killed", name, killed.worker())
                    .isEmpty();
            assertNoTasksLeft(disturbed.queryId());
        } finally {
            afterKill(killed);
        }
    }

    @Test
    @Order(2)
    void theQueryPolicyStartsTheQueryOverBeforeResultsWereSent() {
        String sql = TpchConformance.query("q01");
        StatementClient.Result undisturbed = client("QUERY").execute(sql);
        Killed killed = runAndKill(client("QUERY"), sql);
        try {
            assertThat(killed.result().error()).as("q01 with %s killed\n%s", killed.worker(), cluster.diagnostics()).isEmpty();
            assertThat(ExpectedResult.of(undisturbed).mismatch(killed.result(), true))
                    .as("q01 with %s killed", killed.worker())
                    .isEmpty();
            assertNoTasksLeft(killed.result().queryId());
        } finally {
            afterKill(killed);
        }
    }

    @Test
    @Order(3)
    void withoutRetriesTheQueryFailsSoonWithANamedErrorAndLeavesNoTask() {
        Killed killed = runAndKill(client("NONE"), TpchConformance.query("q09"));
        try {
            StatementClient.Result result = killed.result();
            assertThat(result.errorName()).as("error of q09 with %s killed", killed.worker())
                    .isIn("REMOTE_HOST_GONE", "REMOTE_TASK_ERROR");
            assertThat(result.error().orElseThrow().path("message").asText()).contains(killed.worker());
            assertThat(Duration.between(killed.at(), killed.ended())).as("time from SIGKILL to the failure")
                    .isLessThanOrEqualTo(FAILURE_LIMIT);
            assertNoTasksLeft(result.queryId());
        } finally {
            afterKill(killed);
        }
    }

    private record Killed(int slot, String worker, Instant at, Instant ended, StatementClient.Result result) {}

    /**
     * Runs {@code sql} and, once a worker runs one of its tasks, waits a random moment and kills that worker;
     * returns the query's outcome.
     */
    private static Killed runAndKill(StatementClient client, String sql) {
        CompletableFuture<StatementClient.Result> running = CompletableFuture.supplyAsync(() -> client.execute(sql));
        String queryId = runningQueryId(running);
        int slot = -1;
        long deadline = System.nanoTime() + QUERY_LIMIT.toNanos();
        while (slot < 0 && System.nanoTime() < deadline && !running.isDone()) {
            slot = slotRunningTaskOf(queryId);
        }
        assertThat(slot).as("a worker running a task of %s before it ended\n%s", queryId, cluster.diagnostics())
                .isNotNegative();
        awaitEndOrMoment(running, Duration.ofMillis(random.nextInt(1500)));
        ProcessCluster.Node victim = workers.get(slot);
        Instant at = Instant.now();
        victim.process().kill();
        log.info("Killed {} while {} ran", victim.nodeId(), queryId);
        StatementClient.Result result = running.orTimeout(QUERY_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
        return new Killed(slot, victim.nodeId(), at, Instant.now(), result);
    }

    /** The id of the one query running on the coordinator, once it is listed. */
    private static String runningQueryId(CompletableFuture<StatementClient.Result> running) {
        String[] id = {null};
        cluster.await(Duration.ofSeconds(30), "the query to be listed", () -> {
            if (running.isDone()) {
                throw new AssertionError("the query ended before it was listed: " + running.join().state());
            }
            for (JsonNode query : cluster.getJson(cluster.coordinatorUri().resolve("/v1/query")).orElseThrow()) {
                if (!query.path("state").asText().matches("FINISHED|FAILED")) {
                    id[0] = query.path("queryId").asText();
                    return true;
                }
            }
            return false;
        });
        return id[0];
    }

    /** The slot of a worker with a RUNNING task of {@code queryId}, or -1. */
    private static int slotRunningTaskOf(String queryId) {
        for (int slot = 0; slot < workers.size(); slot++) {
            Optional<JsonNode> tasks = cluster.getJson(workers.get(slot).uri().resolve("/v1/task"));
            for (JsonNode task : tasks.orElse(MissingNode.getInstance())) {
                JsonNode status = task.path("taskStatus");
                if (status.path("taskId").asText().startsWith(queryId + ".") && status.path("state").asText().equals("RUNNING")) {
                    return slot;
                }
            }
        }
        return -1;
    }

    /** No surviving worker keeps a task of {@code queryId} a moment after the query ended. */
    private static void assertNoTasksLeft(String queryId) {
        cluster.await(Duration.ofSeconds(10), "no task of " + queryId + " on the surviving workers", () -> {
            for (ProcessCluster.Node worker : workers) {
                if (!worker.process().isAlive()) {
                    continue;
                }
                for (JsonNode task : cluster.getJson(worker.uri().resolve("/v1/task")).orElse(MissingNode.getInstance())) {
                    if (task.path("taskStatus").path("taskId").asText().startsWith(queryId + ".")) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /**
     * Once the coordinator lists the killed worker as failed (queries no longer use it), the memory table still has every row exactly once
     * (read from the copies on the workers left); then the worker is started again.
     */
    private static void afterKill(Killed killed) {
        try {
            URI gone = workers.get(killed.slot()).uri();
            cluster.await(Duration.ofSeconds(60), killed.worker() + " in /v1/node/failed", () -> {
                for (JsonNode node : cluster.failedNodes()) {
                    if (URI.create(node.path("uri").asText()).equals(gone)) {
                        return true;
                    }
                }
                return false;
            });
            assertThat(onlyRow(cluster.client("memory", "default"), MEMORY_CHECK))
                    .as("count and checksums of the memory table after %s was killed", killed.worker())
                    .isEqualTo(memoryTableFigures);
        } finally {
            restart(killed.slot());
        }
    }

    private static List<Object> onlyRow(StatementClient client, String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as("error of %s\n%s", sql, cluster.diagnostics()).isEmpty();
        assertThat(result.rows()).as("rows of %s", sql).hasSize(1);
        return result.rows().get(0);
    }

    /** Starts the killed worker of {@code slot} again and waits until queries use all three workers. */
    private static void restart(int slot) {
        ProcessCluster.Node restarted = cluster.restart(workers.get(slot));
        workers.set(slot, restarted);
        restarted.process().awaitInfo(restarted.uri(), ProcessCluster.START_TIMEOUT);
        cluster.await(Duration.ofSeconds(60), "a query placed on all three workers again", () -> {
            StatementClient.Result result = cluster.client("tpch", "tiny").execute("SELECT count(*) FROM lineitem");
            return result.error().isEmpty() && result.finalStats().path("nodes").asInt() == 3;
        });
    }

    private static StatementClient client(String retryPolicy) {
        return new StatementClient(cluster.coordinatorUri(), "X-Trino-", Map.of(
                "User", "test", "Catalog", "tpch", "Schema", SCHEMA, "Session",
                "retry_policy=" + retryPolicy + ",retry_buffer_max_size=256MB"));
    }

    /** Waits until the query ends or the random kill moment comes, whichever is first. */
    private static void awaitEndOrMoment(CompletableFuture<StatementClient.Result> running, Duration moment) {
        try {
            running.get(moment.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // the moment came while the query runs: kill now
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the query broke the protocol", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
