package io.quarry.testing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestResultComparison {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<LiveResult.Column> COLUMNS = List.of(
            new LiveResult.Column("flag", "varchar(1)"),
            new LiveResult.Column("total", "double"),
            new LiveResult.Column("price", "decimal(12,2)"));

    private static LiveResult result(String... rows) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String row : rows) {
            try {
                parsed.add(MAPPER.readTree(row));
            } catch (Exception e) {
                throw new IllegalArgumentException(row, e);
            }
        }
        return new LiveResult(COLUMNS, parsed);
    }

    private static final RowOrder BY_FLAG = new RowOrder(true, Optional.of(List.of(0)));

    @Test
    void doublesWithinTheRelativeToleranceMatch() {
        LiveResult reference = result("[\"A\", 1000000.0, \"1.50\"]");
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", 1000000.5, \"1.5\"]"), RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", 1000002.0, \"1.5\"]"), RowOrder.UNORDERED))
                .hasValueSatisfying(reason -> assertThat(reason).contains("column 2"));
    }

    @Test
    void decimalsCompareAsNumbersAndStringsExactly() {
        LiveResult reference = result("[\"A\", 1.0, \"1.50\"]");
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", 1.0, \"1.51\"]"), RowOrder.UNORDERED)).isPresent();
        assertThat(ResultComparison.mismatch(reference, result("[\"a\", 1.0, \"1.50\"]"), RowOrder.UNORDERED)).isPresent();
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", 1.0, null]"), RowOrder.UNORDERED)).isPresent();
    }

    @Test
    void unorderedRowsMatchInAnyOrder() {
        LiveResult reference = result("[\"A\", 1.0, \"1\"]", "[\"B\", 2.0, \"2\"]");
        LiveResult swapped = result("[\"B\", 2.0, \"2\"]", "[\"A\", 1.0, \"1\"]");
        assertThat(ResultComparison.mismatch(reference, swapped, RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparison.mismatch(reference, swapped, BY_FLAG))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("order: row 1 column 1"));
        assertThat(ResultComparison.mismatch(reference, swapped, new RowOrder(true, Optional.empty()))).isPresent();
    }

    @Test
    void rowsThatTieOnTheSortKeysMayComeInAnyOrder() {
        LiveResult reference = result("[\"A\", 1.0, \"1\"]", "[\"A\", 2.0, \"2\"]", "[\"B\", 3.0, \"3\"]");
        LiveResult tiesSwapped = result("[\"A\", 2.0, \"2\"]", "[\"A\", 1.0, \"1\"]", "[\"B\", 3.0, \"3\"]");
        assertThat(ResultComparison.mismatch(reference, tiesSwapped, BY_FLAG)).isEmpty();
        LiveResult different = result("[\"A\", 2.0, \"2\"]", "[\"A\", 5.0, \"1\"]", "[\"B\", 3.0, \"3\"]");
        assertThat(ResultComparison.mismatch(reference, different, BY_FLAG))
                .hasValueSatisfying(reason -> assertThat(reason).contains("after sorting"));
    }

    @Test
    void rowCountsAndColumnNamesMustMatch() {
        LiveResult reference = result("[\"A\", 1.0, \"1\"]");
        assertThat(ResultComparison.mismatch(reference, result(), RowOrder.UNORDERED)).contains("0 rows, expected 1");
        LiveResult renamed = new LiveResult(
                List.of(new LiveResult.Column("FLAG", "varchar"), new LiveResult.Column("sum", "double"), COLUMNS.get(2)),
                reference.rows());
        assertThat(ResultComparison.mismatch(reference, renamed, RowOrder.UNORDERED)).contains("column 2 named sum, expected total");
    }

    @Test
    void notANumberAndNullsMatchOnlyThemselves() {
        LiveResult reference = result("[\"A\", \"NaN\", null]");
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", \"NaN\", null]"), RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparison.mismatch(reference, result("[\"A\", 1.0, null]"), RowOrder.UNORDERED)).isPresent();
    }
}
