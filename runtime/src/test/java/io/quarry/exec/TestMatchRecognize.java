package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Row pattern recognition (MATCH_RECOGNIZE): rows per match (with empty matches shown or omitted, and unmatched rows),
 * AFTER MATCH SKIP, quantifiers and their preference, anchors, exclusions, navigation (nested, with offsets), running and
 * final measures, aggregates, SUBSET, CLASSIFIER of a variable, aliased relations, Trino's errors for misuse, and
 * partitions spread over several splits. The expected values and errors were
 * taken from Trino 476.
 */
class TestMatchRecognize extends LocalQueryTest {
    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void prevInDefineReachesRowsBeforeTheMatch() throws Exception {
        // Trino 476: PREV moves back from the current row, also before the first row of the match
        String rows = "SELECT * FROM (VALUES (1, 1), (2, 3), (3, 2), (4, 1), (5, 5)) t(k, x) MATCH_RECOGNIZE(ORDER BY k"
                + " MEASURES CLASSIFIER() AS c ";
        assertResult(rows + "ALL ROWS PER MATCH OMIT EMPTY MATCHES PATTERN (A*) DEFINE A AS x < PREV(x))",
                List.of("integer", "varchar", "integer"), List.of(3L, "A", 2L), List.of(4L, "A", 1L));
        assertResult(rows + "ALL ROWS PER MATCH PATTERN (A*) DEFINE A AS x < PREV(x))", List.of("integer", "varchar", "integer"),
                Arrays.asList(1L, null, 1L), Arrays.asList(2L, null, 3L), List.of(3L, "A", 2L), List.of(4L, "A", 1L),
                Arrays.asList(5L, null, 5L));
        assertResult(rows + "ONE ROW PER MATCH PATTERN (A+) DEFINE A AS x < PREV(x))", List.of("varchar"), List.of("A"));
        assertResult("SELECT count(*) FROM orders MATCH_RECOGNIZE(PARTITION BY custkey ORDER BY orderkey"
                + " MEASURES A.totalprice AS p ALL ROWS PER MATCH OMIT EMPTY MATCHES PATTERN (A*)"
                + " DEFINE A AS totalprice < PREV(totalprice))", List.of("bigint"), List.of(6981L));
    }

    @Test
    void allRowsPerMatchShowsPartitionOrderMeasuresThenOtherColumns() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 'p', 10, 5), (1, 'p', 11, 6), (2, 'q', 12, 7)) t(id, part,"
                + " ord, v)) MATCH_RECOGNIZE (PARTITION BY part ORDER BY ord MEASURES CLASSIFIER() AS cl,"
                + " MATCH_NUMBER() AS mn ALL ROWS PER MATCH PATTERN (a b?) DEFINE b AS true) ORDER BY part, ord",
                List.of("varchar(1)", "integer", "varchar", "bigint", "integer", "integer"),
                row("p", 10L, "A", 1L, 1L, 5L),
                row("p", 11L, "B", 1L, 1L, 6L),
                row("q", 12L, "A", 1L, 2L, 7L));
    }

    @Test
    void rowsPerMatchWordsInsideTextStayAsWritten() throws Exception {
        assertResult("SELECT 'ALL ROWS PER MATCH OMIT EMPTY MATCHES' AS words -- ALL ROWS PER MATCH SHOW EMPTY MATCHES",
                List.of("varchar(37)"), row("ALL ROWS PER MATCH OMIT EMPTY MATCHES"));
    }

    @Test
    void oneRowPerMatchShowsPartitionKeysAndMeasures() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 'p', 10, 5), (1, 'p', 11, 6), (2, 'q', 12, 7)) t(id, part,"
                + " ord, v)) MATCH_RECOGNIZE (PARTITION BY part ORDER BY ord MEASURES CLASSIFIER() AS cl,"
                + " MATCH_NUMBER() AS mn PATTERN (a b?) DEFINE b AS true) ORDER BY part",
                List.of("varchar(1)", "varchar", "bigint"),
                row("p", "B", 1L),
                row("q", "A", 1L));
    }

    @Test
    void skipToNextRow() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c ALL ROWS PER MATCH AFTER MATCH SKIP TO NEXT ROW PATTERN (A"
                + " B) DEFINE A AS true)",
                List.of("integer", "bigint", "varchar"),
                row(1L, 1L, "A"),
                row(2L, 1L, "B"),
                row(2L, 2L, "A"),
                row(3L, 2L, "B"),
                row(3L, 3L, "A"),
                row(4L, 3L, "B"),
                row(4L, 4L, "A"),
                row(5L, 4L, "B"),
                row(5L, 5L, "A"),
                row(6L, 5L, "B"));
    }

    @Test
    void skipToLastVariable() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, FIRST(A.x) AS f, LAST(B.x) AS l AFTER MATCH SKIP TO LAST B PATTERN (A B{2})"
                + " DEFINE A AS true)",
                List.of("bigint", "integer", "integer"),
                row(1L, 1L, 3L),
                row(2L, 3L, 5L));
    }

    @Test
    void skipToFirstVariable() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, FIRST(A.x) AS f, LAST(C.x) AS l AFTER MATCH SKIP TO FIRST C PATTERN (A B C+)"
                + " DEFINE A AS true)",
                List.of("bigint", "integer", "integer"),
                row(1L, 1L, 6L),
                row(2L, 3L, 6L));
    }

    @Test
    void previousRowInDefine() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 5), (2, 7), (3, 6), (4, 8), (5, 9), (6, 4)) t(x, v))"
                + " MATCH_RECOGNIZE (ORDER BY x MEASURES FIRST(U.x) AS start, LAST(U.x) AS top, LAST(D.x) AS bottom,"
                + " count(U.x) AS n PATTERN (S U+ D+) DEFINE U AS v > PREV(v), D AS v < PREV(v))",
                List.of("integer", "integer", "integer", "bigint"),
                row(2L, 2L, 3L, 1L),
                row(5L, 5L, 6L, 1L));
    }

    @Test
    void reluctantQuantifierPrefersFewerRows() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A+? B*) DEFINE A AS true, B AS"
                + " true)",
                List.of("integer", "bigint", "varchar"),
                row(1L, 1L, "A"),
                row(2L, 1L, "B"),
                row(3L, 1L, "B"),
                row(4L, 1L, "B"));
    }

    @Test
    void alternationPrefersTheLeft() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A | B | C) DEFINE A AS x % 2 ="
                + " 0, B AS x > 2, C AS true)",
                List.of("integer", "bigint", "varchar"),
                row(1L, 1L, "C"),
                row(2L, 2L, "A"),
                row(3L, 3L, "B"),
                row(4L, 4L, "A"));
    }

    @Test
    void anchorsBoundThePartition() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, count(*) AS c PATTERN (^ A{2,3}? $) DEFINE A AS true)",
                List.of("bigint", "bigint")
                );
    }

    @Test
    void emptyMatchesOneRowPerMatch() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, count(*) AS c, CLASSIFIER() AS cl PATTERN (A*) DEFINE A AS x > 2)",
                List.of("bigint", "bigint", "varchar"),
                row(1L, 0L, null),
                row(2L, 0L, null),
                row(3L, 2L, "A"));
    }

    @Test
    void emptyMatchesAllRowsPerMatch() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, count(*) AS c, CLASSIFIER() AS cl ALL ROWS PER MATCH PATTERN (A*) DEFINE A AS"
                + " x > 2)",
                List.of("integer", "bigint", "bigint", "varchar"),
                row(1L, 1L, 0L, null),
                row(2L, 2L, 0L, null),
                row(3L, 3L, 1L, "A"),
                row(4L, 3L, 2L, "A"));
    }

    @Test
    void subsetOfVariables() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " CLASSIFIER() AS c, sum(U.x) AS s PATTERN (A B C) SUBSET U = (A, C) DEFINE A AS true)",
                List.of("varchar", "bigint"),
                row("C", 4L));
    }

    @Test
    void partitionsOverSeveralSplits() throws Exception {
        assertResult("SELECT m, count(*) FROM tpch.tiny.lineitem MATCH_RECOGNIZE (PARTITION BY orderkey ORDER BY"
                + " linenumber MEASURES count(*) AS m PATTERN (A B*) DEFINE B AS B.quantity > A.quantity) GROUP BY m"
                + " ORDER BY m",
                List.of("bigint", "bigint"),
                row(1L, 15606L),
                row(2L, 6654L),
                row(3L, 3567L),
                row(4L, 2065L),
                row(5L, 1211L),
                row(6L, 713L),
                row(7L, 281L));
    }

    @Test
    void onePartitionOverSeveralSplits() throws Exception {
        assertResult("SELECT count(*), sum(mn), max(mn) FROM tpch.tiny.orders MATCH_RECOGNIZE (ORDER BY orderkey MEASURES"
                + " MATCH_NUMBER() AS mn PATTERN (A B+) DEFINE B AS B.totalprice > PREV(B.totalprice))",
                List.of("bigint", "bigint", "bigint"),
                row(4978L, 12392731L, 4978L));
    }

    @Test
    void runningAndFinalNavigationAndAggregates() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 5), (2, 7), (3, 6), (4, 8), (5, 9), (6, 4)) t(x, v))"
                + " MATCH_RECOGNIZE (ORDER BY x MEASURES RUNNING LAST(A.v) AS rl, FINAL LAST(A.v) AS fl, FIRST(A.v, 1)"
                + " AS f1, LAST(A.v, 1) AS l1, CLASSIFIER() AS c, RUNNING count(*) AS rc, FINAL count(*) AS fc,"
                + " sum(A.v) AS s, avg(A.v) AS a, min(A.v) AS mi, max(A.v) AS ma, array_agg(A.v) AS aa ALL ROWS PER"
                + " MATCH PATTERN (A+ B) DEFINE A AS A.v < 9, B AS NEXT(B.v) IS NULL OR B.v > 8)",
                List.of("integer", "integer", "integer", "integer", "integer", "varchar", "bigint", "bigint", "bigint", "double", "integer", "integer", "array(integer)", "integer"),
                row(1L, 5L, 8L, 7L, null, "A", 1L, 5L, 5L, 5.0, 5L, 5L, List.of(5L), 5L),
                row(2L, 7L, 8L, 7L, 5L, "A", 2L, 5L, 12L, 6.0, 5L, 7L, List.of(5L, 7L), 7L),
                row(3L, 6L, 8L, 7L, 7L, "A", 3L, 5L, 18L, 6.0, 5L, 7L, List.of(5L, 7L, 6L), 6L),
                row(4L, 8L, 8L, 7L, 6L, "A", 4L, 5L, 26L, 6.5, 5L, 8L, List.of(5L, 7L, 6L, 8L), 8L),
                row(5L, 8L, 8L, 7L, 6L, "B", 5L, 5L, 26L, 6.5, 5L, 8L, List.of(5L, 7L, 6L, 8L), 9L));
    }

    @Test
    void aggregatesInDefine() throws Exception {
        assertResult("SELECT * FROM tpch.tiny.orders MATCH_RECOGNIZE (ORDER BY orderkey MEASURES MATCH_NUMBER() AS mn,"
                + " array_agg(A.orderkey) AS ks, count(A.orderkey) AS ca PATTERN (A{2,4} B) DEFINE A AS A.orderstatus"
                + " = 'F' AND count(A.orderkey) <= 3, B AS B.orderstatus = 'O') ORDER BY mn LIMIT 4",
                List.of("bigint", "array(bigint)", "bigint"),
                row(1L, List.of(5L, 6L), 2L),
                row(2L, List.of(69L, 70L), 2L),
                row(3L, List.of(97L, 98L, 99L), 3L),
                row(4L, List.of(130L, 131L, 132L), 3L));
    }

    @Test
    void withUnmatchedRows() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c, count(*) AS n ALL ROWS PER MATCH WITH UNMATCHED ROWS"
                + " PATTERN (A B) DEFINE A AS x % 3 = 1)",
                List.of("integer", "bigint", "varchar", "bigint"),
                row(1L, 1L, "A", 1L),
                row(2L, 1L, "B", 2L),
                row(3L, null, null, null),
                row(4L, 2L, "A", 1L),
                row(5L, 2L, "B", 2L),
                row(6L, null, null, null));
    }

    @Test
    void omitEmptyMatches() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c, count(*) AS n ALL ROWS PER MATCH OMIT EMPTY MATCHES"
                + " PATTERN (A*) DEFINE A AS x % 3 = 1)",
                List.of("integer", "bigint", "varchar", "bigint"),
                row(1L, 1L, "A", 1L),
                row(4L, 4L, "A", 1L));
    }

    @Test
    void showEmptyMatchesWithUnmatchedRows() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c, count(*) AS n ALL ROWS PER MATCH WITH UNMATCHED ROWS"
                + " PATTERN (A*) DEFINE A AS x % 3 = 1)",
                List.of("integer", "bigint", "varchar", "bigint"),
                row(1L, 1L, "A", 1L),
                row(2L, 2L, null, 0L),
                row(3L, 3L, null, 0L),
                row(4L, 4L, "A", 1L),
                row(5L, 5L, null, 0L),
                row(6L, 6L, null, 0L));
    }

    @Test
    void excludedRowsAreNotShown() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A {- B -} C) DEFINE A AS x % 2"
                + " = 1)",
                List.of("integer", "bigint", "varchar"),
                row(1L, 1L, "A"),
                row(3L, 1L, "C"));
    }

    @Test
    void physicalNavigationInMeasures() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " PREV(CLASSIFIER()) AS pc, NEXT(CLASSIFIER()) AS nc, FINAL LAST(x) AS fl, x AS cur, FIRST(x) AS f,"
                + " PREV(x) AS p, NEXT(x, 2) AS n2 ALL ROWS PER MATCH PATTERN (A B C) DEFINE A AS true)",
                List.of("integer", "varchar", "varchar", "integer", "integer", "integer", "integer", "integer"),
                row(1L, null, "B", 3L, 1L, 1L, null, 3L),
                row(2L, "A", "C", 3L, 2L, 1L, 1L, 4L),
                row(3L, "B", null, 3L, 3L, 1L, 2L, 5L));
    }

    @Test
    void countOfVariableRows() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 5), (2, 7), (3, 6), (4, 8), (5, 9), (6, 4)) t(x, v))"
                + " MATCH_RECOGNIZE (ORDER BY x MEASURES FIRST(U.x) AS start, count(U.*) AS n, count(*) AS c,"
                + " count(D.*) AS cd PATTERN (S U+ D+) DEFINE U AS v > PREV(v), D AS v < PREV(v) AND count(D.*) < 3)",
                List.of("integer", "bigint", "bigint", "bigint"),
                row(2L, 1L, 3L, 1L),
                row(5L, 1L, 3L, 1L));
    }

    @Test
    void navigationAndAggregatesOverExpressions() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " LAST(A.x + A.x) AS m, sum(B.x * 10) AS s, FIRST(B.x - 1, 1) AS f ALL ROWS PER MATCH PATTERN (A B+)"
                + " DEFINE A AS true, B AS PREV(B.x * 2) > 3)",
                List.of("integer", "integer", "bigint", "integer"),
                row(2L, 4L, null, 3L),
                row(3L, 4L, 30L, 3L),
                row(4L, 4L, 70L, 3L),
                row(5L, 4L, 120L, 3L),
                row(6L, 4L, 180L, 3L));
    }

    @Test
    void previousOfAnExpressionInMeasures() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " PREV(A.x + 1) AS m PATTERN (A B) DEFINE A AS true)",
                List.of("integer"),
                row((Object) null),
                row(3L),
                row(5L));
    }

    @Test
    void permuteTriesOrdersLexicographically() throws Exception {
        assertResult("SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES"
                + " MATCH_NUMBER() AS m, CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (PERMUTE(A, B, C)) DEFINE A AS x"
                + " % 3 = 0, B AS x % 2 = 0, C AS true)",
                List.of("integer", "bigint", "varchar"),
                row(1L, 1L, "C"),
                row(2L, 1L, "B"),
                row(3L, 1L, "A"),
                row(4L, 2L, "B"),
                row(5L, 2L, "C"),
                row(6L, 2L, "A"));
    }

    @Test
    void misuseFailsWithTrinosErrors() {
        String values = "SELECT * FROM (SELECT * FROM (VALUES 1, 2, 3) t(x)) MATCH_RECOGNIZE (ORDER BY x ";
        assertFails(values + "MEASURES A.x AS m PATTERN (A B) DEFINE A AS true, Z AS true)", ErrorCode.INVALID_LABEL,
                "defined variable: Z is not a primary pattern variable");
        assertFails(values + "MEASURES A.x AS m PATTERN (A B) DEFINE A AS x)", ErrorCode.TYPE_MISMATCH,
                "Expression defining a label must be boolean");
        assertFails(values + "MEASURES A.x AS m PATTERN (A B) DEFINE A AS FINAL LAST(A.x) > 0)", ErrorCode.INVALID_PROCESSING_MODE,
                "FINAL semantics is not supported in DEFINE clause");
        assertFails(values + "MEASURES FINAL NEXT(LAST(x)) AS m ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true)",
                ErrorCode.INVALID_PROCESSING_MODE, "FINAL semantics is not supported with next pattern recognition function");
        assertFails(values + "MEASURES A.x AS m AFTER MATCH SKIP TO C PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_LABEL,
                "C is not a primary or union pattern variable");
        assertFails(values + "MEASURES A.x AS m PATTERN (A) DEFINE A AS PREV(A.x, -1) > 0)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "prev pattern recognition navigation function requires a non-negative number as the second argument (actual: -1)");
        assertFails(values + "MEASURES A.x AS m PATTERN (A B) DEFINE B AS sum(B.x) OVER () > 0)", ErrorCode.NESTED_WINDOW,
                "Cannot nest window functions or row pattern measures inside pattern recognition expressions");
        assertFails(values + "MEASURES sum(A.x + B.x) AS m PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_ARGUMENTS,
                "All labels and classifiers inside the call to 'sum' must match");
        assertFails(values + "MEASURES count(DISTINCT A.x) AS m PATTERN (A B) DEFINE A AS true)", ErrorCode.NOT_SUPPORTED,
                "Cannot use DISTINCT with count aggregate function in pattern recognition context");
        assertFails(values + "MEASURES count(*) AS m PATTERN (A B) DEFINE A AS count(*) FILTER (WHERE x > 1) > 0)", ErrorCode.NOT_SUPPORTED,
                "Cannot use FILTER with count aggregate function in pattern recognition context");
        assertFails("SELECT prev(1)", ErrorCode.FUNCTION_NOT_FOUND, "Function 'prev' not registered");
        assertFails("SELECT classifier()", ErrorCode.FUNCTION_NOT_FOUND, "Function 'classifier' not registered");
    }

    @Test
    void anchorsInsideThePattern() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES CLASSIFIER() AS c,"
                + " MATCH_NUMBER() AS m ALL ROWS PER MATCH ";
        List<String> types = List.of("integer", "varchar", "bigint");
        assertResult(values + "PATTERN (A | ^B+) DEFINE A AS x > 2)", types,
                row(1L, "B", 1L), row(2L, "B", 1L), row(3L, "B", 1L), row(4L, "B", 1L));
        assertResult(values + "PATTERN ((A $) | B) DEFINE A AS x > 2)", types,
                row(1L, "B", 1L), row(2L, "B", 2L), row(3L, "B", 3L), row(4L, "A", 4L));
        assertResult(values + "PATTERN (A (^|$)) DEFINE A AS true)", types, row(4L, "A", 1L));
        assertResult(values + "PATTERN (A ^ B) DEFINE A AS x > 2)", types);
        // anchors right beside names and quoted names, repeated
        assertResult(values + "PATTERN (A$ | \"B\"^ | \"C\") DEFINE A AS x = 4, \"B\" AS x = 1)", types,
                row(1L, "C", 1L), row(2L, "C", 2L), row(3L, "C", 3L), row(4L, "A", 4L));
        assertResult(values + "PATTERN (^^A{4}$$) DEFINE A AS true)", types,
                row(1L, "A", 1L), row(2L, "A", 1L), row(3L, "A", 1L), row(4L, "A", 1L));
        assertResult(values + "PATTERN (^^A{2}$$) DEFINE A AS true)", types);
        // only the PATTERN's ^ and $ are anchors: not those of literals, quoted names or comments
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES 'PREV(x, 1 + 1) CLASSIFIER(Z) ^'"
                + " AS \"PREV(x, a+b)\" /* NEXT(x, 1, 2) $ */ PATTERN (A B) DEFINE A AS true)",
                List.of("varchar(30)"), row("PREV(x, 1 + 1) CLASSIFIER(Z) ^"));
    }

    @Test
    void classifierOfAVariableOrSubset() throws Exception {
        assertResult("SELECT * FROM (VALUES 1, 2, 3, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES CLASSIFIER(U) AS c,"
                + " CLASSIFIER(A) AS ca, CLASSIFIER(B) AS cb ALL ROWS PER MATCH PATTERN (A B C) SUBSET U = (A, B) DEFINE A AS true)",
                List.of("integer", "varchar", "varchar", "varchar"),
                row(1L, "A", "A", null), row(2L, "B", "A", "B"), row(3L, "B", "A", "B"));
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertResult(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A+ B) SUBSET U = (A, B) DEFINE A AS CLASSIFIER(U)"
                + " IS NULL OR x < 4, B AS CLASSIFIER(A) = 'A')",
                List.of("integer", "varchar"), row(1L, "A"), row(2L, "A"), row(3L, "A"), row(4L, "B"));
        assertResult(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A+ B) DEFINE A AS PREV(CLASSIFIER(A)) IS NULL OR x < 4)",
                List.of("integer", "varchar"), row(1L, "A"), row(2L, "A"), row(3L, "A"), row(4L, "B"), row(5L, "A"), row(6L, "B"));
        assertResult(values + "CLASSIFIER(a) AS c, classifier(\"B\") AS d PATTERN (A+ B) DEFINE A AS x < 4)",
                List.of("varchar", "varchar"), row("A", "B"));
        String three = "SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertFails(three + "CLASSIFIER(Z) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Z is not a primary pattern variable or subset name");
        assertFails(three + "CLASSIFIER(A, B) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "CLASSIFIER pattern recognition function takes no arguments or 1 argument");
        // the variable A is "A" quoted, not "a"
        assertFails(three + "CLASSIFIER(\"a\") AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "a is not a primary pattern variable or subset name");
        assertFails(three + "CLASSIFIER('A') AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.TYPE_MISMATCH,
                "CLASSIFIER function argument should be primary pattern variable or subset name");
        assertFails(three + "CLASSIFIER(A.x) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.TYPE_MISMATCH,
                "CLASSIFIER function argument should be primary pattern variable or subset name");
        assertFails(three + "FINAL CLASSIFIER(A) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_PROCESSING_MODE,
                "FINAL semantics is not supported with classifier pattern recognition function");
        assertFails(three + "RUNNING MATCH_NUMBER() AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_PROCESSING_MODE,
                "RUNNING semantics is not supported with match_number pattern recognition function");
        assertFails(three + "FINAL PREV(x) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_PROCESSING_MODE,
                "FINAL semantics is not supported with prev pattern recognition function");
        // RUNNING and FINAL go before a function call only
        assertFails(three + "FINAL (PREV(x) + 1) AS c ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true)", ErrorCode.FUNCTION_NOT_FOUND,
                "Function 'final' not registered");
        assertFails(three + "FINAL A.x AS c ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true)", ErrorCode.SYNTAX_ERROR);
        assertFails(three + "FINAL CAST(x AS bigint) AS c ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true)", ErrorCode.SYNTAX_ERROR);
        assertFails(three + "FINAL abs(x) AS c ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_PROCESSING_MODE,
                "FINAL semantics is supported only for FIRST(), LAST() and aggregation functions. Actual: abs");
        // DEFINE is running: the word may be written there
        assertResult(three + "A.x AS c ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS RUNNING LAST(x) > 0)",
                List.of("integer", "integer"), row(1L, 1L), row(2L, 1L));
    }

    @Test
    void aliasedRelationsAroundMatchRecognize() throws Exception {
        assertResult("SELECT m.a, m.b FROM tpch.tiny.orders o MATCH_RECOGNIZE (PARTITION BY o.custkey ORDER BY o.orderdate,"
                + " o.orderkey MEASURES A.orderkey AS k PATTERN (A B) DEFINE B AS B.totalprice > A.totalprice) AS m (a, b)"
                + " ORDER BY a, b LIMIT 4",
                List.of("bigint", "bigint"), row(1L, 14656L), row(1L, 24322L), row(1L, 52263L), row(2L, 28167L));
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY t.x MEASURES A.x AS k PATTERN (A B)"
                + " DEFINE B AS true)", List.of("integer"), row(1L));
        assertResult("SELECT count(*) FROM tpch.tiny.orders AS o MATCH_RECOGNIZE (PARTITION BY custkey ORDER BY orderdate,"
                + " orderkey MEASURES A.orderkey AS k PATTERN (A B) DEFINE B AS B.totalprice > A.totalprice)",
                List.of("bigint"), row(5250L));
        String values = "SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertFails(values + "t.x AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.COLUMN_NOT_FOUND, "Column 't.x' cannot be resolved");
        assertFails(values + "A.x AS c PATTERN (A B) DEFINE A AS true) AS m (a, b)", ErrorCode.MISMATCHED_COLUMN_ALIASES);
    }

    @Test
    void navigationOffsetsAreIntegerLiterals() throws Exception {
        assertResult("SELECT * FROM (VALUES (1, 5), (2, 7), (3, 6), (4, 8), (5, 9), (6, 4)) t(x, v) MATCH_RECOGNIZE (ORDER BY x"
                + " MEASURES PREV(x, (2)) AS p ALL ROWS PER MATCH PATTERN (A+) DEFINE A AS true)",
                List.of("integer", "integer", "integer"),
                row(1L, null, 5L), row(2L, null, 7L), row(3L, 1L, 6L), row(4L, 2L, 8L), row(5L, 3L, 9L), row(6L, 4L, 4L));
        String values = "SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertFails(values + "PREV(x, 1 + 1) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "prev pattern recognition navigation function requires a number as the second argument");
        assertFails(values + "LAST(x, 1.0) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "last pattern recognition navigation function requires a number as the second argument");
        assertFails(values + "A.x AS c PATTERN (A B) DEFINE A AS PREV(x, x) IS NULL)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "prev pattern recognition navigation function requires a number as the second argument");
        assertFails(values + "FIRST(x, 2147483648) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "The second argument of first pattern recognition navigation function must not exceed 2147483647 (actual: 2147483648)");
        assertFails(values + "NEXT(x, 1, 2) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "next pattern recognition function requires 1 or 2 arguments");
        assertFails(values + "FIRST() AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "first pattern recognition function requires 1 or 2 arguments");
    }

    @Test
    void physicalNavigationOverLogicalNavigation() throws Exception {
        assertResult("SELECT * FROM (VALUES (1, 5), (2, 7), (3, 6), (4, 8), (5, 9), (6, 4)) t(x, v) MATCH_RECOGNIZE (ORDER BY x"
                + " MEASURES NEXT(FIRST(B.v + 1), 1) AS p, NEXT(LAST(B.v), 2) AS n, PREV(LAST(v, 1), 2) AS q ALL ROWS PER MATCH"
                + " PATTERN (A B+) DEFINE B AS PREV(FIRST(v * 2), 1) IS NULL OR v > 6)",
                List.of("integer", "integer", "integer", "integer", "integer"),
                row(1L, 7L, null, null, 5L), row(2L, 7L, 8L, null, 7L), row(3L, 7L, 9L, null, 6L),
                row(4L, 7L, 4L, 5L, 8L), row(5L, 7L, null, 7L, 9L), row(6L, 7L, null, 6L, 4L));
    }

    @Test
    void navigationsNestOnlyAsTrinoAllows() {
        String values = "SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertFails(values + "FIRST(PREV(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Cannot nest prev pattern navigation function inside first pattern navigation function");
        assertFails(values + "PREV(NEXT(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Cannot nest next pattern navigation function inside prev pattern navigation function");
        assertFails(values + "LAST(FIRST(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Cannot nest first pattern navigation function inside last pattern navigation function");
        assertFails(values + "PREV(x + LAST(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Immediate nesting is required for pattern navigation functions");
        assertFails(values + "A.x AS c PATTERN (A B) DEFINE B AS FIRST(NEXT(x)) > 0)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Cannot nest next pattern navigation function inside first pattern navigation function");
        assertFails(values + "PREV(MATCH_NUMBER()) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_ARGUMENTS,
                "Pattern navigation function 'PREV' must contain at least one column reference or CLASSIFIER()");
        assertFails(values + "LAST(max(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.NESTED_AGGREGATION,
                "Cannot nest max aggregate function inside last function");
        assertFails(values + "sum(NEXT(x)) AS c PATTERN (A B) DEFINE A AS true)", ErrorCode.INVALID_NAVIGATION_NESTING,
                "Cannot nest next pattern navigation function inside sum function");
    }

    @Test
    void aggregatesOverClassifier() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertResult(values + "max(CLASSIFIER(A)) AS c, max(CLASSIFIER()) AS d, array_agg(CLASSIFIER(U)) AS e ONE ROW PER MATCH"
                + " PATTERN (A+ B) SUBSET U = (A, B) DEFINE A AS x < 4)",
                List.of("varchar", "varchar", "array(varchar)"), row("A", "B", List.of("A", "A", "A", "B")));
        assertResult(values + "RUNNING array_agg(CLASSIFIER()) AS c, FINAL count(CLASSIFIER(B)) AS n, min(CLASSIFIER(B)) AS m"
                + " ALL ROWS PER MATCH PATTERN (A+ B C?) DEFINE A AS x % 3 <> 0)",
                List.of("integer", "array(varchar)", "bigint", "varchar"),
                row(1L, List.of("A"), 1L, null), row(2L, List.of("A", "A"), 1L, null), row(3L, List.of("A", "A", "B"), 1L, "B"),
                row(4L, List.of("A", "A", "B", "C"), 1L, "B"), row(5L, List.of("A"), 1L, null), row(6L, List.of("A", "B"), 1L, "B"));
        assertResult(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A+ B) DEFINE A AS count(CLASSIFIER(A)) < 3)",
                List.of("integer", "varchar"), row(1L, "A"), row(2L, "A"), row(3L, "B"), row(4L, "A"), row(5L, "A"), row(6L, "B"));
        assertFails(values + "max(CLASSIFIER(Z)) AS c PATTERN (A+ B) DEFINE A AS true)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Z is not a primary pattern variable or subset name");
        assertFails(values + "max(CLASSIFIER(A) || CLASSIFIER(B)) AS c PATTERN (A+ B) DEFINE A AS true)", ErrorCode.INVALID_ARGUMENTS,
                "All labels and classifiers inside the call to 'max' must match");
    }

    @Test
    void orderKeysWithNullOrdering() throws Exception {
        String values = "SELECT * FROM (VALUES (1, 3), (2, 5), (3, NULL), (4, 7)) t(x, v) MATCH_RECOGNIZE (ORDER BY ";
        assertResult(values + "v DESC NULLS FIRST MEASURES CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A B*) DEFINE A AS true)",
                List.of("integer", "varchar", "integer"),
                row(null, "A", 3L), row(7L, "B", 4L), row(5L, "B", 2L), row(3L, "B", 1L));
        assertResult(values + "v DESC NULLS LAST, x DESC MEASURES CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (A B*) DEFINE A AS true)",
                List.of("integer", "integer", "varchar"),
                row(7L, 4L, "A"), row(5L, 2L, "B"), row(3L, 1L, "B"), row(null, 3L, "B"));
        assertResult("SELECT * FROM (VALUES (1, NULL), (2, 5), (3, NULL), (4, 7)) t(x, v) MATCH_RECOGNIZE (ORDER BY v NULLS FIRST, x"
                + " MEASURES CLASSIFIER() AS c, FIRST(v) AS f, LAST(v, 1) AS l ALL ROWS PER MATCH PATTERN (A+ B*) DEFINE A AS v IS NULL)",
                List.of("integer", "integer", "varchar", "integer", "integer"),
                row(null, 1L, "A", null, null), row(null, 3L, "A", null, null), row(5L, 2L, "B", null, null), row(7L, 4L, "B", null, 5L));
    }

    @Test
    void shapesTrinoRefuses() {
        assertFails("SELECT * FROM (VALUES 1, 2, 3, 4, 5) t(x) MATCH_RECOGNIZE (ORDER BY x PATTERN (A B) DEFINE A AS x > 1)",
                ErrorCode.TABLE_HAS_NO_COLUMNS, "pattern recognition output table has no columns");
        assertFails("SELECT * FROM (VALUES 1, 2, 3, 4, 5) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES CLASSIFIER() AS c ALL ROWS PER"
                + " MATCH WITH UNMATCHED ROWS PATTERN (A {- B -} C) DEFINE A AS true)", ErrorCode.INVALID_ROW_PATTERN,
                "Pattern exclusion syntax is not allowed when ALL ROWS PER MATCH WITH UNMATCHED ROWS is specified");
    }

    @Test
    void aRunawayPatternFailsInsteadOfRunningForever() {
        // every split of (A | B)* is tried before C fails: exponential, so the matcher stops at its step limit
        assertFails("SELECT * FROM (SELECT * FROM UNNEST(sequence(1, 40)) t(x)) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c"
                + " PATTERN ((A | B)* C) DEFINE A AS count(A.*) >= 0, B AS count(B.*) >= 0, C AS false)",
                ErrorCode.EXCEEDED_CPU_LIMIT, "Row pattern matching exceeded the limit");
    }

    @Test
    void aPartitionedMatchRepartitionsItsInput() throws Exception {
        LocalQueryRunner.Result result = run("SELECT count(*) FROM tpch.tiny.orders MATCH_RECOGNIZE (PARTITION BY custkey"
                + " ORDER BY orderdate, orderkey MEASURES A.orderkey AS k PATTERN (A B) DEFINE B AS B.totalprice > A.totalprice)");
        assertThat(result.rows()).containsExactly(List.of(5250L));
        assertThat(result.fragments().size()).isGreaterThan(2);
    }

    @Test
    void unnestIsTheInputRelation() throws Exception {
        // Trino 476 takes UNNEST, with or without ORDINALITY and an alias, straight before MATCH_RECOGNIZE
        assertResult("SELECT * FROM UNNEST(ARRAY[1,2,3,2,1]) WITH ORDINALITY AS t(x, n) MATCH_RECOGNIZE (ORDER BY n"
                + " MEASURES CLASSIFIER() AS c, MATCH_NUMBER() AS m ALL ROWS PER MATCH PATTERN (A B*) DEFINE B AS x > PREV(x))",
                List.of("bigint", "varchar", "bigint", "integer"),
                row(1L, "A", 1L, 1L), row(2L, "B", 1L, 2L), row(3L, "B", 1L, 3L), row(4L, "A", 2L, 2L), row(5L, "A", 3L, 1L));
        assertResult("SELECT * FROM UNNEST(ARRAY[1,2,3,2,1]) WITH ORDINALITY t(x, n) MATCH_RECOGNIZE (ORDER BY n"
                + " MEASURES LAST(B.x) AS lx, count(*) AS c PATTERN (A B*) DEFINE B AS x > PREV(x))",
                List.of("integer", "bigint"), row(3L, 3L), row(null, 1L), row(null, 1L));
        assertResult("SELECT * FROM UNNEST(ARRAY[1,2,3,2,1]) MATCH_RECOGNIZE (MEASURES count(*) AS c PATTERN (A+) DEFINE A AS true)",
                List.of("bigint"), row(5L));
        assertResult("SELECT * FROM UNNEST(ARRAY[3,1,2]) AS t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES array_agg(x) AS xs"
                + " PATTERN (A+) DEFINE A AS true)", List.of("array(integer)"), row(List.of(1L, 2L, 3L)));
    }

    @Test
    void aggregateOfAnExpressionOverClassifier() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertResult(values + "array_agg(lower(CLASSIFIER())) AS c PATTERN (A B+) DEFINE B AS true)",
                List.of("array(varchar)"), row(List.of("a", "b", "b", "b")));
        assertResult(values + "count(CASE WHEN CLASSIFIER() = 'A' THEN 1 END) AS c PATTERN (A+ B+) DEFINE A AS x < 3)",
                List.of("bigint"), row(2L));
        assertResult(values + "sum(CASE WHEN CLASSIFIER() = 'A' THEN x END) AS c, array_agg(CLASSIFIER() || '-' || CAST(x AS varchar))"
                + " AS d PATTERN (A+ B+) DEFINE A AS x < 3)",
                List.of("bigint", "array(varchar)"), row(3L, List.of("A-1", "A-2", "B-3", "B-4")));
        assertResult(values + "lower(CLASSIFIER()) AS l, substr(CLASSIFIER(), 1) AS s, lower(FINAL LAST(CLASSIFIER())) AS f"
                + " PATTERN (A B+) DEFINE B AS true)", List.of("varchar", "varchar", "varchar"), row("b", "B", "b"));
        assertResult(values + "array_agg(lower(CLASSIFIER(B))) AS c PATTERN (A B+) DEFINE B AS true)",
                List.of("array(varchar)"), row(List.of("b", "b", "b")));
        assertResult(values + "array_agg(lower(CLASSIFIER())) AS c ALL ROWS PER MATCH PATTERN (A B+) DEFINE B AS true)",
                List.of("integer", "array(varchar)"), row(1L, List.of("a")), row(2L, List.of("a", "b")),
                row(3L, List.of("a", "b", "b")), row(4L, List.of("a", "b", "b", "b")));
        assertResult(values + "count(*) AS c PATTERN (A B+) DEFINE B AS count(CASE WHEN CLASSIFIER() = 'B' THEN 1 END) < 3)",
                List.of("bigint"), row(3L));
    }

    @Test
    void keyOfBothPartitionAndOrderShowsTwice() throws Exception {
        LocalQueryRunner.Result result = run("SELECT * FROM (VALUES (1, 1, 5), (1, 2, 6), (2, 3, 7)) t(p, x, y) MATCH_RECOGNIZE"
                + " (PARTITION BY p, x ORDER BY x, p MEASURES count(*) AS c ALL ROWS PER MATCH PATTERN (A+) DEFINE A AS true)"
                + " ORDER BY y");
        assertThat(result.names()).containsExactly("p", "x", "x", "p", "c", "y");
        assertThat(result.rows()).containsExactly(row(1L, 1L, 1L, 1L, 1L, 5L), row(1L, 2L, 2L, 1L, 1L, 6L), row(2L, 3L, 3L, 2L, 1L, 7L));
        result = run("SELECT * FROM (VALUES (1, 1), (1, 2), (2, 3)) t(p, x) MATCH_RECOGNIZE (ORDER BY x, x MEASURES count(*) AS c"
                + " ALL ROWS PER MATCH PATTERN (A+) DEFINE A AS true)");
        assertThat(result.names()).containsExactly("x", "x", "c", "p");
        assertThat(result.rows()).containsExactly(row(1L, 1L, 1L, 1L), row(2L, 2L, 2L, 1L), row(3L, 3L, 3L, 2L));
        assertResult("SELECT * FROM (VALUES (1, 1), (1, 2), (2, 3)) t(p, x) MATCH_RECOGNIZE (PARTITION BY p ORDER BY p"
                + " MEASURES count(*) AS c ALL ROWS PER MATCH PATTERN (A+) DEFINE A AS true) ORDER BY x",
                List.of("integer", "integer", "bigint", "integer"), row(1L, 1L, 1L, 1L), row(1L, 1L, 2L, 2L), row(2L, 2L, 1L, 3L));
    }

    @Test
    void quotedVariableNamesKeepTheirCase() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertResult(values + "CLASSIFIER() AS c, \"a\".x AS ax ALL ROWS PER MATCH PATTERN (\"a\" B+) DEFINE \"a\" AS x = 1)",
                List.of("integer", "varchar", "integer"), row(1L, "a", 1L), row(2L, "B", 1L), row(3L, "B", 1L), row(4L, "B", 1L));
        assertResult(values + "CLASSIFIER(\"a\") AS c ONE ROW PER MATCH PATTERN (\"a\" B+) DEFINE \"a\" AS x = 1)",
                List.of("varchar"), row("a"));
        // "a" and A are two variables; "A" and A one
        assertResult(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (\"a\" A+) DEFINE \"a\" AS x = 1, A AS x > 1)",
                List.of("integer", "varchar"), row(1L, "a"), row(2L, "A"), row(3L, "A"), row(4L, "A"));
        assertResult(values + "CLASSIFIER() AS c, count(\"a\".*) AS n ALL ROWS PER MATCH AFTER MATCH SKIP TO LAST \"b\""
                + " PATTERN (\"a\" \"b\"+) DEFINE \"a\" AS x < 3)",
                List.of("integer", "varchar", "bigint"), row(1L, "a", 1L), row(2L, "b", 1L), row(3L, "b", 1L), row(4L, "b", 1L));
        assertResult(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (\"A\" B+) DEFINE A AS x = 1)",
                List.of("integer", "varchar"), row(1L, "A"), row(2L, "B"), row(3L, "B"), row(4L, "B"));
        assertFails(values + "CLASSIFIER() AS c ALL ROWS PER MATCH PATTERN (\"a\" B+) DEFINE a AS x = 1)", ErrorCode.INVALID_LABEL);
        assertFails(values + "a.x AS c ALL ROWS PER MATCH PATTERN (\"a\" B+) DEFINE \"a\" AS x = 1)", ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void aggregateOfAnExpressionOverMatchNumberAndItsLabels() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 4, 5, 6) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES ";
        assertResult(values + "array_agg(CLASSIFIER() || CAST(MATCH_NUMBER() AS varchar)) AS c PATTERN (A+ B{2}) DEFINE A AS x < 4)",
                List.of("array(varchar)"), row(List.of("A1", "A1", "A1", "B1", "B1")));
        assertResult(values + "sum(CASE CLASSIFIER() WHEN 'A' THEN x ELSE -x END) AS c, RUNNING max(IF(CLASSIFIER() = 'B', x)) AS r"
                + " ALL ROWS PER MATCH PATTERN (A+ B{2}) DEFINE A AS x < 4)", List.of("integer", "bigint", "integer"),
                row(1L, 1L, null), row(2L, 3L, null), row(3L, 6L, null), row(4L, 2L, 4L), row(5L, -3L, 5L));
        assertResult(values + "max_by(x, lower(CLASSIFIER())) AS c PATTERN (A+ B{2}) DEFINE A AS x < 4)", List.of("integer"), row(4L));
        // CLASSIFIER() reads every row, A.x the rows of A
        assertFails(values + "count(CASE WHEN CLASSIFIER() = 'A' AND A.x > 1 THEN 1 END) AS c PATTERN (A+ B{2}) DEFINE A AS x < 4)",
                ErrorCode.INVALID_ARGUMENTS, "All labels and classifiers inside the call to 'count' must match");
    }

    @Test
    void emptyPattern() throws Exception {
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS n, CLASSIFIER() AS c"
                + " ALL ROWS PER MATCH SHOW EMPTY MATCHES PATTERN (() | A) DEFINE A AS x = 2)",
                List.of("integer", "bigint", "varchar"), row(1L, 0L, null), row(2L, 0L, null), row(3L, 0L, null));
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS n, CLASSIFIER() AS c"
                + " ALL ROWS PER MATCH PATTERN (A ()+ B) DEFINE A AS x = 2)",
                List.of("integer", "bigint", "varchar"), row(2L, 1L, "A"), row(3L, 2L, "B"));
    }

    @Test
    void oneRowPerMatchWithoutMeasuresShowsThePartitionKeys() throws Exception {
        assertResult("SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'd')) t(x, y) MATCH_RECOGNIZE (PARTITION BY y"
                + " ORDER BY x PATTERN (A+) DEFINE A AS true) ORDER BY 1", List.of("varchar(1)"), row("a"), row("b"), row("d"), row((Object) null));
    }

    @Test
    void trinoErrorsForMisusedClauses() {
        String values = "SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (";
        assertFails(values + "ORDER BY x MEASURES MATCH_NUMBER() AS m PATTERN (A{0,0} B) DEFINE A AS true)",
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Pattern quantifier upper bound must be greater than or equal to 1");
        assertFails(values + "ORDER BY x + 1 MEASURES MATCH_NUMBER() AS m PATTERN (A) DEFINE A AS true)",
                ErrorCode.INVALID_COLUMN_REFERENCE, "Expected column reference");
        assertFails(values + "PARTITION BY x IS NULL ORDER BY x MEASURES MATCH_NUMBER() AS m PATTERN (A) DEFINE A AS true)",
                ErrorCode.INVALID_COLUMN_REFERENCE, "Expected column reference");
        assertFails(values + "ORDER BY x MEASURES MATCH_NUMBER() AS m PATTERN (A) DEFINE A AS true, A AS false)",
                ErrorCode.INVALID_LABEL, "pattern variable with name: A is defined twice");
        assertFails(values + "ORDER BY x MEASURES MATCH_NUMBER() AS m PATTERN (A) SUBSET A = (A) DEFINE A AS true)",
                ErrorCode.INVALID_LABEL, "union pattern variable name: A is a duplicate of primary pattern variable name");
        assertFails(values + "ORDER BY x MEASURES array_agg(x ORDER BY x) AS m PATTERN (A B) DEFINE B AS true)",
                ErrorCode.NOT_SUPPORTED, "Cannot use ORDER BY with array_agg aggregate function in pattern recognition context");
        assertFails(values + "ORDER BY x MEASURES listagg(CAST(x AS varchar), ',') WITHIN GROUP (ORDER BY x) AS m PATTERN (A B)"
                + " DEFINE B AS true)", ErrorCode.NOT_SUPPORTED, "Cannot use ORDER BY with listagg aggregate function");
        assertFails(values + "ORDER BY x MEASURES A.x AS m PATTERN (A B) DEFINE A AS NULL)",
                ErrorCode.TYPE_MISMATCH, "Expression defining a label must be boolean (actual type: unknown)");
        assertFails(values + "ORDER BY x MEASURES MATCH_NUMBER(1) AS m PATTERN (A B) DEFINE B AS true)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:74: MATCH_NUMBER pattern recognition function takes no arguments");
        assertFails(values + "ORDER BY x MEASURES transform(array_agg(x), e -> e * 2) AS m PATTERN (A B) DEFINE B AS true)",
                ErrorCode.NOT_SUPPORTED, "Lambda expression in pattern recognition context is not yet supported");
        assertFails(values + "ORDER BY x MEASURES count(*) AS m PATTERN (A B) DEFINE B AS any_match(ARRAY[x], e -> e > 1))",
                ErrorCode.NOT_SUPPORTED, "Lambda expression in pattern recognition context is not yet supported");
    }

    @Test
    void patternRecognitionInAWindow() throws Exception {
        // a column named pattern is no clause
        assertResult("SELECT sum(x) OVER (PARTITION BY pattern ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                + " FROM (VALUES (1, 2)) t(x, pattern)", List.of("bigint"), row(1L));
        String window = "SELECT m OVER w FROM (VALUES 1, 2, 3, 2, 1) t(x) WINDOW w AS (ORDER BY x MEASURES A.x AS m ";
        assertFails(window + "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING PATTERN (A B+) DEFINE B AS x > PREV(x))",
                ErrorCode.INVALID_WINDOW_FRAME, "line 1:74: Pattern recognition requires frame specified as BETWEEN CURRENT ROW AND ...");
        assertFails(window + "RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B+) DEFINE B AS x > PREV(x))",
                ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires ROWS frame type");
        assertFails("SELECT m OVER (ORDER BY x MEASURES A.x AS m GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B+)"
                + " DEFINE B AS true) FROM (VALUES 1, 2) t(x)", ErrorCode.INVALID_WINDOW_FRAME, "Pattern recognition requires ROWS frame type");
        assertFails(window + "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B+))",
                ErrorCode.MISSING_VARIABLE_DEFINITIONS, "Pattern recognition requires DEFINE clause");
    }

    @Test
    void subsetInDefine() throws Exception {
        String values = "SELECT * FROM (VALUES 1, 2, 3, 2, 1, 5, 6) t(k) MATCH_RECOGNIZE (ORDER BY k MEASURES ";
        assertResult(values + "CLASSIFIER() AS c, MATCH_NUMBER() AS m ALL ROWS PER MATCH PATTERN (A B+ C?) SUBSET U = (A, C)"
                + " DEFINE B AS k > U.k, C AS k > PREV(U.k))", List.of("integer", "varchar", "bigint"),
                row(1L, "A", 1L), row(2L, "B", 1L), row(2L, "B", 1L), row(3L, "B", 1L), row(5L, "B", 1L), row(6L, "B", 1L));
        assertResult(values + "count(*) AS n, sum(U.k) AS su PATTERN (A B+) SUBSET U = (A, B)"
                + " DEFINE B AS max(U.k) - min(U.k) < 3 AND avg(U.k) > 1)", List.of("bigint", "bigint"), row(4L, 8L), row(2L, 11L));
        assertResult(values + "count(*) AS n PATTERN (A B+) SUBSET U = (A, B) DEFINE B AS sum(U.k * 2) < 10)", List.of("bigint"), row(3L));
        assertResult(values + "count(*) AS n PATTERN (A B+) SUBSET U = (A, B) DEFINE B AS count(U.*) < 3)", List.of("bigint"),
                row(2L), row(2L), row(2L));
        assertResult("SELECT * FROM (VALUES 1, 2, 3, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES CLASSIFIER() AS c ALL ROWS PER MATCH"
                + " PATTERN (\"a\" \"b\"+) SUBSET \"s\" = (\"a\", \"b\") DEFINE \"b\" AS \"s\".x > 0)", List.of("integer", "varchar"),
                row(1L, "a"), row(2L, "b"), row(3L, "b"), row(4L, "b"));
    }

    @Test
    void measuresMayShareANameWithEachOtherOrWithAnInputColumn() throws Exception {
        String twoAlike = "SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES A.x AS m, B.x AS m"
                + " PATTERN (A B?) DEFINE A AS true)";
        assertResult(twoAlike, List.of("integer", "integer"), List.of(1L, 2L));
        assertThat(run(twoAlike).names()).containsExactly("m", "m");
        String likeInput = "SELECT * FROM (VALUES (1, 5), (2, 6)) t(x, y) MATCH_RECOGNIZE (ORDER BY x"
                + " MEASURES A.y + 1 AS y, count(*) AS x ALL ROWS PER MATCH PATTERN (A B?) DEFINE A AS true)";
        assertResult(likeInput, List.of("integer", "integer", "bigint", "integer"), List.of(1L, 6L, 1L, 5L),
                List.of(2L, 6L, 2L, 6L));
        assertThat(run(likeInput).names()).containsExactly("x", "y", "x", "y");
        assertFails("SELECT m FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES A.x AS m, B.x AS m"
                + " PATTERN (A B?) DEFINE A AS true)", ErrorCode.AMBIGUOUS_NAME, "Column 'm' is ambiguous");
    }

    @Test
    void inSubQueryOfAVariablesColumnIsNotSupported() throws Exception {
        // Trino 476: NOT_SUPPORTED over A.x, an answer over the current row's x
        assertFails("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES A.x AS m PATTERN (A)"
                + " DEFINE A AS A.x IN (SELECT 2))", ErrorCode.NOT_SUPPORTED,
                "IN-PREDICATE with labeled column reference is not yet supported");
        assertResult("SELECT * FROM (VALUES 1, 2) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES A.x AS m PATTERN (A)"
                + " DEFINE A AS x IN (SELECT 2))", List.of("integer"), List.of(2L));
        // in MEASURES, over the match's last row (none for an empty match)
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES x IN (SELECT 2) AS c ALL ROWS PER MATCH "
                + "PATTERN (A*) DEFINE A AS x > 1)", List.of("integer", "boolean"),
                Arrays.asList(1L, null), List.of(2L, true), List.of(3L, false));
    }

    @Test
    void modesOfAllRowsPerMatchAreEachMatchRecognizes() throws Exception {
        // Trino 476
        assertResult("SELECT x, c FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c ALL ROWS PER MATCH OMIT "
                + "EMPTY MATCHES PATTERN (A?) DEFINE A AS x = 2) UNION ALL SELECT x, c FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER "
                + "BY x MEASURES count(*) AS c ALL ROWS PER MATCH WITH UNMATCHED ROWS PATTERN (A) DEFINE A AS x = 2) ORDER BY 1, 2",
                List.of("integer", "bigint"),
                Arrays.asList(1L, null), List.of(2L, 1L), List.of(2L, 1L), Arrays.asList(3L, null));
    }

    @Test
    void inputJoinedOnUnqualifiedColumns() throws Exception {
        // Calcite looked for the join's columns in the MATCH_RECOGNIZE being validated too: a cycle
        assertResult("SELECT * FROM (SELECT * FROM (VALUES (1, 10), (2, 10), (3, 20)) a(x, k) JOIN (VALUES (10, 'p'), (20, 'q')) "
                + "b(kk, v) ON k = kk) MATCH_RECOGNIZE (ORDER BY x MEASURES FIRST(v) AS fv, count(*) AS c ONE ROW PER MATCH PATTERN "
                + "(A B*) DEFINE B AS B.v = A.v)",
                List.of("varchar(1)", "bigint"),
                List.of("p", 2L), List.of("q", 1L));
    }

    @Test
    void uncorrelatedSubqueriesInMeasuresAndDefine() throws Exception {
        // Trino 476: each row carries their values; a measure of an empty match is NULL all the same
        assertResult("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES (SELECT 7) AS c, EXISTS (SELECT 1 WHERE "
                + "false) AS e ALL ROWS PER MATCH PATTERN (A*) DEFINE A AS x > (SELECT 1))",
                List.of("integer", "integer", "boolean"),
                Arrays.asList(1L, null, null), List.of(2L, 7L, false), List.of(3L, 7L, false));
        // x IN (query) over the current row: computed for each row of the input
        assertResult("SELECT * FROM (VALUES 1, 2, NULL, 4) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES count(*) AS c, LAST(x) AS l ALL "
                + "ROWS PER MATCH PATTERN (A+) DEFINE A AS x + 1 IN (SELECT * FROM (VALUES 2, 3, NULL)))",
                List.of("integer", "bigint", "integer"),
                List.of(1L, 1L, 1L), List.of(2L, 2L, 2L));
        assertFails("SELECT * FROM (VALUES 1, 2, 3) t(x) MATCH_RECOGNIZE (ORDER BY x MEASURES (SELECT max(y) FROM (VALUES 1) u(y) "
                + "WHERE y = A.x) AS c ONE ROW PER MATCH PATTERN (A) DEFINE A AS true)", ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void inputColumnsOfOneNameAreAmbiguous() {
        assertFails("SELECT * FROM (SELECT * FROM (VALUES (1, 2)) a(x, y), (VALUES (3, 4)) b(x, z)) MATCH_RECOGNIZE (ORDER BY y MEASURES "
                + "count(*) AS c ONE ROW PER MATCH PATTERN (A) DEFINE A AS true)",
                ErrorCode.AMBIGUOUS_NAME, "ambiguous column: x in row pattern input relation");
    }
}
