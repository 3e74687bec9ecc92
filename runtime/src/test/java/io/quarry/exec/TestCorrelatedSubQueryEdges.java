package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Correlated and row sub-queries where Quarry answered differently from Trino 476. The expected values were taken
 * from Trino 476.
 */
class TestCorrelatedSubQueryEdges extends LocalQueryTest {
    @Test
    void countIfAndApproxDistinctOverNoRowsAreZero() throws Exception {
        assertResult("SELECT r.regionkey, "
                + "(SELECT count_if(n.name LIKE 'A%') FROM tpch.tiny.nation n WHERE n.regionkey = r.regionkey AND n.nationkey > 20), "
                + "(SELECT approx_distinct(n.name) FROM tpch.tiny.nation n WHERE n.regionkey = r.regionkey AND n.nationkey > 20) "
                + "FROM tpch.tiny.region r ORDER BY 1",
            List.of("bigint", "bigint", "bigint"),
            List.of(0L, 0L, 0L), List.of(1L, 0L, 1L), List.of(2L, 0L, 1L), List.of(3L, 0L, 2L), List.of(4L, 0L, 0L));
        assertResult("SELECT r.regionkey, x.c, x.s FROM tpch.tiny.region r CROSS JOIN LATERAL "
                + "(SELECT count_if(n.nationkey > 22) AS c, sum(n.nationkey) AS s FROM tpch.tiny.nation n "
                + "WHERE n.regionkey = r.regionkey AND n.nationkey > 20) x ORDER BY 1",
            List.of("bigint", "bigint", "bigint"),
            Arrays.asList(0L, 0L, null), List.of(1L, 1L, 24L), List.of(2L, 0L, 21L), List.of(3L, 1L, 45L), Arrays.asList(4L, 0L, null));
    }

    @Test
    void constantRowInSubQueryComparesRowsAsValues() throws Exception {
        assertResult("SELECT (NULL, 1) IN (SELECT NULL, 1)", List.of("boolean"), List.of(true));
        assertResult("SELECT (NULL, 1) NOT IN (SELECT NULL, 1)", List.of("boolean"), List.of(false));
        assertResult("SELECT (1, 2) IN (VALUES (1, NULL))", List.of("boolean"), List.of(false));
        assertResult("SELECT (1, 2) NOT IN (VALUES (1, NULL))", List.of("boolean"), List.of(true));
        assertResult("SELECT (NULL, 2) = ANY (VALUES (NULL, 2))", List.of("boolean"), List.of(true));
        assertResult("SELECT (1, NULL) IN (SELECT nationkey, regionkey FROM tpch.tiny.nation)", List.of("boolean"), List.of(false));
        assertResult("SELECT x, (x, 1) IN (VALUES (1, 1), (NULL, 1)) FROM (VALUES 1, 2, NULL) t(x) ORDER BY 1",
            List.of("integer", "boolean"), List.of(1L, true), List.of(2L, false), Arrays.asList(null, true));
    }

    @Test
    void predicateAsOperandOfPredicateNeedsParentheses() throws Exception {
        assertFails("SELECT * FROM tpch.tiny.nation WHERE nationkey IN (SELECT regionkey FROM tpch.tiny.region) = false",
            ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT 1 = 1 = true", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT 1 IN (SELECT 1) IS NULL", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT 'a' LIKE 'a' = true", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT false = 1 IN (1)", ErrorCode.SYNTAX_ERROR);
        assertResult("SELECT count(*) FROM tpch.tiny.nation WHERE (nationkey IN (SELECT regionkey FROM tpch.tiny.region)) = false",
            List.of("bigint"), List.of(20L));
        assertResult("SELECT (1 = 1) = true, ((1 BETWEEN 0 AND 2)) IS NOT NULL, ('a)' = 'a)') = true",
            List.of("boolean", "boolean", "boolean"), List.of(true, true, true));
    }

    @Test
    void lateralUnnestWithOrderByAndLimit() throws Exception {
        assertResult("SELECT t.k, x.y FROM (VALUES (1, ARRAY[3,1,2]), (1, ARRAY[3,1,2]), (2, ARRAY[5,4])) t(k, a) "
                + "CROSS JOIN LATERAL (SELECT y FROM UNNEST(t.a) u(y) ORDER BY y DESC LIMIT 2) x ORDER BY 1, 2",
            List.of("integer", "integer"),
            List.of(1L, 2L), List.of(1L, 2L), List.of(1L, 3L), List.of(1L, 3L), List.of(2L, 4L), List.of(2L, 5L));
        assertResult("SELECT t.k, x.y FROM (VALUES (1, ARRAY[3,NULL,2]), (2, ARRAY[])) t(k, a) "
                + "LEFT JOIN LATERAL (SELECT y FROM UNNEST(t.a) u(y) ORDER BY y LIMIT 2) x ON true ORDER BY 1, 2",
            List.of("integer", "integer"), List.of(1L, 2L), List.of(1L, 3L), Arrays.asList(2L, null));
        assertResult("SELECT t.k, x.y FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[5,4])) t(k, a) "
                + "CROSS JOIN LATERAL (SELECT y + t.k AS y FROM UNNEST(t.a) u(y) ORDER BY y LIMIT 1) x ORDER BY 1, 2",
            List.of("integer", "integer"), List.of(1L, 2L), List.of(2L, 6L));
        // Trino refuses a filter there
        assertFails("SELECT t.k, x.y FROM (VALUES (1, ARRAY[3,1,2])) t(k, a) "
                + "CROSS JOIN LATERAL (SELECT y FROM UNNEST(t.a) u(y) WHERE y > 1 ORDER BY y LIMIT 1) x", ErrorCode.NOT_SUPPORTED);
    }

    @Test
    void leftLateralUnnestWithComputedColumnsIsNullWhereTheArrayIsEmpty() throws Exception {
        assertResult("SELECT o.k, u.y FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[]), (3, NULL)) o(k, a) "
                + "LEFT JOIN LATERAL (SELECT x * 2 AS y FROM UNNEST(o.a) t(x) ORDER BY x DESC LIMIT 2) u ON true ORDER BY 1, 2",
            List.of("integer", "integer"), List.of(1L, 4L), List.of(1L, 6L), Arrays.asList(2L, null), Arrays.asList(3L, null));
        assertResult("SELECT o.k, u.y, u.z FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[0]), (3, ARRAY[])) o(k, a) "
                + "LEFT JOIN LATERAL (SELECT x * 2 AS y, coalesce(x, 7) + o.k AS z FROM UNNEST(o.a) t(x) ORDER BY x LIMIT 2) u"
                + " ON true ORDER BY 1, 2",
            List.of("integer", "integer", "integer"), List.of(1L, 2L, 2L), List.of(1L, 4L, 3L), List.of(2L, 0L, 2L),
            Arrays.asList(3L, null, null));
        assertResult("SELECT o.k, u.y FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[])) o(k, a) "
                + "LEFT JOIN LATERAL (SELECT 1 AS y FROM UNNEST(o.a) t(x) ORDER BY x LIMIT 2) u ON true ORDER BY 1, 2",
            List.of("integer", "integer"), List.of(1L, 1L), List.of(1L, 1L), Arrays.asList(2L, null));
    }
}
