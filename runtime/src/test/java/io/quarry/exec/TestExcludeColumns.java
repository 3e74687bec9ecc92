package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table function {@code exclude_columns}: its rows, column names and types, and its errors. Every expectation
 * was taken from Trino 476.
 */
class TestExcludeColumns extends LocalQueryTest {
    private static final List<List<Object>> REGIONS = List.of(List.<Object>of(0L, "AFRICA"), List.<Object>of(1L, "AMERICA"), List.<Object>of(2L, "ASIA"),
            List.<Object>of(3L, "EUROPE"), List.<Object>of(4L, "MIDDLE EAST"));

    @Test
    void removesTheNamedColumns() throws Exception {
        for (String sql : List.of(
                "SELECT * FROM TABLE(exclude_columns(input => TABLE(tpch.tiny.region), columns => DESCRIPTOR(comment)))",
                "SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment)))",
                "SELECT * FROM TABLE(system.builtin.exclude_columns(TABLE(region), DESCRIPTOR(comment)))",
                "SELECT * FROM TABLE(EXCLUDE_COLUMNS(TABLE(\"region\"), DESCRIPTOR(COMMENT, comment)))",
                "SELECT * FROM TABLE(exclude_columns(columns => DESCRIPTOR(\"Comment\"), input => TABLE(tpch.tiny.Region)))",
                "SELECT * FROM TABLE(exclude_columns(INPUT => TABLE(region) AS r, \"COLUMNS\" => DESCRIPTOR(comment)))")) {
            LocalQueryRunner.Result result = run(sql);
            assertThat(result.names()).as(sql).containsExactly("regionkey", "name");
            assertThat(result.types().stream().map(io.quarry.type.Type::displayName).toList()).as(sql)
                    .containsExactly("bigint", "varchar(25)");
            assertThat(result.rows()).as(sql).containsExactlyInAnyOrderElementsOf(REGIONS);
        }
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(Comment, \"NAME\"))) ORDER BY 1",
                List.of("bigint"), List.of(0L), List.of(1L), List.of(2L), List.of(3L), List.of(4L));
    }

    @Test
    void takesAQueryAsItsInput() throws Exception {
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1 a, 2 b, 3 c), DESCRIPTOR(b)))",
                List.of("integer", "integer"), List.of(1L, 3L));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM region WHERE regionkey < 2), DESCRIPTOR(COMMENT, \"name\")))"
                        + " ORDER BY 1",
                List.of("bigint"), List.of(0L), List.of(1L));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM region ORDER BY regionkey DESC LIMIT 2),"
                + " DESCRIPTOR(comment))) ORDER BY 1", List.of("bigint", "varchar(25)"), List.of(3L, "EUROPE"), List.of(4L, "MIDDLE EAST"));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1 a, 2 b WHERE false), DESCRIPTOR(b)))", List.of("integer"));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM TABLE(sequence(1, 3)) CROSS JOIN (SELECT 1 y)),"
                + " DESCRIPTOR(sequential_number)))", List.of("integer"), List.of(1L), List.of(1L), List.of(1L));
        assertResult("WITH w AS (SELECT * FROM nation WHERE nationkey < 3) SELECT * FROM TABLE(exclude_columns(TABLE(w),"
                        + " DESCRIPTOR(comment, regionkey))) ORDER BY 1",
                List.of("bigint", "varchar(25)"), List.of(0L, "ALGERIA"), List.of(1L, "ARGENTINA"), List.of(2L, "BRAZIL"));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM (VALUES (1, 2)) v(a, b)), DESCRIPTOR(b)))",
                List.of("integer"), List.of(1L));
    }

    @Test
    void removesEveryColumnOfAName() throws Exception {
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM nation n JOIN region r ON n.regionkey = r.regionkey),"
                        + " DESCRIPTOR(comment, name))) WHERE nationkey < 2 ORDER BY 1",
                List.of("bigint", "bigint", "bigint"), List.of(0L, 0L, 0L), List.of(1L, 1L, 1L));
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT * FROM nation n JOIN region r ON n.regionkey = r.regionkey),"
                        + " DESCRIPTOR(regionkey, comment))) WHERE nationkey = 1",
                List.of("bigint", "varchar(25)", "varchar(25)"), List.of(1L, "ARGENTINA", "AMERICA"));
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT r.name, n.name FROM nation n JOIN region r ON n.regionkey = r.regionkey),"
                + " DESCRIPTOR(name)))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "All columns are excluded");
    }

    @Test
    void namesTheColumnsAsTheInputDoes() throws Exception {
        assertThat(run("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1, 2 b), DESCRIPTOR(b)))").names()).containsExactly("_col0");
        assertThat(run("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1 \"A\", 2 \"b\"), DESCRIPTOR(b)))").names())
                .containsExactly("A");
        LocalQueryRunner.Result renamed = run("SELECT * FROM TABLE(exclude_columns(TABLE(region) AS r(a, b, c), DESCRIPTOR(b)))");
        assertThat(renamed.names()).containsExactly("a", "c");
        assertThat(renamed.types().stream().map(io.quarry.type.Type::displayName).toList()).containsExactly("bigint", "varchar(152)");
        // Trino writes the columns of a table function's alias in upper case unless quoted
        assertThat(run("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment))) AS t(x, y)").names())
                .containsExactly("X", "Y");
        assertThat(run("SELECT * FROM TABLE(sequence(1, 2)) AS t(\"x\")").names()).containsExactly("x");
        assertResult("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT ARRAY[1] a, MAP(ARRAY[1], ARRAY[2]) m, ROW(1, 'x') r, 2 b),"
                        + " DESCRIPTOR(b)))",
                List.of("array(integer)", "map(integer, integer)", "row(integer, varchar(1))"),
                List.of(List.of(1L), java.util.Map.of(1L, 2L), List.of(1L, "x")));
    }

    @Test
    void isATableInTheQuery() throws Exception {
        assertResult("SELECT t.name FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment))) t WHERE regionkey > 2 ORDER BY 1",
                List.of("varchar(25)"), List.of("EUROPE"), List.of("MIDDLE EAST"));
        assertResult("SELECT x FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment))) AS t(x, y) WHERE y LIKE 'A%' ORDER BY 1",
                List.of("bigint"), List.of(0L), List.of(1L), List.of(2L));
        assertResult("SELECT count(*), max(n.name) FROM TABLE(exclude_columns(TABLE(nation), DESCRIPTOR(comment))) n"
                        + " JOIN region r ON n.regionkey = r.regionkey GROUP BY r.name ORDER BY 1, 2",
                List.of("bigint", "varchar(25)"), List.of(5L, "MOZAMBIQUE"), List.of(5L, "SAUDI ARABIA"),
                List.of(5L, "UNITED KINGDOM"), List.of(5L, "UNITED STATES"), List.of(5L, "VIETNAM"));
        assertResult("SELECT regionkey, count(*) FROM TABLE(exclude_columns(TABLE(nation), DESCRIPTOR(comment, name)))"
                        + " GROUP BY regionkey ORDER BY 1",
                List.of("bigint", "bigint"), List.of(0L, 5L), List.of(1L, 5L), List.of(2L, 5L), List.of(3L, 5L), List.of(4L, 5L));
        assertResult("SELECT (SELECT count(*) FROM TABLE(exclude_columns(TABLE(nation), DESCRIPTOR(comment))))",
                List.of("bigint"), List.of(25L));
        assertResult("SELECT name FROM region WHERE regionkey IN (SELECT regionkey FROM TABLE(exclude_columns(TABLE(nation),"
                + " DESCRIPTOR(comment))) WHERE nationkey < 3) ORDER BY 1", List.of("varchar(25)"), List.of("AFRICA"), List.of("AMERICA"));
        assertResult("SELECT * FROM TABLE(exclude_columns(input => TABLE(region), columns => DESCRIPTOR(comment)))"
                + " ORDER BY name DESC LIMIT 2", List.of("bigint", "varchar(25)"), List.of(4L, "MIDDLE EAST"), List.of(3L, "EUROPE"));
        assertResult("SELECT a.regionkey, b.regionkey, length(b.comment) FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment))) a"
                        + " CROSS JOIN TABLE(exclude_columns(TABLE(region), DESCRIPTOR(name))) b ORDER BY 1, 2 LIMIT 2",
                List.of("bigint", "bigint", "bigint"), List.of(0L, 0L, 115L), List.of(0L, 1L, 31L));
    }

    @Test
    void refusesColumnsItDoesNotHave() {
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(foo)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Excluded columns: [foo] not present in the table");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment, FOO, \"Bar\", foo)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Excluded columns: [foo, bar] not present in the table");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region) r(a, b, c), DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "Excluded columns: [comment] not present in the table");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(regionkey, name, comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "All columns are excluded");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1 \"A\", 2 \"a\"), DESCRIPTOR(a)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "All columns are excluded");
        assertFails("SELECT comment FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment)))",
                ErrorCode.COLUMN_NOT_FOUND, "line 1:8: Column 'comment' cannot be resolved");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(nosuch), DESCRIPTOR(comment)))",
                ErrorCode.TABLE_NOT_FOUND, "line 1:37: Table 'tpch.tiny.nosuch' does not exist");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment))) AS t(x)",
                ErrorCode.MISMATCHED_COLUMN_ALIASES);
    }

    @Test
    void refusesBadArguments() {
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region)))", ErrorCode.MISSING_ARGUMENT, "line 1:37: Missing argument: COLUMNS");
        assertFails("SELECT * FROM TABLE(exclude_columns(columns => DESCRIPTOR(comment)))",
                ErrorCode.MISSING_ARGUMENT, "line 1:37: Missing argument: INPUT");
        assertFails("SELECT * FROM TABLE(exclude_columns())", ErrorCode.MISSING_ARGUMENT, "line 1:21: Missing argument: INPUT");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment), 1))",
                ErrorCode.INVALID_ARGUMENTS, "line 1:37: Too many arguments. Expected at most 2 arguments, got 3 arguments");
        assertFails("SELECT * FROM TABLE(exclude_columns(input => TABLE(region), cols => DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:61: Unexpected argument name: COLS");
        assertFails("SELECT * FROM TABLE(exclude_columns(input => TABLE(region), \"columns\" => DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:61: Unexpected argument name: columns");
        assertFails("SELECT * FROM TABLE(exclude_columns(input => TABLE(region), input => DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:61: Duplicate argument name: INPUT");
        assertFails("SELECT * FROM TABLE(exclude_columns(input => TABLE(region), DESCRIPTOR(comment)))",
                ErrorCode.INVALID_ARGUMENTS, "line 1:37: All arguments must be passed by name or all must be passed positionally");
        assertFails("SELECT * FROM TABLE(exclude_columns(DESCRIPTOR(comment), TABLE(region)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:37: Invalid argument INPUT. Expected table, got descriptor");
        assertFails("SELECT * FROM TABLE(exclude_columns(region, DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:37: Invalid argument INPUT. Expected table, got expression");
        assertFails("SELECT * FROM TABLE(exclude_columns(input => 1, columns => DESCRIPTOR(a)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:37: Invalid argument INPUT. Expected table, got expression");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), 'comment'))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:52: Invalid argument COLUMNS. Expected descriptor, got expression");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), NULL))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:52: Invalid argument COLUMNS. Expected descriptor, got expression");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), TABLE(nation)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:52: Invalid argument COLUMNS. Expected descriptor, got table");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), CAST(NULL AS DESCRIPTOR)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "COLUMNS descriptor is null");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR()))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:52: Invalid descriptor argument COLUMNS. Descriptors should be formatted as 'DESCRIPTOR(name [type], ...)'");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(tpch.tiny.region), DESCRIPTOR(region.comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:62: Invalid descriptor argument COLUMNS.");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region), DESCRIPTOR(comment varchar)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "COLUMNS descriptor contains types");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(SELECT 1 a, 2 b), DESCRIPTOR(a, foo decimal(10, 2))))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "COLUMNS descriptor contains types");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE region, DESCRIPTOR(comment)))",
                ErrorCode.SYNTAX_ERROR, "line 1:43: mismatched input 'region'. Expecting: '('");
    }

    @Test
    void refusesPartitioningOrderingAndEmptyBehavior() {
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region) PARTITION BY regionkey, DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:37: Invalid argument INPUT. Partitioning specified for table argument with row semantics");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(nation) PARTITION BY regionkey ORDER BY name, DESCRIPTOR(foo)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:37: Invalid argument INPUT. Partitioning specified");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region) ORDER BY regionkey, DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:37: Invalid argument INPUT. Ordering specified for table argument with row semantics");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region) PRUNE WHEN EMPTY, DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "line 1:51: Invalid argument INPUT. Empty behavior specified for table argument with row semantics");
        assertFails("SELECT * FROM TABLE(exclude_columns(TABLE(region) KEEP WHEN EMPTY, DESCRIPTOR(comment)))",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "line 1:51: Invalid argument INPUT. Empty behavior specified");
    }

    @Test
    void isKnownByItsOwnNameOrItsQualifiedName() {
        assertFails("SELECT * FROM TABLE(builtin.exclude_columns(TABLE(region), DESCRIPTOR(comment)))",
                ErrorCode.FUNCTION_NOT_FOUND, "line 1:21: Table function 'builtin.exclude_columns' not registered");
        assertFails("SELECT * FROM TABLE(system.exclude_columns(TABLE(region), DESCRIPTOR(comment)))",
                ErrorCode.FUNCTION_NOT_FOUND, "line 1:21: Table function 'system.exclude_columns' not registered");
        assertFails("SELECT * FROM TABLE(nosuch(input => TABLE(region)))",
                ErrorCode.FUNCTION_NOT_FOUND, "line 1:21: Table function 'nosuch' not registered");
    }
}
