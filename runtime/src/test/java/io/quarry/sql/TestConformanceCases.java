package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the planner over the shared SQL conformance cases: never an internal error, Trino's analysis errors,
 * and the result columns (names and types) of every case that plans.
 */
class TestConformanceCases {
    /** The errors Trino raises while analysing, which the planner (not the executor) must match. */
    private static final Set<String> ANALYSIS_ERRORS = Set.of("SYNTAX_ERROR", "TABLE_NOT_FOUND", "COLUMN_NOT_FOUND",
            "TYPE_MISMATCH", "FUNCTION_NOT_FOUND", "EXPRESSION_NOT_AGGREGATE");

    @Test
    void everyCasePlansOrFailsAsAUserError() throws Exception {
        SqlPlanner planner = new SqlPlanner(TestingMetadata.INSTANCE);
        Session session = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(),
                Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
        ObjectMapper mapper = new ObjectMapper();
        List<String> planned = new ArrayList<>();
        List<Path> cases;
        try (Stream<Path> files = Files.list(Conformance.directory().resolve("sql"))) {
            cases = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(100);
        for (Path file : cases) {
            String name = file.getFileName().toString();
            String sql = Files.readString(file);
            JsonNode expected = mapper.readTree(Files.readString(Path.of(file.toString().replace(".sql", ".json"))));
            String expectedError = expected.has("error") ? expected.get("error").get("errorName").asText() : null;
            try {
                QueryPlan plan = planner.plan(sql, session);
                planned.add(name);
                assertThat(expectedError).as(name + " should fail at analysis").isNotIn(ANALYSIS_ERRORS);
                if (expected.has("columns") && !expected.has("check")) {
                    List<String> names = new ArrayList<>();
                    expected.get("columns").forEach(column -> names.add(column.get("name").asText()));
                    assertThat(plan.columnNames()).as(name).isEqualTo(names);
                    List<String> types = new ArrayList<>();
                    expected.get("columns").forEach(column -> types.add(column.get("type").asText().replace(" ", "")));
                    List<String> actual = plan.columnTypes().stream().map(type -> type.displayName().replace(" ", "")).toList();
                    assertThat(actual).as(name + " column types").isEqualTo(types);
                }
            } catch (QuarryException e) {
                assertThat(e.errorCode()).as(name + ": " + e.getMessage()).isNotEqualTo(ErrorCode.GENERIC_INTERNAL_ERROR);
                if (expectedError != null && ANALYSIS_ERRORS.contains(expectedError)) {
                    assertThat(e.errorCode().name()).as(name + ": " + e.getMessage()).isEqualTo(expectedError);
                }
            }
        }
        assertThat(planned).contains("014_decimal_arithmetic.sql", "045_count_distinct.sql", "053_aggregate_filter.sql",
                "069_values_rows.sql", "070_limit_offset.sql");
    }
}
