package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query shapes (lateral UNNEST, DISTINCT with windows, …) against the answers Trino 476 gives on tpch.tiny. */
class TestQueryShapes extends LocalQueryTest {
    @Test
    void leftJoinUnnestKeepsRowsWithNothingToUnnest() throws Exception {
        assertResult("SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, arr)"
                        + " LEFT JOIN UNNEST(t.arr) AS u(x) ON true ORDER BY n, x",
                List.of("integer", "integer"),
                List.of(1L, 1L), List.of(1L, 2L), Arrays.asList(2L, null), Arrays.asList(3L, null));
        assertResult("SELECT n, x, o FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, arr)"
                        + " LEFT JOIN UNNEST(arr) WITH ORDINALITY AS u(x, o) ON true ORDER BY n, x",
                List.of("integer", "integer", "bigint"),
                List.of(1L, 1L, 1L), List.of(1L, 2L, 2L), Arrays.asList(2L, null, null));
        assertResult("SELECT n, k, v FROM (VALUES (1, MAP(ARRAY['a'], ARRAY[1])), (2, MAP())) t(n, m)"
                        + " LEFT JOIN UNNEST(m) AS u(k, v) ON true ORDER BY n",
                List.of("integer", "varchar(1)", "integer"),
                List.of(1L, "a", 1L), Arrays.asList(2L, null, null));
    }

    @Test
    void leftJoinUnnestOfTableColumns() throws Exception {
        assertResult("SELECT r.name, count(x), count(*) FROM region r LEFT JOIN UNNEST(split(r.name, 'A')) AS u(x) ON true"
                        + " GROUP BY r.name ORDER BY 1",
                List.of("varchar(25)", "bigint", "bigint"),
                List.of("AFRICA", 3L, 3L), List.of("AMERICA", 3L, 3L), List.of("ASIA", 3L, 3L),
                List.of("EUROPE", 1L, 1L), List.of("MIDDLE EAST", 2L, 2L));
        assertResult("SELECT n, count(x), count(*) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, arr)"
                        + " LEFT JOIN UNNEST(arr) AS u(x) ON true GROUP BY n ORDER BY n",
                List.of("integer", "bigint", "bigint"),
                List.of(1L, 2L, 2L), List.of(2L, 0L, 1L), List.of(3L, 0L, 1L));
    }

    @Test
    void distinctWindowFunctionsWithOrderBy() throws Exception {
        assertResult("SELECT DISTINCT rank() OVER (ORDER BY regionkey) FROM nation ORDER BY 1",
                List.of("bigint"), List.of(1L), List.of(6L), List.of(11L), List.of(16L), List.of(21L));
        assertResult("SELECT DISTINCT regionkey, max(nationkey) OVER (PARTITION BY regionkey) m FROM nation ORDER BY m DESC",
                List.of("bigint", "bigint"),
                List.of(1L, 24L), List.of(3L, 23L), List.of(2L, 21L), List.of(4L, 20L), List.of(0L, 16L));
        assertResult("SELECT DISTINCT regionkey, max(nationkey) OVER (PARTITION BY regionkey) m FROM nation"
                        + " ORDER BY 2 DESC NULLS FIRST, regionkey LIMIT 2",
                List.of("bigint", "bigint"), List.of(1L, 24L), List.of(3L, 23L));
        assertResult("SELECT DISTINCT regionkey + 1 k, rank() OVER (ORDER BY regionkey) FROM nation ORDER BY regionkey + 1 DESC LIMIT 2",
                List.of("bigint", "bigint"), List.of(5L, 21L), List.of(4L, 16L));
        assertThatThrownBy(() -> run("SELECT DISTINCT regionkey, max(nationkey) OVER (PARTITION BY regionkey) m FROM nation"
                        + " ORDER BY max(nationkey) OVER (PARTITION BY regionkey) DESC"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPRESSION_NOT_IN_DISTINCT));
        assertResult("WITH x AS (SELECT 1) SELECT DISTINCT rank() OVER (ORDER BY regionkey) r FROM nation ORDER BY r DESC OFFSET 1",
                List.of("bigint"), List.of(16L), List.of(11L), List.of(6L), List.of(1L));
    }

    @Test
    void offsetWithTiesRanksTheRowsAfterTheOffset() throws Exception {
        assertResult("SELECT regionkey FROM nation ORDER BY regionkey OFFSET 3 FETCH FIRST 3 ROWS WITH TIES",
                List.of("bigint"), List.of(0L), List.of(0L), List.of(1L), List.of(1L), List.of(1L), List.of(1L), List.of(1L));
    }

    @Test
    void fetchWithoutACountInASubqueryFetchesOneRow() throws Exception {
        assertResult("SELECT count(*) FROM (SELECT orderdate FROM orders FETCH FIRST ROW ONLY)", List.of("bigint"), List.of(1L));
        assertResult("SELECT x FROM (SELECT * FROM (VALUES 5, 2, 4) t(x) ORDER BY x FETCH NEXT ROWS ONLY) WHERE x <> 0"
                + " AND 'FETCH FIRST ROW ONLY' <> ''", List.of("integer"), List.of(2L));
    }

    @Test
    void groupByAutoGroupsByTheItemsThatAreNoAggregates() throws Exception {
        assertResult("SELECT regionkey, count(*) FILTER (WHERE nationkey > 3) FROM nation GROUP BY AUTO ORDER BY 1",
                List.of("bigint", "bigint"), List.of(0L, 4L), List.of(1L, 2L), List.of(2L, 5L), List.of(3L, 5L), List.of(4L, 5L));
        assertResult("SELECT regionkey r, count(*) FROM nation GROUP BY AUTO HAVING regionkey > 2 ORDER BY 1",
                List.of("bigint", "bigint"), List.of(3L, 5L), List.of(4L, 5L));
        assertResult("SELECT count(*) FROM nation GROUP BY AUTO", List.of("bigint"), List.of(25L));
        assertResult("SELECT 5, count(*) FROM nation GROUP BY AUTO", List.of("integer", "bigint"), List.of(5L, 25L));
        assertResult("SELECT 5, count(*) FROM nation WHERE false GROUP BY AUTO", List.of("integer", "bigint"));
        assertThatThrownBy(() -> run("SELECT regionkey, count(*) + regionkey FROM nation GROUP BY AUTO"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXPRESSION_NOT_SCALAR));
    }

    @Test
    void correspondingSetOperationsMatchColumnsByName() throws Exception {
        assertResult("SELECT * FROM (VALUES (1, 'alice')) AS t(id, name) UNION ALL CORRESPONDING"
                        + " SELECT * FROM (VALUES ('bob', 2)) AS t(name, id) ORDER BY id",
                List.of("integer", "varchar(5)"), List.of(1L, "alice"), List.of(2L, "bob"));
        assertResult("SELECT * FROM (VALUES (DATE '2025-04-23', 'alice')) AS t(order_date, name) UNION ALL CORRESPONDING"
                + " SELECT * FROM (VALUES ('bob', 123.45)) AS t(name, price) ORDER BY 1",
                List.of("varchar(5)"), List.of("alice"), List.of("bob"));
        assertResult("SELECT * FROM (VALUES (1, 'alice')) AS t(id, name) INTERSECT CORRESPONDING"
                + " SELECT * FROM (VALUES ('alice', 1)) AS t(name, id)", List.of("integer", "varchar(5)"), List.of(1L, "alice"));
        assertResult("SELECT * FROM (VALUES (1, 'alice'), (2, 'bob')) AS t(id, name) EXCEPT CORRESPONDING"
                + " SELECT * FROM (VALUES ('alice', 1)) AS t(name, id)", List.of("integer", "varchar(5)"), List.of(2L, "bob"));
        assertResult("(SELECT 1 a, 2 b) UNION ALL CORRESPONDING (SELECT 3 b, 4 a) ORDER BY a",
                List.of("integer", "integer"), List.of(1L, 2L), List.of(4L, 3L));
        assertResult("SELECT * FROM (SELECT 3 b, 4 a UNION ALL SELECT 1 a, 2 b UNION ALL CORRESPONDING SELECT 5 a) ORDER BY 1",
                List.of("integer"), List.of(2L), List.of(4L), List.of(5L));
        assertFailure("SELECT 1 a UNION CORRESPONDING SELECT 2 b", ErrorCode.MISMATCHED_COLUMN_ALIASES);
        assertFailure("SELECT 1 a, 2 a UNION CORRESPONDING SELECT 2 a", ErrorCode.AMBIGUOUS_NAME);
        assertFailure("SELECT 1 UNION CORRESPONDING SELECT 2", ErrorCode.MISSING_COLUMN_NAME);
        assertFailure("SELECT 1 a UNION CORRESPONDING BY (a) SELECT 2 a", ErrorCode.NOT_SUPPORTED);
    }

    @Test
    void rowStarItemsGiveAColumnPerField() throws Exception {
        assertThat(run("SELECT (CAST(ROW(1, true) AS ROW(field1 bigint, field2 boolean))).* AS (alias1, \"x\")").names())
                .containsExactly("ALIAS1", "x");
        assertThat(run("SELECT (CAST(ROW(1, true) AS ROW(field1 bigint, field2 boolean))).*").names())
                .containsExactly("field1", "field2");
        assertThat(run("SELECT 7, (ROW(1, true)).*").names()).containsExactly("_col0", "_col1", "_col2");
        assertResult("SELECT 7, (ROW(1, true)).*", List.of("integer", "integer", "boolean"), List.of(7L, 1L, true));
        assertResult("SELECT (CAST(ROW(1, true) AS ROW(field1 bigint, field2 boolean))).* AS (x, y) FROM nation WHERE false",
                List.of("bigint", "boolean"));
        assertFailure("SELECT (CAST(ROW(1, true) AS ROW(field1 bigint, field2 boolean))).* AS (x)", ErrorCode.MISMATCHED_COLUMN_ALIASES);
        assertFailure("SELECT (5).*", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void inlineFunctionsWithAReturnAreExpanded() throws Exception {
        // Trino 476 answers the documented example with one varchar column
        assertResult("WITH FUNCTION hello(name varchar) RETURNS varchar RETURN format('Hello %s!', name),"
                        + " FUNCTION bye(name varchar) RETURNS varchar RETURN format('Bye %s!', name)"
                        + " SELECT hello('Finn') || ' and ' || bye('Joe')",
                List.of("varchar"), List.of("Hello Finn! and Bye Joe!"));
        assertResult("WITH FUNCTION twice(x bigint) RETURNS bigint RETURN x * 2 SELECT twice(regionkey) FROM region WHERE regionkey > 2"
                + " ORDER BY 1", List.of("bigint"), List.of(6L), List.of(8L));
        assertFailure("WITH FUNCTION hello(name varchar) RETURNS varchar RETURN name SELECT hello('a', 'b')", ErrorCode.FUNCTION_NOT_FOUND);
    }

    private void assertFailure(String sql, ErrorCode code) {
        assertThatThrownBy(() -> run(sql))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void windowInsideAggregateIsNestedWindow() {
        assertThatThrownBy(() -> run("SELECT regionkey, max(rank() OVER (ORDER BY nationkey)) FROM nation GROUP BY regionkey"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NESTED_WINDOW));
    }

    @Test
    void lambdasInsideUnnest() throws Exception {
        assertResult("SELECT x FROM UNNEST(filter(ARRAY['a','b'], s -> s = 'a')) AS u(x)", List.of("varchar(1)"), List.of("a"));
        assertResult("SELECT n.name, cardinality(array_agg(x)) FROM nation n"
                        + " LEFT JOIN UNNEST(filter(split(n.name, 'A'), s -> s = 'XYZ')) AS u(x) ON true"
                        + " GROUP BY n.name ORDER BY 1 LIMIT 3",
                List.of("varchar(25)", "bigint"), List.of("ALGERIA", 1L), List.of("ARGENTINA", 1L), List.of("BRAZIL", 1L));
    }

    @Test
    void subQueryWithoutFrom() throws Exception {
        assertResult("SELECT (SELECT 1 WHERE false), (SELECT 2 WHERE true)", List.of("integer", "integer"), Arrays.asList(null, 2L));
    }
}
