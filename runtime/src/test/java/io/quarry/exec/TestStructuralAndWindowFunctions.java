package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Array and map functions and aggregates over window frames, with the values and errors Trino 476 gives. */
class TestStructuralAndWindowFunctions extends LocalQueryTest {
    @Test
    void aggregatesOverWindowFrames() throws Exception {
        assertResult("SELECT x, array_agg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), max_by(x, x) OVER (),"
                        + " count_if(x > 1) OVER (), bool_or(x > 2) OVER () FROM (VALUES 1, 2, 3) t(x) ORDER BY x",
                List.of("integer", "array(integer)", "integer", "bigint", "boolean"),
                List.of(1L, List.of(1L), 3L, 2L, true),
                List.of(2L, List.of(1L, 2L), 3L, 2L, true),
                List.of(3L, List.of(2L, 3L), 3L, 2L, true));
        assertResult("SELECT x, map_agg(x, y) OVER (ORDER BY x), array_agg(y) OVER (PARTITION BY x % 2 ORDER BY x DESC"
                        + " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING), stddev(x) OVER (ORDER BY x ROWS 1 PRECEDING),"
                        + " min_by(y, x) OVER (ORDER BY x RANGE BETWEEN 1 FOLLOWING AND 2 FOLLOWING),"
                        + " every(x > 1) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)"
                        + " FROM (VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'b')) t(x, y) ORDER BY x",
                List.of("integer", "map(integer, varchar(1))", "array(varchar(1))", "double", "varchar(1)", "boolean"),
                Arrays.asList(1L, map(1L, "a"), List.of("a"), null, "b", true),
                Arrays.asList(2L, map(1L, "a", 2L, "b"), List.of("b"), 0.7071067811865476, null, true),
                Arrays.asList(3L, map(1L, "a", 2L, "b", 3L, null), Arrays.asList(null, "a"), 0.7071067811865476, "b", true),
                Arrays.asList(4L, map(1L, "a", 2L, "b", 3L, null, 4L, "b"), List.of("b", "b"), 0.7071067811865476, null, null));
    }

    @Test
    void groupsFrames() throws Exception {
        assertResult("SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),"
                        + " min(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 2, 4, 7) t(x) ORDER BY x",
                List.of("integer", "bigint", "integer"),
                List.of(1L, 5L, 1L), List.of(2L, 5L, 1L), List.of(2L, 5L, 1L), List.of(4L, 4L, 2L), List.of(7L, 7L, 4L));
        assertResult("SELECT x, count(*) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING),"
                        + " array_agg(x) OVER (ORDER BY x GROUPS 1 PRECEDING),"
                        + " first_value(x) OVER (ORDER BY x DESC groups BETWEEN 2 FOLLOWING AND UNBOUNDED FOLLOWING)"
                        + " FROM (VALUES 1, 2, 2, 4, 7) t(x) ORDER BY x",
                List.of("integer", "bigint", "array(integer)", "integer"),
                Arrays.asList(1L, 3L, List.of(1L), null),
                Arrays.asList(2L, 3L, List.of(1L, 2L, 2L), null),
                Arrays.asList(2L, 3L, List.of(1L, 2L, 2L), null),
                Arrays.asList(4L, 2L, List.of(2L, 2L, 4L), 1L),
                Arrays.asList(7L, 1L, List.of(4L, 7L), 2L));
        assertFails("SELECT x, count(*) OVER (GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)",
                ErrorCode.MISSING_ORDER_BY, "requires ORDER BY");
        assertFails("SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM (VALUES 1, 2) t(x)",
                ErrorCode.INVALID_WINDOW_FRAME, "Window frame starting from CURRENT ROW cannot end with PRECEDING");
        // the word in a literal or as a column name is no frame
        assertResult("SELECT 'GROUPS BETWEEN', count(*) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES 1, 1) t(x)",
                List.of("varchar(14)", "bigint"), List.of("GROUPS BETWEEN", 1L), List.of("GROUPS BETWEEN", 2L));
    }

    @Test
    void frameErrorsAndTemporalRanges() throws Exception {
        assertFails("SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)",
                ErrorCode.INVALID_WINDOW_FRAME, "must not be negative");
        assertFails("SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)",
                ErrorCode.INVALID_WINDOW_FRAME, "Window frame start cannot be UNBOUNDED FOLLOWING");
        assertFails("SELECT x, sum(y) OVER (ORDER BY x, y RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 2)) t(x, y)",
                ErrorCode.INVALID_ORDER_BY, "requires single sort item in ORDER BY");
        assertFails("SELECT ntile(0) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Buckets must be greater than 0");
        assertFails("SELECT lag(x, -1) OVER (ORDER BY x) FROM (VALUES 1) t(x)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Offset must be at least 0");
        assertResult("SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES DATE '2020-01-01', DATE '2020-01-02', DATE '2020-01-04') t(d) ORDER BY d",
                List.of("date", "bigint"),
                // dates as days since 1970-01-01
                List.of(18262L, 1L), List.of(18263L, 2L), List.of(18265L, 1L));
        assertResult("SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1.5, 2.0, 2.6) t(x) ORDER BY x",
                List.of("decimal(2,1)", "decimal(38,1)"),
                List.of(new BigDecimal("1.5"), new BigDecimal("1.5")), List.of(new BigDecimal("2.0"), new BigDecimal("3.5")),
                List.of(new BigDecimal("2.6"), new BigDecimal("4.6")));
    }

    @Test
    void arrayConcatenation() throws Exception {
        assertResult("SELECT concat(ARRAY[1], ARRAY[2,3]), ARRAY[1] || ARRAY[2], ARRAY[1] || 2, 2 || ARRAY[1], concat(ARRAY[1], 2),"
                        + " concat('a', 'b'), 'a' || 'b'",
                List.of("array(integer)", "array(integer)", "array(integer)", "array(integer)", "array(integer)", "varchar", "varchar"),
                List.of(List.of(1L, 2L, 3L), List.of(1L, 2L), List.of(1L, 2L), List.of(2L, 1L), List.of(1L, 2L), "ab", "ab"));
        assertResult("SELECT ARRAY[1] || CAST(NULL AS integer), ARRAY[ARRAY[1]] || ARRAY[2], ARRAY[ARRAY[1]] || ARRAY[ARRAY[2]],"
                        + " ARRAY[1] || 2.5, concat(ARRAY[1], CAST(NULL AS array(integer)), ARRAY[2])",
                List.of("array(integer)", "array(array(integer))", "array(array(integer))", "array(decimal(11,1))", "array(integer)"),
                Arrays.asList(null, List.of(List.of(1L), List.of(2L)), List.of(List.of(1L), List.of(2L)),
                        List.of(new BigDecimal("1.0"), new BigDecimal("2.5")), null));
        assertFails("SELECT concat(ARRAY[1], ARRAY['a'])", ErrorCode.FUNCTION_NOT_FOUND, "for function concat");
        assertFails("SELECT concat(1, ARRAY[2], 3)", ErrorCode.FUNCTION_NOT_FOUND, "for function concat");
    }

    @Test
    void arraySetFunctionsTakeTheCommonElementType() throws Exception {
        assertResult("SELECT array_union(ARRAY[1], ARRAY[2.5]), array_union(ARRAY['a'], ARRAY['bc']), array_except(ARRAY['abc'], ARRAY['a']),"
                        + " array_intersect(ARRAY[3.5, 1.25], ARRAY[1, 2, NULL])",
                List.of("array(decimal(11,1))", "array(varchar(2))", "array(varchar(3))", "array(decimal(12,2))"),
                List.of(List.of(new BigDecimal("1.0"), new BigDecimal("2.5")), List.of("a", "bc"), List.of("abc"), List.of()));
        assertResult("SELECT array_union(ARRAY[CAST(1 AS smallint)], ARRAY[1e0]), arrays_overlap(ARRAY[1.5], ARRAY[1]),"
                        + " arrays_overlap(ARRAY[1], ARRAY[1.0]), array_intersect(ARRAY[CAST('a' AS char(3))], ARRAY['a'])",
                List.of("array(double)", "boolean", "boolean", "array(char(3))"), List.of(List.of(1.0), false, true, List.of("a")));
        assertFails("SELECT array_union(ARRAY[1], ARRAY['a'])", ErrorCode.FUNCTION_NOT_FOUND, "for function array_union");
        assertFails("SELECT array_intersect(ARRAY[true], ARRAY[1e0])", ErrorCode.FUNCTION_NOT_FOUND, "for function array_intersect");
        assertFails("SELECT arrays_overlap(ARRAY[DATE '2020-01-01'], ARRAY['a'])", ErrorCode.FUNCTION_NOT_FOUND, "for function arrays_overlap");
        assertResult("SELECT contains_sequence(ARRAY['a', 'b'], ARRAY['abc']), contains_sequence(ARRAY[1, 2], ARRAY[1.5]),"
                        + " contains_sequence(ARRAY[1, 2], ARRAY[1.0, 2.0])",
                List.of("boolean", "boolean", "boolean"), List.of(false, false, true));
        assertResult("SELECT array_remove(ARRAY['a', 'b'], 'bcd'), array_remove(ARRAY[CAST('a' AS char(3))], 'a'),"
                        + " map_zip_with(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['abc'], ARRAY[2]), (k, v1, v2) -> coalesce(v1, 0) + coalesce(v2, 0))",
                List.of("array(varchar(3))", "array(char(3))", "map(varchar(3), integer)"),
                List.of(List.of("a", "b"), List.of(), Map.of("a", 1L, "abc", 2L)));
        assertFails("SELECT map_zip_with(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY[1], ARRAY[2]), (k, v1, v2) -> v1)",
                ErrorCode.FUNCTION_NOT_FOUND, "for function map_zip_with");
    }

    @Test
    void mapFunctions() throws Exception {
        assertResult("SELECT map_concat(MAP(ARRAY['a'], ARRAY[1]), NULL), map_concat(MAP(ARRAY['a','b'], ARRAY[1,2]),"
                        + " MAP(ARRAY['a'], ARRAY[5]), MAP(ARRAY['c'], ARRAY[7])), map_concat(MAP(ARRAY[1], ARRAY[1]), MAP(ARRAY[2], ARRAY[2.5]))",
                List.of("map(varchar(1), integer)", "map(varchar(1), integer)", "map(integer, decimal(11,1))"),
                Arrays.asList(null, map("a", 5L, "b", 2L, "c", 7L), map(1L, new BigDecimal("1.0"), 2L, new BigDecimal("2.5"))));
        assertResult("SELECT map_zip_with(MAP(ARRAY['a','b'], ARRAY[1,2]), MAP(ARRAY['c','a'], ARRAY[10, 20]),"
                        + " (k, x, y) -> coalesce(x, 0) + coalesce(y, 0)),"
                        + " map_zip_with(MAP(ARRAY[1], ARRAY['x']), MAP(ARRAY[1], ARRAY[2]), (k, x, y) -> x || CAST(y AS varchar) || CAST(k AS varchar))",
                List.of("map(varchar(1), integer)", "map(integer, varchar)"),
                List.of(map("a", 21L, "b", 2L, "c", 10L), map(1L, "x21")));
        assertResult("SELECT multimap_from_entries(ARRAY[ROW('a', 1), ROW('b', NULL), ROW('a', 2)]),"
                        + " multimap_from_entries(ARRAY[ROW(1, 'x')])",
                List.of("map(varchar(1), array(integer))", "map(integer, array(varchar(1)))"),
                List.of(map("a", List.of(1L, 2L), "b", Arrays.asList((Object) null)), map(1L, List.of("x"))));
        assertInvalidArgument("SELECT multimap_from_entries(ARRAY[ROW(NULL, 1)])", "map key cannot be null");
        assertInvalidArgument("SELECT multimap_from_entries(ARRAY[ROW('a', 1), NULL])", "map entry cannot be null");
    }

    @Test
    void arrayFunctions() throws Exception {
        assertResult("SELECT arrays_overlap(ARRAY[1,2], ARRAY[2,3]), arrays_overlap(ARRAY[1,NULL], ARRAY[3]), arrays_overlap(ARRAY[1], ARRAY[3]),"
                        + " arrays_overlap(ARRAY[1,NULL], ARRAY[1])",
                List.of("boolean", "boolean", "boolean", "boolean"),
                Arrays.asList(true, null, false, true));
        assertResult("SELECT array_histogram(ARRAY['a','b','a',NULL]), trim_array(ARRAY[1,2,3], 2), trim_array(ARRAY[1], 0),"
                        + " contains_sequence(ARRAY[1,2,3], ARRAY[2,3]), contains_sequence(ARRAY[1,NULL,3], ARRAY[NULL,3]),"
                        + " contains_sequence(ARRAY[1,2], ARRAY[2,1])",
                List.of("map(varchar(1), bigint)", "array(integer)", "array(integer)", "boolean", "boolean", "boolean"),
                List.of(map("a", 2L, "b", 1L), List.of(1L), List.of(1L), true, true, false));
        assertResult("SELECT combinations(ARRAY[1,2,3], 2), ngrams(ARRAY['a','b','c'], 2), ngrams(ARRAY['a'], 3), zip(ARRAY[1,2], ARRAY['a'])",
                List.of("array(array(integer))", "array(array(varchar(1)))", "array(array(varchar(1)))", "array(row(integer, varchar(1)))"),
                List.of(List.of(List.of(1L, 2L), List.of(1L, 3L), List.of(2L, 3L)), List.of(List.of("a", "b"), List.of("b", "c")),
                        List.of(List.of("a")), List.of(List.of(1L, "a"), Arrays.asList(2L, null))));
        // subsets ordered by their last index first, as Trino 476 gives them
        assertResult("SELECT combinations(ARRAY[1,2,3,4,5], 3)", List.of("array(array(integer))"),
                List.of(List.of(List.of(1L, 2L, 3L), List.of(1L, 2L, 4L), List.of(1L, 3L, 4L), List.of(2L, 3L, 4L), List.of(1L, 2L, 5L),
                        List.of(1L, 3L, 5L), List.of(2L, 3L, 5L), List.of(1L, 4L, 5L), List.of(2L, 4L, 5L), List.of(3L, 4L, 5L))));
        assertResult("SELECT array_sort(ARRAY[3,1,2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1))),"
                        + " array_sort(ARRAY['bb','a','ccc'], (x, y) -> IF(length(x) < length(y), -1, IF(length(x) = length(y), 0, 1))),"
                        + " array_sort(ARRAY[2, NULL, 1], (a, b) -> IF(a IS NULL, -1, IF(b IS NULL, 1, IF(a < b, -1, IF(a = b, 0, 1)))))",
                List.of("array(integer)", "array(varchar(3))", "array(integer)"),
                List.of(List.of(3L, 2L, 1L), List.of("a", "bb", "ccc"), Arrays.asList(null, 1L, 2L)));
        assertInvalidArgument("SELECT array_sort(ARRAY[1,2], (a, b) -> 5)", "Lambda comparator must return either -1, 0, or 1");
        assertInvalidArgument("SELECT trim_array(ARRAY[1,2,3], 4)", "size must not exceed array cardinality 3: 4");
        assertInvalidArgument("SELECT trim_array(ARRAY[1,2,3], -1)", "size must not be negative: -1");
    }

    @Test
    void mapBuildingAndBitwiseAggregates() throws Exception {
        // the order of the rows is not fixed: the values of a key are sorted, the maps have no key in common
        assertResult("SELECT histogram(x), transform_values(multimap_agg(x, y), (k, v) -> array_sort(v)), map_union(m),"
                        + " bitwise_and_agg(x), bitwise_or_agg(x), bitwise_xor_agg(x)"
                        + " FROM (VALUES (1, 'a', MAP(ARRAY[1], ARRAY[10])), (2, 'b', MAP(ARRAY[2], ARRAY[20])), (1, NULL, NULL),"
                        + " (NULL, 'c', NULL)) t(x, y, m)",
                List.of("map(integer, bigint)", "map(integer, array(varchar(1)))", "map(integer, integer)", "bigint", "bigint", "bigint"),
                List.of(map(1L, 2L, 2L, 1L), map(1L, Arrays.asList("a", null), 2L, List.of("b")), map(1L, 10L, 2L, 20L), 0L, 3L, 2L));
        assertResult("SELECT map_union(NULL), histogram(NULL), map_union(m) FROM (VALUES CAST(NULL AS map(varchar, integer))) t(m)",
                List.of("map(unknown, unknown)", "map(unknown, bigint)", "map(varchar, integer)"),
                Arrays.asList(null, null, null));
        assertResult("SELECT histogram(x), multimap_agg(x, y), bitwise_and_agg(x) FROM (VALUES (CAST(NULL AS integer), 'a')) t(x, y)",
                List.of("map(integer, bigint)", "map(integer, array(varchar(1)))", "bigint"),
                Arrays.asList(null, null, null));
        assertResult("SELECT x, histogram(x) OVER (ORDER BY x ROWS 1 PRECEDING), bitwise_or_agg(x) OVER (ORDER BY x)"
                        + " FROM (VALUES 1, 2, 2) t(x) ORDER BY x",
                List.of("integer", "map(integer, bigint)", "bigint"),
                List.of(1L, map(1L, 1L), 1L), List.of(2L, map(1L, 1L, 2L, 1L), 3L), List.of(2L, map(2L, 2L), 3L));
    }

    @Test
    void skewnessAndKurtosis() throws Exception {
        List<?> row = run("SELECT skewness(x), kurtosis(x) FROM (VALUES 1, 2, 3, 10) t(x)").rows().get(0);
        assertThat((Double) row.get(0)).isCloseTo(1.0182337649086284, org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Double) row.get(1)).isCloseTo(3.228, org.assertj.core.data.Offset.offset(1e-12));
        row = run("SELECT skewness(x), kurtosis(x) FROM (VALUES 1.5, 2.5, 3.0, 7.25) t(x)").rows().get(0);
        assertThat((Double) row.get(0)).isCloseTo(0.9435251256089933, org.assertj.core.data.Offset.offset(1e-12));
        assertThat((Double) row.get(1)).isCloseTo(2.964821583700761, org.assertj.core.data.Offset.offset(1e-12));
        assertResult("SELECT skewness(x), kurtosis(x) FROM (VALUES 1, 2, 3) t(x)", List.of("double", "double"), Arrays.asList(0.0, null));
        assertResult("SELECT skewness(x), kurtosis(x) FROM (VALUES 1, 2) t(x)", List.of("double", "double"), Arrays.asList(null, null));
    }

    private static void assertInvalidArgument(String sql, String message) {
        assertFails(sql, ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

    /** A map of the given keys and values, in order (values may be null). */
    static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void lambdaResultTypesAsTrinoGivesThem() throws Exception {
        // a parameter of unknown type takes the type of the number it meets
        assertResult("SELECT transform(ARRAY[], x -> x + 1), transform(ARRAY[NULL], x -> x + 1),"
                        + " transform(ARRAY[NULL], x -> x + 1.5), transform_keys(MAP(ARRAY[], ARRAY[]), (k, v) -> k + 1),"
                        + " transform_values(MAP(ARRAY[], ARRAY[]), (k, v) -> v + 1)",
                List.of("array(integer)", "array(integer)", "array(decimal(3,1))", "map(integer, unknown)", "map(unknown, integer)"),
                Arrays.asList(List.of(), Collections.singletonList(null), Collections.singletonList(null), Map.of(), Map.of()));
        // a concatenation is an unbounded varchar, also over the elements of ARRAY['a']
        assertResult("SELECT zip_with(ARRAY['a', 'b'], ARRAY['d', 'e'], (x, y) -> concat(x, y)), transform(ARRAY['a'], x -> x || 'b'),"
                        + " map_zip_with(MAP(ARRAY[1], ARRAY['a']), MAP(ARRAY[1], ARRAY['d']), (k, v1, v2) -> concat(v1, v2)),"
                        + " transform(ARRAY[CAST('a' AS char(1))], x -> x || 'b')",
                List.of("array(varchar)", "array(varchar)", "map(integer, varchar)", "array(char(2))"),
                List.of(List.of("ad", "be"), List.of("ab"), Map.of(1L, "ad"), List.of("ab")));
        assertFails("SELECT transform(ARRAY[1], x -> 2 + (SELECT 3))", ErrorCode.NOT_SUPPORTED,
                "line 1:37: Lambda expression cannot contain subqueries");
        assertFails("SELECT transform(ARRAY[1], x -> x = ANY (SELECT 3))", ErrorCode.NOT_SUPPORTED,
                "line 1:42: Lambda expression cannot contain subqueries");
    }
}
