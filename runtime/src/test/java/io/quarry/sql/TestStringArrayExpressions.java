package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Block;
import io.quarry.block.Values;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** split, regexp_extract_all, regexp_split and regexp_replace from SQL text: Trino's result types and values. */
class TestStringArrayExpressions {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test",
            Optional.empty(), Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    private static String type(String expression) {
        return PLANNER.plan("SELECT " + expression, SESSION).columnTypes().get(0).displayName();
    }

    private static Object value(String expression) {
        QueryPlan plan = PLANNER.plan("SELECT " + expression, SESSION);
        PlanNode node = plan.root().sources().get(0);
        Expression projection;
        Page input = new Page(1);
        if (node instanceof Project project) {
            projection = project.projections().get(0);
            List<Expression> row = ((io.quarry.plan.Values) project.source()).rows().get(0);
            Block[] blocks = new Block[row.size()];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = ExpressionCompiler.compile(row.get(i)).evaluate(input);
            }
            input = new Page(1, blocks);
        } else {
            projection = ((io.quarry.plan.Values) node).rows().get(0).get(0);
        }
        Block result = ExpressionCompiler.compile(projection).evaluate(input);
        return Values.toObject(plan.columnTypes().get(0), result, 0);
    }

    @Test
    void resultTypesAreArraysOfTheStringsType() {
        assertThat(type("split('a,b,c', ',')")).isEqualTo("array(varchar(5))");
        assertThat(type("split('a,b,c', ',', 2)")).isEqualTo("array(varchar(5))");
        assertThat(type("regexp_extract_all('a1b22c333', '\\d+')")).isEqualTo("array(varchar(9))");
        assertThat(type("regexp_extract_all('a1b22c333', '(\\d)+', 1)")).isEqualTo("array(varchar(9))");
        assertThat(type("regexp_split('a1b', '\\d')")).isEqualTo("array(varchar(3))");
        assertThat(type("split(CAST('a' AS varchar), ',')")).isEqualTo("array(varchar)");
    }

    @Test
    void regexpReplaceHasTrinosBoundedLength() {
        assertThat(type("regexp_replace('a1b22c', '\\d+', '#')")).isEqualTo("varchar(27)");
        assertThat(type("regexp_replace('a1b22c', '\\d+')")).isEqualTo("varchar(6)");
        assertThat(type("regexp_replace(CAST('a' AS varchar), '\\d+', '#')")).isEqualTo("varchar");
    }

    @Test
    void computesValuesAndPropagatesNulls() {
        assertThat(value("split('a,b,c', ',')")).isEqualTo(List.of("a", "b", "c"));
        assertThat(value("split('a,b,c', ',', 2)")).isEqualTo(List.of("a", "b,c"));
        assertThat(value("regexp_extract_all('a1b22c333', '\\d+')")).isEqualTo(List.of("1", "22", "333"));
        assertThat(value("regexp_extract_all('a1b22', '([a-z])(\\d+)', 2)")).isEqualTo(List.of("1", "22"));
        assertThat(value("regexp_split('a1b22c', '\\d+')")).isEqualTo(List.of("a", "b", "c"));
        assertThat(value("cardinality(split('x y z', ' '))")).isEqualTo(3L);
        assertThat(value("split(CAST(NULL AS varchar), ',')")).isNull();
        assertThat(value("regexp_extract_all('a1', CAST(NULL AS varchar))")).isNull();
        assertThat(value("split('a,b', ',', CAST(NULL AS bigint))")).isNull();
        assertThat(value("regexp_extract_all('ab', '(a)|b', 1)")).isEqualTo(Arrays.asList("a", null));
    }

    @Test
    void rejectsEmptyDelimiterAndMissingGroup() {
        assertThatThrownBy(() -> value("split('abc', '')"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT))
                .hasMessageContaining("The delimiter may not be the empty string");
        assertThatThrownBy(() -> value("regexp_extract_all('a1', '(\\d)', 2)"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT))
                .hasMessageContaining("Pattern has 1 groups. Cannot access group 2");
    }
}
