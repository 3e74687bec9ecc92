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
