package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryStatistics;
import io.quarry.spi.QueryId;
import io.quarry.testing.ProtocolRequests.Response;
import io.quarry.testing.ProtocolRequests.ResultUri;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The life of a query on a coordinator that runs no tasks and two workers: cancel stops every task at
 * once, a client that stops reading stops production (bounded buffers all the way down), and results far
 * larger than an Artery frame cross nodes whole.
 */
class QueryLifecycleIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final Duration TASKS_GONE = Duration.ofSeconds(1);
    private static final long SF1_LINEITEM_ROWS = 6_001_215;

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

    // ---- 4. cancel ----

    @Test
    void deleteCancelsARunningQueryAndItsTasks() {
        // Follow the query until its tasks run on both workers.
        Response response = requests.submitUntilTasksRun(
                cluster, "SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'", USER, 2);
        String queryId = response.json().path("id").asText();
        assertThat(cluster.tasksOf(queryId)).containsOnlyKeys("worker-1", "worker-2");
        URI next = response.nextUri().orElseThrow();

        Response deleted = requests.delete(next, USER);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Waits.until(TASKS_GONE, "no task of " + queryId + " on any node", () -> cluster.tasksOf(queryId).isEmpty());

        // rest-protocol.md §2.6: the query ends FAILED with USER_CANCELED; the client's next GET says so.
        Response canceled = requests.get(next, USER);
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.state()).isEqualTo("FAILED");
        assertThat(canceled.nextUri()).isEmpty();
        JsonNode error = canceled.error().orElseThrow();
        assertThat(error.path("errorName").asText()).isEqualTo("USER_CANCELED");
        assertThat(error.path("errorCode").asInt()).isEqualTo(3);
        assertThat(error.path("errorType").asText()).isEqualTo("USER_ERROR");
        // That answer is now the last one: repeated identically; a second DELETE is harmless.
        assertThat(requests.get(next, USER).body()).isEqualTo(canceled.body());
        assertThat(requests.delete(next, USER).status()).isEqualTo(204);
        ResultUri served = ResultUri.parse(next);
        assertThat(requests.get(served.withToken(served.token() + 1).on(cluster.coordinatorUri()), USER).status())
                .isEqualTo(404);
    }

    // ---- 5. back-pressure ----

    @Test
    void clientThatStopsReadingStopsProduction() {
        Response response = requests.post("SELECT * FROM tpch.sf1.lineitem", USER);
        String queryId = response.json().path("id").asText();
        while (response.rows().isEmpty()) {
            response = requests.get(response.nextUri().orElseThrow(), USER);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.error()).isEmpty();
        }
        URI next = response.nextUri().orElseThrow();
        ResultUri parts = ResultUri.parse(next);
        QueryHandle handle = new QueryHandle(QueryId.valueOf(parts.queryId()), parts.slug());

        // Stop reading; only heartbeats (HEAD consumes nothing). Production must come to rest.
        long pausedAt = System.nanoTime();
        long[] lastRows = {-1};
        long[] unchangedSince = {System.nanoTime()};
        Waits.until(Duration.ofSeconds(12), "processed rows of " + queryId + " to stop growing", () -> {
            assertThat(requests.head(next, USER).status()).isEqualTo(200);
            long rows = statistics(handle).processedRows();
            long now = System.nanoTime();
            if (rows != lastRows[0]) {
                lastRows[0] = rows;
                unchangedSince[0] = now;
            }
            // Task statistics arrive every 500 ms: unchanged over 1.5 s means nothing was produced.
            return now - unchangedSince[0] > TimeUnit.MILLISECONDS.toNanos(1500)
                    && now - pausedAt > TimeUnit.SECONDS.toNanos(3);
        });
        long stalledRows = lastRows[0];
        QueryStatistics stats = statistics(handle);
        assertThat(stats.state().isDone()).isFalse();
        assertThat(stalledRows).as("rows produced while the client does not read").isPositive()
                .isLessThan(SF1_LINEITEM_ROWS / 3);

        // Reading again resumes production.
        Response resumed = requests.get(next, USER);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.rows()).isNotEmpty();
        URI after = resumed.nextUri().orElseThrow();

        Response deleted = requests.delete(after, USER);
        assertThat(deleted.status()).isEqualTo(204);
        Waits.until(TASKS_GONE, "no task of " + queryId + " on any node", () -> cluster.tasksOf(queryId).isEmpty());
        assertThat(requests.get(after, USER).error().orElseThrow().path("errorName").asText()).isEqualTo("USER_CANCELED");
    }

    // ---- 7. pages far larger than an Artery frame between nodes ----

    @Test
    void largeResultCrossesNodesWhole() {
        assertThat(cluster.coordinator().config().runsTasks()).as("the coordinator runs no tasks").isFalse();
        String sql = "SELECT * FROM lineitem";
        StatementClient.Result distributed = cluster.client("tpch", "tiny").execute(sql);
        assertThat(distributed.error()).isEmpty();
        assertThat(distributed.rows()).hasSize(60175);
        // About 10 MB of rows came from a worker's root task to the coordinator: many Artery frames.
        assertThat(distributed.finalStats().path("processedBytes").asLong()).isGreaterThan(40L * 256 * 1024);

        RowDigest expected;
        try (QuarryCluster single = QuarryCluster.singleNode()) {
            StatementClient.Result local = single.client("tpch", "tiny").execute(sql);
            assertThat(local.error()).isEmpty();
            expected = RowDigest.of(local.rows());
        }
        assertThat(RowDigest.of(distributed.rows())).isEqualTo(expected);
    }

    private static QueryStatistics statistics(QueryHandle handle) {
        return cluster.coordinator().node().service().statistics(handle)
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join()
                .orElseThrow(() -> new AssertionError("query " + handle.queryId() + " is unknown"));
    }

    /** A multiset of rows in two numbers: the count and the wrapping sum of a 64-bit hash of each row's text. */
    private record RowDigest(long rows, long hashSum) {
        static RowDigest of(List<List<Object>> rows) {
            long sum = 0;
            for (List<Object> row : rows) {
                sum += fnv1a64(row.toString().getBytes(StandardCharsets.UTF_8));
            }
            return new RowDigest(rows.size(), sum);
        }

        private static long fnv1a64(byte[] bytes) {
            long hash = 0xcbf29ce484222325L;
            for (byte b : bytes) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            return hash;
        }
    }
}
