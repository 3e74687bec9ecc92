package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.type.Types;
import org.junit.jupiter.api.Test;

class TestInsertCoercions {
    @Test
    void widensAsTrinoDoes() {
        assertThat(InsertCoercions.canCoerce(Types.INTEGER, Types.BIGINT)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.UNKNOWN, Types.DATE)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.BIGINT, Types.DOUBLE)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.INTEGER, Types.decimal(12, 2))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.decimal(3, 1), Types.decimal(12, 2))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.decimal(3, 1), Types.DOUBLE)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.REAL, Types.DOUBLE)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.varchar(3), Types.varchar(20))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.varchar(3), Types.VARCHAR)).isTrue();
    }

    @Test
    void narrowsNumbersAndMovesBetweenDatesAndTimestampsAsTrinoDoes() {
        assertThat(InsertCoercions.canCoerce(Types.BIGINT, Types.INTEGER)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.DOUBLE, Types.decimal(12, 2))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.decimal(12, 4), Types.decimal(12, 2))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.DOUBLE, Types.REAL)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.decimal(3, 1), Types.TINYINT)).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.DATE, new io.quarry.type.TimestampType(3))).isTrue();
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.TimestampType(0), Types.DATE)).isTrue();
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.TimestampType(0), new io.quarry.type.TimestampType(3))).isTrue();
    }

    @Test
    void refusesWhatTrinoRefuses() {
        assertThat(InsertCoercions.canCoerce(Types.varchar(1), Types.BIGINT)).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.INTEGER, Types.VARCHAR)).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.DATE, Types.BIGINT)).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.BOOLEAN, Types.INTEGER)).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.varchar(10), Types.DATE)).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.DATE, Types.VARCHAR)).isFalse();
    }

    @Test
    void structuralValuesCoercePartByPart() {
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.ArrayType(Types.INTEGER), new io.quarry.type.ArrayType(Types.BIGINT))).isTrue();
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.MapType(Types.VARCHAR, Types.INTEGER),
                new io.quarry.type.MapType(Types.VARCHAR, Types.DOUBLE))).isTrue();
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.ArrayType(Types.BIGINT), new io.quarry.type.ArrayType(Types.INTEGER))).isTrue();
        assertThat(InsertCoercions.canCoerce(new io.quarry.type.ArrayType(Types.BIGINT), new io.quarry.type.ArrayType(Types.VARCHAR))).isFalse();
        assertThat(InsertCoercions.canCoerce(Types.varchar(9), new io.quarry.type.CharType(3))).isTrue();
    }

    @Test
    void textsInsideArraysGoOnlyWhereTheyFit() {
        // as Trino 476 answers INSERT of arrays of texts (a top-level text is checked value by value instead)
        io.quarry.type.CharType char1 = new io.quarry.type.CharType(1);
        io.quarry.type.CharType char2 = new io.quarry.type.CharType(2);
        io.quarry.type.CharType char5 = new io.quarry.type.CharType(5);
        assertThat(InsertCoercions.canCoerce(array(Types.varchar(2)), array(char2))).isTrue();
        assertThat(InsertCoercions.canCoerce(array(Types.varchar(3)), array(char2))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(new io.quarry.type.CharType(3)), array(char2))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(char1), array(char2))).isTrue();
        assertThat(InsertCoercions.canCoerce(array(Types.varchar(3)), array(Types.varchar(2)))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(char1), array(Types.varchar(5)))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(Types.VARCHAR), array(Types.varchar(5)))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(Types.varchar(5)), array(Types.VARCHAR))).isTrue();
        assertThat(InsertCoercions.canCoerce(array(char2), array(Types.VARCHAR))).isTrue();
        assertThat(InsertCoercions.canCoerce(array(Types.VARCHAR), array(char5))).isFalse();
        assertThat(InsertCoercions.canCoerce(array(Types.varchar(5)), array(char5))).isTrue();
        assertThat(InsertCoercions.canCoerce(Types.varchar(3), char2)).isTrue();
    }

    private static io.quarry.type.ArrayType array(io.quarry.type.Type element) {
        return new io.quarry.type.ArrayType(element);
    }

    @Test
    void boundedStringsGetTheCheckingCast() {
        io.quarry.plan.expression.InputRef value = new io.quarry.plan.expression.InputRef(0, Types.varchar(9));
        assertThat(((io.quarry.plan.expression.Call) InsertCoercions.cast(value, Types.varchar(3))).function()).isEqualTo("insert_cast");
        assertThat(((io.quarry.plan.expression.Call) InsertCoercions.cast(value, new io.quarry.type.CharType(3))).function())
                .isEqualTo("insert_cast");
        assertThat(((io.quarry.plan.expression.Call) InsertCoercions.cast(value, Types.VARCHAR)).function()).isEqualTo("cast");
        assertThat(InsertCoercions.cast(value, Types.varchar(9))).isSameAs(value);
    }
}
