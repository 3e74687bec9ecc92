package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday query shapes as Trino 476 answers them: the names and types of their columns, their rows and errors. */
class TestEverydayShapes extends LocalQueryTest {
    @Test
    void bareNullsAmongTextsLeaveThemVarchar() throws Exception {
        assertResult("SELECT CASE WHEN regionkey > 2 THEN 'hi' END FROM region ORDER BY 1", List.of("varchar(2)"),
                List.of("hi"), List.of("hi"), Arrays.asList((Object) null), Arrays.asList((Object) null),
                Arrays.asList((Object) null));
        assertResult("SELECT ARRAY['a', NULL], coalesce(NULL, 'a'), if(false, 'a')",
                List.of("array(varchar(1))", "varchar(1)", "varchar(1)"), Arrays.asList(Arrays.asList("a", null), "a", null));
        // a char the user wrote stays one (the runner gives chars without their padding, which the protocol adds)
        assertResult("SELECT CASE WHEN true THEN CAST('a' AS char(3)) END, ARRAY[CAST('a' AS char(2)), NULL]",
                List.of("char(3)", "array(char(2))"), List.of("a", Arrays.asList("a", null)));
    }

    @Test
    void aQualifiedStarOverAUsingJoinLeavesTheUsingColumnsOut() throws Exception {
        assertResult("SELECT a.*, b.* FROM (VALUES (1, 2)) a(x, y) JOIN (VALUES (1, 3)) b(x, z) USING (x)",
                List.of("integer", "integer"), List.of(2L, 3L));
        assertThat(run("SELECT n.*, regionkey FROM nation n JOIN region r USING (regionkey)").names())
                .containsExactly("nationkey", "name", "comment", "regionkey");
        assertThat(run("SELECT *, a.* FROM (VALUES (1, 2)) a(x, y) JOIN (VALUES (1, 3)) b(x, z) USING (x)").names())
                .containsExactly("x", "y", "z", "y");
    }

    @Test
    void aStarShowsUsingColumnsAsTheUsingListWritesThem() throws Exception {
        assertThat(run("SELECT * FROM nation JOIN region USING (RegionKey)").names())
                .containsExactly("RegionKey", "nationkey", "name", "comment", "name", "comment");
        assertThat(run("SELECT * FROM nation n FULL JOIN region r USING (\"RegionKey\")").names())
                .containsExactly("RegionKey", "nationkey", "name", "comment", "name", "comment");
        assertThat(run("SELECT RegionKey, *, REGIONKEY FROM nation JOIN region USING (regionkey)").names())
                .containsExactly("RegionKey", "regionkey", "nationkey", "name", "comment", "name", "comment", "REGIONKEY");
        assertThat(run("SELECT * FROM (SELECT * FROM nation JOIN region USING (RegionKey))").names())
                .containsExactly("RegionKey", "nationkey", "name", "comment", "name", "comment");
        assertThat(run("SELECT * FROM (nation n JOIN region r USING (RegionKey)) JOIN (nation m JOIN region q"
                + " USING (REGIONKEY)) USING (nationkey)").names()).containsExactly("nationkey", "RegionKey", "name",
                "comment", "name", "comment", "REGIONKEY", "name", "comment", "name", "comment");
        assertResult("SELECT * FROM (VALUES 1) a(x) JOIN (VALUES 1) b(X) USING (X)", List.of("integer"), List.of(1L));
        assertThat(run("SELECT * FROM (VALUES 1) a(x) JOIN (VALUES 1) b(X) USING (X)").names()).containsExactly("X");
    }

    @Test
    void aQualifiedStarLeavesOutTheUsingColumnsOfEveryJoinAroundIt() throws Exception {
        assertThat(run("SELECT n.* FROM (nation n JOIN region r USING (regionkey)) JOIN supplier s USING (nationkey)")
                .names()).containsExactly("name", "comment");
        assertThat(run("SELECT n.*, s.* FROM supplier s JOIN (nation n JOIN region r USING (regionkey)) USING (nationkey)")
                .names()).containsExactly("name", "comment", "suppkey", "name", "address", "phone", "acctbal", "comment");
        assertThat(run("SELECT r.* FROM nation n JOIN region r USING (regionkey) JOIN supplier s USING (nationkey)")
                .names()).containsExactly("name", "comment");
        // a join ON leaves its columns alone
        assertThat(run("SELECT n.* FROM nation n JOIN region r USING (regionkey) JOIN supplier s"
                + " ON s.nationkey = n.nationkey").names()).containsExactly("nationkey", "name", "comment");
        assertFails("SELECT a.* FROM (VALUES 1) a(x) JOIN (VALUES 1) b(x) USING (x)", io.quarry.spi.ErrorCode.TABLE_NOT_FOUND,
                "line 1:8: Unable to resolve reference a");
    }

    @Test
    void aUsingColumnThatASideHasTwiceIsAmbiguous() throws Exception {
        assertFails("SELECT * FROM (nation n JOIN region r USING (regionkey)) JOIN nation m USING (name)",
                io.quarry.spi.ErrorCode.AMBIGUOUS_NAME, "line 1:79: Column 'name' is ambiguous");
        assertFails("SELECT * FROM nation n JOIN (region r CROSS JOIN nation m) USING (Name)",
                io.quarry.spi.ErrorCode.AMBIGUOUS_NAME, "line 1:67: Column 'name' is ambiguous");
        // a join USING the name has it once
        assertResult("SELECT count(*) FROM (nation n JOIN nation m USING (name)) JOIN region r USING (name)", List.of("bigint"),
                List.of(0L));
    }

    @Test
    void unnestOfANullArrayHasNoRows() throws Exception {
        assertResult("SELECT * FROM UNNEST(CAST(NULL AS array(integer))) t(x)", List.of("integer"));
        assertResult("SELECT * FROM UNNEST(CAST(NULL AS array(integer)), ARRAY[1, 2]) t(x, y)", List.of("integer", "integer"),
                Arrays.asList(null, 1L), Arrays.asList(null, 2L));
        assertFails("SELECT * FROM UNNEST(NULL) t(x)", io.quarry.spi.ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Cannot unnest type: unknown");
    }

    @Test
    void dateTimeWordsAreNames() throws Exception {
        LocalQueryRunner.Result result = run("SELECT date, t.Time FROM (SELECT orderdate AS Date, 1 AS time FROM orders"
                + " WHERE orderkey = 1) t WHERE date > DATE '1990-01-01'");
        assertThat(result.names()).containsExactly("date", "Time");
        assertThat(result.types().stream().map(io.quarry.type.Type::displayName).toList()).containsExactly("date", "integer");
    }

    @Test
    void wordsTrinoDoesNotReserveAreNames() throws Exception {
        LocalQueryRunner.Result result = run("SELECT set, t.any, uuid + 1 AS some, limit FROM (VALUES (1, 2, 3, 4))"
                + " t(set, any, uuid, limit) WHERE set > 0 ORDER BY limit");
        assertThat(result.names()).containsExactly("set", "any", "some", "limit");
        assertThat(result.rows()).containsExactly(List.of(1L, 2L, 4L, 4L));
        assertThat(run("SELECT 1 AS rows, 2 AS range, 3 AS offset, 4 AS over").names())
                .containsExactly("rows", "range", "offset", "over");
        assertThat(run("SELECT all FROM (VALUES 1) t(all)").rows()).containsExactly(List.of(1L));
    }

    @Test
    void rowCountsAreIntegersAndTruthTestsAreNotTrinos() {
        assertFails("SELECT * FROM region LIMIT 1e0", io.quarry.spi.ErrorCode.SYNTAX_ERROR, "line 1:28: mismatched input '1e0'");
        assertFails("SELECT * FROM region ORDER BY 1 LIMIT 1.0", io.quarry.spi.ErrorCode.SYNTAX_ERROR,
                "line 1:39: mismatched input '1.0'");
        assertFails("SELECT * FROM region OFFSET 1e0", io.quarry.spi.ErrorCode.SYNTAX_ERROR, "line 1:29: mismatched input '1e0'");
        assertFails("SELECT * FROM region FETCH FIRST 1e0 ROWS ONLY", io.quarry.spi.ErrorCode.SYNTAX_ERROR,
                "line 1:34: mismatched input '1e0'");
        assertFails("SELECT regionkey FROM region WHERE (regionkey > 2) IS UNKNOWN", io.quarry.spi.ErrorCode.SYNTAX_ERROR,
                "line 1:55: mismatched input 'UNKNOWN'. Expecting: 'DISTINCT', 'NOT', 'NULL'");
        assertFails("SELECT name IS NOT UNKNOWN FROM region", io.quarry.spi.ErrorCode.SYNTAX_ERROR,
                "line 1:20: mismatched input 'UNKNOWN'. Expecting: 'DISTINCT', 'NULL'");
        assertFails("SELECT (name = 'x') IS TRUE FROM region", io.quarry.spi.ErrorCode.SYNTAX_ERROR,
                "line 1:24: mismatched input 'TRUE'. Expecting: 'DISTINCT', 'NOT', 'NULL'");
    }

    @Test
    void similarToIsNotTrinos() {
        assertFails("SELECT name FROM nation WHERE name SIMILAR TO 'A%'", io.quarry.spi.ErrorCode.SYNTAX_ERROR, "mismatched input 'SIMILAR'");
        assertFails("SELECT name NOT SIMILAR TO 'A%' FROM nation", io.quarry.spi.ErrorCode.SYNTAX_ERROR, "mismatched input 'SIMILAR'");
    }

    @Test
    void columnNamesAreTheWrittenOnes() throws Exception {
        assertThat(run("SELECT Name, count(*) AS Total FROM region GROUP BY Name").names()).containsExactly("Name", "Total");
        assertThat(run("SELECT * FROM (VALUES (1, 2)) t(a, A)").names()).containsExactly("a", "A");
    }

    @Test
    void aColumnWhoseDistinctEstimateReachesTheRowCountIsNoKey() throws Exception {
        // tpch estimates as many distinct totalprices and extendedprices as rows; four totalprices repeat
        assertResult("SELECT totalprice, count(*) FROM orders GROUP BY totalprice HAVING count(*) > 1 ORDER BY 1",
                List.of("double", "bigint"), List.of(14623.67, 2L), List.of(16236.69, 2L), List.of(126476.16, 2L),
                List.of(169049.46, 2L));
        assertResult("SELECT extendedprice, count(*) FROM lineitem WHERE extendedprice BETWEEN 2476 AND 2477"
                + " GROUP BY extendedprice", List.of("double", "bigint"), List.of(2476.66, 2L));
        assertResult("SELECT count(*) FROM orders a LEFT JOIN orders b ON a.totalprice = b.totalprice",
                List.of("bigint"), List.of(15008L));
        // a primary key is one: the join to it keeps the left rows
        assertResult("SELECT count(*) FROM lineitem l LEFT JOIN orders o ON l.orderkey = o.orderkey",
                List.of("bigint"), List.of(60175L));
    }
}
