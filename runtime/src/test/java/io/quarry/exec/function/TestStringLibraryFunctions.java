package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestStringLibraryFunctions {
    private static FunctionAssertions.Argument text(String value) {
        return arg(value, Types.VARCHAR);
    }

    private static FunctionAssertions.Argument bigint(long value) {
        return arg(value, Types.BIGINT);
    }

    @Test
    void padsAndTruncatesByCharacters() {
        assertThat(eval("lpad", Types.VARCHAR, text("7"), bigint(3), text("0"))).isEqualTo("007");
        assertThat(eval("rpad", Types.VARCHAR, text("ab"), bigint(5), text("."))).isEqualTo("ab...");
        assertThat(eval("lpad", Types.VARCHAR, text("abcdef"), bigint(3), text("0"))).isEqualTo("abc");
        assertThat(eval("rpad", Types.VARCHAR, text("é"), bigint(4), text("xy"))).isEqualTo("éxyx");
        assertThat(failure("lpad", Types.VARCHAR, text("a"), bigint(3), text("")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(failure("lpad", Types.VARCHAR, text("a"), bigint(-1), text("x")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void reversesCodePoints() {
        assertThat(eval("reverse", Types.VARCHAR, text("héllo"))).isEqualTo("olléh");
        assertThat(eval("reverse", Types.VARCHAR, text("日本語"))).isEqualTo("語本日");
        assertThat(eval("reverse", Types.VARCHAR, text(""))).isEqualTo("");
    }

    @Test
    void splitsParts() {
        assertThat(eval("split_part", Types.VARCHAR, text("a,b,,c"), text(","), bigint(3))).isEqualTo("");
        assertThat(eval("split_part", Types.VARCHAR, text("a,b,,c"), text(","), bigint(4))).isEqualTo("c");
        assertThat(eval("split_part", Types.VARCHAR, text("a,b"), text(","), bigint(5))).isNull();
        assertThat(eval("split_part", Types.VARCHAR, text("a--b"), text("--"), bigint(2))).isEqualTo("b");
        assertThat(failure("split_part", Types.VARCHAR, text("a"), text(","), bigint(0)).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void comparesAndMeasures() {
        assertThat(eval("starts_with", Types.BOOLEAN, text("quarry"), text("qua"))).isEqualTo(true);
        assertThat(eval("starts_with", Types.BOOLEAN, text("qu"), text("qua"))).isEqualTo(false);
        assertThat(eval("levenshtein_distance", Types.BIGINT, text("kitten"), text("sitting"))).isEqualTo(3L);
        assertThat(eval("hamming_distance", Types.BIGINT, text("karolin"), text("kathrin"))).isEqualTo(3L);
        assertThat(failure("hamming_distance", Types.BIGINT, text("a"), text("ab")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(eval("luhn_check", Types.BOOLEAN, text("79927398713"))).isEqualTo(true);
    }

    @Test
    void convertsCodePointsAndUtf8() {
        assertThat(eval("chr", Types.varchar(1), bigint(233))).isEqualTo("é");
        assertThat(eval("codepoint", Types.INTEGER, arg("語", Types.varchar(1)))).isEqualTo(35486L);
        assertThat(failure("chr", Types.varchar(1), bigint(-1)).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(failure("codepoint", Types.INTEGER, arg("ab", Types.varchar(1))).errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        // only codepoint(varchar(1)) exists: a longer or unbounded text finds no function
        assertThat(failure("codepoint", Types.INTEGER, text("a")).errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND);
        assertThat(failure("codepoint", Types.INTEGER, arg("ab", Types.varchar(2))).errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND);
        assertThat((byte[]) eval("to_utf8", Types.VARBINARY, text("é"))).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat(eval("from_utf8", Types.VARCHAR, arg("日".getBytes(StandardCharsets.UTF_8), Types.VARBINARY))).isEqualTo("日");
        assertThat(eval("translate", Types.VARCHAR, text("abcd"), text("bd"), text("x"))).isEqualTo("axc");
        assertThat(eval("normalize", Types.VARCHAR, text("e\u0301"))).isEqualTo("\u00e9");
    }

    @Test
    void trimsCharacterSetsAndFindsInstances() {
        assertThat(eval("trim", Types.VARCHAR, text("xxaxx"), text("x"))).isEqualTo("a");
        assertThat(eval("ltrim", Types.VARCHAR, text("xyax"), text("yx"))).isEqualTo("ax");
        assertThat(eval("rtrim", Types.VARCHAR, text("xaxy"), text("yx"))).isEqualTo("xa");
        assertThat(eval("strpos", Types.BIGINT, text("banana"), text("a"), bigint(2))).isEqualTo(4L);
        assertThat(eval("strpos", Types.BIGINT, text("banana"), text("a"), bigint(-1))).isEqualTo(6L);
        assertThat(eval("strpos", Types.BIGINT, text("日本語本"), text("本"), bigint(2))).isEqualTo(4L);
        assertThat(eval("strpos", Types.BIGINT, text("banana"), text("z"), bigint(1))).isEqualTo(0L);
    }

    @Test
    void regularExpressions() {
        assertThat(eval("regexp_like", Types.BOOLEAN, text("order-123"), text("\\d+"))).isEqualTo(true);
        assertThat(eval("regexp_like", Types.BOOLEAN, text("ABC"), text("^abc$"))).isEqualTo(false);
        assertThat(eval("regexp_extract", Types.VARCHAR, text("order-123-x"), text("(\\d+)"), bigint(1))).isEqualTo("123");
        assertThat(eval("regexp_extract", Types.VARCHAR, text("abc"), text("\\d+"))).isNull();
        assertThat(eval("regexp_replace", Types.VARCHAR, text("a1b22c"), text("\\d+"), text("#"))).isEqualTo("a#b#c");
        assertThat(eval("regexp_replace", Types.VARCHAR, text("a1b22c"), text("\\d"))).isEqualTo("abc");
        assertThat(eval("regexp_replace", Types.VARCHAR, text("ab"), text("(a)(b)"), text("$2$1"))).isEqualTo("ba");
        assertThat(eval("regexp_count", Types.BIGINT, text("a1b22c333"), text("\\d+"))).isEqualTo(3L);
        assertThat(eval("regexp_position", Types.INTEGER, text("a1b22c"), text("\\d+"), bigint(3))).isEqualTo(4L);
        assertThat(eval("regexp_position", Types.INTEGER, text("abc"), text("\\d"))).isEqualTo(-1L);
        assertThat(failure("regexp_extract", Types.VARCHAR, text("a"), text("(a)"), bigint(2)).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(failure("regexp_like", Types.BOOLEAN, text("a"), text("(")).errorCode())
                .isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }
}
