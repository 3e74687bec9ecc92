package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.config.QueryConfig;
import io.quarry.testing.ProtocolRequests.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admission with {@code query.max-concurrent-queries = 1} and {@code query.max-queued-queries = 1}: a second
 * query waits in QUEUED (as {@code /v1/query} shows) until the first ends, a third is refused with
 * QUERY_QUEUE_FULL, and the waiting one then runs to its answer.
 */
class AdmissionIT {
    private static final Map<String, String> USER = Map.of("X-Trino-User", "test");
    private static final String SLOW = "SELECT count(*) FROM tpch.sf1.lineitem WHERE comment LIKE '%x%'";

    private static QuarryCluster cluster;
    private static ProtocolRequests requests;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode(builder -> builder.query(
                QueryConfig.builder().maxConcurrentQueries(1).maxQueuedQueries(1).build()));
        requests = new ProtocolRequests(cluster.coordinatorUri());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void queriesBeyondTheLimitsWaitThenAreRefused() {
        Response running = requests.submitUntilTasksRun(cluster, SLOW, USER, 1);
        String runningId = running.json().path("id").asText();

        Response waiting = requests.post("SELECT count(*) FROM tpch.tiny.nation", USER);
        String waitingId = waiting.json().path("id").asText();
        for (int i = 0; i < 3; i++) {
            waiting = requests.get(waiting.nextUri().orElseThrow(), USER);
            assertThat(waiting.state()).as("the second query waits").isEqualTo("QUEUED");
        }
        assertThat(requests.get("/v1/query/" + waitingId, USER).json().path("state").asText()).isEqualTo("QUEUED");
        assertThat(requests.get("/v1/query?state=queued", USER).body()).contains(waitingId).doesNotContain(runningId);

        StatementClient.Result refused = cluster.client("tpch", "tiny").execute("SELECT 1");
        assertThat(refused.errorName()).isEqualTo("QUERY_QUEUE_FULL");
        assertThat(refused.error().orElseThrow().path("errorType").asText()).isEqualTo("INSUFFICIENT_RESOURCES");

        // The running query ends (cancelled): the waiting one is admitted and answers.
        assertThat(requests.delete(running.nextUri().orElseThrow(), USER).status()).isEqualTo(204);
        List<String> rows = new ArrayList<>();
        while (waiting.nextUri().isPresent()) {
            waiting = requests.get(waiting.nextUri().get(), USER);
            rows.addAll(waiting.rows());
        }
        assertThat(waiting.error()).isEmpty();
        assertThat(rows).containsExactly("[25]");
        Waits.until(Duration.ofSeconds(10), "a new query runs at once",
                () -> cluster.client("tpch", "tiny").execute("SELECT 2").error().isEmpty());
    }
}
