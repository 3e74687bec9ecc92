package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import org.junit.jupiter.api.Test;

class TestJsonCastRules {
    private static void accepted(String source, String target) {
        assertThatCode(() -> JsonCastRules.check(Types.parse(source), Types.parse(target))).as(source + " to " + target)
                .doesNotThrowAnyException();
    }

    private static void refused(String source, String target) {
        Type from = Types.parse(source);
        Type to = Types.parse(target);
        assertThatThrownBy(() -> JsonCastRules.check(from, to)).as(source + " to " + target)
                .isInstanceOfSatisfying(QuarryException.class, e -> org.assertj.core.api.Assertions.assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.TYPE_MISMATCH))
                .hasMessage("Cannot cast " + from.displayName() + " to " + to.displayName());
    }

    @Test
    void toJson() {
        for (String source : new String[] {"boolean", "tinyint", "bigint", "real", "double", "decimal(5,2)", "varchar(3)",
                "date", "timestamp(3)", "json", "array(date)", "map(varchar,array(bigint))", "map(date,bigint)", "row(a date)"}) {
            accepted(source, "json");
        }
        for (String source : new String[] {"char(3)", "varbinary", "time(3)", "timestamp(3) with time zone",
                "interval day to second", "interval year to month", "array(char(2))", "map(array(bigint),bigint)",
                "row(a bigint,b varbinary)"}) {
            refused(source, "json");
        }
    }

    @Test
    void fromJson() {
        for (String target : new String[] {"boolean", "integer", "real", "decimal(5,2)", "varchar(5)", "json", "array(bigint)",
                "map(varchar,double)", "map(date,bigint)", "row(a bigint)"}) {
            accepted("json", target);
        }
        for (String target : new String[] {"char(3)", "date", "varbinary", "timestamp(3)", "time(3)", "interval day to second",
                "array(date)", "map(varchar,date)", "map(array(bigint),bigint)", "row(a date)"}) {
            refused("json", target);
        }
    }
}
