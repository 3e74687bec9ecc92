package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.Types;
import org.junit.jupiter.api.Test;

class TestJsonFunctions {
    private static final String DOCUMENT = "{\"a\": {\"b\": [1, \"two\", {\"c\": true}], \"n\": null}, \"x\": 1.5}";

    private static FunctionAssertions.Argument text(String value) {
        return arg(value, Types.VARCHAR);
    }

    @Test
    void extractsScalarsAlongPaths() {
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$.x"))).isEqualTo("1.5");
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$.a.b[1]"))).isEqualTo("two");
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$[\"a\"].b[2].c"))).isEqualTo("true");
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$.a.b"))).isNull();
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$.a.n"))).isNull();
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("$.missing"))).isNull();
        assertThat(eval("json_extract_scalar", Types.VARCHAR, text("{not json"), text("$.a"))).isNull();
        assertThat(failure("json_extract_scalar", Types.VARCHAR, text(DOCUMENT), text("a.b")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void sizesAndScalars() {
        assertThat(eval("json_size", Types.BIGINT, text(DOCUMENT), text("$.a.b"))).isEqualTo(3L);
        assertThat(eval("json_size", Types.BIGINT, text(DOCUMENT), text("$.a"))).isEqualTo(2L);
        assertThat(eval("json_size", Types.BIGINT, text(DOCUMENT), text("$.x"))).isEqualTo(0L);
        assertThat(eval("json_array_length", Types.BIGINT, text("[1, [2, 3], {\"a\": 4}]"))).isEqualTo(3L);
        assertThat(eval("json_array_length", Types.BIGINT, text("{}"))).isNull();
        assertThat(eval("is_json_scalar", Types.BOOLEAN, text("1"))).isEqualTo(true);
        assertThat(eval("is_json_scalar", Types.BOOLEAN, text("[1]"))).isEqualTo(false);
        assertThat(failure("is_json_scalar", Types.BOOLEAN, text("[1")).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }
}
