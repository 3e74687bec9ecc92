package io.quarry.exec.function;

import static io.quarry.exec.function.FunctionAssertions.arg;
import static io.quarry.exec.function.FunctionAssertions.eval;
import static io.quarry.exec.function.FunctionAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.CharType;
import io.quarry.type.Types;
import org.junit.jupiter.api.Test;

class TestInsertCasts {
    @Test
    void valuesThatFitPassAndTrailingSpacesAreCut() {
        assertThat(eval("insert_cast", Types.varchar(3), arg("ab", Types.VARCHAR))).isEqualTo("ab");
        assertThat(eval("insert_cast", Types.varchar(3), arg("abc   ", Types.VARCHAR))).isEqualTo("abc");
        assertThat(eval("insert_cast", Types.varchar(3), arg("ab    ", Types.VARCHAR))).isEqualTo("ab ");
        assertThat(eval("insert_cast", Types.varchar(2), arg("日本", Types.varchar(4)))).isEqualTo("日本");
        assertThat(eval("insert_cast", new CharType(4), arg("ab    ", Types.VARCHAR))).isEqualTo("ab");
    }

    @Test
    void nonSpaceCharactersBeyondTheLengthFail() {
        assertThat(failure("insert_cast", Types.varchar(5), arg("abcdef", Types.varchar(6))))
                .hasMessage("Cannot truncate non-space characters when casting from varchar(6) to varchar(5) on INSERT")
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CAST_ARGUMENT));
        assertThat(failure("insert_cast", new CharType(2), arg("abc", Types.VARCHAR)))
                .hasMessage("Cannot truncate non-space characters when casting from varchar to char(2) on INSERT");
    }
}
