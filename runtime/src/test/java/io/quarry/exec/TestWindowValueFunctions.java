package io.quarry.exec;

import static io.quarry.exec.TestStructuralAndWindowFunctions.assertFails;

import io.quarry.spi.ErrorCode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lag, lead and nth_value types and arguments, and window frame errors, as Trino 476 gives them. */
class TestWindowValueFunctions extends LocalQueryTest {
    @Test
    void defaultsWidenTheResultType() throws Exception {
        assertResult("SELECT x, lag(x, 1, 0.5) OVER (ORDER BY x), lead(x, 1, 2.5e0) OVER (ORDER BY x),"
                        + " lag(x, 1, CAST(5 AS bigint)) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x) ORDER BY 1",
                List.of("integer", "decimal(11,1)", "double", "bigint"),
                List.of(1L, new BigDecimal("0.5"), 2.0, 5L),
                List.of(2L, new BigDecimal("1.0"), 2.5, 1L));
        assertResult("SELECT x, lag(x, 1, 'zzz') OVER (ORDER BY x), lead(x) OVER (ORDER BY x) FROM (VALUES 'a', 'b') t(x) ORDER BY 1",
                List.of("varchar(1)", "varchar(3)", "varchar(1)"),
                Arrays.asList("a", "zzz", "b"), Arrays.asList("b", "a", null));
        assertResult("SELECT lead(x, 1, DECIMAL '1.25') OVER (ORDER BY x) FROM (VALUES DECIMAL '1.5') t(x)",
                List.of("decimal(3,2)"), List.of(new BigDecimal("1.25")));
    }

    @Test
    void nullOffsets() throws Exception {
        assertFails("SELECT x, lag(x, NULL) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Offset must not be null");
        assertResult("SELECT x, nth_value(x, NULL) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x) ORDER BY 1",
                List.of("integer", "integer"), Arrays.asList(1L, null), Arrays.asList(2L, null));
    }

    @Test
    void distinctAggregatesOverFrames() throws Exception {
        assertResult("SELECT x, count(DISTINCT x) OVER (ORDER BY x), sum(DISTINCT x) OVER (PARTITION BY y),"
                        + " array_agg(DISTINCT x) OVER (), count(DISTINCT x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES (1, 1), (1, 1), (2, 1)) t(x, y) ORDER BY x",
                List.of("integer", "bigint", "bigint", "array(integer)", "bigint"),
                List.of(1L, 1L, 3L, List.of(1L, 2L), 1L),
                List.of(1L, 1L, 3L, List.of(1L, 2L), 1L),
                List.of(2L, 2L, 3L, List.of(1L, 2L), 2L));
        assertFails("SELECT lag(DISTINCT x) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.NOT_SUPPORTED,
                "DISTINCT in window function parameters not yet supported");
    }

    @Test
    void frameErrors() {
        assertFails("SELECT sum(x) OVER (ORDER BY y RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 'a')) t(x, y)",
                ErrorCode.TYPE_MISMATCH, "requires that sort item type be numeric, datetime or interval");
        assertFails("SELECT array_agg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)"
                        + " FROM (VALUES 1, 2, 3) t(x)", ErrorCode.SYNTAX_ERROR, "EXCLUDE");
        assertFails("SELECT row_number() OVER (ORDER BY x ROWS 1 PRECEDING) FROM (VALUES 1) t(x)",
                ErrorCode.INVALID_WINDOW_FRAME, "Cannot specify window frame");
    }
}
