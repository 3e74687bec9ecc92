package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arrays, maps and rows as keys of GROUP BY, DISTINCT, set operations, windows, joins and ORDER BY. The expected
 * values were taken from Trino 476.
 */
class TestStructuralKeys extends LocalQueryTest {
    @Test
    void groupingAndDistinct() throws Exception {
        assertResult("SELECT x, count(*) FROM (VALUES ARRAY[1, NULL], ARRAY[1, NULL], ARRAY[2], NULL) t(x) GROUP BY x ORDER BY 2 DESC, 1",
            List.of("array(integer)", "bigint"),
            List.of(Arrays.asList(1L, null), 2L), List.of(List.of(2L), 1L), Arrays.asList(null, 1L));
        assertResult("SELECT count(*) FROM (SELECT DISTINCT x FROM (VALUES MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a'], ARRAY[1]),"
                + " MAP(ARRAY['b'], ARRAY[2])) t(x))", List.of("bigint"), List.of(2L));
        assertResult("SELECT k, count(*) FROM (SELECT CAST(ROW(regionkey, 'x') AS ROW(a bigint, b varchar)) k FROM tpch.tiny.nation)"
                + " GROUP BY k ORDER BY 1 LIMIT 2",
            List.of("row(a bigint, b varchar)", "bigint"), List.of(List.of(0L, "x"), 5L), List.of(List.of(1L, "x"), 5L));
        assertResult("SELECT count(DISTINCT x) FROM (VALUES ARRAY[1], ARRAY[2], ARRAY[1]) t(x)", List.of("bigint"), List.of(2L));
        // the grouping is partitioned over the workers by the arrays' hashes
        assertResult("SELECT k, count(*) FROM (SELECT ARRAY[regionkey, regionkey] k FROM tpch.tiny.nation) GROUP BY k ORDER BY 1",
            List.of("array(bigint)", "bigint"), List.of(List.of(0L, 0L), 5L), List.of(List.of(1L, 1L), 5L),
            List.of(List.of(2L, 2L), 5L), List.of(List.of(3L, 3L), 5L), List.of(List.of(4L, 4L), 5L));
    }

    @Test
    void mapConstructorRefusesKeysHoldingNulls() {
        assertFails("SELECT MAP(ARRAY[ROW(1, NULL)], ARRAY[1])", ErrorCode.INVALID_FUNCTION_ARGUMENT,
            "map key cannot be indeterminate: [1, null]");
        assertFails("SELECT MAP(ARRAY[ARRAY[ROW(1, ARRAY[NULL])]], ARRAY[1])", ErrorCode.INVALID_FUNCTION_ARGUMENT,
            "map key cannot be indeterminate: [[1, [null]]]");
    }

    @Test
    void setOperationsAndWindows() throws Exception {
        assertResult("SELECT x FROM (VALUES ARRAY[1], ARRAY[2]) t(x) UNION SELECT x FROM (VALUES ARRAY[1], ARRAY[3]) t(x) ORDER BY 1",
            List.of("array(integer)"), List.of(List.of(1L)), List.of(List.of(2L)), List.of(List.of(3L)));
        assertResult("SELECT x FROM (VALUES ARRAY[1], ARRAY[2]) t(x) INTERSECT SELECT x FROM (VALUES ARRAY[1], ARRAY[3]) t(x)",
            List.of("array(integer)"), List.of(List.of(1L)));
        assertResult("SELECT x, row_number() OVER (PARTITION BY x ORDER BY y) FROM (VALUES (ARRAY[1], 1), (ARRAY[1], 2), (ARRAY[2], 3))"
                + " t(x, y) ORDER BY 1, 2",
            List.of("array(integer)", "bigint"), List.of(List.of(1L), 1L), List.of(List.of(1L), 2L), List.of(List.of(2L), 1L));
    }

    @Test
    void joinsUseSqlEquality() throws Exception {
        assertResult("SELECT a.x FROM (VALUES ARRAY[1], ARRAY[2]) a(x) JOIN (VALUES ARRAY[1], ARRAY[3]) b(x) ON a.x = b.x",
            List.of("array(integer)"), List.of(List.of(1L)));
        // a NULL element makes the equality unknown: no match
        assertResult("SELECT a.x FROM (VALUES ARRAY[1, NULL], ARRAY[2]) a(x) JOIN (VALUES ARRAY[1, NULL], ARRAY[3]) b(x) ON a.x = b.x",
            List.of("array(integer)"));
        assertResult("SELECT n.k, count(*) FROM (SELECT ARRAY[regionkey] k FROM tpch.tiny.nation) n"
                + " JOIN (SELECT ARRAY[regionkey] k FROM tpch.tiny.region) r ON n.k = r.k GROUP BY n.k ORDER BY 1 LIMIT 1",
            List.of("array(bigint)", "bigint"), List.of(List.of(0L), 5L));
    }

    @Test
    void ordering() throws Exception {
        assertResult("SELECT x FROM (VALUES ARRAY[3, 1], ARRAY[3], ARRAY[2, 5]) t(x) ORDER BY x DESC",
            List.of("array(integer)"), List.of(List.of(3L, 1L)), List.of(List.of(3L)), List.of(List.of(2L, 5L)));
        assertResult("SELECT x FROM (VALUES ARRAY[3, 1], ARRAY[3], ARRAY[2, 5]) t(x) ORDER BY x LIMIT 2",
            List.of("array(integer)"), List.of(List.of(2L, 5L)), List.of(List.of(3L)));
        assertFails("SELECT x FROM (VALUES ARRAY[1, NULL], ARRAY[1, 2], ARRAY[NULL], ARRAY[0]) t(x) ORDER BY x",
            ErrorCode.NOT_SUPPORTED, "ARRAY comparison not supported for arrays with null elements");
        assertFails("SELECT x FROM (VALUES MAP(ARRAY[1], ARRAY[1])) t(x) ORDER BY x",
            ErrorCode.TYPE_MISMATCH, "Type map(integer, integer) is not orderable, and therefore cannot be used in ORDER BY: x");
        assertFails("SELECT r FROM (VALUES ROW(1, 'a')) t(r)", ErrorCode.MISMATCHED_COLUMN_ALIASES, "List of column aliases");
        assertResult("SELECT m FROM (VALUES MAP(ARRAY[1], ARRAY[2])) t(m)", List.of("map(integer, integer)"), List.of(Map.of(1L, 2L)));
    }
}
