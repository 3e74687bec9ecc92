package io.quarry.exec;


import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json_value/json_query ON EMPTY and ON ERROR behaviours and out-of-range double literals, with Trino 476's answers. */
class TestJsonBehavioursAndLiterals extends LocalQueryTest {
    private static final List<String> VARCHAR = List.of("varchar");
    private static final List<?> NULL = Arrays.asList((Object) null);

    @Test
    void jsonValueBehaviours() throws Exception {
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.b' DEFAULT 'x' ON EMPTY)", VARCHAR, List.of("x"));
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.b' NULL ON EMPTY)", VARCHAR, NULL);
        assertResult("SELECT json_value('{\"a\":1}', 'strict $.b' DEFAULT 'd' ON ERROR)", VARCHAR, List.of("d"));
        assertResult("SELECT json_value('{\"a\":1}', 'strict $.b')", VARCHAR, NULL);
        assertResult("SELECT json_value('{\"a\":[1,2]}', 'lax $.a' DEFAULT 'z' ON ERROR)", VARCHAR, List.of("z"));
        assertResult("SELECT json_value('{\"a\":\"x\"}', 'lax $.a' RETURNING bigint DEFAULT -1 ON ERROR)",
                List.of("bigint"), List.of(-1L));
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.b' RETURNING bigint DEFAULT 7 ON EMPTY DEFAULT 8 ON ERROR)",
                List.of("bigint"), List.of(7L));
        assertResult("SELECT json_value('not json', 'lax $.b' DEFAULT 'q' ON ERROR)", VARCHAR, List.of("q"));
        assertResult("SELECT json_value('{\"a\":null}', 'lax $.a' DEFAULT 'n' ON EMPTY)", VARCHAR, NULL);
        assertResult("SELECT json_value('{\"a\":{\"b\":1}}', 'lax $.a' DEFAULT 'obj' ON ERROR)", VARCHAR, List.of("obj"));
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.b' DEFAULT 'x' ON EMPTY ERROR ON ERROR)", VARCHAR, List.of("x"));
        assertResult("SELECT json_value(CAST(NULL AS varchar), 'lax $.a' DEFAULT 'x' ON EMPTY)", VARCHAR, NULL);
        assertFails("SELECT json_value('{\"a\":1}', 'lax $.b' ERROR ON EMPTY)", ErrorCode.JSON_VALUE_RESULT_ERROR);
        assertFails("SELECT json_value('{\"a\":1}', 'strict $.b' ERROR ON ERROR)", ErrorCode.PATH_EVALUATION_ERROR);
        assertFails("SELECT json_value('{\"a\":[1,2]}', 'lax $.a' ERROR ON ERROR)", ErrorCode.JSON_VALUE_RESULT_ERROR);
        assertFails("SELECT json_value('not json', 'lax $.b' ERROR ON ERROR)", ErrorCode.JSON_INPUT_CONVERSION_ERROR);
    }

    @Test
    void jsonQueryBehaviours() throws Exception {
        assertResult("SELECT json_query('{\"a\":1}', 'lax $.b' EMPTY ARRAY ON EMPTY)", VARCHAR, List.of("[]"));
        assertResult("SELECT json_query('{\"a\":1}', 'lax $.b' EMPTY OBJECT ON EMPTY)", VARCHAR, List.of("{}"));
        assertResult("SELECT json_query('{\"a\":1}', 'lax $.b' NULL ON EMPTY)", VARCHAR, NULL);
        assertResult("SELECT json_query('{\"a\":1}', 'strict $.b' EMPTY ARRAY ON ERROR)", VARCHAR, List.of("[]"));
        assertResult("SELECT json_query('not json', 'lax $.a' EMPTY OBJECT ON ERROR)", VARCHAR, List.of("{}"));
        assertResult("SELECT json_query('{\"a\":1}', 'lax $.b' EMPTY ARRAY ON EMPTY EMPTY OBJECT ON ERROR)", VARCHAR, List.of("[]"));
        assertResult("SELECT json_query('[1,2,3]', 'strict $[5]' EMPTY ARRAY ON ERROR)", VARCHAR, List.of("[]"));
        assertResult("SELECT json_query('[1,2,3]', 'lax $[5]' EMPTY ARRAY ON EMPTY)", VARCHAR, List.of("[]"));
        assertResult("SELECT json_query(CAST(NULL AS varchar), 'lax $.a' EMPTY ARRAY ON EMPTY)", VARCHAR, NULL);
        assertResult("SELECT json_query('{\"a\":[1,2]}', 'lax $.a' WITH UNCONDITIONAL ARRAY WRAPPER)", VARCHAR, List.of("[[1,2]]"));
        assertFails("SELECT json_query('{\"a\":1}', 'lax $.b' ERROR ON EMPTY)", ErrorCode.JSON_OUTPUT_CONVERSION_ERROR);
        assertFails("SELECT json_query('{\"a\":1}', 'strict $.b' ERROR ON ERROR)", ErrorCode.PATH_EVALUATION_ERROR);
        assertFails("SELECT json_query('not json', 'lax $.a' ERROR ON ERROR)", ErrorCode.JSON_INPUT_CONVERSION_ERROR);
    }

    @Test
    void doubleLiteralsBeyondTheRangeAreInfinite() throws Exception {
        assertResult("SELECT 1e400, -1e400, 1e-400, 1.7976931348623157E309", List.of("double", "double", "double", "double"),
                List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, Double.POSITIVE_INFINITY));
    }
}
