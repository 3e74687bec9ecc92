package io.quarry.exec;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Expressions nested or chained deeply plan and compile in time that grows with their size: work repeated for the
 * operands at each level once made a CASE or COALESCE nested twenty deep, or a sum of twenty terms, take minutes.
 * Each test fails on its timeout if that comes back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestDeepExpressions extends LocalQueryTest {
    private static String repeat(String text, int times) {
        return String.join("", Collections.nCopies(times, text));
    }

    @Test
    void nestedCase() throws Exception {
        assertResult("SELECT " + repeat("CASE WHEN nationkey = 0 THEN 0 ELSE ", 60) + "1" + repeat(" END", 60)
                        + " FROM tpch.tiny.nation WHERE nationkey < 2 ORDER BY nationkey",
                List.of("integer"), List.of(0L), List.of(1L));
    }

    @Test
    void nestedCoalesceAndIf() throws Exception {
        assertResult("SELECT " + repeat("coalesce(", 60) + "nationkey" + repeat(", 1)", 60) + ", "
                        + repeat("if(nationkey > 1, ", 60) + "nationkey" + repeat(", 0)", 60)
                        + " FROM tpch.tiny.nation WHERE nationkey IN (1, 2) ORDER BY nationkey",
                List.of("bigint", "bigint"), List.of(1L, 0L), List.of(2L, 2L));
    }

    @Test
    void longSumsAndDisjunctions() throws Exception {
        assertResult("SELECT " + String.join(" + ", Collections.nCopies(100, "nationkey"))
                        + " FROM tpch.tiny.nation WHERE " + String.join(" OR ", Collections.nCopies(100, "nationkey = 3")),
                List.of("bigint"), List.of(300L));
    }
}
