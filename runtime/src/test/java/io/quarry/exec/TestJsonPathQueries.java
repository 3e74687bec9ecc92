package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL/JSON path language of json_query, json_value and json_exists: wildcards, ranges and {@code last},
 * filters with three-valued predicates, item methods, arithmetic, and the lax and strict modes. The expected values
 * were taken from Trino 476 and are written here.
 */
class TestJsonPathQueries extends LocalQueryTest {
    private static final String ITEMS = "'[{\"n\":\"ab\",\"p\":5},{\"n\":\"cd\",\"p\":15}]'";

    @Test
    void wildcardsRangesAndLast() throws Exception {
        assertResult("SELECT json_query('{\"b\":1,\"a\":2}', 'lax $'), json_query('{\"b\":1,\"a\":2}', 'lax $.*' WITH ARRAY WRAPPER),"
                + " json_query('[1,[2,3]]', 'lax $[*][*]' WITH ARRAY WRAPPER), json_query('[1,2,3,4]', 'lax $[1, 3 to last]' WITH ARRAY WRAPPER),"
                + " json_value('[1,2,3]', 'lax $[last - 1]'), json_query('{\"a\":[{\"b\":1},{\"b\":2}]}', 'lax $.a.b' WITH ARRAY WRAPPER)",
            List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
            List.of("{\"b\":1,\"a\":2}", "[1,2]", "[1,2,3]", "[2,4]", "2", "[1,2]"));
    }

    @Test
    void laxFindsNothingWhereStrictFails() throws Exception {
        assertResult("SELECT json_query('{\"a\":[{\"b\":1},{\"b\":2}]}', 'strict $.a.b' WITH ARRAY WRAPPER),"
                + " json_query('[1,2]', 'lax $[5]' WITH ARRAY WRAPPER), json_query('[1,2]', 'strict $[1 to 0]' WITH ARRAY WRAPPER EMPTY ARRAY ON ERROR),"
                + " json_exists('[1]', 'lax $.a'), json_exists('{\"a\":1}', 'strict $.b')",
            List.of("varchar", "varchar", "varchar", "boolean", "boolean"),
            Arrays.asList(null, null, "[]", false, false));
        assertFails("SELECT json_query('{\"c\":{\"d\":[10,20]}}', 'strict $.c.d[2]' ERROR ON ERROR)", ErrorCode.PATH_EVALUATION_ERROR);
    }

    @Test
    void filtersAreThreeValued() throws Exception {
        assertResult("SELECT json_query(" + ITEMS + ", 'lax $[*]?(@.p > 10 && @.n starts with \"c\").n' WITH ARRAY WRAPPER),"
                + " json_query(" + ITEMS + ", 'lax $[*]?(@.p > 10 || !(@.n == \"ab\")).n' WITH ARRAY WRAPPER),"
                + " json_query(" + ITEMS + ", 'lax $[*]?((@.p + 1) * 2 > 20).p' WITH ARRAY WRAPPER),"
                + " json_exists('[1,null,3]', 'lax $[*]?(@ == null)'), json_exists('{\"a\":1}', 'lax $?(exists(@.a))'),"
                + " json_exists('[1]', 'lax $[*]?((@ > 5) is unknown)'), json_exists('{\"a\":[1,\"x\"]}', 'lax $.a?(@ > 1)')",
            List.of("varchar", "varchar", "varchar", "boolean", "boolean", "boolean", "boolean"),
            List.of("[\"cd\"]", "[\"cd\"]", "[15]", true, true, false, false));
    }

    @Test
    void methodsAndArithmetic() throws Exception {
        assertResult("SELECT json_query('[[1,2],[3]]', 'lax $[*].size()' WITH ARRAY WRAPPER),"
                + " json_query('[1,\"a\",null,true,[],{}]', 'lax $[*].type()' WITH ARRAY WRAPPER),"
                + " json_query('[1.4,-1.6]', 'lax $[*].ceiling()' WITH ARRAY WRAPPER), json_query('[1.4,-1.6]', 'lax $.abs()' WITH ARRAY WRAPPER),"
                + " json_query('[1.5, 2, \"3\"]', 'lax $[*].double()' WITH ARRAY WRAPPER),"
                + " json_query('[{\"a\":1,\"b\":2},{\"c\":3}]', 'lax $[*].keyvalue()' WITH ARRAY WRAPPER)",
            List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
            List.of("[2,1]", "[\"number\",\"string\",\"null\",\"boolean\",\"array\",\"object\"]", "[2.0,-1.0]", "[1.4,1.6]",
                    "[1.5,2.0,3.0]", "[{\"name\":\"a\",\"value\":1,\"id\":0},{\"name\":\"b\",\"value\":2,\"id\":0},"
                            + "{\"name\":\"c\",\"value\":3,\"id\":1}]"));
        assertResult("SELECT json_value('[1,2,3]', 'lax $[0] + $[2] * 2'), json_value('[1.5]', 'lax $[0] * 2'),"
                + " json_value('[1]', 'lax $[0] / 2'), json_value('[7]', 'lax $[0] % 2'), json_value('[1]', 'lax -$[0]')",
            List.of("varchar", "varchar", "varchar", "varchar", "varchar"), List.of("7", "3.0E0", "0", "1", "-1"));
    }

    @Test
    void sequencesMeetTheCallsBehaviours() throws Exception {
        assertResult("SELECT json_query('[1,2,3]', 'lax $[*]'), json_value('[1,2]', 'lax $[*]'),"
                + " json_exists('[1,\"x\"]', 'strict $[1] + 1' TRUE ON ERROR), json_exists('[1,\"x\"]', 'strict $[1] + 1' UNKNOWN ON ERROR),"
                + " json_value('{\"a\":12345678901234567890}', 'lax $.a')",
            List.of("varchar", "varchar", "boolean", "boolean", "varchar"), Arrays.asList(null, null, true, null, null));
        assertFails("SELECT json_query('[1,2,3]', 'lax $[*]' ERROR ON ERROR)", ErrorCode.JSON_OUTPUT_CONVERSION_ERROR,
                "JSON path found multiple items");
        assertFails("SELECT json_value('[1,2]', 'lax $[*]' ERROR ON ERROR)", ErrorCode.JSON_VALUE_RESULT_ERROR,
                "JSON path found multiple items");
        assertFails("SELECT json_exists('[1,\"x\"]', 'strict $[*] + 1' ERROR ON ERROR)", ErrorCode.PATH_EVALUATION_ERROR,
                "arithmetic binary expression requires singleton operands");
    }

    @Test
    void invalidPathsAreSyntaxErrors() {
        assertFails("SELECT json_value('[1,2]', 'lax $[0] +')", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_query('{\"a\":1}', 'lax $.**' WITH ARRAY WRAPPER)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_query('{\"a\":1}', 'foo $.a')", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_exists('[\"a\"]', 'lax $?(@ like_regex \"^a\")')", ErrorCode.NOT_SUPPORTED);
    }

    @Test
    void jsonArrayGetGivesStringsUnquotedAndObjectsAsWritten() throws Exception {
        assertResult("SELECT json_array_get('[\"a\",\"b\"]', -1), json_array_get('[1.5, null]', 1), json_array_get('[{\"b\":1,\"a\":2}]', 0)",
            List.of("json", "json", "json"), Arrays.asList("b", null, "{\"b\":1,\"a\":2}"));
    }

    @Test
    void clausesCombineInTrinosOrder() throws Exception {
        assertResult("SELECT to_base64(json_query('{\"a\":\"x\"}', 'lax $.a' RETURNING varbinary FORMAT JSON ENCODING UTF16 OMIT QUOTES)),"
                        + " to_base64(json_query('{\"a\":\"x\"}', 'lax $.a' RETURNING varbinary OMIT QUOTES ON SCALAR STRING)),"
                        + " to_base64(json_query('{\"a\":\"x\"}', 'strict $.b' RETURNING varbinary FORMAT JSON ENCODING UTF16"
                        + " OMIT QUOTES NULL ON EMPTY EMPTY ARRAY ON ERROR)),"
                        + " to_base64(json_query(to_utf8('{\"a\":\"x\"}') FORMAT JSON ENCODING UTF8, 'lax $.a' PASSING 1 AS x"
                        + " RETURNING varbinary FORMAT JSON ENCODING UTF32 WITHOUT ARRAY WRAPPER OMIT QUOTES))",
                List.of("varchar", "varchar", "varchar", "varchar"), List.of("eAA=", "eA==", "WwBdAA==", "eAAAAA=="));
        assertFails("SELECT json_query('{\"a\":\"x\"}', 'lax $.a' OMIT QUOTES WITH WRAPPER)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_query('{\"a\":\"x\"}', 'lax $.a' NULL ON EMPTY OMIT QUOTES)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_query('{\"a\":\"x\"}', 'lax $.a' NULL ON ERROR NULL ON EMPTY)", ErrorCode.SYNTAX_ERROR);
        assertFails("SELECT json_query('{\"a\":\"x\"}', 'lax $.a' WITH CONDITIONAL ARRAY WRAPPER KEEP QUOTES)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "KEEP QUOTES behavior specified with WITH CONDITIONAL ARRAY WRAPPER behavior");
        // text has no ENCODING, not even UTF8
        assertFails("SELECT json_query('{\"a\":\"x\"}' FORMAT JSON ENCODING UTF8, 'lax $.a')", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT json_array('{}' FORMAT JSON ENCODING UTF8)", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void quotesAndCharResults() throws Exception {
        assertResult("SELECT json_query('{\"a\":\"x\"}', 'strict $.a' KEEP QUOTES), json_query('{\"a\":\"x\"}', 'strict $.a' OMIT QUOTES),"
                        + " json_query('{\"a\":\"x\\\\ny\"}', 'lax $.a' OMIT QUOTES ON SCALAR STRING), json_query('{\"a\":[1]}', 'lax $.a' OMIT QUOTES),"
                        + " json_query('{\"a\":\"x\"}', 'lax $.b' OMIT QUOTES EMPTY ARRAY ON EMPTY),"
                        + " json_query('{\"a\":\"x\"}', 'lax $.a' RETURNING varchar(10) OMIT QUOTES)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar(10)"),
                List.of("\"x\"", "x", "x\\ny", "[1]", "[]", "x"));
        assertFails("SELECT json_query('{\"a\":\"x\"}', 'lax $.a' WITH ARRAY WRAPPER OMIT QUOTES)",
                ErrorCode.INVALID_FUNCTION_ARGUMENT, "OMIT QUOTES behavior specified with WITH UNCONDITIONAL ARRAY WRAPPER behavior");
        assertResult("SELECT json_value('{\"a\": \"nice\"}', 'lax $.a' RETURNING char(12))",
                List.of("char(12)"), List.of("nice")); // a char's padding is the protocol's
    }

    @Test
    void descendantMembersAndNegatedExists() throws Exception {
        assertResult("SELECT json_query('{\"id\" : 1, \"notes\" : [{\"type\" : 1, \"comment\" : \"foo\"}, {\"type\" : 2, \"comment\" : null}],"
                        + " \"comment\" : [\"bar\", \"baz\"]}', 'lax $..comment' WITH ARRAY WRAPPER),"
                        + " json_query('[{\"customer\" : 100}, {\"region\" : \"ASIA\"}]', 'lax $[*]?(!exists(@.customer))' WITH ARRAY WRAPPER),"
                        + " json_query('{\"a\": {\"b\": 1}, \"c\": [{\"b\": 2}]}', 'strict $..\"b\"' WITH ARRAY WRAPPER)",
                List.of("varchar", "varchar", "varchar"),
                List.of("[[\"bar\",\"baz\"],\"foo\",null]", "[{\"region\":\"ASIA\"}]", "[1,2]"));
    }

    @Test
    void passingClauseValues() throws Exception {
        assertResult("SELECT json_value('[{\"price\": 1}, {\"price\": 7}]', 'strict $[last].price + $tax' PASSING 3 AS \"tax\"),"
                        + " json_query('{\"a\": 1, \"b\": 2}', 'strict $.keyvalue()?(@.value == $CUST_ID)' PASSING 2 AS CUST_ID),"
                        + " json_value('[1]', 'lax $y' PASSING 1.5 AS \"y\"), json_value('[1]', 'lax $y + 1' PASSING 1.5 AS \"y\"),"
                        + " json_value('[1]', 'lax $y' PASSING REAL '1.5' AS \"y\"), json_value('[1]', 'lax $y' PASSING DATE '2020-01-01' AS \"y\"),"
                        + " json_exists('[1]', 'lax $[0]?(@ == $y)' PASSING 1 AS \"y\")",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "boolean"),
                List.of("10", "{\"name\":\"b\",\"value\":2,\"id\":0}", "1.5", "2.5", "1.5E0", "2020-01-01", true));
        assertResult("SELECT name, json_value('{\"a\": 2}', 'lax $.a * $k' PASSING nationkey AS \"k\", name AS \"n\" RETURNING bigint)"
                        + " FROM nation WHERE nationkey < 2 ORDER BY nationkey",
                List.of("varchar(25)", "bigint"), List.of("ALGERIA", 0L), List.of("ARGENTINA", 2L));
        assertFails("SELECT json_value('[1]', 'lax $[0] + $x' PASSING 3 AS x)", ErrorCode.INVALID_PATH,
                "no value passed for parameter x. Try quoting \"x\" in the PASSING clause to match case");
        assertFails("SELECT json_value('[1]', 'lax $y' PASSING 1 AS \"y\", 2 AS \"y\")", ErrorCode.DUPLICATE_PARAMETER_NAME,
                "y JSON path parameter is specified more than once");
        assertFails("SELECT json_value('[1]', 'lax $y' PASSING ARRAY[1] AS \"y\")", ErrorCode.NOT_SUPPORTED,
                "Unsupported type of JSON path parameter: array(integer)");
    }

    @Test
    void jsonTableRowsOfNestedPaths() throws Exception {
        assertResult("SELECT * FROM json_table('[{\"continent\": \"Asia\", \"countries\": [{\"name\": \"Japan\", \"population\": 125.7}]},"
                        + " {\"continent\": \"Europe\", \"countries\": [{\"name\": \"France\", \"population\": 67.4},"
                        + " {\"name\": \"Germany\", \"population\": 83.2}]}]',\n 'lax $' COLUMNS (NESTED PATH 'lax $[*]' COLUMNS ("
                        + "continent varchar PATH 'lax $.continent', NESTED PATH 'lax $.countries[*]' COLUMNS ("
                        + "country varchar PATH 'lax $.name', population double PATH 'lax $.population'))))",
                List.of("varchar", "varchar", "double"),
                List.of("Asia", "Japan", 125.7), List.of("Europe", "France", 67.4), List.of("Europe", "Germany", 83.2));
        // a parent without nested items keeps a row of nulls (OUTER), none with PLAN INNER; ordinality counts items
        assertResult("SELECT * FROM json_table('[{\"a\":1,\"b\":[1,2]},{\"a\":2,\"b\":[]}]', 'lax $[*]' COLUMNS (n FOR ORDINALITY,"
                        + " a integer PATH 'lax $.a', NESTED PATH 'lax $.b[*]' COLUMNS (m FOR ORDINALITY, b integer PATH 'lax $')))",
                List.of("bigint", "integer", "bigint", "integer"),
                List.of(1L, 1L, 1L, 1L), List.of(1L, 1L, 2L, 2L), Arrays.asList(2L, 2L, null, null));
        assertResult("SELECT * FROM JSON_TABLE('[]', 'lax $' AS \"root_path\" COLUMNS(a varchar(1) PATH 'lax \"A\"',"
                        + " NESTED PATH 'lax $[*]' AS \"nested_path\" COLUMNS (b varchar(1) PATH 'lax \"B\"')) PLAN (\"root_path\" INNER \"nested_path\"))",
                List.of("varchar(1)", "varchar(1)"));
        // the input may read the relations before it; a column without PATH reads the member of its name, upper-cased
        assertResult("SELECT r.name, t.k FROM region r, json_table('{\"k\": \"x\", \"K\": 1}', 'lax $' COLUMNS (k varchar)) t"
                        + " WHERE r.regionkey = 0",
                List.of("varchar(25)", "varchar"), List.of("AFRICA", "1"));
        assertResult("SELECT * FROM json_table('{\"a\": \"x\"}', 'strict $.b' COLUMNS (v integer PATH 'lax $'))", List.of("integer"));
        assertFails("SELECT * FROM json_table('{\"a\": \"x\"}', 'strict $.b' COLUMNS (v integer PATH 'lax $') ERROR ON ERROR)",
                ErrorCode.PATH_EVALUATION_ERROR, "missing member 'b'");
        assertFails("SELECT * FROM json_table('[{\"a\":1}]', 'lax $[*]' COLUMNS (a varchar, \"A\" integer))",
                ErrorCode.DUPLICATE_COLUMN_OR_PATH_NAME, "All column and path names in JSON_TABLE invocation must be unique");
    }

    @Test
    void returningTypeThatDoesNotFitIsAResultErrorOnError() throws Exception {
        assertResult("SELECT json_value('{\"a\":\"12\"}', 'lax $.a' RETURNING integer ERROR ON ERROR),"
                        + " json_value('{\"a\":\"x\"}', 'lax $.a' RETURNING integer)",
                List.of("integer", "integer"), Arrays.asList(12L, null));
        assertFails("SELECT json_value('{\"a\":\"x\"}', 'lax $.a' RETURNING integer ERROR ON ERROR)", ErrorCode.JSON_VALUE_RESULT_ERROR,
                "cannot extract SQL scalar from JSON: Cannot cast value of type varchar to declared return type of function JSON_VALUE: integer");
        assertFails("SELECT * FROM json_table('[{\"a\":\"x\"}]', 'lax $[*]' COLUMNS (a integer PATH 'lax $.a' ERROR ON ERROR))",
                ErrorCode.JSON_VALUE_RESULT_ERROR);
    }
}
