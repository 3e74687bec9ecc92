package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Block;
import io.quarry.block.Values;
import io.quarry.exec.expression.BlockEvaluator;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import io.quarry.type.Type;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The json type from SQL text to values: literals, json_parse, casts both ways and the json functions. */
class TestJsonType {
    private static final SqlPlanner PLANNER = new SqlPlanner(TestingMetadata.INSTANCE);
    private static final Session SESSION = new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test",
            Optional.empty(), Optional.of("tpch"), Optional.of("tiny"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);

    private static Object value(String expression) {
        QueryPlan plan = PLANNER.plan("SELECT " + expression, SESSION);
        PlanNode node = plan.root().sources().get(0);
        List<Expression> projections;
        Page input;
        if (node instanceof Project project) {
            projections = project.projections();
            io.quarry.plan.Values values = (io.quarry.plan.Values) project.source();
            input = evaluate(values.rows().get(0), new Page(1));
        } else {
            projections = ((io.quarry.plan.Values) node).rows().get(0);
            input = new Page(1);
        }
        Page result = evaluate(projections, input);
        return Values.toObject(plan.columnTypes().get(0), result.block(0), 0);
    }

    private static Page evaluate(List<Expression> expressions, Page input) {
        Block[] blocks = new Block[expressions.size()];
        for (int i = 0; i < blocks.length; i++) {
            BlockEvaluator evaluator = ExpressionCompiler.compile(expressions.get(i));
            blocks[i] = evaluator.evaluate(input);
        }
        return new Page(1, blocks);
    }

    private static String type(String expression) {
        Type type = PLANNER.plan("SELECT " + expression, SESSION).columnTypes().get(0);
        return type.displayName();
    }

    private static void assertFails(String expression, ErrorCode code, String message) {
        assertThatThrownBy(() -> value(expression))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void trinoSpellingOfStructuralTypesInCasts() {
        assertThat(type("CAST(ARRAY[1] AS array(bigint))")).isEqualTo("array(bigint)");
        assertThat(type("CAST(NULL AS map(varchar, array(integer)))")).isEqualTo("map(varchar, array(integer))");
        assertThat(type("CAST(ROW(1, ARRAY[2]) AS row(x bigint, y array(double)))")).isEqualTo("row(x bigint, y array(double))");
    }

    @Test
    void parseAndLiteralsGiveCanonicalJson() {
        assertThat(type("json_parse('{\"b\": 1, \"a\": [1, 2.5, null]}')")).isEqualTo("json");
        assertThat(value("json_parse('{\"b\": 1, \"a\": [1, 2.5, null]}')")).isEqualTo("{\"a\":[1,2.5,null],\"b\":1}");
        assertThat(value("JSON '{\"a\": true}'")).isEqualTo("{\"a\":true}");
        assertThat(type("JSON '[1]'")).isEqualTo("json");
        assertThat(value("json_format(JSON '[1, \"x\"]')")).isEqualTo("[1,\"x\"]");
        assertThat(type("json_format(JSON '[1]')")).isEqualTo("varchar");
        assertThat(value("typeof(JSON '1')")).isEqualTo("json");
        assertThatThrownBy(() -> type("json_format('[1]')"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND))
                .hasMessageContaining("Unexpected parameters (varchar(3)) for function json_format. Expected: json_format(json)");
        assertFails("json_parse('{not json')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot convert value to JSON: '{not json'");
    }

    @Test
    void castsToJson() {
        assertThat(value("CAST(1 AS JSON)")).isEqualTo("1");
        assertThat(value("CAST(true AS JSON)")).isEqualTo("true");
        assertThat(value("CAST('abc' AS JSON)")).isEqualTo("\"abc\"");
        assertThat(value("CAST(2.5E0 AS JSON)")).isEqualTo("2.5");
        assertThat(value("CAST(1.234 AS JSON)")).isEqualTo("1.234");
        assertThat(value("CAST(ARRAY[1, NULL, 3] AS JSON)")).isEqualTo("[1,null,3]");
        assertThat(value("CAST(MAP(ARRAY['k2', 'k1'], ARRAY[2, 1]) AS JSON)")).isEqualTo("{\"k1\":1,\"k2\":2}");
        assertThat(value("CAST(CAST(ROW(1, 'a') AS ROW(x bigint, y varchar)) AS JSON)")).isEqualTo("{\"x\":1,\"y\":\"a\"}");
        assertThat(value("CAST(NULL AS JSON)")).isNull();
        assertThat(type("CAST(1 AS JSON)")).isEqualTo("json");
    }

    @Test
    void castsFromJson() {
        assertThat(value("CAST(JSON '\"abc\"' AS varchar)")).isEqualTo("abc");
        assertThat(value("CAST(JSON '12' AS bigint)")).isEqualTo(12L);
        assertThat(value("CAST(JSON '1.5' AS bigint)")).isEqualTo(2L);
        assertThat(value("CAST(JSON '\"7\"' AS integer)")).isEqualTo(7L);
        assertThat(value("CAST(JSON '2.5' AS double)")).isEqualTo(2.5);
        assertThat(value("CAST(JSON 'true' AS boolean)")).isEqualTo(true);
        assertThat(value("CAST(JSON 'null' AS bigint)")).isNull();
        assertThat(value("CAST(JSON '[1, 2, null]' AS array(bigint))")).isEqualTo(Arrays.asList(1L, 2L, null));
        assertThat(type("CAST(JSON '[1]' AS array(bigint))")).isEqualTo("array(bigint)");
        assertThat(value("CAST(JSON '{\"a\": 1, \"b\": 2}' AS map(varchar, bigint))")).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(value("CAST(JSON '{\"x\": 1, \"y\": \"z\"}' AS row(x bigint, y varchar))")).isEqualTo(List.of(1L, "z"));
        assertThat(value("CAST(JSON '[[1], [2, 3]]' AS array(array(integer)))")).isEqualTo(List.of(List.of(1L), List.of(2L, 3L)));
        assertThat(value("TRY_CAST(JSON '[1]' AS bigint)")).isNull();
        assertFails("CAST(JSON '[1, 2]' AS varchar)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast '[1,2]' to varchar");
        assertFails("CAST(JSON '{\"a\": 1}' AS array(bigint))", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast to array(bigint)");
        assertFails("CAST(JSON '\"x\"' AS bigint)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast '\"x\"' to bigint");
    }

    @Test
    void functionsTakeJsonAndVarchar() {
        assertThat(value("json_extract(JSON '{\"a\": {\"b\": [1, 2]}}', '$.a.b')")).isEqualTo("[1,2]");
        assertThat(type("json_extract('{\"a\": 1}', '$.a')")).isEqualTo("json");
        assertThat(value("json_extract('{\"a\": \"x\"}', '$.a')")).isEqualTo("\"x\"");
        assertThat(value("json_extract('{\"a\": 1}', '$.b')")).isNull();
        assertThat(value("json_extract_scalar(JSON '{\"a\": {\"b\": 7}}', '$.a.b')")).isEqualTo("7");
        assertThat(value("json_array_length(JSON '[1, 2, 3]')")).isEqualTo(3L);
        assertThat(value("json_array_length('[1, 2]')")).isEqualTo(2L);
        assertThat(value("json_size(JSON '{\"a\": [1, 2]}', '$.a')")).isEqualTo(2L);
        assertThat(value("is_json_scalar(JSON '1')")).isEqualTo(true);
        assertThat(value("is_json_scalar(JSON '[1]')")).isEqualTo(false);
        assertThat(value("json_array_get(JSON '[\"a\", [3]]', 1)")).isEqualTo("[3]");
        assertThat(value("json_array_get(JSON '[1, 2]', -1)")).isEqualTo("2");
        assertThat(value("json_array_get(JSON '[1, 2]', 5)")).isNull();
        assertThat(value("json_array_contains(JSON '[1, 2]', 2)")).isEqualTo(true);
        assertThat(value("json_array_contains('[\"a\"]', 'a')")).isEqualTo(true);
        assertThat(value("json_array_contains(JSON '[true]', false)")).isEqualTo(false);
        assertThat(value("json_array_contains(JSON '[1.5]', 1.5E0)")).isEqualTo(true);
    }

    @Test
    void jsonValuesCompareByTheirCanonicalText() {
        assertThat(value("JSON '{\"a\": 1, \"b\": 2}' = json_parse('{\"b\":2,\"a\":1}')")).isEqualTo(true);
        assertThat(value("JSON '[1]' <> JSON '[2]'")).isEqualTo(true);
        assertThat(value("JSON '[1]' IS DISTINCT FROM CAST(NULL AS JSON)")).isEqualTo(true);
    }
}
