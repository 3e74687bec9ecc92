package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row pattern recognition in a window ({@code f(x) OVER w … WINDOW w AS (… MEASURES … PATTERN … DEFINE …)}), as Trino 476 answers. */
class TestWindowPatternRecognition extends LocalQueryTest {
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void measuresAndAggregatesOverTheMatchOfEachRow() throws Exception {
        // Trino 476: the frame of each row is its match; a row without one, or skipped by an earlier match, has an empty frame
        assertResult("SELECT m OVER w FROM (VALUES 1, 2, 3, 2, 1) t(x) WINDOW w AS (ORDER BY x MEASURES A.x AS m ROWS "
                + "BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B+) DEFINE B AS x > PREV(x))",
                List.of("integer"),
                row((Object) null),
                row(1L),
                row((Object) null),
                row(2L),
                row((Object) null));
        assertResult("SELECT x, count(*) OVER w, b OVER w, first_value(x) OVER w, last_value(x) OVER w, sum(x) OVER w, "
                + "avg(x) OVER w FROM (VALUES 1, 2, 3, 4, 5) t(x) WINDOW w AS (ORDER BY x MEASURES LAST(B.x) AS b ROWS "
                + "BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B+) DEFINE B AS B.x > PREV(B.x)) ORDER BY x",
                List.of("integer", "bigint", "integer", "integer", "integer", "bigint", "double"),
                row(1L, 5L, 5L, 1L, 5L, 15L, 3.0),
                row(2L, 0L, null, null, null, null, null),
                row(3L, 0L, null, null, null, null, null),
                row(4L, 0L, null, null, null, null, null),
                row(5L, 0L, null, null, null, null, null));
        assertResult("SELECT x, coalesce(l OVER w, -1) AS l, nth_value(x, 2) OVER w AS n FROM (VALUES 1, 2, 3, 4, 5, 6) "
                + "t(x) WINDOW w AS (ORDER BY x MEASURES LAST(B.x) AS l ROWS BETWEEN CURRENT ROW AND UNBOUNDED "
                + "FOLLOWING PATTERN (A B) DEFINE B AS B.x > A.x) ORDER BY x",
                List.of("integer", "integer", "integer"),
                row(1L, 2L, 2L),
                row(2L, -1L, null),
                row(3L, 4L, 4L),
                row(4L, -1L, null),
                row(5L, 6L, 6L),
                row(6L, -1L, null));
    }

    @Test
    void afterMatchSkipAndFrameEnd() throws Exception {
        // TO NEXT ROW: every row looks for a match; the frame end bounds the match and navigation
        assertResult("SELECT x, count(*) OVER w, b OVER w FROM (VALUES 1, 2, 3, 4, 5) t(x) WINDOW w AS (ORDER BY x "
                + "MEASURES LAST(B.x) AS b ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING AFTER MATCH SKIP TO NEXT ROW "
                + "PATTERN (A B+) DEFINE B AS B.x > PREV(B.x)) ORDER BY x",
                List.of("integer", "bigint", "integer"),
                row(1L, 3L, 3L),
                row(2L, 3L, 4L),
                row(3L, 3L, 5L),
                row(4L, 2L, 5L),
                row(5L, 0L, null));
    }

    @Test
    void seekFindsTheMatchAnywhereInTheFrame() throws Exception {
        // SEEK: the match may start after the current row; PREV and NEXT stay in the frame
        assertResult("SELECT x, count(*) OVER w, first_value(x) OVER w, c OVER w FROM (VALUES 1, 2, 3, 4, 5, 6, 7) t(x) "
                + "WINDOW w AS (ORDER BY x MEASURES CLASSIFIER() AS c ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING "
                + "SEEK PATTERN (B{2}) DEFINE B AS B.x % 3 <> 0) ORDER BY x",
                List.of("integer", "bigint", "integer", "varchar"),
                row(1L, 2L, 1L, "B"),
                row(2L, 0L, null, null),
                row(3L, 2L, 4L, "B"),
                row(4L, 0L, null, null),
                row(5L, 0L, null, null),
                row(6L, 0L, null, null),
                row(7L, 0L, null, null));
        assertResult("SELECT x, count(*) OVER w, first_value(x) OVER w, n OVER w FROM (VALUES 1, 2, 3, 4, 5, 6, 7) t(x) "
                + "WINDOW w AS (ORDER BY x MEASURES NEXT(A.x) AS n ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING AFTER MATCH "
                + "SKIP TO NEXT ROW SEEK PATTERN (A) DEFINE A AS A.x % 3 = 0) ORDER BY x",
                List.of("integer", "bigint", "integer", "integer"),
                row(1L, 0L, null, null),
                row(2L, 1L, 3L, null),
                row(3L, 1L, 3L, 4L),
                row(4L, 0L, null, null),
                row(5L, 1L, 6L, null),
                row(6L, 1L, 6L, 7L),
                row(7L, 0L, null, null));
    }

    @Test
    void partitionsInlineWindowAndQualifiedColumns() throws Exception {
        assertResult("SELECT g, x, count(*) OVER (PARTITION BY g ORDER BY x DESC MEASURES LAST(x) AS l ROWS BETWEEN "
                + "CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.x = PREV(B.x) - 1) AS c FROM "
                + "(VALUES ('a', 1), ('a', 3), ('a', 2), ('b', 5), ('b', 6), ('b', 4), ('b', 8)) t(g, x) ORDER BY g, x",
                List.of("varchar(1)", "integer", "bigint"),
                row("a", 1L, 0L),
                row("a", 2L, 0L),
                row("a", 3L, 3L),
                row("b", 4L, 0L),
                row("b", 5L, 0L),
                row("b", 6L, 3L),
                row("b", 8L, 1L));
        assertResult("SELECT o.orderkey, count(*) OVER w AS c, lp OVER w AS lp FROM orders o WHERE o.orderkey < 10 WINDOW "
                + "w AS (ORDER BY o.orderkey MEASURES LAST(A.totalprice) AS lp ROWS BETWEEN CURRENT ROW AND UNBOUNDED "
                + "FOLLOWING PATTERN (A+) DEFINE A AS A.orderstatus = 'O') ORDER BY 1",
                List.of("bigint", "bigint", "double"),
                row(1L, 2L, 38426.09),
                row(2L, 0L, null),
                row(3L, 0L, null),
                row(4L, 1L, 56000.91),
                row(5L, 0L, null),
                row(6L, 0L, null),
                row(7L, 1L, 271885.66));
    }

    @Test
    void measuresOfMatchRecognizeMayBeNull() throws Exception {
        // a measure is NULL for an empty match or a navigation out of the match: COALESCE is not dropped
        assertResult("SELECT x, coalesce(l, -1) FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES LAST(B.x) "
                + "AS l ALL ROWS PER MATCH PATTERN (A B?) DEFINE B AS B.x > 5)",
                List.of("integer", "integer"),
                row(1L, -1L),
                row(2L, -1L),
                row(3L, -1L));
    }

    @Test
    void errors() throws Exception {
        assertFails("SELECT x, m OVER w AS c FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (ORDER BY x MEASURES A.x AS m, B.x AS m "
                + "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B) DEFINE B AS true)",
                ErrorCode.AMBIGUOUS_NAME, "line 1:11: Measure m is defined more than once");
        assertFails("SELECT x, count(*) OVER w AS c FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (ORDER BY x ROWS BETWEEN "
                + "CURRENT ROW AND 1 PRECEDING PATTERN (A) DEFINE A AS x > 2)",
                ErrorCode.INVALID_WINDOW_FRAME, "line 1:86: Window frame starting from CURRENT ROW cannot end with PRECEDING");
        assertFails("SELECT x, count(*) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x ROWS BETWEEN CURRENT ROW "
                + "AND 2 FOLLOWING PATTERN (A+ $) DEFINE A AS true)",
                ErrorCode.INVALID_ROW_PATTERN, "line 1:128: Anchor pattern syntax is not allowed in window");
        assertFails("SELECT x, m OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x MEASURES MATCH_NUMBER() AS m ROWS "
                + "BETWEEN CURRENT ROW AND 2 FOLLOWING PATTERN (A+) DEFINE A AS true)",
                ErrorCode.INVALID_PATTERN_RECOGNITION_FUNCTION, "line 1:77: MATCH_NUMBER function is not supported in window");
        assertFails("SELECT x, zz OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x MEASURES A.x AS m ROWS BETWEEN "
                + "CURRENT ROW AND 2 FOLLOWING PATTERN (A+) DEFINE A AS true)",
                ErrorCode.INVALID_WINDOW_MEASURE, "line 1:11: Measure zz is not defined in the corresponding window");
        assertFails("SELECT x, rank() OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x MEASURES A.x AS m ROWS "
                + "BETWEEN CURRENT ROW AND 2 FOLLOWING PATTERN (A+) DEFINE A AS true)",
                ErrorCode.INVALID_WINDOW_FRAME, "line 1:73: Cannot specify window frame for rank function");
    }

    @Test
    void ownMeasuresAreNullWithoutAMatchButNotForAnEmptyOne() throws Exception {
        // the window functions see an empty frame either way
        assertResult("SELECT x, count(*) OVER w AS c, r OVER w AS r, f OVER w AS f FROM (VALUES 1, 2, 3, 4, 5, 6) t(x) "
                + "WINDOW w AS (ORDER BY x MEASURES count(*) AS r, FIRST(A.x) AS f ROWS BETWEEN CURRENT ROW AND "
                + "UNBOUNDED FOLLOWING PATTERN (A*) DEFINE A AS x % 3 = 0)",
                List.of("integer", "bigint", "bigint", "integer"),
                row(1L, 0L, 0L, null),
                row(2L, 0L, 0L, null),
                row(3L, 1L, 1L, 3L),
                row(4L, 0L, 0L, null),
                row(5L, 0L, 0L, null),
                row(6L, 1L, 1L, 6L));
        assertResult("SELECT x, count(*) OVER w AS c, r OVER w AS r FROM (VALUES 1, 2, 3, 4, 5, 6) t(x) WINDOW w AS (ORDER "
                + "BY x MEASURES count(*) AS r ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A*) DEFINE A "
                + "AS x % 3 <> 0)",
                List.of("integer", "bigint", "bigint"),
                row(1L, 2L, 2L),
                row(2L, 0L, null),
                row(3L, 0L, 0L),
                row(4L, 2L, 2L),
                row(5L, 0L, null),
                row(6L, 0L, 0L));
    }

    @Test
    void keysThatAreExpressions() throws Exception {
        assertResult("SELECT x, count(*) OVER w AS c FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (PARTITION BY x % 2 ORDER "
                + "BY x DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B) DEFINE B AS true) ORDER BY "
                + "x",
                List.of("integer", "bigint"),
                row(1L, 0L),
                row(2L, 0L),
                row(3L, 2L),
                row(4L, 2L));
    }

    @Test
    void groupedBlocksStarsAndMoreThanOneWindow() throws Exception {
        // Trino 476: the window reads the grouped rows; its MEASURES and DEFINE aggregate the match, its function's argument the group
        assertResult("SELECT g, count(*) AS n, sum(count(*)) OVER w AS s FROM (VALUES 1, 1, 2, 3, 3, 3) t(g) GROUP BY g HAVING "
                + "count(*) < 3 WINDOW w AS (ORDER BY g ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS "
                + "B.g > PREV(B.g)) ORDER BY g",
                List.of("integer", "bigint", "bigint"),
                row(1L, 2L, 3L),
                row(2L, 1L, null));
        assertResult("SELECT count(*), count(*) OVER (ORDER BY count(*) ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A) "
                + "DEFINE A AS true) FROM (VALUES 1, 2, 3) t(x)",
                List.of("bigint", "bigint"),
                row(3L, 1L));
        assertResult("SELECT *, count(*) OVER w AS c FROM (VALUES (2, 'b'), (1, 'a'), (3, 'c')) t(x, y) WINDOW w AS (ORDER BY y DESC "
                + "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.x < PREV(B.x)) ORDER BY x",
                List.of("integer", "varchar(1)", "bigint"),
                row(1L, "a", 0L),
                row(2L, "b", 0L),
                row(3L, "c", 3L));
        assertResult("SELECT t.*, first_value(y) OVER w AS f FROM (VALUES (2, 'b'), (1, 'a'), (3, 'c')) t(x, y) WINDOW w AS (ORDER BY "
                + "x ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING PATTERN (A B*) DEFINE B AS true) ORDER BY x",
                List.of("integer", "varchar(1)", "varchar(1)"),
                row(1L, "a", "a"),
                row(2L, "b", null),
                row(3L, "c", "c"));
        assertResult("SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS "
                + "B.x > PREV(B.x)) AS c1, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING PATTERN (A+) DEFINE A AS "
                + "true) AS c2 FROM (VALUES 1, 2, 3) t(x) ORDER BY x",
                List.of("integer", "bigint", "bigint"),
                row(1L, 3L, 3L),
                row(2L, 0L, null),
                row(3L, 0L, 3L));
        assertResult("SELECT x, count(*) OVER w1 AS c1, sum(x) OVER w2 AS s2 FROM (VALUES 1, 2, 3, 2, 3, 4) t(x) WINDOW w1 AS (ORDER "
                + "BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.x > PREV(B.x)), w2 AS (ORDER BY x "
                + "ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING PATTERN (A B+) DEFINE B AS B.x = PREV(B.x)) ORDER BY 1, 2",
                List.of("integer", "bigint", "bigint"),
                row(1L, 2L, null),
                row(2L, 0L, 4L),
                row(2L, 2L, null),
                row(3L, 0L, 6L),
                row(3L, 2L, null),
                row(4L, 0L, null));
        assertResult("SELECT x, c, count(*) OVER w AS c2 FROM (SELECT x, count(*) OVER w AS c FROM (VALUES 1, 2, 3, 4, 5) t(x) WINDOW "
                + "w AS (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B) DEFINE B AS true)) WINDOW w AS "
                + "(ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.c < PREV(B.c)) ORDER BY 1",
                List.of("integer", "bigint", "bigint"),
                row(1L, 2L, 2L),
                row(2L, 0L, 0L),
                row(3L, 2L, 2L),
                row(4L, 0L, 0L),
                row(5L, 0L, 1L));
    }

    @Test
    void groupedByExpressionsAndRollupUnderAnAliasWithColumns() throws Exception {
        // Trino 476
        assertResult("SELECT p, v % 2 AS odd, count(*) AS n, count(*) OVER w AS c FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('a', 3)) "
                + "t(p, v) GROUP BY p, v % 2 WINDOW w AS (ORDER BY p, v % 2 ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN "
                + "(A B*) DEFINE B AS B.p = PREV(B.p)) ORDER BY 1, 2",
                List.of("varchar(1)", "integer", "bigint", "bigint"),
                row("a", 0L, 1L, 2L),
                row("a", 1L, 2L, 0L),
                row("b", 1L, 1L, 1L));
        assertResult("SELECT t.p, count(*) AS n, count(*) OVER w AS c FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(p, v) GROUP BY "
                + "ROLLUP (t.p) WINDOW w AS (ORDER BY t.p ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS "
                + "true) ORDER BY 1",
                List.of("varchar(1)", "bigint", "bigint"),
                row("a", 2L, 3L),
                row("b", 1L, 0L),
                row(null, 3L, 0L));
    }

    @Test
    void starOverWithQueries() throws Exception {
        // Trino 476: the columns of * come from the WITH queries the block reads, one of them rewritten already
        assertResult("WITH x AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) t(id, y)), z AS (SELECT *, count(*) OVER w AS c "
                + "FROM x WINDOW w AS (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS true)) "
                + "SELECT *, sum(c) OVER w AS s FROM z WINDOW w AS (ORDER BY id DESC ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING "
                + "PATTERN (A B) DEFINE B AS true) ORDER BY id",
                List.of("integer", "varchar(1)", "bigint", "bigint"),
                row(1L, "a", 3L, null),
                row(2L, "b", 0L, null),
                row(3L, "c", 0L, 0L));
    }

    @Test
    void starOfAJoinWithColumnsOfOneName() throws Exception {
        // Trino 476: * shows both; naming one of them is ambiguous
        assertResult("SELECT *, count(*) OVER w AS c FROM (VALUES (1, 2)) a(x, y), (VALUES (3, 4), (5, 6)) b(x, z) WINDOW w AS "
                + "(PARTITION BY y % 2 ORDER BY z DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS "
                + "B.z < PREV(B.z)) ORDER BY z",
                List.of("integer", "integer", "integer", "integer", "bigint"),
                row(1L, 2L, 3L, 4L, 0L),
                row(1L, 2L, 5L, 6L, 2L));
        assertFails("SELECT *, x, count(*) OVER w AS c FROM (VALUES (1, 2)) a(x, y), (VALUES (3, 4), (5, 6)) b(x, z) WINDOW w AS "
                + "(ORDER BY z ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS true) ORDER BY z",
                ErrorCode.AMBIGUOUS_NAME, "line 1:11: Column 'x' is ambiguous");
    }

    @Test
    void distinctAggregatesReadAllRowsOfTheMatch() throws Exception {
        // Trino 476 answers DISTINCT over a window of pattern recognition as without it (array_agg shows the 1 twice)
        assertResult("SELECT x, count(DISTINCT y) OVER w AS c, array_agg(DISTINCT y) OVER w AS a FROM (VALUES (1, 1), (2, NULL), (3, 1), "
                + "(4, 2), (5, NULL)) t(x, y) WINDOW w AS (ORDER BY x ROWS BETWEEN CURRENT ROW AND 3 FOLLOWING AFTER MATCH SKIP TO NEXT "
                + "ROW PATTERN (A+) DEFINE A AS true) ORDER BY 1",
                List.of("integer", "bigint", "array(integer)"),
                row(1L, 3L, Arrays.asList(1L, null, 1L, 2L)),
                row(2L, 2L, Arrays.asList(null, 1L, 2L, null)),
                row(3L, 2L, Arrays.asList(1L, 2L, null)),
                row(4L, 1L, Arrays.asList(2L, null)),
                row(5L, 0L, Arrays.asList((Object) null)));
    }

    @Test
    void theWindowsModesOfRowsPerMatchAreNoSyntaxOfMatchRecognize() {
        assertFails("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c ALL ROWS PER MATCH WINDOW "
                + "INITIAL 2 0 PATTERN (A) DEFINE A AS true)",
                ErrorCode.SYNTAX_ERROR, "line 1:104: mismatched input 'WINDOW'. Expecting: 'AFTER', 'INITIAL', 'PATTERN', 'SEEK'");
        assertFails("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c ALL ROWS PER MATCH SHOW "
                + "EMPTY MATCHES WINDOW PATTERN (A) DEFINE A AS true)",
                ErrorCode.SYNTAX_ERROR, "line 1:123: mismatched input 'WINDOW'. Expecting: 'AFTER', 'INITIAL', 'PATTERN', 'SEEK'");
        assertFails("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c ALL ROWS PER MATCH \u0006WINDOW "
                + "INITIAL 2 0 PATTERN (A) DEFINE A AS true)",
                ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c ALL ROWS PER MATCH SEEK "
                + "PATTERN (A) DEFINE A AS true)",
                ErrorCode.NOT_SUPPORTED, "line 1:104: Pattern search modifier: SEEK is not allowed in MATCH_RECOGNIZE clause");
    }
}
