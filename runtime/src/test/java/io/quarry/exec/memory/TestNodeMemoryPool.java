package io.quarry.exec.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import org.junit.jupiter.api.Test;

class TestNodeMemoryPool {
    private static final QueryId BIG = QueryId.valueOf("20240101_000000_00001_aaaaa");
    private static final QueryId SMALL = QueryId.valueOf("20240101_000000_00002_bbbbb");

    private static TaskId task(QueryId query, int stage) {
        return new TaskId(new StageId(query, stage), 0, 0);
    }

    @Test
    void tasksOfOneQuerySumAndOnlyThatQueryFails() {
        NodeMemoryPool pool = new NodeMemoryPool(1000);
        TaskMemoryContext big1 = pool.createTaskContext(task(BIG, 1), Long.MAX_VALUE);
        TaskMemoryContext big2 = pool.createTaskContext(task(BIG, 2), Long.MAX_VALUE);
        TaskMemoryContext small = pool.createTaskContext(task(SMALL, 1), Long.MAX_VALUE);

        big1.reserve("HashAggregation", 600);
        small.reserve("OrderBy", 900);
        assertThat(pool.queryReservation(BIG)).isEqualTo(600);
        assertThat(pool.reservedBytes()).isEqualTo(1500);

        assertThatThrownBy(() -> big2.reserve("HashBuilder", 500))
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT))
                .hasMessage("Query exceeded per-node memory limit of 1000B [Allocated: 1.07kB, Delta: 500B, "
                        + "Top Consumers: {HashBuilder=500B}]");
        // The other query keeps growing within its own limit.
        small.reserve("OrderBy", 100);
        assertThat(pool.queryReservation(SMALL)).isEqualTo(1000);

        big1.close();
        big2.close();
        assertThat(pool.queryReservation(BIG)).isZero();
        assertThat(pool.reservedBytes()).isEqualTo(1000);
        assertThat(big1.peakBytes()).isEqualTo(600);
        // Late reports of a closed task change nothing.
        big1.reserve("HashAggregation", 5000);
        assertThat(pool.reservedBytes()).isEqualTo(1000);
        small.close();
        assertThat(pool.reservedBytes()).isZero();
    }

    @Test
    void aFinishedTaskKeepsOnlyItsOutputReservedUntilClosed() {
        NodeMemoryPool pool = new NodeMemoryPool(1000);
        TaskMemoryContext context = pool.createTaskContext(task(BIG, 1), Long.MAX_VALUE);
        context.reserve("HashAggregation", 300);
        context.setBufferedBytes(50);

        context.keepOnlyBuffered(120);

        assertThat(context.reservedBytes()).isEqualTo(120);
        assertThat(pool.queryReservation(BIG)).isEqualTo(120);
        context.close();
        assertThat(pool.queryReservation(BIG)).isZero();
        context.keepOnlyBuffered(500);
        assertThat(pool.reservedBytes()).isZero();
    }

    @Test
    void shrinkingAndBuffersNeverFail() {
        NodeMemoryPool pool = new NodeMemoryPool(100);
        TaskMemoryContext context = pool.createTaskContext(task(BIG, 1), Long.MAX_VALUE);
        context.setBufferedBytes(500);
        assertThat(context.reservedBytes()).isEqualTo(500);
        context.reserve("Window", -10);
        context.setBufferedBytes(50);
        assertThat(context.reservedBytes()).isEqualTo(40);
        assertThat(context.peakBytes()).isEqualTo(500);
        assertThatThrownBy(() -> context.reserve("Window", 70))
                .hasMessageStartingWith("Query exceeded per-node memory limit of 100B [Allocated: 110B");
    }

    @Test
    void theSessionOnlyLowersTheNodeLimit() {
        NodeMemoryPool pool = new NodeMemoryPool(1000);
        assertThat(pool.createTaskContext(task(BIG, 1), 10).limit()).isEqualTo(10);
        assertThat(pool.createTaskContext(task(BIG, 1), 1 << 20).limit()).isEqualTo(1000);
        assertThatThrownBy(() -> pool.createTaskContext(task(BIG, 1), 10).reserve("TopN", 11))
                .hasMessageStartingWith("Query exceeded per-node memory limit of 10B");
        assertThatThrownBy(() -> new NodeMemoryPool(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesWithinTheirLimitsStillCannotFillTheNodesPool() {
        NodeMemoryPool pool = new NodeMemoryPool(1000, 1500);
        TaskMemoryContext big = pool.createTaskContext(task(BIG, 1), Long.MAX_VALUE);
        TaskMemoryContext small = pool.createTaskContext(task(SMALL, 1), Long.MAX_VALUE);
        small.reserve("OrderBy", 900);
        big.reserve("HashAggregation", 500);
        assertThatThrownBy(() -> big.reserve("HashAggregation", 200))
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(((QuarryException) e).errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT))
                .hasMessageStartingWith("Query exceeded the memory pool of this node of 1.46kB shared by all queries");
        big.close();
        small.reserve("OrderBy", 100);
        assertThat(pool.reservedBytes()).isEqualTo(1000);
    }

    @Test
    void theNodesPoolIsAShareOfTheHeap() {
        NodeMemoryPool pool = NodeMemoryPool.forHeap(1000);
        assertThat(pool.size()).isEqualTo(NodeMemoryPool.sizeForHeap(Runtime.getRuntime().maxMemory()));
        assertThat(pool.maxQueryMemoryPerNode()).isEqualTo(1000);
        // large heaps keep 30% headroom, small ones at least 256MB, tiny ones still a tenth for queries
        assertThat(NodeMemoryPool.sizeForHeap(10L << 30)).isEqualTo(7L << 30);
        assertThat(NodeMemoryPool.sizeForHeap(512L << 20)).isEqualTo(256L << 20);
        assertThat(NodeMemoryPool.sizeForHeap(200L << 20)).isEqualTo(20L << 20);
    }
}
