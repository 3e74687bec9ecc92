package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.exec.memory.NodeMemoryPool;
import io.quarry.exec.memory.TaskMemoryContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operators that hold state report it to their task's memory, the pool enforces it, and tasks give it back. */
class TestMemoryAccounting {
    private static ExecutorService executor;

    @BeforeAll
    static void setUp() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Map<String, Long> peaks(LocalQueryRunner runner) {
        Map<String, Long> peaks = new HashMap<>();
        for (TaskMemoryContext context : runner.memoryContexts()) {
            context.peakByConsumer().forEach((consumer, bytes) -> peaks.merge(consumer, bytes, Math::max));
        }
        return peaks;
    }

    private static Map<String, Long> run(String sql) throws Exception {
        NodeMemoryPool pool = new NodeMemoryPool(1L << 30);
        LocalQueryRunner runner = new LocalQueryRunner(executor, 2, pool);
        runner.execute(sql, Map.of());
        assertThat(pool.reservedBytes()).as("finished tasks give their memory back").isZero();
        assertThat(runner.memoryContexts()).allSatisfy(context -> assertThat(context.reservedBytes()).isZero());
        return peaks(runner);
    }

    @Test
    void statefulOperatorsReportWhatTheyHold() throws Exception {
        // 15000 groups: the hash and the accumulators hold well over 100kB.
        assertThat(run("SELECT orderkey, count(*), sum(quantity) FROM lineitem GROUP BY orderkey"))
                .hasEntrySatisfying("HashAggregation", bytes -> assertThat(bytes).isGreaterThan(100_000));
        assertThat(run("SELECT count(*) FROM orders o JOIN customer c ON o.custkey = c.custkey"))
                .hasEntrySatisfying("HashBuilder", bytes -> assertThat(bytes).isGreaterThan(10_000));
        assertThat(run("SELECT orderkey FROM orders ORDER BY totalprice"))
                .hasEntrySatisfying("OrderBy", bytes -> assertThat(bytes).isGreaterThan(100_000));
        assertThat(run("SELECT orderkey, rank() OVER (PARTITION BY custkey ORDER BY totalprice) FROM orders"))
                .hasEntrySatisfying("Window", bytes -> assertThat(bytes).isGreaterThan(100_000));
        assertThat(run("SELECT orderkey FROM orders ORDER BY totalprice LIMIT 1000"))
                .hasEntrySatisfying("TopN", bytes -> assertThat(bytes).isGreaterThan(1_000));
    }

    @Test
    void aQueryOverItsLimitFailsAndGivesItsMemoryBack() {
        NodeMemoryPool pool = new NodeMemoryPool(64 << 10);
        LocalQueryRunner runner = new LocalQueryRunner(executor, 2, pool);
        assertThatThrownBy(() -> runner.execute("SELECT orderkey, count(*) FROM lineitem GROUP BY orderkey", Map.of()))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(QuarryException.class)
                .hasMessageStartingWith("Query exceeded per-node memory limit of 64kB [Allocated: ")
                .satisfies(e -> assertThat(((QuarryException) e).errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT));
        assertThat(pool.reservedBytes()).isZero();
    }

    @Test
    void theSessionLowersTheLimit() throws Exception {
        NodeMemoryPool pool = new NodeMemoryPool(1L << 30);
        LocalQueryRunner runner = new LocalQueryRunner(executor, 1, pool);
        assertThatThrownBy(() -> runner.execute("SELECT orderkey, count(*) FROM lineitem GROUP BY orderkey",
                Map.of("query_max_memory_per_node", "10kB")))
                .cause()
                .hasMessageStartingWith("Query exceeded per-node memory limit of 10kB");
        assertThat(runner.execute("SELECT count(*) FROM nation", Map.of("query_max_memory_per_node", "10kB")).rows())
                .isEqualTo(List.of(List.of(25L)));
    }
}
