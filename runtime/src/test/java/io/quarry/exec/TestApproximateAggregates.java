package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimates of approx_percentile (a quantile digest with an accuracy, else a t-digest), approx_most_frequent (a
 * stream summary) and numeric_histogram over inputs read in one stream, where they are Trino 476's answers, and
 * their errors; and the set digest refused a bare NULL, as there.
 */
class TestApproximateAggregates extends LocalQueryTest {
    private static final String ONE_TO_TEN = " FROM (VALUES 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) t(x)";
    private static final String TEN_THOUSAND = " FROM UNNEST(sequence(1, 10000)) t(x)";

    @Test
    void percentileWithAccuracyWeighsAnyPositiveWeight() throws Exception {
        assertResult("SELECT approx_percentile(x, 1, 0.5, 0.01), approx_percentile(x, 0.4, 0.5, 0.01), approx_percentile(x, 1, 0.5, 0.9),"
                        + " approx_percentile(x, IF(x = 10, 9.0, 1), 0.5, 0.01), approx_percentile(x, IF(x = 10, 8.6, 1), 0.5, 0.01),"
                        + " approx_percentile(x, 1e-300, 0.5, 0.01)" + ONE_TO_TEN,
                List.of("bigint", "bigint", "bigint", "bigint", "bigint", "bigint"), Arrays.asList(6L, 5L, 7L, 10L, 9L, null));
        assertResult("SELECT approx_percentile(x, 1, 0.3, 0.01) FROM (VALUES -1.5e0, -15e0, 3e0, 4.5e0, 6e0) t(x)",
                List.of("double"), List.of(-1.5));
        // a decimal is taken as a real
        assertResult("SELECT approx_percentile(CAST(x AS real), 2, 0.3, 0.01), approx_percentile(x * 1.5, 2, 0.3, 0.01),"
                        + " approx_percentile(CAST(x AS tinyint), 1, 0.9, 0.01)" + ONE_TO_TEN,
                List.of("real", "real", "bigint"), List.of(4.0, 6.0, 10L));
        // NaN and the infinities are values of the digest, NaN above all
        assertResult("SELECT approx_percentile(x, 1, 0.5, 0.01), approx_percentile(x, 1, 0.99, 0.01), approx_percentile(x, 1, 0, 0.01)"
                        + " FROM UNNEST(ARRAY[infinity(), -infinity(), nan(), 0e0]) t(x)",
                List.of("double", "double", "double"), List.of(Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY));
        assertResult("SELECT approx_percentile(x, 1, 0.5, 0.01) FROM (VALUES 1) t(x) WHERE x > 1", List.of("bigint"), Arrays.asList((Object) null));
    }

    @Test
    void percentileWithAccuracyTakesTheLastPercentageAndTheFirstAccuracy() throws Exception {
        // the percentage of the last row counts, and only it is checked; the accuracy of the first row
        assertResult("SELECT approx_percentile(x, 1, IF(x = 1, 0.9, 0.1), 0.01), approx_percentile(x, 1, 0.5, IF(x = 1, 0.9, 0.01)),"
                        + " approx_percentile(x, 1, IF(x = 1, 2, 0.5), IF(x = 5, 0, 0.01))" + ONE_TO_TEN,
                List.of("bigint", "bigint", "bigint"), List.of(2L, 7L, 6L));
        // a row with a NULL argument adds nothing
        assertResult("SELECT approx_percentile(x, 1, 0.5, NULL), approx_percentile(x, NULL, 0.5, 0.01), approx_percentile(x, 1, IF(x = 1, 0.5, NULL), 0.01)"
                        + " FROM (VALUES 1, 100, 100) t(x)",
                List.of("bigint", "bigint", "bigint"), Arrays.asList(null, null, 1L));
        assertResult("SELECT x % 2, approx_percentile(x, 1, IF(x % 2 = 0, 0.1, 0.9), IF(x % 2 = 0, 0.9, 0.001))" + ONE_TO_TEN
                        + " GROUP BY x % 2 ORDER BY 1",
                List.of("integer", "bigint"), List.of(0L, 2L), List.of(1L, 9L));
        assertResult("SELECT approx_percentile(DISTINCT x, 2, 0.5, 0.01), approx_percentile(x, 1, 0.5, 0.01) FILTER (WHERE x <> 1)"
                        + " FROM (VALUES 1, 1, 1, 1, 5) t(x)",
                List.of("bigint", "bigint"), List.of(5L, 5L));
        assertResult("SELECT x, approx_percentile(x, 1, 0.5, 0.01) OVER (ORDER BY x),"
                        + " approx_percentile(x, 1, IF(x = 1, 0.2, 0.8), 0.01) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                        + " FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x",
                List.of("integer", "bigint", "bigint"),
                List.of(1L, 1L, 1L), List.of(2L, 2L, 2L), List.of(3L, 2L, 3L), List.of(4L, 3L, 4L), List.of(5L, 3L, 5L));
    }

    @Test
    void percentileWithAccuracyRefusesBadArguments() {
        assertFails("SELECT approx_percentile(x, 0, 0.5, 0.01)" + ONE_TO_TEN, ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
        assertFails("SELECT approx_percentile(x, -1, 0.5, 0.01)" + ONE_TO_TEN, ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
        assertFails("SELECT approx_percentile(x, nan(), 0.5, 0.01)" + ONE_TO_TEN, ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
        assertFails("SELECT approx_percentile(x, IF(x = 5, 0, 1), 0.5, 0.01)" + ONE_TO_TEN,
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
        for (String accuracy : List.of("0", "1", "-0.1", "nan()")) {
            assertFails("SELECT approx_percentile(x, 1, 0.5, " + accuracy + ")" + ONE_TO_TEN,
                    ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile accuracy must be strictly between 0 and 1");
        }
        // the weight is checked before the accuracy, the percentage only at the end
        assertFails("SELECT approx_percentile(x, 0, 2, 0)" + ONE_TO_TEN, ErrorCode.INVALID_FUNCTION_ARGUMENT, "percentile weight must be > 0");
        assertFails("SELECT approx_percentile(x, 1, 2, 0)" + ONE_TO_TEN,
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile accuracy must be strictly between 0 and 1");
        for (String percentage : List.of("1.5", "-0.5", "nan()", "IF(x = 10, 2, 0.5)")) {
            assertFails("SELECT approx_percentile(x, 1, " + percentage + ", 0.01)" + ONE_TO_TEN,
                    ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
        }
        assertFails("SELECT approx_percentile(x, 1, ARRAY[0.5], 0.01)" + ONE_TO_TEN, ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT approx_percentile(x, 1, 0.5, 0.01, 1)" + ONE_TO_TEN, ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void aggregationAnswersFromTheDigestItsFinalStepWouldRead() throws Exception {
        // serializing compresses a digest: an aggregation answers as after Trino's partial step, a window from the
        // digest as built
        assertResult("SELECT approx_percentile(x, 1, 0.37, 0.005), approx_percentile(sin(x), 1, 0.3, 0.001),"
                        + " approx_percentile(CAST(cos(x) AS real), x % 7 + 1, 0.2, 0.05)" + TEN_THOUSAND,
                List.of("bigint", "double", "real"), List.of(3704L, -0.5876730650888324, (double) -0.8039551f));
        assertResult("SELECT approx_percentile(x, 1, 0.37, 0.005) OVER (), approx_percentile(sin(x), 1, 0.3, 0.001) OVER (),"
                        + " approx_percentile(CAST(cos(x) AS real), x % 7 + 1, 0.2, 0.05) OVER ()" + TEN_THOUSAND + " LIMIT 1",
                List.of("bigint", "double", "real"), List.of(3703L, -0.5876730650888324, (double) -0.8039551f));
        assertResult("SELECT approx_percentile(sin(x), 0.37), approx_percentile(cos(x), x % 5 + 1, ARRAY[0.3, 0.9])" + TEN_THOUSAND,
                List.of("double", "array(double)"), List.of(-0.39456242329506125, List.of(-0.5818766859578667, 0.9491940146857138)));
        assertResult("SELECT approx_percentile(sin(x), 0.37) OVER (), approx_percentile(cos(x), x % 5 + 1, ARRAY[0.3, 0.9]) OVER ()"
                        + TEN_THOUSAND + " LIMIT 1",
                List.of("double", "array(double)"), List.of(-0.39507444414387005, List.of(-0.5854570756064695, 0.950079303441985)));
    }

    @Test
    void percentileWithoutAccuracyTakesTheLastPercentageAndFiniteValues() throws Exception {
        // a single percentage is that of the last row, checked at the end; an array that of the first row
        assertResult("SELECT approx_percentile(x, IF(x = 1, 0.9, 0.1)), approx_percentile(x, IF(x = 1, ARRAY[0.9], ARRAY[0.1])),"
                        + " approx_percentile(x, 1, IF(x = 1, 2, 0.5))" + ONE_TO_TEN,
                List.of("bigint", "array(bigint)", "bigint"), List.of(2L, List.of(10L), 6L));
        assertResult("SELECT x % 2, approx_percentile(x, IF(x % 2 = 0, 0.1, 0.9))" + ONE_TO_TEN + " GROUP BY x % 2 ORDER BY 1",
                List.of("integer", "bigint"), List.of(0L, 2L), List.of(1L, 9L));
        assertResult("SELECT approx_percentile(x, IF(x = 1, 0.5, 0.9)) OVER (ORDER BY x) FROM (VALUES 1, 2, 3, 4) t(x)",
                List.of("bigint"), List.of(1L), List.of(2L), List.of(3L), List.of(4L));
        assertResult("SELECT approx_percentile(x, 0.5), approx_percentile(x, 1, ARRAY[0.5]), typeof(approx_percentile(x, 0.5))"
                        + " FROM (VALUES DECIMAL '1.5', DECIMAL '2.25') t(x)",
                List.of("real", "array(real)", "varchar"), List.of(2.25, List.of(2.25), "real"));
        assertFails("SELECT approx_percentile(x, IF(x = 10, 2, 0.5))" + ONE_TO_TEN,
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
        assertFails("SELECT approx_percentile(x, IF(x = 1, ARRAY[2], ARRAY[0.5]))" + ONE_TO_TEN,
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
        assertFails("SELECT approx_percentile(x, 0.5) FROM (VALUES 1, nan()) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "value must be finite; was NaN");
        assertFails("SELECT approx_percentile(x, 0.5) FROM (VALUES 1, -infinity()) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "value must be finite; was -Infinity");
        assertFails("SELECT approx_percentile(x, 0.5, ARRAY[2]) FROM (VALUES 1) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "weight must be >= 1, was 0.5");
    }

    @Test
    void mostFrequentKeepsAStreamSummaryOfCapacityCounters() throws Exception {
        assertResult("SELECT approx_most_frequent(2, x, 2), approx_most_frequent(3, x, 3) FROM (VALUES 1, 2, 3, 1, 2, 3, 4, 4, 4, 1, 5, 5) t(x)",
                List.of("map(bigint, bigint)", "map(bigint, bigint)"), List.of(map(4L, 6L, 5L, 6L), map(4L, 5L, 5L, 4L, 1L, 3L)));
        assertResult("SELECT approx_most_frequent(3, x, 2) FROM (VALUES 'a', 'b', 'c', 'a', 'b', 'c', 'd', 'd', 'd', 'a', 'e', 'e') t(x)",
                List.of("map(varchar, bigint)"), List.of(map("d", 6L, "e", 6L)));
        // of equal counts, those that reached it first
        assertResult("SELECT approx_most_frequent(3, x, 1), approx_most_frequent(2, x, 5) FROM (VALUES 1, 2, 2, 3, 3, 1) t(x)",
                List.of("map(bigint, bigint)", "map(bigint, bigint)"), List.of(map(1L, 6L), map(2L, 2L, 3L, 2L)));
        assertResult("SELECT approx_most_frequent(4, name, 3), approx_most_frequent(3, regionkey, 2), approx_most_frequent(2, substr(comment, 1, 1), 4)"
                        + " FROM tpch.tiny.nation",
                List.of("map(varchar, bigint)", "map(bigint, bigint)", "map(varchar, bigint)"),
                List.of(map("UNITED STATES", 9L, "RUSSIA", 8L, "UNITED KINGDOM", 8L), map(3L, 13L, 1L, 12L), map("y", 7L, "h", 6L)));
        assertResult("SELECT approx_most_frequent(3, x % 7, 4), approx_most_frequent(3, CAST(x % 11 AS varchar), 5)" + TEN_THOUSAND,
                List.of("map(bigint, bigint)", "map(varchar, bigint)"),
                List.of(map(1L, 2500L, 2L, 2500L, 3L, 2500L), map("8", 2000L, "9", 2000L, "10", 2000L)));
        assertResult("SELECT g, approx_most_frequent(2, x, 2) FROM (VALUES (1, 5), (2, 6), (1, 7), (1, 5), (2, 8), (1, 8), (2, 8), (1, 9)) t(g, x)"
                        + " GROUP BY g ORDER BY g",
                List.of("integer", "map(bigint, bigint)"), List.of(1L, map(9L, 3L, 8L, 2L)), List.of(2L, map(8L, 2L, 6L, 1L)));
        assertResult("SELECT approx_most_frequent(2, x % 3, 2) OVER (ORDER BY x) FROM (VALUES 1, 2, 3, 4, 5, 6, 7) t(x)",
                List.of("map(bigint, bigint)"), List.of(map(1L, 1L)), List.of(map(1L, 1L, 2L, 1L)), List.of(map(0L, 2L, 2L, 1L)),
                List.of(map(0L, 2L, 1L, 2L)), List.of(map(2L, 3L, 1L, 2L)), List.of(map(2L, 3L, 0L, 3L)), List.of(map(1L, 4L, 0L, 3L)));
    }

    @Test
    void mostFrequentSkipsRowsWithNullsAndTakesTheFirstRowsSizes() throws Exception {
        assertResult("SELECT approx_most_frequent(3, x, NULL), approx_most_frequent(NULL, x, 3) FROM (VALUES 1, 2) t(x)",
                List.of("map(bigint, bigint)", "map(bigint, bigint)"), Arrays.asList(null, null));
        assertResult("SELECT approx_most_frequent(3, x, IF(x = 1, NULL, 5)), approx_most_frequent(3, x, IF(x = 1, 1, 5)),"
                        + " approx_most_frequent(IF(x = 1, 2, 3), x, 5) FROM (VALUES 1, 2, 2, 3) t(x)",
                List.of("map(bigint, bigint)", "map(bigint, bigint)", "map(bigint, bigint)"),
                List.of(map(2L, 2L, 3L, 1L), map(3L, 4L), map(2L, 2L, 1L, 1L)));
        assertResult("SELECT approx_most_frequent(IF(x = 2, 1, 3), x, 5) FROM (VALUES 1, 2, 2) t(x)",
                List.of("map(bigint, bigint)"), List.of(map(2L, 2L, 1L, 1L)));
        assertFails("SELECT approx_most_frequent(1, x, 0) FROM (VALUES 1) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "approx_most_frequent bucket count must be greater than one");
        // Trino fails here on an internal error
        assertFails("SELECT approx_most_frequent(3, x, 0) FROM (VALUES 1) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "approx_most_frequent capacity must be between 1 and 2147483647, was 0");
        assertFails("SELECT approx_most_frequent(3, x, 3000000000) FROM (VALUES 1) t(x)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "approx_most_frequent capacity must be between 1 and 2147483647");
    }

    @Test
    void numericHistogramOfOneStream() throws Exception {
        assertResult("SELECT numeric_histogram(7, sin(x)), numeric_histogram(5, CAST(cos(x) AS real), x % 3 + 0.5)" + TEN_THOUSAND,
                List.of("map(double, double)", "map(real, real)"),
                List.of(map(-0.9004284941260651, 2458.0, -0.5606975935660187, 1297.0, -0.20648765050213116, 1156.0,
                                0.14303891809269106, 1099.0, 0.4438063103364561, 917.0, 0.6989029600718406, 1079.0, 0.9340647848241411, 1994.0),
                        map((double) -0.8574542f, 4447.0, (double) -0.39163074f, 2199.5, (double) 0.07146164f, 2416.5,
                                (double) 0.5164893f, 2125.0, (double) 0.89273274f, 3812.0)));
        assertResult("SELECT numeric_histogram(4, nationkey), numeric_histogram(3, regionkey, nationkey) FROM tpch.tiny.nation",
                List.of("map(real, real)", "map(real, real)"),
                List.of(map(3.5, 8.0, 11.5, 8.0, 17.5, 4.0, 22.0, 5.0), map((double) 0.48453608f, 97.0, 2.0, 68.0, (double) 3.4296296f, 135.0)));
    }

    @Test
    void setDigestOfABareNullIsRefused() throws Exception {
        assertFails("SELECT make_set_digest(NULL)", ErrorCode.FUNCTION_IMPLEMENTATION_MISSING,
                "Unsupported type parameters (make_set_digest(unknown):SetDigest)");
        assertFails("SELECT make_set_digest(x) FROM (VALUES NULL, NULL) t(x)", ErrorCode.FUNCTION_IMPLEMENTATION_MISSING);
        assertResult("SELECT cardinality(make_set_digest(x)) FROM (VALUES CAST(NULL AS bigint)) t(x)", List.of("bigint"), Arrays.asList((Object) null));
    }

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
