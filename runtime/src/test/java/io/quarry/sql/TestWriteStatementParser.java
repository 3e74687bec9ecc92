package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.sql.WriteStatement.ColumnDefinition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestWriteStatementParser {
    /** The statement, its query text without the blanks that keep its position. */
    private static WriteStatement parse(String sql) {
        WriteStatement statement = WriteStatementParser.parse(sql).orElseThrow();
        if (statement instanceof WriteStatement.CreateTableAsSelect create) {
            return new WriteStatement.CreateTableAsSelect(
                    create.name(), create.ifNotExists(), create.columnAliases(), create.query().strip(), create.withData(),
                    create.comment());
        }
        if (statement instanceof WriteStatement.Insert insert) {
            return new WriteStatement.Insert(insert.name(), insert.columns(), insert.query().strip());
        }
        return statement;
    }

    @Test
    void createAndDropView() {
        String head = "CREATE OR REPLACE VIEW memory.s.\"My View\" SECURITY DEFINER AS";
        WriteStatement.CreateView create = (WriteStatement.CreateView) WriteStatementParser.parse(
                head + "\nSELECT x, y FROM t;").orElseThrow();
        assertThat(create.name()).containsExactly("memory", "s", "my view");
        assertThat(create.replace()).isTrue();
        assertThat(create.definition()).isEqualTo("SELECT x, y FROM t");
        assertThat(create.query()).isEqualTo(" ".repeat(head.length()) + "\nSELECT x, y FROM t");

        WriteStatement.CreateView plain = (WriteStatement.CreateView) parse("create view v as (select 1 x)");
        assertThat(plain.replace()).isFalse();
        // as in Trino, a view has no column list: its query names the columns
        assertThatThrownBy(() -> parse("CREATE VIEW v (a, b) AS SELECT 1, 2"))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).isEqualTo("line 1:15: mismatched input '('. Expecting: 'AS', 'COMMENT', 'SECURITY', 'WITH'");
                });
        assertThat(plain.definition()).isEqualTo("(select 1 x)");

        assertThat(parse("DROP VIEW IF EXISTS s.v")).isEqualTo(new WriteStatement.DropView(List.of("s", "v"), true));
        assertThat(parse("drop view v")).isEqualTo(new WriteStatement.DropView(List.of("v"), false));

        assertThatThrownBy(() -> parse("CREATE VIEW v AS DELETE FROM t"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThat(parse("CREATE VIEW v COMMENT 'c' SECURITY INVOKER WITH (p = 1, q = 'a') AS SELECT 1")).isEqualTo(new WriteStatement.CreateView(
                List.of("v"), false, " ".repeat(68) + "SELECT 1", "SELECT 1", Optional.of("c"), true, Optional.of("p")));
    }

    @Test
    void alterTruncateAndRowChanges() {
        assertThat(parse("ALTER TABLE IF EXISTS memory.s.t RENAME TO u")).isEqualTo(new WriteStatement.AlterTable(
                List.of("memory", "s", "t"), true, new WriteStatement.TableChange.RenameTo(List.of("u"))));
        assertThat(parse("alter table t rename column \"A\" to b")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.RenameColumn("a", "b", false)));
        assertThat(parse("ALTER TABLE t ADD COLUMN IF NOT EXISTS z timestamp(3) with time zone;")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.AddColumn(
                        new ColumnDefinition("z", "timestamp(3) with time zone"), true)));
        assertThat(parse("ALTER TABLE t DROP COLUMN IF EXISTS z")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.DropColumn("z", true)));
        assertThat(parse("TRUNCATE TABLE s.t")).isEqualTo(new WriteStatement.TruncateTable(List.of("s", "t")));
        assertThat(parse("DELETE FROM s.t WHERE a = 1")).isEqualTo(new WriteStatement.ModifyRows("DELETE", List.of("s", "t")));
        assertThat(parse("update t set a = 1")).isEqualTo(new WriteStatement.ModifyRows("UPDATE", List.of("t")));

        assertThatThrownBy(() -> parse("CREATE TABLE t (a integer) WITH (foo = 'bar')"))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_TABLE_PROPERTY);
                    assertThat(e.getMessage()).isEqualTo("Table property 'foo' does not exist");
                });
        assertThat(parse("ALTER TABLE t SET PROPERTIES x = 1, \"Y\" = ARRAY['a', 'b'], z = DEFAULT")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.SetProperties(List.of("x", "y", "z"))));
        assertThat(parse("ALTER TABLE IF EXISTS t ALTER COLUMN \"A\" DROP NOT NULL")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), true, new WriteStatement.TableChange.DropNotNull("a")));
        assertThat(parse("ALTER TABLE t ALTER COLUMN a SET DATA TYPE decimal(10, 2);")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.SetColumnType("a", "decimal(10, 2)")));
        assertThat(parse("ALTER TABLE t EXECUTE optimize(file_size_threshold => '10MB')")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.ExecuteProcedure("OPTIMIZE")));
        assertThatThrownBy(() -> parse("ALTER TABLE t ALTER COLUMN a SET NOT NULL"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
        assertThatThrownBy(() -> parse("CREATE TABLE t (a int) WITH (y = 2) COMMENT 'x'"))
                .hasMessage("line 1:37: mismatched input 'COMMENT'. Expecting: ')', ','");
        assertThat(parse("ALTER TABLE t ADD COLUMN z integer NOT NULL COMMENT 'zed'")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.AddColumn(
                        new ColumnDefinition("z", "integer", false, Optional.of("zed")), false)));
        assertThatThrownBy(() -> parse("ALTER TABLE t RENAME COLUMN a b"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    }

    @Test
    void queriesKeepTheirPositionInTheStatement() {
        WriteStatement.Insert insert = (WriteStatement.Insert) WriteStatementParser.parse("INSERT INTO t\nSELECT x FROM u").orElseThrow();
        assertThat(insert.query()).isEqualTo("             \nSELECT x FROM u");
    }

    @Test
    void queriesAndOtherStatementsAreLeftToCalcite() {
        assertThat(WriteStatementParser.parse("SELECT 1")).isEmpty();
        assertThat(parse("CREATE MATERIALIZED VIEW v AS SELECT 1")).isEqualTo(
                new WriteStatement.MaterializedViewStatement(WriteStatement.MaterializedViewAction.CREATE, List.of("v"), false));
        assertThat(parse("DROP MATERIALIZED VIEW IF EXISTS s.v")).isEqualTo(
                new WriteStatement.MaterializedViewStatement(WriteStatement.MaterializedViewAction.DROP, List.of("s", "v"), true));
        assertThat(parse("GRANT SELECT, INSERT ON TABLE s.t TO ROLE r WITH GRANT OPTION"))
                .isEqualTo(new WriteStatement.GrantStatement("GRANT", false, List.of("s", "t")));
        assertThat(parse("CALL memory.system.p(1)")).isEqualTo(new WriteStatement.CallProcedure(List.of("memory", "system", "p"), List.of()));
        assertThat(parse("CALL system.runtime.kill_query(query_id => 'q', message => 'm')")).isEqualTo(new WriteStatement.CallProcedure(
                List.of("system", "runtime", "kill_query"), List.of(new WriteStatement.CallProcedure.Argument(Optional.of("query_id"), "q"),
                        new WriteStatement.CallProcedure.Argument(Optional.of("message"), "m"))));
        assertThat(parse("CALL system.runtime.kill_query('q')")).isEqualTo(new WriteStatement.CallProcedure(
                List.of("system", "runtime", "kill_query"), List.of(new WriteStatement.CallProcedure.Argument(Optional.empty(), "q"))));
        // a role granted (no ON)
        assertThat(parse("GRANT admin, other TO USER bob WITH ADMIN OPTION IN memory")).isEqualTo(new WriteStatement.RoleStatement(
                WriteStatement.RoleAction.GRANT, Optional.of("admin"), false, Optional.of("memory")));
        assertThat(parse("SHOW CURRENT ROLES FROM memory")).isEqualTo(new WriteStatement.RoleStatement(
                WriteStatement.RoleAction.SHOW, Optional.empty(), false, Optional.of("memory")));
        assertThat(WriteStatementParser.parse("SHOW SCHEMAS")).isEmpty();
        assertThat(WriteStatementParser.parse("")).isEmpty();
    }

    @Test
    void schemas() {
        assertThat(parse("CREATE SCHEMA memory.s")).isEqualTo(new WriteStatement.CreateSchema(List.of("memory", "s"), false));
        assertThat(parse("create schema if not exists S;")).isEqualTo(new WriteStatement.CreateSchema(List.of("s"), true));
        assertThat(parse("DROP SCHEMA IF EXISTS \"Sales\" RESTRICT")).isEqualTo(new WriteStatement.DropSchema(List.of("sales"), true, false));
        assertThat(parse("DROP SCHEMA memory.s CASCADE")).isEqualTo(new WriteStatement.DropSchema(List.of("memory", "s"), false, true));
        assertThat(parse("CREATE SCHEMA memory.s AUTHORIZATION ROLE admin")).isEqualTo(new WriteStatement.CreateSchema(List.of("memory", "s"), false, true));
        assertThat(parse("SHOW CREATE SCHEMA memory.s")).isEqualTo(new WriteStatement.ShowCreateSchema(List.of("memory", "s")));
        assertThat(parse("ALTER SCHEMA s RENAME TO t")).isEqualTo(new WriteStatement.RenameSchema(List.of("s"), "t"));
        assertThat(parse("ALTER SCHEMA memory.s SET AUTHORIZATION USER alice")).isEqualTo(new WriteStatement.SetSchemaAuthorization(List.of("memory", "s"), false, "alice"));
        assertThat(parse("ALTER SCHEMA s SET AUTHORIZATION ROLE admin")).isEqualTo(new WriteStatement.SetSchemaAuthorization(List.of("s"), true, "admin"));
        assertThat(parse("ALTER SCHEMA s SET AUTHORIZATION role")).isEqualTo(new WriteStatement.SetSchemaAuthorization(List.of("s"), false, "role"));
        assertThat(parse("ALTER VIEW memory.s.v RENAME TO w")).isEqualTo(new WriteStatement.RenameView(List.of("memory", "s", "v"), List.of("w")));
        assertThat(parse("ALTER VIEW v SET AUTHORIZATION USER alice")).isEqualTo(new WriteStatement.SetViewAuthorization(List.of("v")));
        assertThat(parse("CREATE OR REPLACE TABLE s.t (a int)")).isEqualTo(new WriteStatement.ReplaceTable(List.of("s", "t")));
        assertThat(parse("CREATE OR REPLACE TABLE t AS SELECT 1 a")).isEqualTo(new WriteStatement.ReplaceTable(List.of("t")));
        assertThat(parse("ALTER TABLE t SET AUTHORIZATION ROLE admin")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.SetAuthorization(Optional.of("admin"))));
        assertThat(parse("ALTER TABLE t SET AUTHORIZATION USER alice")).isEqualTo(new WriteStatement.AlterTable(
                List.of("t"), false, new WriteStatement.TableChange.SetAuthorization(Optional.empty())));
        assertThatThrownBy(() -> parse("CREATE SCHEMA s WITH (location = 'x')"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA_PROPERTY));
    }

    @Test
    void createTableWithColumns() {
        assertThat(parse("CREATE TABLE IF NOT EXISTS memory.default.t (id BIGINT, name varchar(25), price decimal(12, 2))"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("memory", "default", "t"), true, List.of(
                        new ColumnDefinition("id", "BIGINT"),
                        new ColumnDefinition("name", "varchar(25)"),
                        new ColumnDefinition("price", "decimal(12, 2)"))));
        assertThat(parse("CREATE TABLE t (at timestamp(3) with time zone, n bigint)"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(
                        new ColumnDefinition("at", "timestamp(3) with time zone"), new ColumnDefinition("n", "bigint"))));
        // the property is refused when planned, after the table's checks
        assertThat(parse("CREATE TABLE t (n bigint NOT NULL WITH (x = 1, y = (2)), m int)"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(
                        new ColumnDefinition("n", "bigint", false, Optional.empty(), Optional.of("x")), new ColumnDefinition("m", "int"))));
    }

    @Test
    void createTableAsSelect() {
        assertThat(parse("CREATE TABLE t AS SELECT * FROM tpch.tiny.orders"))
                .isEqualTo(new WriteStatement.CreateTableAsSelect(List.of("t"), false, Optional.empty(), "SELECT * FROM tpch.tiny.orders", true));
        assertThat(parse("CREATE TABLE s.t (a, b) AS (SELECT 1, 2) WITH NO DATA;"))
                .isEqualTo(new WriteStatement.CreateTableAsSelect(List.of("s", "t"), false, Optional.of(List.of("a", "b")), "(SELECT 1, 2)", false));
        assertThat(parse("CREATE TABLE t AS VALUES 1 WITH DATA"))
                .isEqualTo(new WriteStatement.CreateTableAsSelect(List.of("t"), false, Optional.empty(), "VALUES 1", true));
    }

    @Test
    void insert() {
        assertThat(parse("INSERT INTO t VALUES (1, 'a;b')"))
                .isEqualTo(new WriteStatement.Insert(List.of("t"), Optional.empty(), "VALUES (1, 'a;b')"));
        assertThat(parse("insert into memory.default.t (b, A) select x, y from u;"))
                .isEqualTo(new WriteStatement.Insert(List.of("memory", "default", "t"), Optional.of(List.of("b", "a")), "select x, y from u"));
        assertThat(parse("INSERT INTO t (SELECT 1)"))
                .isEqualTo(new WriteStatement.Insert(List.of("t"), Optional.empty(), "(SELECT 1)"));
    }

    @Test
    void dropTableAndShowTables() {
        assertThat(parse("DROP TABLE IF EXISTS memory.default.t")).isEqualTo(new WriteStatement.DropTable(List.of("memory", "default", "t"), true));
        assertThat(parse("SHOW TABLES")).isEqualTo(new WriteStatement.ShowTables(List.of(), Optional.empty()));
        assertThat(parse("SHOW TABLES FROM memory.s LIKE 't%'"))
                .isEqualTo(new WriteStatement.ShowTables(List.of("memory", "s"), Optional.of(new UtilityStatement.LikeFilter("t%", Optional.empty()))));
        assertThat(parse("SHOW TABLES IN s LIKE 't\\_%' ESCAPE '\\'"))
                .isEqualTo(new WriteStatement.ShowTables(List.of("s"), Optional.of(new UtilityStatement.LikeFilter("t\\_%", Optional.of("\\")))));
        assertThatThrownBy(() -> parse("SHOW TABLES LIKE 't%' ESCAPE 'ab'"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT));
    }

    @Test
    void mistakesAreSyntaxErrorsWithTheirPosition() {
        assertThatThrownBy(() -> parse("CREATE TABLE t (a bigint"))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.location()).isPresent();
                })
                .hasMessageContaining("<EOF>");
        assertThatThrownBy(() -> parse("DROP TABLE t extra"))
                .hasMessage("line 1:14: mismatched input 'extra'. Expecting: the end of the statement");
        assertThatThrownBy(() -> parse("INSERT INTO t DELETE")).hasMessageContaining("mismatched input 'DELETE'");
        assertThatThrownBy(() -> parse("CREATE TABLE t AS")).isInstanceOf(QuarryException.class);
        // Trino's order: NOT NULL before COMMENT; a bare NULL is no constraint
        assertThatThrownBy(() -> parse("CREATE TABLE t (a int COMMENT 'x' NOT NULL)"))
                .hasMessage("line 1:35: mismatched input 'NOT'. Expecting: ')', ','");
        assertThatThrownBy(() -> parse("CREATE TABLE t (a int null)"))
                .hasMessage("line 1:23: mismatched input 'null'. Expecting: ')', ','");
        assertThatThrownBy(() -> parse("CREATE TABLE t (a int NOT 1)")).hasMessageContaining("mismatched input '1'");
    }

    @Test
    void notNullAndComments() {
        assertThat(parse("CREATE TABLE t (a int NOT NULL, b varchar(3) COMMENT 'it''s', c decimal(10, 2) not null comment '') "
                + "COMMENT 'table'"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(
                        new ColumnDefinition("a", "int", false, Optional.empty()),
                        new ColumnDefinition("b", "varchar(3)", true, Optional.of("it's")),
                        new ColumnDefinition("c", "decimal(10, 2)", false, Optional.of(""))), Optional.of("table")));
        assertThat(parse("CREATE TABLE t (at timestamp(3) with time zone NOT NULL)"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(
                        new ColumnDefinition("at", "timestamp(3) with time zone", false, Optional.empty()))));
        assertThat(parse("CREATE TABLE t (x) COMMENT 'c' AS SELECT 1"))
                .isEqualTo(new WriteStatement.CreateTableAsSelect(List.of("t"), false, Optional.of(List.of("x")), "SELECT 1", true,
                        Optional.of("c")));
    }

    @Test
    void likeClauses() {
        assertThat(parse("CREATE TABLE t (x int, LIKE memory.s.\"Other\" INCLUDING PROPERTIES, LIKE u EXCLUDING PROPERTIES, LIKE v)"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(
                        new ColumnDefinition("x", "int"),
                        new WriteStatement.LikeClause(List.of("memory", "s", "other"), true),
                        new WriteStatement.LikeClause(List.of("u"), false),
                        new WriteStatement.LikeClause(List.of("v"), false))));
        assertThat(parse("CREATE TABLE t (\"like\" int)"))
                .isEqualTo(new WriteStatement.CreateTable(List.of("t"), false, List.of(new ColumnDefinition("like", "int"))));
    }

    @Test
    void commentOn() {
        assertThat(parse("COMMENT ON TABLE memory.s.t IS 'text'")).isEqualTo(new WriteStatement.CommentOn(
                WriteStatement.CommentTarget.TABLE, List.of("memory", "s", "t"), Optional.of("text")));
        assertThat(parse("comment on column s.t.\"A\" is null;")).isEqualTo(new WriteStatement.CommentOn(
                WriteStatement.CommentTarget.COLUMN, List.of("s", "t", "a"), Optional.empty()));
        assertThat(parse("COMMENT ON VIEW v IS ''")).isEqualTo(new WriteStatement.CommentOn(
                WriteStatement.CommentTarget.VIEW, List.of("v"), Optional.of("")));
        assertThatThrownBy(() -> parse("COMMENT ON TABLE t IS 1")).hasMessageContaining("mismatched input '1'");
        assertThatThrownBy(() -> parse("COMMENT ON SCHEMA s IS 'x'")).hasMessageContaining("mismatched input 'SCHEMA'");
        assertThatThrownBy(() -> parse("COMMENT ON COLUMN a IS 'x'"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_TABLE));
        assertThatThrownBy(() -> parse("COMMENT ON TABLE a.b.c.d IS 'x'"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    }
}
