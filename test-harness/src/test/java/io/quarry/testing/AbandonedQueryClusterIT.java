package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.client.ClientSession;
import io.quarry.client.FetchResult;
import io.quarry.client.QuarryService;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryStatistics;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultPhase;
import io.quarry.config.QueryConfig;
import io.quarry.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A coordinator and two workers with {@code query.client.timeout} 2 s: a query whose client stops fetching
 * while its tasks run on both workers is failed as abandoned, and no task of it remains on any node.
 */
class AbandonedQueryClusterIT {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.start(2, false, builder -> builder.query(
                QueryConfig.builder().clientTimeout(CLIENT_TIMEOUT).build()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void abandonedQueryLeavesNoTaskOnAnyWorker() {
        QuarryService service = cluster.coordinator().node().service();
        QueryHandle handle = await(service.submit(
                ClientSession.forUser("test").withCatalogSchema("tpch", "sf1"), "SELECT * FROM lineitem"));
        String queryId = handle.queryId().toString();

        // Its tasks run on both workers while nobody reads the result.
        Waits.until(Duration.ofSeconds(20), "tasks of " + queryId + " on both workers",
                () -> cluster.tasksOf(queryId).keySet().containsAll(List.of("worker-1", "worker-2")));
        Waits.until(Duration.ofSeconds(15), queryId + " to fail", () -> statistics(service, handle).state().isDone());
        Waits.until(Duration.ofSeconds(5), "no task of " + queryId + " on any node", () -> cluster.tasksOf(queryId).isEmpty());

        FetchResult result = await(service.fetch(handle, ResultPhase.QUEUED, 1, Duration.ZERO, 1 << 20));
        assertThat(result).isInstanceOf(ResultBatch.class);
        ResultBatch batch = (ResultBatch) result;
        assertThat(batch.stats().state().name()).isEqualTo("FAILED");
        assertThat(batch.error().orElseThrow().errorCode()).isEqualTo(ErrorCode.ABANDONED_QUERY);
        // the workers are free for the next query
        assertThat(cluster.client("tpch", "tiny").execute("SELECT count(*) FROM lineitem").rows())
                .containsExactly(List.of(60175));
        assertThat(cluster.tasksOf(queryId)).as("tasks of the abandoned query").isEmpty();
    }

    private static QueryStatistics statistics(QuarryService service, QueryHandle handle) {
        return await(service.statistics(handle)).orElseThrow(() -> new AssertionError("unknown query " + handle.queryId()));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(15, TimeUnit.SECONDS).join();
    }
}
