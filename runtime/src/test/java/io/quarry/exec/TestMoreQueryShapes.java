package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query shapes compared with Trino 476: the expected values are Trino's. */
class TestMoreQueryShapes extends LocalQueryTest {
    private static final String ROWS = "(VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n)";

    @Test
    void scalarAggregateOverUnnestOfOuterColumn() throws Exception {
        assertResult("SELECT n, (SELECT max(x) FROM UNNEST(a) AS u(x)) FROM (VALUES (1, ARRAY[1,2,3]), (2, ARRAY[4])) t(n, a) ORDER BY n",
                List.of("integer", "integer"), List.of(1L, 3L), List.of(2L, 4L));
        assertResult("SELECT (SELECT count(*) FROM UNNEST(a)) FROM (VALUES ARRAY[1,2]) t(a)", List.of("bigint"), List.of(2L));
    }

    @Test
    void emptyAndNullArraysCountZeroAndAggregateToNull() throws Exception {
        assertResult("SELECT n, (SELECT count(*) FROM UNNEST(a)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n",
                List.of("integer", "bigint"), List.of(1L, 2L), List.of(2L, 0L), List.of(3L, 0L));
        assertResult("SELECT n, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n",
                List.of("integer", "integer"), List.of(1L, 2L), Arrays.asList(2L, null), Arrays.asList(3L, null));
        assertResult("SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) WHERE (SELECT count(*) FROM UNNEST(a)) < 2 ORDER BY n",
                List.of("integer"), List.of(2L), List.of(3L));
    }

    @Test
    void lateralAggregateOverUnnest() throws Exception {
        assertResult("SELECT n, s.m FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5,1,7])) t(n, a) "
                + "CROSS JOIN LATERAL (SELECT max(x) m FROM UNNEST(a) u(x)) s ORDER BY n",
                List.of("integer", "integer"), List.of(1L, 2L), List.of(2L, 7L));
    }

    @Test
    void aggregatesWithOrderAndOverMaps() throws Exception {
        assertResult("SELECT n, (SELECT array_agg(x ORDER BY x DESC) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[2, 3, 1]), (2, ARRAY[7])) t(n, a) ORDER BY n",
                List.of("integer", "array(integer)"), List.of(1L, List.of(3L, 2L, 1L)), List.of(2L, List.of(7L)));
        assertResult("SELECT n, (SELECT max(k) || ':' || CAST(sum(v) AS varchar) FROM UNNEST(m) u(k, v)) "
                + "FROM (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, 2]))) t(n, m)",
                List.of("integer", "varchar"), List.of(1L, "b:3"));
    }

    @Test
    void filteredRowsAreNotComputedOn() throws Exception {
        // Trino rejects a correlated filter here; 10 / x must not be computed for x = 0
        assertResult("SELECT n, (SELECT count(*) + 1 FROM UNNEST(a) u(x) WHERE x <> 0 AND 10 / x > 2) "
                + "FROM (VALUES (1, ARRAY[0, 1, 5]), (2, ARRAY[0])) t(n, a) ORDER BY n",
                List.of("integer", "bigint"), List.of(1L, 2L), List.of(2L, 1L));
        assertResult("SELECT n, (SELECT sum(x) FROM UNNEST(a) u(x) WHERE x > n) "
                + "FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5,1,7]), (3, ARRAY[1])) t(n, a) ORDER BY n",
                List.of("integer", "bigint"), List.of(1L, 2L), List.of(2L, 12L), Arrays.asList(3L, null));
    }

    @Test
    void orderByRowField() throws Exception {
        LocalQueryRunner.Result result = run("SELECT r FROM " + ROWS + " ORDER BY (r).y");
        assertThat(result.types().get(0).displayName()).isEqualTo("row(x integer, y integer)");
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).get(0).toString()).contains("3");
        assertResult("SELECT r.y FROM " + ROWS + " ORDER BY r.x DESC", List.of("integer"), List.of(0L), List.of(2L));
        assertResult("SELECT (r).x, (r).y FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL "
                + "SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY (r).y * 10 + (r).x DESC",
                List.of("integer", "integer"), List.of(1L, 2L), List.of(3L, 0L));
        assertResult("SELECT (r).y, count(*) FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), "
                + "(CAST(ROW(3,2) AS ROW(x int, y int)), 2)) t(r, n) GROUP BY (r).y ORDER BY (r).y",
                List.of("integer", "bigint"), List.of(2L, 2L));
        assertResult("SELECT (r).x FROM " + ROWS + " ORDER BY max((r).y) OVER (), (r).x NULLS FIRST",
                List.of("integer"), List.of(1L), List.of(3L));
    }

    @Test
    void orderByArrayColumn() throws Exception {
        assertResult("SELECT n, a FROM (VALUES (1, ARRAY[2, 3, 1]), (2, ARRAY[7]), (3, ARRAY[2, 3]), (4, NULL)) t(n, a) ORDER BY 2",
                List.of("integer", "array(integer)"), List.of(3L, List.of(2L, 3L)), List.of(1L, List.of(2L, 3L, 1L)),
                List.of(2L, List.of(7L)), Arrays.asList(4L, null));
        assertResult("SELECT n FROM (VALUES (1, ROW(2, 'b')), (2, ROW(2, 'a')), (3, ROW(1, 'z'))) t(n, r) ORDER BY r DESC",
                List.of("integer"), List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void filtersAndFieldsBetweenCorrelateAndUnnest() throws Exception {
        assertResult("SELECT r.name, w FROM region r CROSS JOIN UNNEST(split(r.name, 'A')) AS u(w) WHERE w <> '' ORDER BY 1, 2",
                List.of("varchar(25)", "varchar(25)"), List.of("AFRICA", "FRIC"), List.of("AMERICA", "MERIC"), List.of("ASIA", "SI"),
                List.of("EUROPE", "EUROPE"), List.of("MIDDLE EAST", "MIDDLE E"), List.of("MIDDLE EAST", "ST"));
        assertResult("SELECT n, x FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) "
                + "CROSS JOIN UNNEST(a) AS u(x, y) ORDER BY n, x",
                List.of("integer", "integer"), List.of(1L, 1L), List.of(2L, 2L), List.of(2L, 3L));
        assertResult("SELECT n, y FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) "
                + "CROSS JOIN UNNEST(a) AS u(x, y) WHERE x >= 2 ORDER BY y",
                List.of("integer", "varchar(1)"), List.of(2L, "b"), List.of(2L, "c"));
    }

    @Test
    void arraysOfIntervals() throws Exception {
        LocalQueryRunner.Result dayToSecond = run("SELECT ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR]");
        assertThat(dayToSecond.types().get(0).displayName()).isEqualTo("array(interval day to second)");
        assertThat(dayToSecond.rows()).isEqualTo(List.of(List.of(List.of(86_400_000L, 7_200_000L))));
        LocalQueryRunner.Result yearToMonth = run("SELECT ARRAY[INTERVAL '1' YEAR, INTERVAL '2' MONTH]");
        assertThat(yearToMonth.types().get(0).displayName()).isEqualTo("array(interval year to month)");
        assertThat(yearToMonth.rows()).isEqualTo(List.of(List.of(List.of(12L, 2L))));
    }

    @Test
    void emptyArrayBesideArraysOfRows() throws Exception {
        LocalQueryRunner.Result values = run("VALUES (ARRAY[]), (ARRAY[ROW(1,'a')])");
        assertThat(values.types().get(0).displayName()).isEqualTo("array(row(integer, varchar(1)))");
        assertThat(values.rows()).containsExactlyInAnyOrder(List.of(List.of()), List.of(List.of(List.of(1L, "a"))));
        LocalQueryRunner.Result choice = run("SELECT CASE WHEN true THEN ARRAY[] ELSE ARRAY[ROW(1,'a')] END");
        assertThat(choice.types().get(0).displayName()).isEqualTo("array(row(integer, varchar(1)))");
        assertThat(choice.rows()).isEqualTo(List.of(List.of(List.of())));
    }

    @Test
    void groupingByArraysAndRows() throws Exception {
        assertResult("SELECT count(DISTINCT a) FROM (VALUES ARRAY[1], ARRAY[1], ARRAY[2]) t(a)", List.of("bigint"), List.of(2L));
        assertResult("SELECT ARRAY[regionkey], count(*) FROM nation GROUP BY ARRAY[regionkey] ORDER BY 1",
                List.of("array(bigint)", "bigint"), List.of(List.of(0L), 5L), List.of(List.of(1L), 5L), List.of(List.of(2L), 5L),
                List.of(List.of(3L), 5L), List.of(List.of(4L), 5L));
        assertResult("SELECT ARRAY[1,2] UNION SELECT ARRAY[1,2] UNION SELECT ARRAY[3] ORDER BY 1",
                List.of("array(integer)"), List.of(List.of(1L, 2L)), List.of(List.of(3L)));
        assertResult("SELECT DISTINCT r FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 1), "
                + "(CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 2), (CAST(ROW(2, 'b') AS ROW(x int, s varchar)), 3)) t(r, n) ORDER BY r",
                List.of("row(x integer, s varchar)"), List.of(List.of(1L, "a")), List.of(List.of(2L, "b")));
        assertResult("SELECT a, count(*) FROM (VALUES ARRAY[0.0E0], ARRAY[0.0E0], ARRAY[nan()], ARRAY[nan()], ARRAY[1.0E0]) t(a) "
                + "GROUP BY a ORDER BY 2, 1",
                List.of("array(double)", "bigint"), List.of(List.of(1.0), 1L), List.of(List.of(0.0), 2L), List.of(List.of(Double.NaN), 2L));
    }

    @Test
    void outerArrayBesideSeveralAggregatesOverItsUnnest() throws Exception {
        assertResult("SELECT n, a, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n",
                List.of("integer", "array(integer)", "integer"), List.of(1L, List.of(3L, 1L, 2L), 3L), List.of(2L, List.of(9L), 9L));
        assertResult("SELECT n, (SELECT min(x) FROM UNNEST(a) u(x)), (SELECT max(x) FROM UNNEST(a) u(x)) "
                + "FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n",
                List.of("integer", "integer", "integer"), List.of(1L, 1L, 3L), List.of(2L, 9L, 9L));
        assertResult("SELECT n, (SELECT count(*) FROM UNNEST(a) u(x)) + (SELECT count(*) FROM UNNEST(b) v(y)) "
                + "FROM (VALUES (1, ARRAY[1], ARRAY[1,2])) t(n, a, b)",
                List.of("integer", "bigint"), List.of(1L, 3L));
        assertResult("SELECT arbitrary(a), any_value(r) FROM (VALUES (ARRAY[1], CAST(ROW(1, 'a') AS ROW(x int, s varchar)))) t(a, r)",
                List.of("array(integer)", "row(x integer, s varchar)"), List.of(List.of(1L), List.of(1L, "a")));
    }

    @Test
    void joinsOnArrayAndRowKeys() throws Exception {
        assertResult("SELECT count(*) FROM nation n1 JOIN nation n2 ON ARRAY[n1.regionkey] = ARRAY[n2.regionkey]",
                List.of("bigint"), List.of(125L));
        assertResult("SELECT t.n, u.m FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[NULL])) t(n, a) "
                + "JOIN (VALUES (10, ARRAY[1, 2]), (20, ARRAY[NULL]), (30, ARRAY[1])) u(m, a) ON t.a = u.a",
                List.of("integer", "integer"), List.of(1L, 10L));
        assertResult("SELECT count(*) FROM nation n JOIN region r ON ROW(n.regionkey, 'x') = ROW(r.regionkey, 'x')",
                List.of("bigint"), List.of(25L));
    }

    @Test
    void valuesOfRowsOfDifferentTypesKeepTheirOrder() throws Exception {
        // Calcite makes such a VALUES a union of its rows; Trino gives them as written
        assertResult("SELECT id, length(d) FROM (VALUES (BIGINT '101', 'a'), (102, 'bcd'), (103, 'ef'), (104, 'ghij')) t(id, d)",
                List.of("bigint", "bigint"), List.of(101L, 1L), List.of(102L, 3L), List.of(103L, 2L), List.of(104L, 4L));
    }
}
