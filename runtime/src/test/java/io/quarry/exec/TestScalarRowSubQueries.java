package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scalar sub-query of several columns is a row, as in Trino 476. */
class TestScalarRowSubQueries extends LocalQueryTest {
    @Test
    void aSubQueryOfSeveralColumnsIsARowNamedByItsColumns() throws Exception {
        assertResult("SELECT (SELECT 1, 2)", List.of("row(integer, integer)"), List.of(List.of(1L, 2L)));
        assertResult("SELECT (SELECT regionkey, name FROM region WHERE regionkey = 1)",
                List.of("row(regionkey bigint, name varchar(25))"), List.of(List.of(1L, "AMERICA")));
        assertResult("SELECT (SELECT 1 AS a, 2)", List.of("row(a integer, integer)"), List.of(List.of(1L, 2L)));
        assertResult("SELECT (SELECT RegionKey, Name AS \"N\" FROM region WHERE regionkey = 1)",
                List.of("row(RegionKey bigint, N varchar(25))"), List.of(List.of(1L, "AMERICA")));
        assertResult("SELECT (SELECT count(*), max(name) FROM region)", List.of("row(bigint, varchar(25))"),
                List.of(List.of(5L, "MIDDLE EAST")));
        assertResult("SELECT (SELECT 1, 2 UNION ALL SELECT 3, 4 ORDER BY 1 DESC LIMIT 1)", List.of("row(integer, integer)"),
                List.of(List.of(3L, 4L)));
        assertThat(run("SELECT (SELECT 1, 2) AS pair").names()).containsExactly("pair");
    }

    @Test
    void aStarOverTablesNamesTheirColumns() throws Exception {
        assertResult("SELECT (SELECT * FROM region WHERE regionkey = 1)",
                List.of("row(regionkey bigint, name varchar(25), comment varchar(152))"),
                List.of(List.of(1L, "AMERICA", "hs use ironic, even requests. s")));
        assertResult("SELECT (SELECT r.*, 5 FROM region r WHERE regionkey = 2)",
                List.of("row(regionkey bigint, name varchar(25), comment varchar(152), integer)"),
                List.of(List.of(2L, "ASIA", "ges. thinly even pinto beans ca", 5L)));
        assertResult("SELECT n.name, (SELECT * FROM region r WHERE r.regionkey = n.regionkey).name FROM nation n"
                + " WHERE n.nationkey = 1", List.of("varchar(25)", "varchar(25)"), List.of("ARGENTINA", "AMERICA"));
    }

    @Test
    void aStarOverASubQueryWithNamedColumnsNamesThem() throws Exception {
        assertResult("SELECT (SELECT * FROM (VALUES (1, 'x')) t(a, b))", List.of("row(a integer, b varchar(1))"),
                List.of(List.of(1L, "x")));
        assertResult("SELECT (SELECT t.* FROM (VALUES (1, 2)) t(a, b))", List.of("row(a integer, b integer)"),
                List.of(List.of(1L, 2L)));
        assertResult("SELECT (SELECT * FROM (VALUES (1, 2)) t(a, b)).a", List.of("integer"), List.of(1L));
        assertResult("SELECT (SELECT * FROM (SELECT regionkey, name AS n FROM region WHERE regionkey = 1) r)",
                List.of("row(regionkey bigint, n varchar(25))"), List.of(List.of(1L, "AMERICA")));
        assertResult("SELECT (SELECT * FROM (SELECT 1 a, 2 b)), (SELECT * FROM (SELECT 1, 2)), (SELECT * FROM (SELECT 1, 2 b) x)",
                List.of("row(a integer, b integer)", "row(integer, integer)", "row(integer, b integer)"),
                List.of(List.of(1L, 2L), List.of(1L, 2L), List.of(1L, 2L)));
    }

    @Test
    void itsFieldsAreReachable() throws Exception {
        assertResult("SELECT (SELECT 1 AS a, 'x' AS b).a", List.of("integer"), List.of(1L));
        assertResult("SELECT (SELECT regionkey, name FROM region WHERE regionkey = 1)[2]", List.of("varchar(25)"),
                List.of("AMERICA"));
        assertResult("SELECT (SELECT 1, 2) = ROW(1, 2)", List.of("boolean"), List.of(true));
    }

    @Test
    void noRowIsARowOfNullsUnlessCorrelated() throws Exception {
        assertResult("SELECT (SELECT regionkey, name FROM region WHERE regionkey = 9)",
                List.of("row(regionkey bigint, name varchar(25))"), List.of(Arrays.asList(null, null)));
        assertResult("SELECT r.regionkey, (SELECT n.name, n.nationkey FROM nation n WHERE n.regionkey = r.regionkey"
                + " AND n.nationkey < 2) FROM region r ORDER BY 1", List.of("bigint", "row(name varchar(25), nationkey bigint)"),
                List.of(0L, List.of("ALGERIA", 0L)), List.of(1L, List.of("ARGENTINA", 1L)), Arrays.asList(2L, null),
                Arrays.asList(3L, null), Arrays.asList(4L, null));
    }

    @Test
    void aSecondRowFails() {
        assertFails("SELECT (SELECT regionkey, name FROM region)", ErrorCode.SUBQUERY_MULTIPLE_ROWS,
                "Scalar sub-query has returned multiple rows");
        assertFails("SELECT r.regionkey, (SELECT n.name, n.nationkey FROM nation n WHERE n.regionkey = r.regionkey)"
                + " FROM region r", ErrorCode.SUBQUERY_MULTIPLE_ROWS, "Scalar sub-query has returned multiple rows");
        // the aggregate these rows are made with is Quarry's own
        assertFails("SELECT $field_value(1)", ErrorCode.SYNTAX_ERROR, "line 1:8: mismatched input '$'");
    }
}
