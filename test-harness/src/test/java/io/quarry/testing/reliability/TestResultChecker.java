package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarry.testing.ExpectedResult;
import io.quarry.testing.StatementClient;
import io.quarry.testing.TpchCase;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestResultChecker {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TpchCase Q01 = TpchCase.load("q01");
    private static final TpchCase Q09 = TpchCase.load("q09");
    private static final String QUERY_ID = "20261127_000000_00001_test";

    @Test
    void theExpectedAnswerIsCorrect() throws IOException {
        assertThat(ResultChecker.check(Q01, answered("q01", expectedRows("q01")))).isEqualTo(QueryOutcome.correct());
        assertThat(ResultChecker.check(Q09, answered("q09", expectedRows("q09")))).isEqualTo(QueryOutcome.correct());
    }

    @Test
    void aMissingRowIsWrongAndCountedAsMissing() throws IOException {
        List<List<Object>> rows = expectedRows("q09");
        rows.remove(100);

        QueryOutcome outcome = ResultChecker.check(Q09, answered("q09", rows));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.missingRows()).isEqualTo(1);
        assertThat(outcome.extraRows()).isZero();
        assertThat(outcome.detail()).startsWith("q09 (query " + QUERY_ID + "): expected 173 rows, got 172");
    }

    @Test
    void aDuplicatedRowIsWrongAndCountedAsExtra() throws IOException {
        List<List<Object>> rows = expectedRows("q01");
        rows.add(rows.get(2));

        QueryOutcome outcome = ResultChecker.check(Q01, answered("q01", rows));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.missingRows()).isZero();
        assertThat(outcome.extraRows()).isEqualTo(1);
    }

    @Test
    void aWrongValueIsOneRowMissingAndOneExtra() throws IOException {
        List<List<Object>> rows = expectedRows("q01");
        List<Object> changed = new ArrayList<>(rows.get(0));
        changed.set(2, 1.0); // sum_qty
        rows.set(0, changed);

        QueryOutcome outcome = ResultChecker.check(Q01, answered("q01", rows));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.missingRows()).isEqualTo(1);
        assertThat(outcome.extraRows()).isEqualTo(1);
    }

    @Test
    void rowsOutOfOrderAreWrongWithoutLostRows() throws IOException {
        List<List<Object>> rows = expectedRows("q01");
        List<Object> first = rows.remove(0);
        rows.add(first);

        QueryOutcome outcome = ResultChecker.check(Q01, answered("q01", rows));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.detail()).contains("out of order");
        assertThat(outcome.missingRows()).isZero();
        assertThat(outcome.extraRows()).isZero();
    }

    @Test
    void aNamedErrorIsAnAllowedFailure() {
        ObjectNode error = MAPPER.createObjectNode()
                .put("errorName", "REMOTE_HOST_GONE")
                .put("message", "Task 1.0.0 on node worker-2 was lost");

        QueryOutcome outcome = ResultChecker.check(Q01, failed(error));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.FAILED);
        assertThat(outcome.errorName()).isEqualTo("REMOTE_HOST_GONE");
        assertThat(outcome.detail()).isEqualTo("q01 (query " + QUERY_ID + "): Task 1.0.0 on node worker-2 was lost");
    }

    @Test
    void anErrorWithoutNameIsBroken() {
        QueryOutcome outcome = ResultChecker.check(Q01, failed(MAPPER.createObjectNode().put("message", "boom")));

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.BROKEN);
        assertThat(outcome.detail()).contains("without an error name: boom");
    }

    @Test
    void aPassedDeadlineIsHungAndABrokenExchangeIsBroken() {
        assertThat(ResultChecker.check(Q01, new QueryAttempt.DeadlinePassed("q-7", "RUNNING")))
                .isEqualTo(QueryOutcome.hung("q01 (query q-7, last state RUNNING)"));
        assertThat(ResultChecker.check(Q01, new QueryAttempt.Broken("q-8", "GET /v1/statement answered 500: x")))
                .isEqualTo(QueryOutcome.broken("q01 (query q-8): GET /v1/statement answered 500: x"));
    }

    @Test
    void rowDifferenceMatchesRowsInAnyOrderWithTolerance() throws IOException {
        List<List<Object>> rows = expectedRows("q01");
        Collections.reverse(rows);
        List<Object> close = new ArrayList<>(rows.get(0));
        close.set(6, ((Number) close.get(6)).doubleValue() * (1 + 1e-9)); // avg_qty, a double
        rows.set(0, close);

        ExpectedResult.RowDifference difference = Q01.expected().rowDifference(result("q01", rows));

        assertThat(difference.isEmpty()).isTrue();
    }

    private static List<List<Object>> expectedRows(String name) throws IOException {
        JsonNode expected = MAPPER.readTree(Files.readString(
                ExpectedResult.conformanceDirectory().resolve("tpch/tiny/" + name + ".json")));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : expected.path("rows")) {
            List<Object> values = new ArrayList<>();
            row.forEach(value -> values.add(MAPPER.convertValue(value, Object.class)));
            rows.add(values);
        }
        return rows;
    }

    private static List<StatementClient.Column> columns(String name) throws IOException {
        JsonNode expected = MAPPER.readTree(Files.readString(
                ExpectedResult.conformanceDirectory().resolve("tpch/tiny/" + name + ".json")));
        List<StatementClient.Column> columns = new ArrayList<>();
        for (JsonNode column : expected.path("columns")) {
            columns.add(new StatementClient.Column(column.path("name").asText(), column.path("type").asText(), null));
        }
        return columns;
    }

    private static QueryAttempt answered(String name, List<List<Object>> rows) throws IOException {
        return new QueryAttempt.Answered(result(name, rows));
    }

    private static QueryAttempt failed(JsonNode error) {
        return new QueryAttempt.Answered(new StatementClient.Result(
                QUERY_ID, List.of(), List.of(), MAPPER.createObjectNode(), Optional.of(error), List.of(), Map.of()));
    }

    private static StatementClient.Result result(String name, List<List<Object>> rows) throws IOException {
        return new StatementClient.Result(QUERY_ID, columns(name), rows, MAPPER.createObjectNode(), Optional.empty(), List.of(), Map.of());
    }
}
