package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous row types in casts, char(n) inside arrays, maps and rows, the common type of chars of different lengths
 * and char compared with varchar in joins and IN lists. The expected types and values were taken from Trino 476
 * (char values are held without their trailing spaces: the client pads them to the type's length).
 */
class TestCharAndAnonymousRows extends LocalQueryTest {
    @Test
    void anonymousRowTypesInCasts() throws Exception {
        assertResult("SELECT CAST(ROW(1, 2) AS ROW(int, int))", List.of("row(integer, integer)"), List.of(List.of(1L, 2L)));
        assertResult("SELECT CAST(ROW(1, 2) AS ROW(int, int))[1], CAST(ROW(1, 2) AS ROW(int, int))[2]",
                List.of("integer", "integer"), List.of(1L, 2L));
        assertResult("SELECT CAST(ROW(1, 2) AS ROW(x int, int))", List.of("row(x integer, integer)"), List.of(List.of(1L, 2L)));
        assertResult("SELECT CAST(ROW(1, ROW(2, 'b')) AS ROW(bigint, ROW(int, varchar(3))))",
                List.of("row(bigint, row(integer, varchar(3)))"), List.of(List.of(1L, List.of(2L, "b"))));
        assertResult("SELECT CAST(x AS array(row(bigint, varchar))) FROM (VALUES ARRAY[ROW(1, 'a'), ROW(2, 'b')]) t(x)",
                List.of("array(row(bigint, varchar))"), List.of(List.of(List.of(1L, "a"), List.of(2L, "b"))));
        assertResult("SELECT CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(double, double)))",
                List.of("map(varchar, row(double, double))"), List.of(Map.of("k", List.of(1.0, 2.0))));
        assertResult("SELECT typeof(CAST(ROW(1, 2) AS ROW(int, int))), CAST(ROW(1, 2) AS ROW(int, int)) = ROW(1, 2)",
                List.of("varchar", "boolean"), List.of("row(integer, integer)", true));
        assertResult("SELECT TRY_CAST(ROW('x', 2) AS ROW(int, int))", List.of("row(integer, integer)"), java.util.Arrays.asList((Object) null));
        assertFails("SELECT CAST(ROW(1, 2) AS ROW(int))", ErrorCode.TYPE_MISMATCH, "Cannot cast row(integer, integer) to row(integer)");
        assertFails("SELECT CAST(ROW(ARRAY[1], 'a', MAP(ARRAY['k'], ARRAY[1.5])) AS ROW(int))", ErrorCode.TYPE_MISMATCH,
                "Cannot cast row(array(integer), varchar(1), map(varchar(1), decimal(2,1))) to row(integer)");
        assertFails("SELECT CAST(ROW(TIMESTAMP '2020-01-01 00:00:00', 1e0, REAL '1', true) AS ROW(a int))", ErrorCode.TYPE_MISMATCH,
                "Cannot cast row(timestamp(0), double, real, boolean) to row(a integer)");
        assertFails("SELECT CAST(ARRAY[DATE '2020-01-01'] AS array(boolean))", ErrorCode.TYPE_MISMATCH,
                "Cannot cast array(date) to array(boolean)");
    }

    @Test
    void charInsideArraysMapsAndRows() throws Exception {
        assertResult("SELECT ARRAY[CAST('a' AS char(3)), CAST('bc' AS char(2))], ARRAY[CAST('a' AS char(2)), 'xyz']",
                List.of("array(char(3))", "array(char(3))"), List.of(List.of("a", "bc"), List.of("a", "xyz")));
        assertResult("SELECT CAST(ARRAY['a', 'bcd'] AS array(char(3))), CAST(ARRAY['abcd'] AS array(char(2)))",
                List.of("array(char(3))", "array(char(2))"), List.of(List.of("a", "bcd"), List.of("ab")));
        assertResult("SELECT CAST(MAP(ARRAY['a'], ARRAY['b']) AS map(char(2), char(3))), ROW(CAST('a' AS char(3)), 1),"
                        + " CAST(ROW('a', 1) AS ROW(c char(3), n int))",
                List.of("map(char(2), char(3))", "row(char(3), integer)", "row(c char(3), n integer)"),
                List.of(Map.of("a", "b"), List.of("a", 1L), List.of("a", 1L)));
        assertResult("SELECT ARRAY[CAST('a' AS char(3))][1], element_at(ARRAY[CAST('a' AS char(3))], 1),"
                        + " ROW(CAST('a' AS char(3)), 1)[1], typeof(ARRAY[CAST('a' AS char(3))][1])",
                List.of("char(3)", "char(3)", "char(3)", "varchar"), List.of("a", "a", "a", "char(3)"));
        assertResult("SELECT x FROM UNNEST(ARRAY[CAST('a' AS char(3)), CAST('b' AS char(3))]) t(x) ORDER BY x",
                List.of("char(3)"), List.of("a"), List.of("b"));
        // padded where a char becomes text
        assertResult("SELECT CAST(ARRAY[CAST('a' AS char(3))] AS array(varchar)), array_join(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], ','),"
                        + " transform(ARRAY[CAST('a' AS char(2))], x -> x || '.'), transform(ARRAY[CAST('a' AS char(2))], x -> length(x))",
                List.of("array(varchar)", "varchar", "array(char(3))", "array(bigint)"),
                List.of(List.of("a  "), "a ,b ", List.of("a ."), List.of(2L)));
        assertResult("SELECT any_match(ARRAY[CAST('a' AS char(2))], x -> x = 'a '), ARRAY[CAST('a' AS char(2))] || ARRAY[CAST('b' AS char(2))],"
                        + " map_entries(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]))",
                List.of("boolean", "array(char(2))", "array(row(char(2), integer))"),
                List.of(true, List.of("a", "b"), List.of(List.of("a", 1L))));
        assertResult("SELECT array_sort(array_agg(x)), max(x), min(x) FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(2))) t(x)",
                List.of("array(char(3))", "char(3)", "char(3)"), List.of(List.of("a", "b"), "b", "a"));
    }

    @Test
    void charBesideVarcharIsACharOfTheLongerLength() throws Exception {
        // an unbounded varchar counts as Trino's longest char, 65536
        assertResult("SELECT CAST('a' AS char(3)) x UNION ALL SELECT CAST('b' AS varchar) ORDER BY x",
                List.of("char(65536)"), List.of("a"), List.of("b"));
        assertResult("SELECT CAST('a' AS char(3)) INTERSECT SELECT CAST('a' AS varchar)", List.of("char(65536)"), List.of("a"));
        assertResult("SELECT CAST('a' AS char(3)) x UNION ALL SELECT CAST('b' AS varchar(10)) ORDER BY x",
                List.of("char(10)"), List.of("a"), List.of("b"));
        // CASE and COALESCE that Calcite would fold to one of their values keep the char type
        assertResult("SELECT CASE WHEN false THEN CAST('a' AS char(2)) ELSE CAST('xyz' AS varchar) END,"
                        + " CASE WHEN false THEN CAST('a' AS char(2)) ELSE CAST('xyz' AS varchar(10)) END,"
                        + " CASE WHEN true THEN 'a' ELSE CAST('b' AS char(4)) END",
                List.of("char(65536)", "char(10)", "char(4)"), List.of("xyz", "xyz", "a"));
        assertResult("SELECT coalesce(CAST('a' AS char(2)), name), CASE WHEN false THEN CAST('a' AS char(2)) ELSE name END"
                        + " FROM tpch.tiny.nation WHERE nationkey = 1",
                List.of("char(25)", "char(25)"), List.of("a", "ARGENTINA"));
        assertResult("SELECT length(coalesce(CAST('a' AS char(3)), CAST('b' AS varchar))), length(coalesce(CAST('a' AS char(3)), 'bbbbb')),"
                        + " typeof(coalesce(CAST('a' AS char(3)), CAST('b' AS varchar))), coalesce(CAST('a' AS char(3)), 'bbbbb') || 'x'",
                List.of("bigint", "bigint", "varchar", "char(6)"), List.of(65536L, 5L, "char(65536)", "a    x"));
    }

    @Test
    void commonTypeOfCharsIsTheLongestChar() throws Exception {
        assertResult("SELECT CASE WHEN n = 1 THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END FROM (VALUES 1, 2) t(n) ORDER BY n",
                List.of("char(4)"), List.of("a"), List.of("bcd"));
        assertResult("SELECT CASE n WHEN 1 THEN CAST('a' AS char(2)) ELSE 'xyz' END FROM (VALUES 1, 2) t(n) ORDER BY n",
                List.of("char(3)"), List.of("a"), List.of("xyz"));
        assertResult("SELECT CASE WHEN true THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END,"
                        + " COALESCE(CAST('a' AS char(2)), CAST('bcd' AS char(4))), COALESCE(CAST(NULL AS char(2)), 'x'),"
                        + " IF(true, CAST('a' AS char(2)), CAST('bcd' AS char(4))), NULLIF(CAST('a' AS char(2)), CAST('b' AS char(4)))",
                List.of("char(4)", "char(4)", "char(2)", "char(4)", "char(2)"), List.of("a", "a", "x", "a", "a"));
        assertResult("SELECT greatest(CAST('a' AS char(2)), CAST('bcd' AS char(4))), least(CAST('a' AS char(2)), CAST('bcd' AS char(4)))",
                List.of("char(4)", "char(4)"), List.of("bcd", "a"));
        assertResult("SELECT COALESCE(c, 'xyz') FROM (VALUES CAST('a' AS char(2)), NULL) t(c) ORDER BY 1",
                List.of("char(3)"), List.of("a"), List.of("xyz"));
        assertResult("SELECT x FROM (SELECT CAST('a' AS char(2)) UNION SELECT 'xyz') t(x) ORDER BY x",
                List.of("char(3)"), List.of("a"), List.of("xyz"));
    }

    @Test
    void charArraysAcrossRowsAndBranches() throws Exception {
        assertResult("SELECT a, count(*) FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('a ' AS char(2))]) t(a) GROUP BY a",
                List.of("array(char(2))", "bigint"), List.of(List.of("a"), 2L));
        assertResult("SELECT * FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('bcd' AS char(3))]) t(a) ORDER BY a",
                List.of("array(char(3))"), List.of(List.of("a")), List.of(List.of("bcd")));
        assertResult("SELECT x FROM (SELECT ARRAY[CAST('a' AS char(2))] UNION ALL SELECT ARRAY[CAST('bcd' AS char(3))]) t(x) ORDER BY x",
                List.of("array(char(3))"), List.of(List.of("a")), List.of(List.of("bcd")));
        assertResult("SELECT CASE WHEN n = 1 THEN ARRAY[CAST('a' AS char(2))] ELSE ARRAY[CAST('bcd' AS char(3))] END"
                        + " FROM (VALUES 1, 2) t(n) ORDER BY n",
                List.of("array(char(3))"), List.of(List.of("a")), List.of(List.of("bcd")));
    }

    @Test
    void charThroughWindowsAndCaseFunctions() throws Exception {
        assertResult("SELECT lag(c) OVER (ORDER BY c) FROM (VALUES CAST('b' AS char(2)), CAST('a' AS char(2))) t(c) ORDER BY 1 NULLS FIRST",
                List.of("char(2)"), java.util.Arrays.asList((Object) null), List.of("a"));
        assertResult("SELECT upper(c), lower(c), trim(c), rtrim(c) FROM (VALUES CAST('a' AS char(3))) t(c)",
                List.of("char(3)", "char(3)", "varchar(3)", "varchar(3)"), List.of("A", "a", "a", "a"));
    }

    @Test
    void charComparesWithVarcharAsChar() throws Exception {
        assertResult("SELECT CAST('a' AS char(3)) IN ('a', 'b'), CAST('a' AS char(3)) IN ('a  ', 'b'), CAST('c' AS char(3)) NOT IN ('a', 'b')",
                List.of("boolean", "boolean", "boolean"), List.of(true, true, true));
        assertResult("SELECT x FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) WHERE x IN ('a', 'c')",
                List.of("char(3)"), List.of("a"));
        assertResult("SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a') u(y) ON x = y", List.of("char(3)"), List.of("a"));
        assertResult("SELECT x, y FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) LEFT JOIN (VALUES 'a', 'b ') u(y) ON x = y ORDER BY x",
                List.of("char(3)", "varchar(2)"), List.of("a", "a"), List.of("b", "b "));
        assertResult("SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) WHERE x IN (SELECT 'a')", List.of("char(3)"), List.of("a"));
        assertResult("SELECT n.name FROM nation n JOIN (VALUES CAST('BRAZIL' AS char(10))) t(c) ON n.name = c",
                List.of("varchar(25)"), List.of("BRAZIL"));
        assertResult("SELECT count(*) FROM nation WHERE CAST(name AS char(20)) IN ('BRAZIL', 'CHINA')", List.of("bigint"), List.of(2L));
        // the user's cast to varchar pads the char, which then compares as varchar
        assertResult("SELECT CAST(x AS varchar) = 'a  ', CAST(x AS varchar) = 'a', CAST(x AS varchar) IN ('a', 'b'),"
                        + " CAST(x AS varchar(5)) = 'a' FROM (VALUES CAST('a' AS char(3))) t(x)",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(true, false, false, false));
        assertResult("SELECT y FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a', 'a  ') u(y) ON CAST(x AS varchar) = y",
                List.of("varchar(3)"), List.of("a  "));
    }
}
