package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json_table's sibling paths and plans, PASSING values (also in FORMAT JSON) and the answers of Trino 476 around them. */
class TestJsonTablePlansAndPassing extends LocalQueryTest {
    private static final String SIBLINGS = "SELECT * FROM json_table('{\"a\":[1,2],\"b\":[\"x\",\"y\",\"z\"]}', 'lax $' AS r COLUMNS ("
            + "NESTED PATH 'lax $.a[*]' AS pa COLUMNS (a integer PATH 'lax $'), NESTED PATH 'lax $.b[*]' AS pb COLUMNS (b varchar PATH 'lax $'))";
    private static final String TREE = "SELECT * FROM json_table('[{\"k\":1,\"a\":[{\"c\":[1,2]},{\"c\":[]}],\"b\":[\"x\"]},{\"k\":2,\"a\":[],\"b\":[]}]',"
            + " 'lax $[*]' AS r COLUMNS (k integer PATH 'lax $.k', o FOR ORDINALITY, NESTED PATH 'lax $.a[*]' AS pa COLUMNS ("
            + "ao FOR ORDINALITY, NESTED PATH 'lax $.c[*]' AS pc COLUMNS (c integer PATH 'lax $', co FOR ORDINALITY)),"
            + " NESTED PATH 'lax $.b[*]' AS pb COLUMNS (b varchar PATH 'lax $', bo FOR ORDINALITY))";

    @Test
    void siblingPathsAreAUnionByDefault() throws Exception {
        assertResult(SIBLINGS + ")", List.of("integer", "varchar"), Arrays.asList(1L, null), Arrays.asList(2L, null),
                Arrays.asList(null, "x"), Arrays.asList(null, "y"), Arrays.asList(null, "z"));
        // siblings without items: one row of nulls (OUTER); one sibling without items: the other's rows only
        assertResult("SELECT * FROM json_table('{\"a\":[],\"b\":[\"x\"]}', 'lax $' COLUMNS (NESTED PATH 'lax $.a[*]' COLUMNS ("
                        + "a integer PATH 'lax $'), NESTED PATH 'lax $.b[*]' COLUMNS (b varchar PATH 'lax $')))",
                List.of("integer", "varchar"), Arrays.asList(null, "x"));
        assertResult("SELECT * FROM json_table('{\"a\":[],\"b\":[]}', 'lax $' COLUMNS (NESTED PATH 'lax $.a[*]' COLUMNS ("
                        + "a integer PATH 'lax $'), NESTED PATH 'lax $.b[*]' COLUMNS (b varchar PATH 'lax $')))",
                List.of("integer", "varchar"), Arrays.asList(null, null));
    }

    @Test
    void plansJoinParentsAndSiblings() throws Exception {
        assertResult(SIBLINGS + " PLAN (r OUTER (pa CROSS pb)))", List.of("integer", "varchar"),
                List.of(1L, "x"), List.of(1L, "y"), List.of(1L, "z"), List.of(2L, "x"), List.of(2L, "y"), List.of(2L, "z"));
        assertResult(SIBLINGS.replace("[\"x\",\"y\",\"z\"]", "[]") + " PLAN (r INNER (pa CROSS pb)))",
                List.of("integer", "varchar"));
        assertResult(TREE + ")", List.of("integer", "bigint", "bigint", "integer", "bigint", "varchar", "bigint"),
                Arrays.asList(1L, 1L, 1L, 1L, 1L, null, null), Arrays.asList(1L, 1L, 1L, 2L, 2L, null, null),
                Arrays.asList(1L, 1L, 2L, null, null, null, null), Arrays.asList(1L, 1L, null, null, null, "x", 1L),
                Arrays.asList(2L, 2L, null, null, null, null, null));
        // the plan's order of siblings is the rows' order; INNER drops a parent whose children give no row
        assertResult(TREE + " PLAN (r OUTER (pb UNION (pa INNER pc))))",
                List.of("integer", "bigint", "bigint", "integer", "bigint", "varchar", "bigint"),
                Arrays.asList(1L, 1L, null, null, null, "x", 1L), Arrays.asList(1L, 1L, 1L, 1L, 1L, null, null),
                Arrays.asList(1L, 1L, 1L, 2L, 2L, null, null), Arrays.asList(2L, 2L, null, null, null, null, null));
        assertResult(TREE + " PLAN DEFAULT (INNER, CROSS))", List.of("integer", "bigint", "bigint", "integer", "bigint", "varchar", "bigint"),
                List.of(1L, 1L, 1L, 1L, 1L, "x", 1L), List.of(1L, 1L, 1L, 2L, 2L, "x", 1L));
    }

    @Test
    void plansNameEveryPathOnce() {
        assertFails(SIBLINGS.replace(" AS pa", "") + " PLAN DEFAULT (INNER, CROSS))", ErrorCode.MISSING_PATH_NAME,
                "All nested JSON paths must be named when default plan is given");
        assertFails(SIBLINGS.replace(" AS r", "") + " PLAN (r OUTER (pa UNION pb)))", ErrorCode.MISSING_PATH_NAME,
                "All JSON paths must be named when specific plan is given");
        assertFails(SIBLINGS + " PLAN (r OUTER pa))", ErrorCode.INVALID_PLAN, "Paths not included: PB");
        assertFails(SIBLINGS + " PLAN (r OUTER (pa UNION pb UNION pa)))", ErrorCode.INVALID_PLAN,
                "Duplicate reference to JSON path name in sibling plan: PA");
        assertFails(SIBLINGS + " PLAN (r OUTER (pa UNION pb CROSS pa)))", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void passingReachesTheRootPathOnly() throws Exception {
        assertResult("SELECT * FROM json_table('{\"a\":[1,2,3]}', 'lax $.a[*] ? (@ > $v)' PASSING 1 AS \"v\" COLUMNS (a integer PATH 'lax $'))",
                List.of("integer"), List.of(2L), List.of(3L));
        assertResult("SELECT * FROM json_table('{\"a\":[1,2,3]}', 'lax $.a[*] ? (@ > $v.x)' PASSING '{\"x\":2}' FORMAT JSON AS \"v\""
                + " COLUMNS (a integer PATH 'lax $'))", List.of("integer"), List.of(3L));
        assertFails("SELECT * FROM json_table('{\"a\":[1,2,3]}', 'lax $' PASSING 10 AS \"v\" COLUMNS (NESTED PATH 'lax $.a[*] ? (@ > $v)'"
                + " COLUMNS (b integer PATH 'lax $')))", ErrorCode.INVALID_PATH, "no value passed for parameter v");
    }

    @Test
    void valuesPassedInFormatJsonAreJsonItems() throws Exception {
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.a + $v.x' PASSING '{\"x\":5}' FORMAT JSON AS \"v\" RETURNING integer),"
                        + " json_query('{}', 'lax $v.x[*]' PASSING '{\"x\":[1,2]}' FORMAT JSON AS \"v\" WITH ARRAY WRAPPER),"
                        + " json_exists('{}', 'lax $v.y' PASSING '{\"x\":1}' FORMAT JSON AS \"v\"),"
                        + " json_value('{}', 'lax $v.x' PASSING to_utf8('{\"x\":5}') FORMAT JSON ENCODING UTF8 AS \"v\"),"
                        + " json_value('{}', 'lax $v.x' PASSING 'not json' FORMAT JSON AS \"v\"),"
                        + " json_query('{}', 'lax $v' PASSING '' FORMAT JSON AS \"v\"),"
                        + " json_query('{}', 'lax $v' PASSING '[1] x' FORMAT JSON AS \"v\")",
                List.of("integer", "varchar", "boolean", "varchar", "varchar", "varchar", "varchar"),
                Arrays.asList(6L, "[1,2]", false, "5", null, "null", "[1]"));
        assertFails("SELECT json_value('{}', 'lax $v.x' PASSING 'not json' FORMAT JSON AS \"v\" ERROR ON ERROR)",
                ErrorCode.JSON_INPUT_CONVERSION_ERROR);
        assertFails("SELECT json_value('{}', 'lax $v' PASSING 5 FORMAT JSON AS \"v\")", ErrorCode.TYPE_MISMATCH,
                "Cannot read input of type integer as JSON using formatting JSON");
        assertFails("SELECT json_value('{}', 'lax $v' PASSING '1' FORMAT JSON ENCODING UTF8 AS \"v\")", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void decimalLiteralsInPaths() throws Exception {
        assertResult("SELECT json_value('{}', 'lax 1.50 + 1'), json_value('{}', 'lax 10 / 4.00'), json_value('{}', 'lax .5'),"
                        + " json_value('[1,2,3]', 'lax $[1.5]'), json_value('[1,2,3]', 'lax $[-0.4]'), json_value('{}', 'lax 1e0 + 1')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2.50", "2.50", "0.5", "3", "1", "2.0E0"));
    }

    @Test
    void constructorsLiteralsAndReturningTypes() throws Exception {
        assertResult("SELECT json_object('B':1, 'a':2, 'A':3), json_object('aa':1, 'a':2, 'ab':3, '':6)",
                List.of("varchar", "varchar"), List.of("{\"a\":2,\"A\":3,\"B\":1}", "{\"aa\":1,\"\":6,\"a\":2,\"ab\":3}"));
        assertResult("SELECT json_object(name: nationkey) FROM nation WHERE nationkey = 0", List.of("varchar"),
                List.of("{\"ALGERIA\":0}"));
        assertResult("SELECT json_query('{\"a\":[1]}', 'lax $.a' RETURNING varchar(2)), json_query('{\"a\":[1]}', 'lax $.a' RETURNING char(4))",
                List.of("varchar(2)", "char(4)"), List.of("[1", "[1]")); // char padding is the client protocol's
        assertFails("SELECT JSON 'x'", ErrorCode.INVALID_LITERAL, "'x' is not a valid JSON literal");
        assertFails("SELECT json_value('{\"a\":1}', 'lax $.a' RETURNING varbinary)", ErrorCode.TYPE_MISMATCH,
                "Invalid return type of function JSON_VALUE: varbinary");
        assertFails("SELECT json_value('{\"a\":1}', 'lax $.a' RETURNING array(integer))", ErrorCode.TYPE_MISMATCH,
                "Invalid return type of function JSON_VALUE: array(integer)");
        assertFails("SELECT json_query('{\"a\":[1]}', 'lax $.a' RETURNING integer)", ErrorCode.TYPE_MISMATCH,
                "Cannot output JSON value as integer using formatting JSON");
    }

    @Test
    void qualifiedStarWithAliases() throws Exception {
        assertResult("SELECT t.* AS (a, b) FROM (VALUES (1, 2)) t(x, y)", List.of("integer", "integer"), List.of(1L, 2L));
        assertFails("SELECT t.* AS (a, b) FROM (VALUES 1) t(x)", ErrorCode.MISMATCHED_COLUMN_ALIASES,
                "Column alias list has 2 entries but relation has 1 columns");
        assertFails("SELECT x.* AS (a) FROM (VALUES 1) t(x)", ErrorCode.TABLE_NOT_FOUND, "Unable to resolve reference x");
        assertFails("SELECT x.* FROM (VALUES 1) t(x)", ErrorCode.TABLE_NOT_FOUND, "Unable to resolve reference x");
        assertFails("SELECT u.* AS (a) FROM (VALUES 1) t(x)", ErrorCode.TABLE_NOT_FOUND);
    }

    @Test
    void defaultsMustWidenToTheReturningType() throws Exception {
        assertResult("SELECT json_value('{}', 'lax $.a' RETURNING double DEFAULT 9 ON EMPTY),"
                        + " json_value('{}', 'lax $.a' RETURNING char(3) DEFAULT 'ab' ON EMPTY),"
                        + " json_value('{}', 'lax $.a' RETURNING decimal(3,1) DEFAULT 1.5 ON EMPTY)",
                List.of("double", "char(3)", "decimal(3,1)"), List.of(9.0, "ab", new java.math.BigDecimal("1.5")));
        assertFails("SELECT json_value('{}', 'lax $.a' DEFAULT 9 ON EMPTY)", ErrorCode.TYPE_MISMATCH,
                "Function JSON_VALUE default ON EMPTY result must evaluate to a varchar (actual: integer)");
        assertFails("SELECT json_value('{}', 'lax $.a' RETURNING integer DEFAULT BIGINT '9' ON EMPTY)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT json_value('{}', 'lax $.a' RETURNING varchar(3) DEFAULT 'abcdef' ON EMPTY)", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void pathKeywordsAreLowerCase() {
        assertFails("SELECT json_value('{}', 'Lax $.a')", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_value('[1]', 'lax $[LAST]')", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_value('{}', 'lax $.a.TYPE()')", ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void legacyFunctionsKeepTheDocumentsText() throws Exception {
        // json_array_get: a scalar as written, reading no further than the element; json_extract: members in order
        assertResult("SELECT json_array_get('[1e2, 0.1000]', 0), json_array_get('[1e2, 0.1000]', 1), json_array_get('[1,2', 0),"
                        + " json_extract('{\"x\":{\"b\":1,\"a\":2}}', '$.x')",
                List.of("json", "json", "json", "json"), List.of("1e2", "0.1000", "1", "{\"b\":1,\"a\":2}"));
        assertResult("SELECT CAST(MAP(ARRAY[1.5e0, 100e0], ARRAY[1, 2]) AS json)", List.of("json"), List.of("{\"1.5\":1,\"100.0\":2}"));
        assertFails("SELECT json_array('not json' FORMAT JSON)", ErrorCode.JSON_INPUT_CONVERSION_ERROR);
    }

    @Test
    void inputsAndOutputsInFormatJson() throws Exception {
        assertResult("SELECT to_hex(json_query('{\"a\":[1]}', 'lax $.a' RETURNING varbinary FORMAT JSON ENCODING UTF16)),"
                        + " json_query('{\"a\":[1]}', 'lax $.a' RETURNING varchar FORMAT JSON)",
                List.of("varchar", "varchar"), List.of("5B0031005D00", "[1]"));
        assertFails("SELECT json_query('{\"a\":[1]}', 'lax $.a' RETURNING varchar FORMAT JSON ENCODING UTF8)", ErrorCode.TYPE_MISMATCH,
                "Cannot output JSON value as varchar using formatting JSON ENCODING UTF8");
        assertFails("SELECT json_value(1, 'lax $')", ErrorCode.TYPE_MISMATCH, "Cannot read input of type integer as JSON using formatting JSON");
        assertFails("SELECT * FROM json_table(1, 'lax $[*]' COLUMNS (a integer PATH 'lax $'))", ErrorCode.TYPE_MISMATCH);
        assertResult("SELECT * FROM json_table(to_utf8('[{\"a\":\"s\"}]') FORMAT JSON ENCODING UTF8, 'lax $[*]' COLUMNS ("
                        + "a varchar FORMAT JSON PATH 'lax $.a' OMIT QUOTES, b varchar FORMAT JSON PATH 'lax $.a' KEEP QUOTES))",
                List.of("varchar", "varchar"), List.of("s", "\"s\""));
    }

    @Test
    void pathGrammarAndArithmeticAsTrinos() throws Exception {
        assertFails("SELECT json_query('[\"abc\"]', 'lax $[*] ? (@ starts with $[0])')", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_value('{\"a$b\":1}', 'lax $.a$b')", ErrorCode.SYNTAX_ERROR);
        // bigint overflow is an error: NULL ON ERROR
        assertResult("SELECT json_value('[9223372036854775807]', 'lax $[0] + 1'), json_value('[9223372036854775807]', 'lax $[0] - 1')",
                List.of("varchar", "varchar"), Arrays.asList(null, "9223372036854775806"));
    }

    @Test
    void itemsCastAsTheirTypesToTheReturningType() throws Exception {
        // a boolean is 1 or 0 as a number, a number true when not zero as a boolean; a string is cast as text
        assertResult("SELECT json_value('true', 'lax $' RETURNING integer), json_value('false', 'lax $' RETURNING double),"
                        + " json_value('\"true\"', 'lax $' RETURNING integer), json_value('1.5', 'lax $' RETURNING boolean),"
                        + " json_value('0', 'lax $' RETURNING boolean)",
                List.of("integer", "double", "integer", "boolean", "boolean"), Arrays.asList(1L, 0.0, null, true, false));
    }

    @Test
    void passedDateTimesAreTypedItems() throws Exception {
        assertResult("SELECT json_value('{}', 'lax $v.type()' PASSING DATE '2020-01-01' AS \"v\"),"
                        + " json_value('{}', 'lax $v.type()' PASSING TIMESTAMP '2020-01-01 01:02:03' AS \"v\"),"
                        + " json_value('{}', 'lax $v' PASSING DATE '2020-01-01' AS \"v\"),"
                        + " json_query('{}', 'lax $v' PASSING DATE '2020-01-01' AS \"v\"),"
                        + " json_value('{}', 'lax $v.type()' PASSING INTERVAL '1' DAY AS \"v\")",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                Arrays.asList("date", "timestamp without time zone", "2020-01-01", null, "string"));
        assertFails("SELECT json_query('{}', 'lax $v' PASSING DATE '2020-01-01' AS \"v\" ERROR ON ERROR)",
                ErrorCode.JSON_OUTPUT_CONVERSION_ERROR);
    }

    @Test
    void columnTypesAndEncodings() throws Exception {
        assertResult("SELECT to_hex(a) FROM json_table('[{\"a\":[1]}]', 'lax $[*]' COLUMNS (a varbinary FORMAT JSON ENCODING UTF16 PATH 'lax $.a'))",
                List.of("varchar"), List.of("5B0031005D00"));
        assertFails("SELECT * FROM json_table('[{\"a\":[1]}]', 'lax $[*]' COLUMNS (a varchar FORMAT JSON ENCODING UTF16 PATH 'lax $.a'))",
                ErrorCode.TYPE_MISMATCH, "Cannot output JSON value as varchar using formatting JSON ENCODING UTF16");
        assertFails("SELECT * FROM json_table('[{\"a\":1}]', 'lax $[*]' COLUMNS (a array(integer) PATH 'lax $.a'))", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void leftJoinOnTrueKeepsRowsWithoutItems() throws Exception {
        assertResult("SELECT r.name, t.v FROM region r LEFT OUTER JOIN json_table('[' || CAST(r.regionkey AS varchar) || ']',"
                        + " 'lax $[*] ? (@ > 2)' COLUMNS (v integer PATH 'lax $')) AS t ON TRUE ORDER BY 1",
                List.of("varchar(25)", "integer"), Arrays.asList("AFRICA", null), Arrays.asList("AMERICA", null),
                Arrays.asList("ASIA", null), Arrays.asList("EUROPE", 3L), Arrays.asList("MIDDLE EAST", 4L));
    }
}
