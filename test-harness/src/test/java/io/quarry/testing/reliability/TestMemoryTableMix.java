package io.quarry.testing.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarry.testing.StatementClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestMemoryTableMix {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long ROWS = 15000;
    private static final long SUM = 449872500;

    @Test
    void theSourceFiguresAreCorrect() {
        assertThat(MemoryTableMix.classify(answer(ROWS, ROWS, SUM), ROWS, SUM)).isEqualTo(QueryOutcome.correct());
    }

    @Test
    void lostRowsAreMissing() {
        QueryOutcome outcome = MemoryTableMix.classify(answer(10000, 10000, 300000000), ROWS, SUM);

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.missingRows()).isEqualTo(5000);
        assertThat(outcome.extraRows()).isZero();
    }

    @Test
    void duplicatedRowsAreExtra() {
        QueryOutcome outcome = MemoryTableMix.classify(answer(ROWS + 20, ROWS, SUM + 1234), ROWS, SUM);

        assertThat(outcome.kind()).isEqualTo(QueryOutcome.Kind.WRONG);
        assertThat(outcome.missingRows()).isZero();
        assertThat(outcome.extraRows()).isEqualTo(20);
    }

    @Test
    void missingDataIsANamedFailure() {
        StatementClient.Result failed = new StatementClient.Result("q", List.of(), List.of(), MAPPER.createObjectNode(),
                Optional.of(MAPPER.createObjectNode().put("errorName", "MISSING_DATA").put("message", "gone")), List.of(), Map.of());

        QueryOutcome outcome = MemoryTableMix.classify(new QueryAttempt.Answered(failed), ROWS, SUM);

        assertThat(outcome).isEqualTo(QueryOutcome.failed("MISSING_DATA", "memory (query q): gone"));
    }

    private static QueryAttempt answer(long rows, long distinct, long sum) {
        List<StatementClient.Column> columns = List.of(
                new StatementClient.Column("_col0", "bigint", null),
                new StatementClient.Column("_col1", "bigint", null),
                new StatementClient.Column("_col2", "bigint", null));
        return new QueryAttempt.Answered(new StatementClient.Result(
                "q", columns, List.of(List.of(rows, distinct, sum)), MAPPER.createObjectNode(), Optional.empty(), List.of(), Map.of()));
    }
}
