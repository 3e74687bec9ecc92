package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimates of approx_percentile, with an accuracy (a quantile digest) or without (a t-digest), over inputs
 * read in one stream, where they are Trino 476's answers, and their errors.
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

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
