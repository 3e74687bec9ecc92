package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** reduce_agg (partial states cross stages on the two-worker runner) and reduce's state typing, with Trino 476's answers. */
class TestReduceAgg extends LocalQueryTest {
    @Test
    void foldsTheNonNullValuesOfEachGroup() throws Exception {
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1, 2, 3) t(x)",
                List.of("integer"), List.of(6L));
        assertResult("SELECT reduce_agg(nationkey, 0, (a, b) -> a + b, (a, b) -> a + b) FROM tpch.tiny.nation",
                List.of("bigint"), List.of(300L));
        assertResult("SELECT regionkey, reduce_agg(nationkey, 1, (a, b) -> a * b, (a, b) -> a * b) FROM tpch.tiny.nation "
                        + "GROUP BY regionkey ORDER BY 1",
                List.of("bigint", "bigint"), List.of(0L, 0L), List.of(1L, 2448L), List.of(2L, 326592L),
                List.of(3L, 403788L), List.of(4L, 114400L));
        assertResult("SELECT reduce_agg(orderkey, 0, (a, b) -> a + b, (a, b) -> a + b) FROM tpch.tiny.orders",
                List.of("bigint"), List.of(449872500L));
        assertResult("SELECT reduce_agg(x, 0e0, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1, 2, 3) t(x)",
                List.of("double"), List.of(6.0));
        assertResult("SELECT reduce_agg(x, '', (a, b) -> a || b, (a, b) -> a || b) FROM (VALUES 'a') t(x)",
                List.of("varchar"), List.of("a"));
        assertResult("SELECT reduce_agg(x, true, (a, b) -> a AND b, (a, b) -> a AND b) FROM (VALUES true, false) t(x)",
                List.of("boolean"), List.of(false));
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1, NULL, 3) t(x)",
                List.of("integer"), List.of(4L));
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> greatest(a, b), (a, b) -> greatest(a, b)) FROM (VALUES 1, 2) t(x)",
                List.of("integer"), List.of(2L));
        assertResult("SELECT reduce_agg(x, y, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES (1, 2)) t(x, y)",
                List.of("integer"), List.of(3L));
    }

    @Test
    void emptyGroupsAndNullInitialValuesGiveNull() throws Exception {
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1) t(x) WHERE x > 5",
                List.of("integer"), Arrays.asList((Object) null));
        assertResult("SELECT reduce_agg(x, NULL, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1, 2) t(x)",
                List.of("integer"), Arrays.asList((Object) null));
    }

    @Test
    void filterAndWindowForms() throws Exception {
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) FILTER (WHERE x > 1) FROM (VALUES 1, 2, 3) t(x)",
                List.of("integer"), List.of(5L));
        assertResult("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) OVER () FROM (VALUES 1, 2) t(x)",
                List.of("integer"), List.of(3L), List.of(3L));
    }

    @Test
    void wrongCallsAreRejected() {
        assertThatThrownBy(() -> run("SELECT reduce_agg(x, 0, (a, b) -> a + b) FROM (VALUES 1) t(x)"))
                .hasMessageContaining("reduce_agg");
        assertThatThrownBy(() -> run("SELECT reduce_agg(DISTINCT x, 0, (a, b) -> a + b, (a, b) -> a + b) FROM (VALUES 1) t(x)"))
                .hasMessageContaining("DISTINCT can only be applied to comparable types");
    }

    @Test
    void reduceStateWidensToTheInputFunctionsResult() throws Exception {
        assertResult("SELECT reduce(ARRAY[BIGINT '1'], 0, (s, x) -> s + x, s -> s)", List.of("bigint"), List.of(1L));
        assertResult("SELECT reduce(ARRAY[BIGINT '1'], CAST(0 AS INTEGER), (s, x) -> s + x, s -> s)",
                List.of("bigint"), List.of(1L));
        assertResult("SELECT reduce(ARRAY[1, 2], 0e0, (s, x) -> s + x, s -> s)", List.of("double"), List.of(3.0));
        assertResult("SELECT reduce(ARRAY[1, 2], NULL, (s, x) -> s + x, s -> s)", List.of("integer"),
                Arrays.asList((Object) null));
        assertResult("SELECT reduce(ARRAY[], 0, (s, x) -> s + x, s -> s)", List.of("integer"), List.of(0L));
    }
}
