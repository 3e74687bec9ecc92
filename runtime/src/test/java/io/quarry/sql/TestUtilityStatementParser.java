package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestUtilityStatementParser {
    private static UtilityStatement parse(String sql) {
        return UtilityStatementParser.parse(sql).orElseThrow();
    }

    @Test
    void recognisesTheUtilityStatementsOnly() {
        assertThat(UtilityStatementParser.parse("SELECT 1")).isEmpty();
        assertThat(UtilityStatementParser.parse("SHOW TABLES")).isEmpty();
        assertThat(UtilityStatementParser.parse("SHOW FUNCTIONS")).isEmpty();
        assertThat(parse("show catalogs like 't%';")).isEqualTo(new UtilityStatement.ShowCatalogs(
                Optional.of(new UtilityStatement.LikeFilter("t%", Optional.empty()))));
        assertThat(parse("SHOW SCHEMAS IN TPCH LIKE 'a!_%' ESCAPE '!'")).isEqualTo(new UtilityStatement.ShowSchemas(
                Optional.of("tpch"), Optional.of(new UtilityStatement.LikeFilter("a!_%", Optional.of("!")))));
        assertThat(parse("DESCRIBE tpch.tiny.\"Nation\"")).isEqualTo(
                new UtilityStatement.ShowColumns(List.of("tpch", "tiny", "Nation"), Optional.empty()));
        assertThat(parse("DESCRIBE input")).isEqualTo(new UtilityStatement.ShowColumns(List.of("input"), Optional.empty()));
        assertThat(parse("DESCRIBE INPUT statement1")).isEqualTo(new UtilityStatement.DescribeInput("statement1"));
        assertThat(parse("DESCRIBE OUTPUT Mixed")).isEqualTo(new UtilityStatement.DescribeOutput("Mixed"));
        assertThat(parse("SHOW CREATE TABLE t")).isEqualTo(new UtilityStatement.ShowCreateTable(List.of("t")));
        assertThat(parse("SHOW CREATE VIEW s.v")).isEqualTo(new UtilityStatement.ShowCreateView(List.of("s", "v")));
        assertThat(parse("SHOW STATS FOR orders")).isEqualTo(new UtilityStatement.ShowStats(List.of("orders")));
        assertThat(parse("USE memory.default")).isEqualTo(new UtilityStatement.Use(Optional.of("memory"), "default"));
        assertThat(parse("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE"))
                .isEqualTo(new UtilityStatement.StartTransaction(Optional.of("REPEATABLE READ"), Optional.of(false)));
        assertThat(parse("COMMIT WORK")).isEqualTo(new UtilityStatement.Commit());
        assertThat(parse("PREPARE s1 FROM SELECT ? FROM t WHERE x = '?';"))
                .isEqualTo(new UtilityStatement.Prepare("s1", "SELECT ? FROM t WHERE x = '?'"));
        assertThat(parse("DEALLOCATE PREPARE s1")).isEqualTo(new UtilityStatement.Deallocate("s1"));
    }

    @Test
    void parsesLiteralsWithTheirTypes() {
        UtilityStatement.Execute execute = (UtilityStatement.Execute) parse("EXECUTE s USING 1, -5000000000, 1.50, 2e3, "
                + "'it''s', true, NULL, X'0aff', TINYINT '7', DECIMAL '-12.345', DATE '2024-02-29', "
                + "TIMESTAMP '2024-02-29 10:11:12.123', CAST(NULL AS VARCHAR), REAL '1.5'");
        assertThat(execute.parameters()).extracting(Literal::type).containsExactly("integer", "bigint", "decimal(3,2)",
                "double", "varchar", "boolean", "unknown", "varbinary", "tinyint", "decimal(5,3)", "date", "timestamp",
                "varchar", "real");
        assertThat(execute.parameters()).extracting(Literal::toSql).containsExactly("1", "CAST('-5000000000' AS BIGINT)",
                "CAST('1.50' AS DECIMAL(3,2))", "CAST('2e3' AS DOUBLE)", "'it''s'", "true", "NULL", "X'0AFF'",
                "CAST('7' AS TINYINT)", "CAST('-12.345' AS DECIMAL(5,3))", "DATE '2024-02-29'",
                "TIMESTAMP '2024-02-29 10:11:12.123'", "CAST(NULL AS VARCHAR)", "CAST('1.5' AS REAL)");
    }

    @Test
    void bindsParametersOutsideStringsOnly() {
        String bound = StatementParameters.bind("SELECT ?, '?' -- ?\n FROM t WHERE a = ?",
                List.of(new Literal("varchar", Optional.of("x'); DROP TABLE t; --")), new Literal("integer", Optional.of("-3"))));
        assertThat(bound).isEqualTo("SELECT  'x''); DROP TABLE t; --' , '?' -- ?\n FROM t WHERE a =  (-3) ");
        assertThatThrownBy(() -> StatementParameters.bind("SELECT ?", List.of()))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER_USAGE));
    }

    @Test
    void rejectsMalformedStatementsWithSyntaxErrors() {
        for (String sql : List.of("SHOW COLUMNS nation", "SET SESSION x", "USE a.b.c", "EXECUTE s USING", "START TRANSACTION READ",
                "EXECUTE s USING BIGINT 'x'", "SHOW CATALOGS LIKE 't%' ESCAPE 'ab'")) {
            assertThatThrownBy(() -> UtilityStatementParser.parse(sql)).as(sql).isInstanceOf(QuarryException.class);
        }
    }

    @Test
    void setTimeZoneTakesAZoneAnOffsetIntervalOrLocal() {
        assertThat(parse("SET TIME ZONE 'Europe/Berlin'")).isEqualTo(new UtilityStatement.SetTimeZone(Optional.of("Europe/Berlin")));
        assertThat(parse("set time zone local")).isEqualTo(new UtilityStatement.SetTimeZone(Optional.empty()));
        assertThat(parse("SET TIME ZONE INTERVAL '10' HOUR")).isEqualTo(new UtilityStatement.SetTimeZone(Optional.of("+10:00")));
        assertThat(parse("SET TIME ZONE INTERVAL -'05:30' HOUR TO MINUTE"))
                .isEqualTo(new UtilityStatement.SetTimeZone(Optional.of("-05:30")));
        assertThatThrownBy(() -> parse("SET TIME ZONE 1")).isInstanceOfSatisfying(QuarryException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> parse("SET TIME ZONE INTERVAL '5:99' HOUR TO MINUTE")).isInstanceOf(QuarryException.class);
    }
}
