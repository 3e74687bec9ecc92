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
import io.quarry.spi.FailureInfo;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node with a short {@code query.client.timeout}: a query nobody polls is failed and its tasks stop. */
class AbandonedQueryIT {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(3);

    private static QuarryCluster cluster;

    @BeforeAll
    static void start() {
        cluster = QuarryCluster.singleNode(builder -> builder.query(
                QueryConfig.builder().clientTimeout(CLIENT_TIMEOUT).build()));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void queryWithoutPollingIsAbandoned() {
        QuarryService service = cluster.coordinator().node().service();
        long submitted = System.nanoTime();
        QueryHandle handle = await(service.submit(
                ClientSession.forUser("test").withCatalogSchema("tpch", "sf1"), "SELECT * FROM lineitem"));
        String queryId = handle.queryId().toString();

        // The query runs (its tasks exist) although nobody reads; statistics are no heartbeat.
        Waits.until(Duration.ofSeconds(10), "tasks of " + queryId, () -> !cluster.tasksOf(queryId).isEmpty());
        Waits.until(Duration.ofSeconds(10), queryId + " to fail", () -> statistics(service, handle).state().isDone());
        long failedAfter = System.nanoTime() - submitted;
        assertThat(Duration.ofNanos(failedAfter)).isGreaterThanOrEqualTo(CLIENT_TIMEOUT);
        Waits.until(Duration.ofSeconds(1), "no task of " + queryId, () -> cluster.tasksOf(queryId).isEmpty());

        // The client's first poll, far too late, learns why.
        FetchResult result = await(service.fetch(handle, ResultPhase.QUEUED, 1, Duration.ZERO, 1 << 20));
        assertThat(result).isInstanceOf(ResultBatch.class);
        ResultBatch batch = (ResultBatch) result;
        assertThat(batch.nextToken()).isEmpty();
        assertThat(batch.stats().state().name()).isEqualTo("FAILED");
        FailureInfo failure = batch.error().orElseThrow();
        assertThat(failure.errorCode()).isEqualTo(ErrorCode.ABANDONED_QUERY);
        assertThat(failure.errorCode().code()).isEqualTo(2);
        assertThat(failure.message()).contains(queryId);
    }

    private static QueryStatistics statistics(QuarryService service, QueryHandle handle) {
        return await(service.statistics(handle)).orElseThrow(() -> new AssertionError("unknown query " + handle.queryId()));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(15, TimeUnit.SECONDS).join();
    }
}
