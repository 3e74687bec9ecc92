package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** checksum, listagg, approx_most_frequent, numeric_histogram and max_by/min_by with a count, with Trino 476's answers. */
class TestMoreAggregates extends LocalQueryTest {
    @Test
    void countWithoutArgumentsCountsRows() throws Exception {
        assertResult("SELECT count(), count() FILTER (WHERE x > 1), count() OVER () FROM (VALUES 1, 2, 3) t(x)",
                List.of("bigint", "bigint", "bigint"), List.of(3L, 2L, 1L));
        assertResult("SELECT regionkey, count() c FROM tpch.tiny.nation GROUP BY 1 HAVING count() > 4 ORDER BY count() DESC, 1 LIMIT 2",
                List.of("bigint", "bigint"), List.of(0L, 5L), List.of(1L, 5L));
    }

    @Test
    void trinosDigestGivesTrinosAnswers() throws Exception {
        assertResult("SELECT approx_percentile(x, 0.5), approx_percentile(x, ARRAY[0.01, 0.25, 0.9]),"
                        + " round(approx_percentile(CAST(x AS double) / 7, 0.3), 9), approx_percentile(CAST(x AS real), 0.75),"
                        + " approx_percentile(x, 3e0, 0.5) FROM UNNEST(sequence(1, 5000)) t(x)",
                List.of("bigint", "array(bigint)", "double", "real", "bigint"),
                List.of(2501L, List.of(51L, 1251L, 4501L), 214.357142857, 3750.5, 2501L));
        assertFails("SELECT approx_percentile(x, 0.5) FROM (VALUES 9007199254740993) t(x)",
                io.quarry.spi.ErrorCode.INVALID_FUNCTION_ARGUMENT, "no exact double representation for long: 9007199254740993");
        assertFails("SELECT approx_percentile(x, 0.5e0, 0.5) FROM (VALUES 1) t(x)",
                io.quarry.spi.ErrorCode.INVALID_FUNCTION_ARGUMENT, "weight must be >= 1, was 0.5");
    }

    @Test
    void maxByAndMinByWithCount() throws Exception {
        assertResult("SELECT max_by(x, y, 2), min_by(x, y, 2) FROM (VALUES (1, 10), (2, 20), (3, 30), (4, NULL), (NULL, 5)) t(x, y)",
                List.of("array(integer)", "array(integer)"), List.of(List.of(3L, 2L), Arrays.asList(null, 1L)));
        assertResult("SELECT max_by(x, y, 10), min_by(x, y, 10) FROM (VALUES (1, 10), (2, 20), (3, 30), (4, NULL), (NULL, 5)) t(x, y)",
                List.of("array(integer)", "array(integer)"),
                List.of(Arrays.asList(3L, 2L, 1L, null), Arrays.asList(null, 1L, 2L, 3L)));
        assertResult("SELECT k, max_by(x, y, 2) FROM (VALUES (1, 'a', 1.0), (1, 'b', 2.0), (2, 'c', 3.0)) t(k, x, y) GROUP BY k ORDER BY k",
                List.of("integer", "array(varchar(1))"), List.of(1L, List.of("b", "a")), List.of(2L, List.of("c")));
        assertResult("SELECT max_by(x, y, 2) FROM (VALUES (1, 10)) t(x, y) WHERE x > 5",
                List.of("array(integer)"), Arrays.asList((Object) null));
        assertResult("SELECT max_by(x, y, 2) FROM (VALUES (1, 10), (2, 10), (3, 10)) t(x, y)",
                List.of("array(integer)"), List.of(List.of(2L, 1L)));
        assertResult("SELECT max_by(DISTINCT x, y, 2) FROM (VALUES (1, 10), (1, 10), (3, 30)) t(x, y)",
                List.of("array(integer)"), List.of(List.of(3L, 1L)));
        assertResult("SELECT max_by(x, y, 2) OVER (ORDER BY x), min_by(x, y, 2) OVER () FROM (VALUES (1, 10), (2, 20), (3, 30)) t(x, y)",
                List.of("array(integer)", "array(integer)"),
                List.of(List.of(1L), List.of(1L, 2L)), List.of(List.of(2L, 1L), List.of(1L, 2L)), List.of(List.of(3L, 2L), List.of(1L, 2L)));
        assertThatThrownBy(() -> run("SELECT max_by(x, y, 0) FROM (VALUES (1, 10)) t(x, y)"))
                .hasMessageContaining("third argument of max_by must be a positive integer");
    }

    @Test
    void maxAndMinWithCount() throws Exception {
        assertResult("SELECT k, max(x, 2), min(x, 3) FROM (VALUES (1, 5), (1, NULL), (1, 7), (1, 5), (2, 1)) t(k, x) GROUP BY k ORDER BY k",
                List.of("integer", "array(integer)", "array(integer)"),
                List.of(1L, List.of(7L, 5L), List.of(5L, 5L, 7L)), List.of(2L, List.of(1L), List.of(1L)));
        assertResult("SELECT x, max(x, 2) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), min(s, 1) OVER ()"
                        + " FROM (VALUES (3, 'b'), (1, 'a'), (2, 'c')) t(x, s) ORDER BY x",
                List.of("integer", "array(integer)", "array(varchar(1))"),
                List.of(1L, List.of(1L), List.of("a")), List.of(2L, List.of(2L, 1L), List.of("a")),
                List.of(3L, List.of(3L, 2L), List.of("a")));
        assertResult("SELECT max(name, 2), min(nationkey, 2), max(nationkey) FROM tpch.tiny.nation",
                List.of("array(varchar(25))", "array(bigint)", "bigint"),
                List.of(List.of("VIETNAM", "UNITED STATES"), List.of(0L, 1L), 24L));
        assertResult("SELECT max(x, 2), max(x, NULL) FROM (VALUES 1) t(x) WHERE x > 5",
                List.of("array(integer)", "array(integer)"), Arrays.asList(null, null));
        assertThatThrownBy(() -> run("SELECT min(x, 10001) FROM (VALUES 1) t(x)"))
                .hasMessageContaining("second argument of min_n must be less than or equal to 10000; found 10001");
        assertThatThrownBy(() -> run("SELECT max(x, 0) FROM (VALUES 1) t(x)"))
                .hasMessageContaining("second argument of max_n must be positive");
        assertThatThrownBy(() -> run("SELECT max(x, 2) FROM (VALUES MAP(ARRAY[1], ARRAY[1])) t(x)"))
                .hasMessageContaining("for function max");
        assertThatThrownBy(() -> run("SELECT min(x, 'a') FROM (VALUES 1) t(x)"))
                .hasMessageContaining("Unexpected parameters (integer, varchar(1)) for function min");
    }

    @Test
    void nanKeysLose() throws Exception {
        assertResult("SELECT max_by(x, y), min_by(x, y) FROM (VALUES (1, nan()), (2, 1.0e0), (3, 2.0e0)) t(x, y)",
                List.of("integer", "integer"), List.of(3L, 2L));
        assertResult("SELECT max_by(x, y), min_by(x, y) FROM (VALUES (1, 1.0e0), (2, nan()), (3, 2.0e0)) t(x, y)",
                List.of("integer", "integer"), List.of(3L, 1L));
        // with NaN keys only, the first value the final step sees is kept (Trino answers 1, 1 on one node)
        assertThat(run("SELECT max_by(x, y) FROM (VALUES (1, nan()), (2, nan())) t(x, y)").rows())
                .isIn(List.of(List.of(1L)), List.of(List.of(2L)));
        assertResult("SELECT max_by(x, y, 3), min_by(x, y, 3) FROM (VALUES (1, 1.0e0), (2, nan()), (3, 2.0e0)) t(x, y)",
                List.of("array(integer)", "array(integer)"), List.of(List.of(3L, 1L, 2L), List.of(1L, 3L, 2L)));
    }

    @Test
    void checksumHasTrinosBytes() throws Exception {
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES 1, 2, 3) t(x)", List.of("varchar"), List.of("qusYDTxP+gU="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES BIGINT '1', NULL) t(x)", List.of("varchar"), List.of("GlqvkGanHHM="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES CAST(NULL AS bigint)) t(x)", List.of("varchar"), List.of("h8rrhbF5N54="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES 'a', 'bc') t(x)", List.of("varchar"), List.of("LHpbLgAP0RQ="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES 1.5e0, 2.0e0) t(x)", List.of("varchar"), List.of("3F8F/RYrDsY="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES DATE '2020-01-01') t(x)", List.of("varchar"), List.of("JgMrgzM4Qm4="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES true, false) t(x)", List.of("varchar"), List.of("ML3ZgyF+dr8="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES REAL '1.5') t(x)", List.of("varchar"), List.of("p894z06pGYg="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES DECIMAL '1.5') t(x)", List.of("varchar"), List.of("WF+E+IMs+sg="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES DECIMAL '12345678901234567890.5') t(x)",
                List.of("varchar"), List.of("mKn4CnMotQ0="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00') t(x)",
                List.of("varchar"), List.of("BBvnCGPur58="));
        assertResult("SELECT to_base64(checksum(x)) FROM (VALUES ARRAY[1, 2]) t(x)", List.of("varchar"), List.of("nVq7OL66rCk="));
        assertResult("SELECT to_base64(checksum(comment)), to_base64(checksum(totalprice)), to_base64(checksum(orderdate)) FROM tpch.tiny.orders",
                List.of("varchar", "varchar", "varchar"), List.of("XZE0zjGc9Oo=", "MQhV5YWVMGI=", "DZ+faoJQXAw="));
        assertResult("SELECT to_base64(checksum(DISTINCT x)) FROM (VALUES 1, 1, 2) t(x)", List.of("varchar"), List.of("Y4fQ9YZf0TY="));
        assertResult("SELECT to_base64(checksum(x) OVER ()) FROM (VALUES 1, 2) t(x)",
                List.of("varchar"), List.of("Y4fQ9YZf0TY="), List.of("Y4fQ9YZf0TY="));
        assertResult("SELECT checksum(x) FROM (VALUES 1) t(x) WHERE x > 1", List.of("varbinary"), Arrays.asList((Object) null));
    }

    @Test
    void listagg() throws Exception {
        assertResult("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x DESC) FROM (VALUES 'b', 'a', NULL, 'c') t(x)",
                List.of("varchar"), List.of("c,b,a"));
        assertResult("SELECT listagg(x) WITHIN GROUP (ORDER BY x) FROM (VALUES 'b', 'a') t(x)", List.of("varchar"), List.of("ab"));
        assertResult("SELECT k, listagg(x, '-') WITHIN GROUP (ORDER BY x) FROM (VALUES (1, 'b'), (1, 'a'), (2, 'c')) t(k, x) GROUP BY k ORDER BY k",
                List.of("integer", "varchar"), List.of(1L, "a-b"), List.of(2L, "c"));
        assertResult("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY y) FROM (VALUES ('b', 2), ('a', 1)) t(x, y)",
                List.of("varchar"), List.of("a,b"));
        assertResult("SELECT listagg(DISTINCT x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES 'b', 'a', 'b') t(x)",
                List.of("varchar"), List.of("a,b"));
        assertResult("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FILTER (WHERE x <> 'a') FROM (VALUES 'b', 'a', 'c') t(x)",
                List.of("varchar"), List.of("b,c"));
        assertResult("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES 'b') t(x) WHERE x = 'z'",
                List.of("varchar"), Arrays.asList((Object) null));
    }

    @Test
    void listaggOnOverflow() throws Exception {
        String values = " FROM (SELECT lpad('a', 1000, CAST(n AS varchar)) x FROM UNNEST(sequence(1, 1100)) t(n))";
        assertResult("SELECT listagg(x, ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY x) FROM (VALUES 'b', 'a') t(x)",
                List.of("varchar"), List.of("a,b"));
        assertResult("SELECT length(listagg(x, ',' ON OVERFLOW TRUNCATE '..' WITH COUNT) WITHIN GROUP (ORDER BY x))" + values,
                List.of("bigint"), List.of(1048053L));
        assertResult("SELECT substr(listagg(x, ',' ON OVERFLOW TRUNCATE '..' WITH COUNT) WITHIN GROUP (ORDER BY x), 1048040)" + values,
                List.of("varchar"), List.of("952952a,..(53)"));
        assertThatThrownBy(() -> run("SELECT listagg(x, ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY x)" + values))
                .hasMessageContaining("Concatenated string has the length in bytes larger than the maximum output length 1048576");
    }

    @Test
    void approxMostFrequent() throws Exception {
        assertResult("SELECT approx_most_frequent(3, x, 10) FROM (VALUES 1, 1, 2, 3, 3, 3, 4) t(x)",
                List.of("map(bigint, bigint)"), List.of(map(3L, 3L, 1L, 2L, 2L, 1L)));
        assertResult("SELECT approx_most_frequent(2, x, 10) FROM (VALUES 'a', 'a', 'b', 'c', 'c') t(x)",
                List.of("map(varchar, bigint)"), List.of(map("a", 2L, "c", 2L)));
        assertResult("SELECT approx_most_frequent(2, x, 10) FROM (VALUES 1) t(x) WHERE x > 3",
                List.of("map(bigint, bigint)"), Arrays.asList((Object) null));
        assertResult("SELECT approx_most_frequent(3, x, 10) OVER () FROM (VALUES 1, 1, 2) t(x)",
                List.of("map(bigint, bigint)"), List.of(map(1L, 2L, 2L, 1L)), List.of(map(1L, 2L, 2L, 1L)), List.of(map(1L, 2L, 2L, 1L)));
        assertThatThrownBy(() -> run("SELECT approx_most_frequent(1, x, 10) FROM (VALUES 1) t(x)"))
                .hasMessageContaining("approx_most_frequent bucket count must be greater than one");
    }

    @Test
    void numericHistogram() throws Exception {
        assertResult("SELECT numeric_histogram(2, x) FROM (VALUES 1, 2, 3, 4, 5) t(x)",
                List.of("map(real, real)"), List.of(map(1.5, 2.0, 4.0, 3.0)));
        assertResult("SELECT numeric_histogram(3, x) FROM (VALUES 1.0e0, 2.0e0, 10.0e0, 11.0e0, 20.0e0) t(x)",
                List.of("map(double, double)"), List.of(map(1.5, 2.0, 10.5, 2.0, 20.0, 1.0)));
        assertResult("SELECT numeric_histogram(2, x, w) FROM (VALUES (1.0e0, 2.0e0), (2.0e0, 1.0e0), (10.0e0, 3.0e0)) t(x, w)",
                List.of("map(double, double)"), List.of(map(1.3333333333333333, 3.0, 10.0, 3.0)));
        assertResult("SELECT numeric_histogram(4, x) FROM (VALUES 1.0e0, 2.0e0, 4.0e0, 8.0e0, 16.0e0, 17.0e0, 100.0e0) t(x)",
                List.of("map(double, double)"), List.of(map(2.3333333333333335, 3.0, 8.0, 1.0, 16.5, 2.0, 100.0, 1.0)));
        assertResult("SELECT k, numeric_histogram(2, x) FROM (VALUES (1, 1.0e0), (1, 2.0e0), (1, 3.0e0), (2, 5.0e0)) t(k, x) GROUP BY k ORDER BY k",
                List.of("integer", "map(double, double)"), List.of(1L, map(1.5, 2.0, 3.0, 1.0)), List.of(2L, map(5.0, 1.0)));
        assertResult("SELECT numeric_histogram(2, x, w) FROM (VALUES (1.5e0, NULL), (2.0e0, 1.0e0)) t(x, w)",
                List.of("map(double, double)"), List.of(map(2.0, 1.0)));
        assertResult("SELECT numeric_histogram(2, x) FROM (VALUES 1.0e0) t(x) WHERE x > 5",
                List.of("map(double, double)"), Arrays.asList((Object) null));
        assertThatThrownBy(() -> run("SELECT numeric_histogram(1, x) FROM (VALUES 1.0e0) t(x)"))
                .hasMessageContaining("numeric_histogram bucket count must be greater than one");
    }

    @Test
    void approxPercentileOfFewValuesTakesRankFloorOfQTimesN() throws Exception {
        String values = " FROM (VALUES 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) t(x)";
        assertResult("SELECT approx_percentile(x, ARRAY[0.1, 0.5, 0.9])" + values, List.of("array(bigint)"), List.of(List.of(2L, 6L, 10L)));
        assertResult("SELECT approx_percentile(x, 0.85), approx_percentile(x, 0.95)" + values, List.of("bigint", "bigint"), List.of(9L, 10L));
        assertResult("SELECT approx_percentile(x, 0.25), approx_percentile(x, 0.75) FROM (VALUES 1, 2, 3, 4) t(x)",
                List.of("bigint", "bigint"), List.of(2L, 4L));
    }

    @Test
    void minAndMaxOfArrays() throws Exception {
        assertResult("SELECT min(x), max(x) FROM (VALUES ARRAY[1, 2], ARRAY[1, 3]) t(x)",
                List.of("array(integer)", "array(integer)"), List.of(List.of(1L, 2L), List.of(1L, 3L)));
        assertResult("SELECT k, max(x) FROM (VALUES (1, ARRAY[1, 2]), (1, ARRAY[1, 2, 0]), (2, NULL)) t(k, x) GROUP BY k ORDER BY k",
                List.of("integer", "array(integer)"), List.of(1L, List.of(1L, 2L, 0L)), Arrays.asList(2L, null));
    }

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
