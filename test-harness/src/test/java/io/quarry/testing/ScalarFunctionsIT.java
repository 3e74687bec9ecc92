package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance cases of scalar types and functions (casts, literals, strings, regular expressions,
 * dates, intervals, math) on one node, plus a few statements whose results the cases do not cover.
 */
class ScalarFunctionsIT {
    private static final List<String> CASES = List.of(
            "010_cast_numeric", "011_cast_string_date", "013_try_cast_try", "015_decimal_rounding",
            "016_literal_types", "020_double_division_by_zero", "024_string_case_trim", "026_string_length_strpos",
            "027_string_pad", "032_date_trunc", "033_extract_fields", "034_date_part_functions",
            "035_date_add_diff", "036_interval_arithmetic", "037_format_parse_datetime",
            "039_current_date_functions", "040_last_day_and_dow", "041_math_integer", "042_math_double",
            "114_unicode_strings", "115_timestamp_precision");

    private static QuarryCluster node;

    @BeforeAll
    static void start() {
        node = QuarryCluster.singleNode();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void scalarConformanceCasesMatch() {
        Map<String, String> failures = new LinkedHashMap<>();
        String only = System.getProperty("quarry.scalar.cases", "");
        for (String name : CASES) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(name.substring(0, 3))) {
                continue;
            }
            run(name).ifPresent(reason -> failures.put(name, reason));
        }
        assertThat(failures).as("scalar conformance cases that do not match").isEmpty();
    }

    @Test
    void dateTimeValuesTravelAsTrinoPrintsThem() {
        assertFirstRow("SELECT from_unixtime(0), INTERVAL '2' MONTH, INTERVAL '-90' MINUTE",
                List.of("timestamp with time zone", "INTERVAL YEAR TO MONTH", "INTERVAL DAY TO SECOND"),
                List.of("1970-01-01 00:00:00.000 UTC", "0-2", "-0 01:30:00.000"));
        assertFirstRow("SELECT typeof(INTERVAL '3' DAY), typeof(now()), CAST(TIMESTAMP '2024-01-02 03:04:05.678' AS varchar)",
                List.of("varchar", "varchar", "varchar"),
                List.of("interval day to second", "timestamp(3) with time zone", "2024-01-02 03:04:05.678"));
        assertFirstRow("SELECT to_unixtime(from_unixtime(1.5)), date_format(from_unixtime(86400), '%Y-%m-%d')",
                List.of("double", "varchar"), List.of(1.5, "1970-01-02"));
    }

    @Test
    void functionsOverColumns() {
        assertFirstRow("SELECT max(year(orderdate)), min(date_diff('day', orderdate, orderdate + INTERVAL '3' DAY)),"
                        + " max(length(lpad(clerk, 20, '*'))), sum(CASE WHEN regexp_like(comment, '^[a-z]') THEN 1 ELSE 0 END) > 0 FROM orders",
                List.of("bigint", "bigint", "bigint", "boolean"), List.of(1998, 3, 20, true));
        assertFirstRow("SELECT try(10 / (nationkey - 3)) FROM nation WHERE nationkey = 3", List.of("bigint"),
                java.util.Collections.singletonList(null));
    }

    @Test
    void badArgumentsFailWithTrinoErrors() {
        assertError("SELECT CAST('abc' AS integer)", "INVALID_CAST_ARGUMENT");
        assertError("SELECT CAST('2024-02-30' AS timestamp)", "INVALID_CAST_ARGUMENT");
        assertError("SELECT date_trunc('hour', DATE '2024-01-01')", "INVALID_FUNCTION_ARGUMENT");
        assertError("SELECT split_part('a,b', ',', 0)", "INVALID_FUNCTION_ARGUMENT");
        assertError("SELECT regexp_like('a', '(')", "INVALID_FUNCTION_ARGUMENT");
        assertError("SELECT 2147483647 + 1", "NUMERIC_VALUE_OUT_OF_RANGE");
    }

    private static void assertFirstRow(String sql, List<String> types, List<Object> values) {
        StatementClient.Result result = node.client("tpch", "tiny").execute(sql);
        assertThat(result.error()).as(sql).isEmpty();
        assertThat(result.columns().stream().map(StatementClient.Column::type).toList()).as(sql).isEqualTo(types);
        assertThat(result.rows()).as(sql).isNotEmpty();
        assertThat(result.rows().get(0)).as(sql).isEqualTo(values);
    }

    private static void assertError(String sql, String errorName) {
        StatementClient.Result result = node.client("tpch", "tiny").execute(sql);
        assertThat(result.errorName()).as(sql).isEqualTo(errorName);
    }

    private static Optional<String> run(String name) {
        Path directory = ExpectedResult.conformanceDirectory().resolve("sql");
        try {
            String sql = Files.readString(directory.resolve(name + ".sql")).strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            ExpectedResult expected = ExpectedResult.load(directory.resolve(name + ".json"));
            StatementClient.Result result = node.client("tpch", "tiny").execute(sql);
            return expected.mismatch(result, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.of("protocol failure: " + e.getMessage());
        }
    }
}
