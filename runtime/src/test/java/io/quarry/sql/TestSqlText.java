package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.ErrorLocation;
import io.quarry.spi.QuarryException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSqlText {
    @Test
    void quotesASchemaNamedDefault() {
        assertThat(SqlText.of("SELECT * FROM memory.default.t").rewritten()).isEqualTo("SELECT * FROM memory.\"default\".t");
        assertThat(SqlText.of("SELECT * FROM DEFAULT . t").rewritten()).isEqualTo("SELECT * FROM \"default\" . t");
    }

    @Test
    void quotesDateTimeWordsUsedAsNames() {
        assertThat(SqlText.of("SELECT Date, t.time FROM t WHERE timestamp > 1").rewritten())
                .isEqualTo("SELECT \"date\", t.\"time\" FROM t WHERE \"timestamp\" > 1");
        assertThat(SqlText.of("SELECT d AS date, t.range, r.window FROM t").rewritten())
                .isEqualTo("SELECT d AS \"date\", t.\"range\", r.\"window\" FROM t");
    }

    @Test
    void leavesDateTimeKeywordsAlone() {
        String sql = "SELECT DATE '2020-01-01', date(x), CAST(y AS date), TRY_CAST(f(y) AS timestamp), z::date,"
                + " CAST(v AS timestamp(3) with time zone), w AT TIME ZONE 'UTC', TIME '10:00:00', 'date' FROM t";
        assertThat(SqlText.of(sql).rewritten()).doesNotContain("\"date\"", "\"time\"", "\"timestamp\"");
    }

    @Test
    void quotesClauseWordsUsedAsNames() {
        assertThat(SqlText.of("SELECT partition, current, next, row, rows, range, interval, window AS w FROM t").rewritten())
                .isEqualTo("SELECT \"partition\", \"current\", \"next\", \"row\", \"rows\", \"range\", \"interval\","
                        + " \"window\" AS w FROM t");
        String clauses = "SELECT ROW(1), INTERVAL '1' DAY, sum(x) OVER (PARTITION BY y ORDER BY x ROWS BETWEEN 1 PRECEDING"
                + " AND CURRENT ROW), sum(x) OVER (ORDER BY x RANGE UNBOUNDED PRECEDING), sum(x) OVER w FROM t"
                + " WINDOW w AS (ORDER BY x) OFFSET 1 ROW FETCH NEXT 2 ROWS ONLY";
        // the interval literal in Calcite's form of Trino's type
        assertThat(SqlText.of(clauses).rewritten())
                .isEqualTo(clauses.replace("INTERVAL '1' DAY", "INTERVAL '1 00:00:00.000' DAY TO SECOND"));
    }

    @Test
    void intervalLiteralsTakeTrinosTypes() {
        assertThat(SqlText.of("SELECT INTERVAL '1-13' YEAR TO MONTH, INTERVAL - '-2:90' hour to minute, INTERVAL '3' MONTH")
                        .rewritten())
                .isEqualTo("SELECT INTERVAL '2-1' YEAR TO MONTH, INTERVAL - '-0 03:30:00.000' DAY TO SECOND,"
                        + " INTERVAL '0-3' YEAR TO MONTH");
    }

    @Test
    void quotesReservedWordsThatStandForNames() {
        assertThat(SqlText.of("SELECT 1 AS set, any + 1, t.uuid FROM (VALUES (1, 2)) t(any, uuid) WHERE some > 0 ORDER BY limit")
                .rewritten()).isEqualTo("SELECT 1 AS \"set\", \"any\" + 1, t.\"uuid\" FROM (VALUES (1, 2)) t(\"any\", \"uuid\")"
                        + " WHERE \"some\" > 0 ORDER BY \"limit\"");
        assertThat(SqlText.of("CREATE TABLE t (set bigint, offset varchar)").rewritten())
                .isEqualTo("CREATE TABLE t (\"set\" bigint, \"offset\" varchar)");
        assertThat(SqlText.of("SELECT all FROM (SELECT 1 AS x) over").rewritten())
                .isEqualTo("SELECT \"all\" FROM (SELECT 1 AS x) \"over\"");
    }

    @Test
    void leavesTheirKeywordUsesAlone() {
        String sql = "SELECT ALL x, count(ALL y), sum(x) OVER (ORDER BY x), CAST(u AS uuid), uuid() FROM t"
                + " CROSS JOIN LATERAL (SELECT 1) WHERE x = ANY (SELECT 1) AND y > ALL (SELECT 2) AND z < SOME (SELECT 3)"
                + " UNION ALL SELECT 1 ORDER BY 1 OFFSET 1 LIMIT 2";
        assertThat(SqlText.of(sql).rewritten()).isEqualTo(sql);
        String fetch = "SELECT * FROM t TABLESAMPLE BERNOULLI (50) ORDER BY 1 OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY";
        assertThat(SqlText.of(fetch).rewritten()).isEqualTo(fetch);
        assertThat(SqlText.of("UPDATE t SET a = 1").rewritten()).isEqualTo("UPDATE t SET a = 1");
    }

    @Test
    void leavesOtherDefaultsAlone() {
        String sql = "SELECT 'memory.default.t', \"default\".x -- default.t\nFROM t /* a.default */ WHERE x = default";
        assertThat(SqlText.of(sql).rewritten()).isEqualTo(sql);
    }

    @Test
    void radixNumbersAndDigitSeparatorsBecomePlainNumbersOfTheSameLength() {
        assertThat(SqlText.of("SELECT 0x1F, 0B101, 0o17, 1_000, 1_000.5e10, -0XFF FROM t").rewritten())
                .isEqualTo("SELECT 31  , 5    , 15  , 1000 , 1000.5e10 , -255  FROM t");
        assertThat(SqlText.of("SELECT 0xFFFFFFFFFFF").rewritten()).isEqualTo("SELECT 17592186044415");
        String untouched = "SELECT x0x1, t.1_0, '0x1F', 10, 1.5, 2e3, 1.e5 FROM t_1";
        assertThat(SqlText.of(untouched).rewritten()).isEqualTo(untouched);
        // a number followed by letters is refused, not read as a number with an alias
        for (String sql : List.of("SELECT 0b102", "SELECT 1abc", "SELECT 1__0", "SELECT\n  0x1G")) {
            assertThatThrownBy(() -> SqlText.of(sql))
                    .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR))
                    .hasMessageContaining("identifiers must not start with a digit");
        }
        assertThatThrownBy(() -> SqlText.of("SELECT\n  0x1G")).hasMessageStartingWith("line 2:3: ");
    }

    @Test
    void mapsPositionsBack() {
        SqlText text = SqlText.of("SELECT x FROM memory.default.t WHERE y = 1");
        // the rewritten text has two more characters after "default"
        assertThat(text.location(1, 39)).isEqualTo(new ErrorLocation(1, 37));
        assertThat(text.location(1, 8)).isEqualTo(new ErrorLocation(1, 8));
        assertThat(text.location(2, 5)).isEqualTo(new ErrorLocation(2, 5));
        assertThat(text.location(0, 0)).isNull();
    }

    @Test
    void jsonLiteralsBecomeCallsAndPositionsAfterThemMapBack() {
        SqlText text = SqlText.of("SELECT JSON '[1]', x FROM t");
        assertThat(text.rewritten()).isEqualTo("SELECT JSON('[1]'), x FROM t");
        // "x" is at column 20 of the rewritten text, 19 of the user's
        assertThat(text.location(1, 20)).isEqualTo(new ErrorLocation(1, 19));
        assertThat(text.location(1, 8)).isEqualTo(new ErrorLocation(1, 8));
        assertThat(SqlText.of("SELECT json FROM t").rewritten()).isEqualTo("SELECT json FROM t");
    }

    @Test
    void structuralTypesOfCastsInCalcitesSpelling() {
        assertThat(SqlText.of("SELECT CAST(j AS array(bigint))").rewritten()).isEqualTo("SELECT CAST(j AS bigint  ARRAY)");
        assertThat(SqlText.of("SELECT CAST(j AS map(varchar, array(integer)))").rewritten())
                .isEqualTo("SELECT CAST(j AS MAP<varchar, integer  ARRAY>)");
        assertThat(SqlText.of("SELECT CAST(j AS ROW(a array(double), b varchar))").rewritten())
                .isEqualTo("SELECT CAST(j AS ROW(a double  ARRAY, b varchar))");
        assertThat(SqlText.of("SELECT CAST(j AS varchar) AS a").rewritten()).isEqualTo("SELECT CAST(j AS varchar) AS a");
    }

    @Test
    void atTimeZoneBecomesACallOfAtTimezone() {
        SqlText text = SqlText.of("SELECT ts AT TIME ZONE 'UTC', y FROM t");
        assertThat(text.rewritten()).isEqualTo("SELECT \"$at_timezone\"(ts ,            'UTC'), y FROM t");
        // "y" is at column 47 of the rewritten text, 31 of the user's
        assertThat(text.location(1, 47)).isEqualTo(new ErrorLocation(1, 31));
        assertThat(SqlText.of("SELECT f(a, b) at time zone INTERVAL '-08:30' HOUR TO MINUTE").rewritten())
                .isEqualTo("SELECT \"$at_timezone\"(f(a, b) ,            INTERVAL '-08:30' HOUR TO MINUTE)");
        assertThat(SqlText.of("SELECT TIMESTAMP '2020-01-02 03:04:05' AT TIME ZONE 'Asia/Tokyo' AT TIME ZONE 'UTC'").rewritten())
                .isEqualTo("SELECT \"$at_timezone\"(\"$at_timezone\"(TIMESTAMP '2020-01-02 03:04:05' ,            'Asia/Tokyo') ,            'UTC')");
        assertThat(SqlText.of("SELECT -(a + b) AT TIME ZONE 'UTC'").rewritten())
                .isEqualTo("SELECT -\"$at_timezone\"((a + b) ,            'UTC')");
        // a column named at is not the syntax
        assertThat(SqlText.of("SELECT at FROM t").rewritten()).isEqualTo("SELECT at FROM t");
    }

    @Test
    void zonedTimestampLiteralsBecomeCallsOfTheSameLength() {
        SqlText text = SqlText.of("SELECT TIMESTAMP '2020-01-02 03:04:05 UTC', x, TIMESTAMP '2020-01-02 03:04:05' FROM t");
        assertThat(text.rewritten())
                .isEqualTo("SELECT \"$tz_lit\"('2020-01-02 03:04:05 UTC'), x, TIMESTAMP '2020-01-02 03:04:05' FROM t");
        // "x" is at column 45 of the rewritten text, 44 of the user's
        assertThat(text.location(1, 45)).isEqualTo(new ErrorLocation(1, 44));
        assertThat(text.location(1, 8)).isEqualTo(new ErrorLocation(1, 8));
    }

    @Test
    void invalidZonedTimestampLiteralsFailWithTheirPosition() {
        assertThatThrownBy(() -> SqlText.of("SELECT 1,\n  TIMESTAMP '2020-02-30 00:00 UTC'"))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_LITERAL);
                    assertThat(e.getMessage()).isEqualTo("line 2:3: '2020-02-30 00:00 UTC' is not a valid TIMESTAMP literal");
                });
    }
}
