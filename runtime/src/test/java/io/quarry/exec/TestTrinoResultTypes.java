package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.sql.MetadataProvider;
import io.quarry.sql.SqlPlanner;
import io.quarry.type.DateTimeValues;
import io.quarry.type.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Result types and values that Trino 476 reports for shifts of narrow integers, the statistical aggregates over
 * real, translate, decimal rounding, interval sums and averages, timestamp literals with a zone, char(n) and json
 * casts; the expected values were taken from Trino 476 and are written here.
 */
class TestTrinoResultTypes extends LocalQueryTest {
    private static final SqlPlanner PLANNER = new SqlPlanner(new MetadataProvider() {
        @Override
        public Set<String> catalogNames() {
            return Set.of("tpch");
        }

        @Override
        public Optional<ConnectorMetadata> catalog(String name) {
            return name.equals("tpch") ? Optional.of(LocalQueryRunner.CONNECTOR.metadata()) : Optional.empty();
        }
    });


    /** A real result as the runner returns it: the float widened to double. */
    private static double real(float value) {
        return value;
    }

    private static List<String> repeat(String type, int count) {
        String[] types = new String[count];
        Arrays.fill(types, type);
        return List.of(types);
    }

    @Test
    void shiftsOfNarrowIntegersKeepTheirTypeAndWidth() throws Exception {
        assertResult("SELECT bitwise_left_shift(CAST(1 AS tinyint), 7), bitwise_left_shift(CAST(1 AS tinyint), 8),"
                        + " bitwise_left_shift(CAST(3 AS tinyint), 7), bitwise_left_shift(CAST(1 AS tinyint), -1),"
                        + " bitwise_right_shift(CAST(-8 AS tinyint), 1), bitwise_right_shift_arithmetic(CAST(-8 AS tinyint), 1),"
                        + " bitwise_right_shift(CAST(-8 AS tinyint), 9), bitwise_right_shift_arithmetic(CAST(-8 AS tinyint), 9),"
                        + " bitwise_right_shift(CAST(-128 AS tinyint), 7), bitwise_right_shift_arithmetic(CAST(64 AS tinyint), -1)",
                repeat("tinyint", 10),
                List.of(-128L, 0L, -128L, 0L, 124L, -4L, 0L, -1L, 1L, 0L));
        assertResult("SELECT bitwise_left_shift(CAST(1 AS smallint), 15), bitwise_left_shift(CAST(1 AS smallint), 16),"
                        + " bitwise_left_shift(CAST(-3 AS smallint), 3), bitwise_right_shift(CAST(-3 AS smallint), 3),"
                        + " bitwise_right_shift(CAST(-1 AS smallint), 1), bitwise_right_shift_arithmetic(CAST(-1 AS smallint), 20)",
                repeat("smallint", 6),
                List.of(-32768L, 0L, -24L, 8191L, 32767L, -1L));
        assertResult("SELECT bitwise_left_shift(1, 31), bitwise_left_shift(1, 32), bitwise_right_shift(-1, 1),"
                        + " bitwise_right_shift_arithmetic(-1, 40), bitwise_right_shift(-3, 31), bitwise_right_shift(-1, 32),"
                        + " bitwise_right_shift_arithmetic(-1, -1), bitwise_left_shift(-3, 33)",
                repeat("integer", 8),
                List.of(-2147483648L, 0L, 2147483647L, -1L, 1L, 0L, -1L, 0L));
        // bigint: 64 or more gives 0 (or -1), a negative amount shifts as Java does
        assertResult("SELECT bitwise_left_shift(CAST(1 AS bigint), 63), bitwise_left_shift(CAST(1 AS bigint), 64),"
                        + " bitwise_left_shift(CAST(1 AS bigint), -1), bitwise_right_shift(CAST(-1 AS bigint), -1),"
                        + " bitwise_right_shift_arithmetic(CAST(100 AS bigint), -1), bitwise_right_shift_arithmetic(CAST(-1 AS bigint), 70)",
                repeat("bigint", 6),
                List.of(Long.MIN_VALUE, 0L, Long.MIN_VALUE, 1L, 0L, -1L));
        assertResult("SELECT bitwise_left_shift(x, 2), bitwise_right_shift(x, 1) FROM (VALUES CAST(-5 AS tinyint), NULL) t(x)",
                List.of("tinyint", "tinyint"),
                List.of(-20L, 125L), Arrays.asList(null, null));
    }

    @Test
    void statisticalAggregatesOverRealAreReal() throws Exception {
        String reals = "(VALUES (CAST(1 AS real), CAST(2 AS real)), (CAST(2 AS real), CAST(5 AS real)), (CAST(4 AS real), CAST(7 AS real))) t(x, y)";
        assertResult("SELECT corr(x, y), covar_pop(x, y), covar_samp(x, y), regr_slope(x, y), regr_intercept(x, y) FROM " + reals,
                repeat("real", 5),
                List.of(real(0.95382094f), real(2.4444444f), real(3.6666667f), real(0.57894737f), real(-0.36842105f)));
        // the variance family stays double over real; geometric_mean is real
        assertResult("SELECT geometric_mean(x), round(stddev(x), 9), round(stddev_pop(x), 9), round(variance(x), 9),"
                        + " round(var_pop(x), 9), typeof(stddev(x)) FROM " + reals,
                List.of("real", "double", "double", "double", "double", "varchar"),
                List.of(real(2.0f), 1.527525232, 1.247219129, 2.333333333, 1.555555556, "double"));
        // integers and decimals coerce to real (geometric_mean of integers has its bigint signature: double)
        assertResult("SELECT corr(x, y), covar_samp(x, y), regr_slope(x, y), regr_intercept(x, y), geometric_mean(x) FROM"
                        + " (VALUES (CAST(1 AS bigint), CAST(2 AS bigint)), (CAST(2 AS bigint), CAST(5 AS bigint)),"
                        + " (CAST(4 AS bigint), CAST(9 AS bigint))) t(x, y)",
                List.of("real", "real", "real", "real", "double"),
                List.of(real(0.99419165f), real(5.3333335f), real(0.43243244f), real(0.027027028f), 2.0));
        assertResult("SELECT geometric_mean(x) FROM (VALUES 1.5, 2.5) t(x)", List.of("real"), List.of(real(1.9364917f)));
        // a double argument makes them double
        assertResult("SELECT round(corr(x, y), 12), round(covar_samp(x, y), 12), round(regr_slope(x, y), 12),"
                        + " round(regr_intercept(x, y), 12), geometric_mean(x), typeof(corr(x, y)), typeof(regr_intercept(x, y))"
                        + " FROM (VALUES (1e0, 2e0), (2e0, 5e0), (4e0, 9e0)) t(x, y)",
                List.of("double", "double", "double", "double", "double", "varchar", "varchar"),
                List.of(0.994191625602, 5.333333333333, 0.432432432432, 0.027027027027, 2.0, "double", "double"));
        assertResult("SELECT corr(x, y), covar_pop(x, y), regr_slope(x, y) FROM (VALUES (CAST(1 AS real), 2e0), (CAST(2 AS real), 5e0)) t(x, y)",
                repeat("double", 3),
                List.of(1.0, 0.75, 0.3333333333333333));
    }

    @Test
    void regressionsAreNullWithoutASlope() throws Exception {
        assertResult("SELECT regr_slope(y, x), regr_intercept(y, x) FROM (VALUES (1e0, 1e0), (3e0, 2e0), (NULL, 3e0), (7e0, 4e0)) t(y, x)",
                List.of("double", "double"),
                List.of(2.0, -1.0));
        // x never varies in the first, varies in the second
        assertResult("SELECT corr(x, y), regr_slope(x, y), regr_intercept(x, y) FROM"
                        + " (VALUES (CAST(1 AS real), CAST(2 AS real)), (CAST(1 AS real), CAST(3 AS real))) t(x, y)",
                repeat("real", 3),
                Arrays.asList(null, real(0.0f), real(1.0f)));
        assertResult("SELECT corr(x, y), covar_samp(x, y), covar_pop(x, y), regr_slope(x, y), regr_intercept(x, y), geometric_mean(x)"
                        + " FROM (VALUES (CAST(1 AS real), CAST(2 AS real))) t(x, y)",
                repeat("real", 6),
                Arrays.asList(null, null, real(0.0f), null, null, real(1.0f)));
    }

    @Test
    void translateIsAnUnboundedVarchar() throws Exception {
        assertResult("SELECT translate(CAST('abc' AS varchar(5)), 'a', 'xyz'), translate(CAST('abc' AS varchar(2)), 'abc', 'xy'),"
                        + " translate(CAST('abc' AS varchar(5)), 'ab', '')",
                repeat("varchar", 3),
                List.of("xbc", "xy", "c"));
    }

    @Test
    void roundingDecimalsDropsTheScale() throws Exception {
        assertResult("SELECT ceil(x), floor(x), ceiling(y), floor(y), floor(z), ceil(z), round(x), truncate(x), ceil(w), floor(v) FROM (VALUES ("
                        + "CAST(-12.345 AS decimal(5,3)), CAST('-123456789012345678901234567890.12345' AS decimal(38,5)),"
                        + " CAST(-0.5 AS decimal(1,1)), CAST('99999999999999999999999999999999999.999' AS decimal(38,3)),"
                        + " CAST('-99999999999999999.9' AS decimal(18,1)))) t(x, y, z, w, v)",
                List.of("decimal(3,0)", "decimal(3,0)", "decimal(34,0)", "decimal(34,0)", "decimal(1,0)", "decimal(1,0)",
                        "decimal(3,0)", "decimal(2,0)", "decimal(36,0)", "decimal(18,0)"),
                List.of(new BigDecimal("-12"), new BigDecimal("-13"), new BigDecimal("-123456789012345678901234567890"),
                        new BigDecimal("-123456789012345678901234567891"), new BigDecimal("-1"), new BigDecimal("0"),
                        new BigDecimal("-12"), new BigDecimal("-12"), new BigDecimal("100000000000000000000000000000000000"),
                        new BigDecimal("-100000000000000000")));
        assertResult("SELECT ceil(DECIMAL '1.5'), ceil(DECIMAL '-1.5'), floor(DECIMAL '-1.5'), ceiling(DECIMAL '12.34'),"
                        + " ceil(CAST(1 AS decimal(10,0))), round(DECIMAL '1.55', 1), round(CAST(99.5 AS decimal(3,1))), truncate(DECIMAL '1.55', 1)",
                List.of("decimal(2,0)", "decimal(2,0)", "decimal(2,0)", "decimal(3,0)", "decimal(10,0)", "decimal(4,2)",
                        "decimal(3,0)", "decimal(3,2)"),
                List.of(new BigDecimal("2"), new BigDecimal("-1"), new BigDecimal("-2"), new BigDecimal("13"), new BigDecimal("1"),
                        new BigDecimal("1.60"), new BigDecimal("100"), new BigDecimal("1.50")));
    }

    @Test
    void intervalsSumAndAverage() throws Exception {
        // 1 day + 2 hours + 3 seconds, in milliseconds; the mean 08:40:01
        assertResult("SELECT sum(x), avg(x) FROM (VALUES INTERVAL '1' DAY, INTERVAL '2' HOUR, INTERVAL '3' SECOND) t(x)",
                List.of("interval day to second", "interval day to second"),
                List.of(93_603_000L, 31_201_000L));
        assertResult("SELECT sum(x), avg(x) FROM (VALUES INTERVAL '1' YEAR, INTERVAL '2' MONTH) t(x)",
                List.of("interval year to month", "interval year to month"),
                List.of(14L, 7L));
        // halves round up: -1.5 months is -1, 1.5 milliseconds 2
        assertResult("SELECT sum(x), avg(x) FROM (VALUES INTERVAL '-1' MONTH, INTERVAL '-2' MONTH) t(x)",
                List.of("interval year to month", "interval year to month"),
                List.of(-3L, -1L));
        assertResult("SELECT avg(x) FROM (VALUES INTERVAL '0.001' SECOND, INTERVAL '0.002' SECOND) t(x)",
                List.of("interval day to second"), List.of(2L));
        assertResult("SELECT k, sum(x), avg(x) FROM (VALUES (1, INTERVAL '1' DAY), (1, INTERVAL '3' DAY), (2, NULL)) t(k, x)"
                        + " GROUP BY k ORDER BY k",
                List.of("integer", "interval day to second", "interval day to second"),
                List.of(1L, 345_600_000L, 172_800_000L), Arrays.asList(2L, null, null));
        assertResult("SELECT sum(x), avg(x) FROM (VALUES INTERVAL '1' DAY) t(x) WHERE false",
                List.of("interval day to second", "interval day to second"), Arrays.asList(null, null));
        assertResult("SELECT sum(x) OVER (ORDER BY x) FROM (VALUES INTERVAL '1' DAY, INTERVAL '2' DAY) t(x)",
                List.of("interval day to second"), List.of(86_400_000L), List.of(259_200_000L));
    }

    /** Rows with each value of a timestamp with time zone as Trino's protocol shows it (milliseconds, then the zone). */
    private static List<List<Object>> zoned(LocalQueryRunner.Result result) {
        return result.rows().stream()
                .map(row -> row.stream()
                        .map(value -> value instanceof Long packed ? (Object) DateTimeValues.formatTimestampWithZone(packed, 3)
                                : value instanceof java.math.BigInteger twoLongs ? DateTimeValues.formatLongTimestampWithZone(
                                        io.quarry.block.Int128.high(twoLongs), io.quarry.block.Int128.low(twoLongs), 6) : value)
                        .toList())
                .toList();
    }

    @Test
    void timestampLiteralsWithAZoneAreTimestampsWithTimeZone() throws Exception {
        LocalQueryRunner.Result result = runner.execute("SELECT TIMESTAMP '2020-01-02 03:04:05 UTC',"
                + " TIMESTAMP '2020-01-02 03:04:05.123 America/New_York', TIMESTAMP '2020-01-02 03:04:05 +01:00',"
                + " TIMESTAMP '2020-01-02 03:04:05.123456 UTC', TIMESTAMP '2020-01-02 UTC', TIMESTAMP '2020-01-02 03:04 -05:30',"
                + " TIMESTAMP '2020-01-02 03:04:05.1 Europe/Berlin', TIMESTAMP '2020-01-02 03:04:05UTC', TIMESTAMP '2020-01-02 03:04:05 +0100',"
                + " TIMESTAMP '2020-01-02 03:04:05 Etc/GMT+3', TIMESTAMP '2020-01-02 03:04:05 GMT', TIMESTAMP '2020-01-02 3:4:5 Z'", Map.of());
        assertThat(result.types().stream().map(Type::displayName).toList()).containsExactly(
                "timestamp(0) with time zone", "timestamp(3) with time zone", "timestamp(0) with time zone",
                "timestamp(6) with time zone", "timestamp(0) with time zone", "timestamp(0) with time zone",
                "timestamp(1) with time zone", "timestamp(0) with time zone", "timestamp(0) with time zone",
                "timestamp(0) with time zone", "timestamp(0) with time zone", "timestamp(0) with time zone");
        assertThat(zoned(result)).containsExactly(List.of("2020-01-02 03:04:05.000 UTC", "2020-01-02 03:04:05.123 America/New_York",
                "2020-01-02 03:04:05.000 +01:00", "2020-01-02 03:04:05.123456 UTC", "2020-01-02 00:00:00.000 UTC",
                "2020-01-02 03:04:00.000 -05:30", "2020-01-02 03:04:05.100 Europe/Berlin", "2020-01-02 03:04:05.000 UTC",
                "2020-01-02 03:04:05.000 +01:00", "2020-01-02 03:04:05.000 -03:00", "2020-01-02 03:04:05.000 UTC",
                "2020-01-02 03:04:05.000 UTC"));
        assertResult("SELECT TIMESTAMP '2020-01-02 03:04:05 UTC' = TIMESTAMP '2020-01-02 04:04:05 +01:00',"
                        + " to_unixtime(TIMESTAMP '2020-01-02 03:04:05 +01:00'), CAST(TIMESTAMP '2020-01-02 03:04:05.123 UTC' AS varchar),"
                        + " typeof(TIMESTAMP '2020-01-02 03:04:05.123456789012 UTC')",
                List.of("boolean", "double", "varchar", "varchar"),
                List.of(true, 1577930645.0, "2020-01-02 03:04:05.123 UTC", "timestamp(12) with time zone"));
        // a timestamp without a zone is still a timestamp(p)
        assertResult("SELECT typeof(TIMESTAMP '2020-01-02 03:04:05.123')", List.of("varchar"), List.of("timestamp(3)"));
    }

    @Test
    void aDateBesideATimestampIsATimestamp() throws Exception {
        assertResult("SELECT typeof(ARRAY[DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00.12']),"
                        + " typeof(if(true, DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00')),"
                        + " CAST(if(true, DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00') AS varchar),"
                        + " typeof(ARRAY[DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00 UTC'])",
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("array(timestamp(2))", "timestamp(0)", "2020-01-01 00:00:00", "array(timestamp(0) with time zone)"));
        assertResult("SELECT CAST(greatest(DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00') AS varchar),"
                        + " typeof(least(DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00.123'))",
                List.of("varchar", "varchar"), List.of("2020-01-01 10:00:00", "timestamp(3)"));
        assertResult("SELECT typeof(x), CAST(x AS varchar) FROM (VALUES DATE '2020-01-02', TIMESTAMP '2020-01-01 10:00:00.1') t(x) ORDER BY 2",
                List.of("varchar", "varchar"), List.of("timestamp(1)", "2020-01-01 10:00:00.1"), List.of("timestamp(1)", "2020-01-02 00:00:00.0"));
    }

    @Test
    void timeFieldsOfADateAreThoseOfItsMidnight() throws Exception {
        assertResult("SELECT hour(DATE '2020-01-01'), minute(DATE '2020-01-01'), second(DATE '2020-01-01'), millisecond(DATE '2020-01-01'),"
                        + " hour(CAST(NULL AS date))",
                List.of("bigint", "bigint", "bigint", "bigint", "bigint"), java.util.Arrays.asList(0L, 0L, 0L, 0L, null));
    }

    @Test
    void zonedTimestampsGroupJoinAndMatchByTheirInstant() throws Exception {
        String values = "(VALUES TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-01 01:00:00 +01:00',"
                + " TIMESTAMP '2020-01-01 00:00:01 UTC') v(t)";
        assertResult("SELECT count(DISTINCT t), count(*) FROM " + values, List.of("bigint", "bigint"), List.of(2L, 3L));
        assertResult("SELECT count(*) FROM (SELECT t FROM " + values + " GROUP BY t)", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(*) FROM (SELECT DISTINCT t FROM " + values + ")", List.of("bigint"), List.of(2L));
        assertResult("SELECT count(*) FROM " + values + " JOIN (VALUES TIMESTAMP '2020-01-01 02:00:00 +02:00') w(u) ON t = u",
                List.of("bigint"), List.of(2L));
        assertResult("SELECT max(c) FROM (SELECT count(*) OVER (PARTITION BY t) c FROM " + values + ")", List.of("bigint"), List.of(2L));
        assertResult("SELECT cardinality(array_distinct(array_agg(t))), contains(array_agg(t), TIMESTAMP '2020-01-01 03:00:00 +03:00'),"
                        + " cardinality(map_agg(t, 1)) FROM " + values,
                List.of("bigint", "boolean", "bigint"), List.of(2L, true, 2L));
        // days and months between two zoned timestamps count in the zone of the first
        assertResult("SELECT date_diff('day', TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-02 00:00:00 +05:00'),"
                        + " date_diff('day', TIMESTAMP '2020-01-01 20:00:00 UTC', TIMESTAMP '2020-01-03 00:00:00 +05:00'),"
                        + " date_diff('day', TIMESTAMP '2020-01-01 00:00:00 +05:00', TIMESTAMP '2020-01-01 20:00:00 UTC')",
                List.of("bigint", "bigint", "bigint"), List.of(0L, 0L, 1L));
    }

    @Test
    void invalidZonedTimestampLiteralsFailAtPlanning() {
        assertFailure("SELECT 1, TIMESTAMP '2020-01-02 03:04:05 Foo/Bar'", ErrorCode.INVALID_LITERAL,
                "line 1:11: '2020-01-02 03:04:05 Foo/Bar' is not a valid TIMESTAMP literal");
        assertFailure("SELECT TIMESTAMP '2020-13-02 03:04:05 UTC'", ErrorCode.INVALID_LITERAL,
                "line 1:8: '2020-13-02 03:04:05 UTC' is not a valid TIMESTAMP literal");
        // zone names are case-sensitive, offsets within 14 hours
        assertFailure("SELECT TIMESTAMP '2020-01-02 03:04:05 utc'", ErrorCode.INVALID_LITERAL, "is not a valid TIMESTAMP literal");
        assertFailure("SELECT TIMESTAMP '2020-01-02 03:04:05 +25:00'", ErrorCode.INVALID_LITERAL, "is not a valid TIMESTAMP literal");
        // a local time that daylight saving time skips names no instant
        assertFailure("SELECT TIMESTAMP '2020-03-08 02:30:00 America/New_York'", ErrorCode.INVALID_LITERAL,
                "line 1:8: '2020-03-08 02:30:00 America/New_York' is not a valid TIMESTAMP literal");
        assertFailure("SELECT TIMESTAMP '2020-01-02 03:04:05.1234567890123 UTC'", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "line 1:8: TIMESTAMP WITH TIME ZONE precision must be in range [0, 12]: 13");
    }

    @Test
    void castsToCharAreChar() throws Exception {
        // a char value is kept without its trailing blanks; the protocol pads it to its length ("ab "), as a cast to varchar does
        assertResult("SELECT CAST('ab' AS char(3)), CAST('abcd' AS char(3)), CAST(CAST('ab' AS varchar(2)) AS char(5)),"
                        + " CAST(CAST('ab' AS char(3)) AS varchar), CAST(CAST('ab' AS char(3)) AS char(5)), CAST(CAST('abc' AS char(3)) AS char(2)),"
                        + " CAST(' a ' AS char(4)), CAST(NULL AS char(2)), typeof(CAST('ab' AS char(3)))",
                List.of("char(3)", "char(3)", "char(5)", "varchar", "char(5)", "char(2)", "char(4)", "char(2)", "varchar"),
                Arrays.asList("ab", "abc", "ab", "ab ", "ab", "ab", " a", null, "char(3)"));
        assertResult("SELECT CAST(x AS char(4)) FROM (VALUES 'ab', 'abcdef') t(x)", List.of("char(4)"), List.of("ab"), List.of("abcd"));
        assertResult("SELECT CAST(name AS char(3)) FROM nation WHERE nationkey = 1", List.of("char(3)"), List.of("ARG"));
    }

    @Test
    void charsCompareWithoutTrailingBlanks() throws Exception {
        assertResult("SELECT CAST('ab' AS char(3)) = 'ab', CAST('ab' AS char(3)) = CAST('ab ' AS char(4)),"
                        + " CAST('ab ' AS char(3)) = CAST('ab' AS char(2)), CAST('a' AS char(3)) = 'a  ', CAST('a' AS char(3)) > 'a',"
                        + " 'b' > CAST('a' AS char(3)), CAST('a' AS char(3)) < 'a ', CAST('ab' AS char(3)) = CAST('ab' AS varchar(5))",
                repeat("boolean", 8),
                List.of(true, true, true, true, false, true, false, true));
        assertResult("SELECT CAST('ab' AS char(3)) = x FROM (VALUES 'ab', 'ab ', 'abc') t(x)",
                List.of("boolean"), List.of(true), List.of(true), List.of(false));
    }

    @Test
    void onlyStringsCastToChar() {
        assertFailure("SELECT CAST(12 AS char(3))", ErrorCode.TYPE_MISMATCH, "Cannot cast integer to char(3)");
        assertFailure("SELECT CAST(true AS char(5))", ErrorCode.TYPE_MISMATCH, "Cannot cast boolean to char(5)");
        assertFailure("SELECT CAST(DATE '2020-01-02' AS char(10))", ErrorCode.TYPE_MISMATCH, "Cannot cast date to char(10)");
        assertFailure("SELECT CAST(1.5 AS char(4))", ErrorCode.TYPE_MISMATCH, "Cannot cast decimal(2,1) to char(4)");
    }

    @Test
    void jsonCastsTrinoRefusesFailAtPlanning() {
        assertFailure("SELECT CAST(X'01' AS json)", ErrorCode.TYPE_MISMATCH, "Cannot cast varbinary to json");
        assertFailure("SELECT CAST(INTERVAL '1' DAY AS json)", ErrorCode.TYPE_MISMATCH, "Cannot cast interval day to second to json");
        assertFailure("SELECT CAST(CAST('ab' AS char(3)) AS json)", ErrorCode.TYPE_MISMATCH, "Cannot cast char(3) to json");
        assertFailure("SELECT CAST(TIMESTAMP '2020-01-02 03:04:05 UTC' AS json)", ErrorCode.TYPE_MISMATCH,
                "Cannot cast timestamp(0) with time zone to json");
        assertFailure("SELECT CAST(MAP(ARRAY[1], ARRAY[X'01']) AS json)", ErrorCode.TYPE_MISMATCH, "Cannot cast map(integer, varbinary) to json");
        assertFailure("SELECT CAST(MAP(ARRAY[ARRAY[1]], ARRAY[1]) AS json)", ErrorCode.TYPE_MISMATCH,
                "Cannot cast map(array(integer), integer) to json");
        assertFailure("SELECT CAST(CAST('1' AS json) AS date)", ErrorCode.TYPE_MISMATCH, "Cannot cast json to date");
        assertFailure("SELECT CAST(CAST('1' AS json) AS varbinary)", ErrorCode.TYPE_MISMATCH, "Cannot cast json to varbinary");
        assertFailure("SELECT CAST(CAST('1' AS json) AS char(3))", ErrorCode.TYPE_MISMATCH, "Cannot cast json to char(3)");
        assertFailure("SELECT CAST(CAST('[1]' AS json) AS array(date))", ErrorCode.TYPE_MISMATCH, "Cannot cast json to array(date)");
        assertFailure("SELECT CAST(CAST('{}' AS json) AS map(array(bigint), bigint))", ErrorCode.TYPE_MISMATCH,
                "Cannot cast json to map(array(bigint), bigint)");
        assertFailure("SELECT try_cast(CAST('1' AS json) AS date)", ErrorCode.TYPE_MISMATCH, "Cannot cast json to date");
    }

    @Test
    void jsonCastsTrinoAcceptsRun() throws Exception {
        assertResult("SELECT CAST(TIMESTAMP '2020-01-02 03:04:05.123' AS json), CAST(TIMESTAMP '2020-01-02 03:04:05.123456' AS json),"
                        + " CAST(ARRAY[TIMESTAMP '2020-01-02 03:04:05'] AS json), CAST(DATE '2020-01-02' AS json), CAST(ROW(DATE '2020-01-01') AS json)",
                repeat("json", 5),
                List.of("\"2020-01-02 03:04:05.123\"", "\"2020-01-02 03:04:05.123456\"", "[\"2020-01-02 03:04:05\"]", "\"2020-01-02\"",
                        "{\"\":\"2020-01-01\"}"));
        // a map whose keys Trino cannot write or read is refused when the cast runs
        assertRunFailure("SELECT CAST(MAP(ARRAY[DATE '2020-01-01'], ARRAY[1]) AS json)", "Cannot cast map(date, integer) to JSON");
        assertRunFailure("SELECT CAST(CAST('{}' AS json) AS map(date, bigint))", "Cannot cast JSON to map(date, bigint)");
    }

    /** Planning succeeds, running fails with INVALID_CAST_ARGUMENT and this message. */
    private static void assertRunFailure(String sql, String message) {
        PLANNER.plan(sql, LocalQueryRunner.session(Map.of()));
        Throwable failure = catchThrowable(() -> runner.execute(sql, Map.of()));
        while (failure != null && !(failure instanceof QuarryException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as(sql).isInstanceOfSatisfying(QuarryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CAST_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** Planning fails (no task runs) with this code and a message containing {@code message}. */
    private static void assertFailure(String sql, ErrorCode code, String message) {
        assertThatThrownBy(() -> PLANNER.plan(sql, LocalQueryRunner.session(Map.of())))
                .as(sql)
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void radixNumbersAndDigitSeparatorsAreTheirValues() throws Exception {
        assertResult("SELECT 0x1F, 0b101, 0o17, 1_000, -0XFF, 1_000.5, 0x7FFFFFFFFFFFFFFF",
                List.of("integer", "integer", "integer", "integer", "integer", "decimal(5,1)", "bigint"),
                List.of(31L, 5L, 15L, 1000L, -255L, new BigDecimal("1000.5"), Long.MAX_VALUE));
    }

    @Test
    void sessionContextFunctionsAreTheSessions() throws Exception {
        assertResult("SELECT current_user, current_catalog, current_schema, current_path",
                List.of("varchar", "varchar", "varchar", "varchar"), List.of("test", "tpch", "tiny", ""));
    }

    @Test
    void tableStatementReadsTheWholeTable() throws Exception {
        assertResult("TABLE region", List.of("bigint", "varchar(25)", "varchar(152)"),
                run("SELECT * FROM tpch.tiny.region").rows().toArray(List<?>[]::new));
        assertResult("SELECT count(*) FROM (TABLE tpch.tiny.nation UNION ALL TABLE nation)", List.of("bigint"), List.of(50L));
    }

    @Test
    void recursiveQueriesAreUnrolledUpToTheDepthLimit() throws Exception {
        assertResult("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n), count(*) FROM t",
                List.of("bigint", "bigint"), List.of(15L, 5L));
        assertResult("WITH RECURSIVE chain(k, depth) AS (SELECT nationkey, 0 FROM nation WHERE nationkey = 0"
                        + " UNION ALL SELECT n.nationkey, c.depth + 1 FROM chain c JOIN nation n ON n.nationkey = c.k + 5)"
                        + " SELECT k, depth FROM chain ORDER BY k",
                List.of("bigint", "integer"), List.of(0L, 0L), List.of(5L, 1L), List.of(10L, 2L), List.of(15L, 3L), List.of(20L, 4L));
        Throwable tooDeep = catchThrowable(() -> run("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 50)"
                + " SELECT count(*) FROM t"));
        // the failure happens while the query runs, so the runner reports it as the cause
        assertThat(tooDeep.getCause()).isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED))
                .hasMessageContaining("Recursion depth limit exceeded (10)");
    }

    @Test
    void arraysAndRowsAreOrderedPartByPart() throws Exception {
        assertResult("SELECT ARRAY[3, 1] < ARRAY[3, 1, 0], ROW(1, 'a') < ROW(1, 'b'), ARRAY[2] > ARRAY[1, 5], ARRAY[1.5] <= ARRAY[1.50],"
                        + " ROW(1, NULL) < ROW(2, 1), greatest(ARRAY[1], ARRAY[2]), least(ARRAY['b'], ARRAY['a', 'z'])",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean", "array(integer)", "array(varchar(1))"),
                List.of(true, true, true, true, true, List.of(2L), List.of("a", "z")));
        for (String sql : List.of("SELECT ARRAY[1, NULL] < ARRAY[1, 2]", "SELECT ROW(1, NULL) < ROW(1, 1)")) {
            Throwable failure = catchThrowable(() -> run(sql));
            assertThat(failure.getCause()).as(sql).isInstanceOfSatisfying(QuarryException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED));
        }
    }

    @Test
    void roundingLargeDoublesKeepsThem() throws Exception {
        assertResult("SELECT round(1e300, 2), round(-1e20, 1), round(123456789012345.678e0, 2), round(2.5e0), round(1.005e0, 2)",
                List.of("double", "double", "double", "double", "double"),
                List.of(1e300, -1e20, 123456789012345.69, 3.0, 1.0));
    }

    @Test
    void extremesSkipNaNUnlessAllAreNaN() throws Exception {
        assertResult("SELECT max(x), min(x) FROM (VALUES nan(), 1e0, 2e0) t(x)", List.of("double", "double"), List.of(2.0, 1.0));
        assertResult("SELECT max(x), min(x) FROM (VALUES nan(), nan()) t(x)", List.of("double", "double"), List.of(Double.NaN, Double.NaN));
        assertResult("SELECT least(1e0, nan()), greatest(2e0, nan()), least(CAST(NULL AS double), 1e0), greatest(1, 2.5, CAST(3 AS bigint)), least('b', 'a')",
                List.of("double", "double", "double", "decimal(20,1)", "varchar(1)"), Arrays.asList(1.0, 2.0, null, new BigDecimal("3.0"), "a"));
        assertResult("SELECT least(nan(), 1e0), least(2e0, nan(), 1e0), greatest(nan(), 1e0, 3e0), array_max(ARRAY[nan(), 1e0]),"
                        + " array_min(ARRAY[nan()])",
                List.of("double", "double", "double", "double", "double"), List.of(1.0, 1.0, 3.0, 1.0, Double.NaN));
    }
}
