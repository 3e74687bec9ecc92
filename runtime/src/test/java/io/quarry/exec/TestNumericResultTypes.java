package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result types of mod/%, avg over decimals and grouping() as Trino has them, with their values. */
class TestNumericResultTypes extends LocalQueryTest {

    @Test
    void modOfApproximateNumbersIsApproximate() throws Exception {
        assertResult("SELECT mod(5.5e0, 2e0), 5.5e0 % 2e0, mod(-7.5e0, 2), mod(CAST(5.5 AS real), CAST(2 AS real))",
                List.of("double", "double", "double", "real"),
                List.of(1.5, 1.5, -1.5, 1.5));
        // as in Java and Trino, a double remainder by zero is NaN, not an error
        assertResult("SELECT mod(1e0, 0e0)", List.of("double"), List.of(Double.NaN));
    }

    @Test
    void modOfExactNumbersKeepsTheCommonType() throws Exception {
        assertResult("SELECT -7 % 3, mod(CAST(7 AS integer), CAST(3 AS bigint)), mod(CAST(7 AS bigint), CAST(3 AS integer)),"
                        + " mod(7.5, 2), mod(nationkey, 7) FROM nation WHERE nationkey = 24",
                List.of("integer", "bigint", "bigint", "decimal(2,1)", "bigint"),
                List.of(-1L, 1L, 1L, new BigDecimal("1.5"), 3L));
        // an exact remainder by zero is an error (one row, one task: no other task's cancellation can come first)
        assertThatThrownBy(() -> runner.execute("SELECT mod(x, x - 7) FROM (VALUES 7) t(x)", Map.of()))
                .hasStackTraceContaining(QuarryException.class.getName())
                .hasStackTraceContaining("Division by zero");
    }

    @Test
    void averageOfDecimalsHasTheArgumentsType() throws Exception {
        assertResult("SELECT avg(x) FROM (VALUES CAST(1.5 AS decimal(10,2)), 2.25) t(x)",
                List.of("decimal(10,2)"), List.of(new BigDecimal("1.88")));
        assertResult("SELECT avg(x) FROM (VALUES CAST(1 AS decimal(38,10)), 2) t(x)",
                List.of("decimal(38,10)"), List.of(new BigDecimal("1.5000000000")));
        assertResult("SELECT regionkey, avg(CAST(nationkey AS decimal(5,1))) FROM nation GROUP BY regionkey ORDER BY regionkey LIMIT 2",
                List.of("bigint", "decimal(5,1)"),
                List.of(0L, new BigDecimal("10.0")), List.of(1L, new BigDecimal("9.4")));
    }

    @Test
    void commonTypeOfDecimalsKeepsTheScaleWhenThePrecisionIsCapped() throws Exception {
        // Trino 476: decimal(38,0) beside 0.5 is decimal(38,1), not Calcite's decimal(38,0)
        assertResult("SELECT x FROM (SELECT CAST(1 AS decimal(38,0)) x UNION ALL SELECT 0.5) t ORDER BY 1",
                List.of("decimal(38,1)"),
                List.of(new BigDecimal("0.5")), List.of(new BigDecimal("1.0")));
        assertResult("SELECT coalesce(CAST(NULL AS decimal(38,2)), 0.125), CASE WHEN false THEN CAST(1 AS decimal(38,0)) ELSE 2.5 END",
                List.of("decimal(38,3)", "decimal(38,1)"),
                List.of(new BigDecimal("0.125"), new BigDecimal("2.5")));
    }

    @Test
    void groupingUnderAPlainGroupByIsZero() throws Exception {
        assertResult("SELECT regionkey, grouping(regionkey), count(*) FROM nation GROUP BY regionkey ORDER BY regionkey LIMIT 2",
                List.of("bigint", "integer", "bigint"),
                List.of(0L, 0L, 5L), List.of(1L, 0L, 5L));
    }

    @Test
    void floorAndCeilOfARoundedDecimalTakeTheRoundedType() throws Exception {
        // round(decimal(14,2), 3) is a decimal(15,2), whose floor is a decimal(14,0)
        assertResult("SELECT floor(round(CAST(1.55 AS decimal(14,2)), 1)), ceil(round(CAST(9.95 AS decimal(3,2)), 1)),"
                + " round(round(CAST(9.95 AS decimal(3,2)), 1))", List.of("decimal(14,0)", "decimal(3,0)", "decimal(3,0)"),
                List.of(new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("10")));
    }
}
