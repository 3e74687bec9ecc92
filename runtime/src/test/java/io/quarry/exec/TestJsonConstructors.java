package io.quarry.exec;

import static io.quarry.exec.TestStructuralAndWindowFunctions.assertFails;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json_object and json_array, with the texts and errors Trino 476 gives. */
class TestJsonConstructors extends LocalQueryTest {
    @Test
    void objects() throws Exception {
        assertResult("SELECT json_object('a': 1, 'b': 'x'), json_object(KEY 'a' VALUE 1.5, 'b' VALUE 1e0, 'c': true),"
                        + " json_object('a': NULL), json_object('a': NULL ABSENT ON NULL), json_object('a': DATE '2020-01-01'),"
                        + " json_object('a': '[1, 2]' FORMAT JSON), json_object('k' || 'x': 'x\"y')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("{\"a\":1,\"b\":\"x\"}", "{\"a\":1.5,\"b\":1.0,\"c\":true}", "{\"a\":null}", "{}",
                        "{\"a\":\"2020-01-01\"}", "{\"a\":[1,2]}", "{\"kx\":\"x\\\"y\"}"));
        assertFails("SELECT json_object('a': 1, 'a': 2)", ErrorCode.NOT_SUPPORTED, "duplicate key");
        assertFails("SELECT json_object('a': X'01')", ErrorCode.NOT_SUPPORTED,
                "Unsupported type of value passed to JSON_OBJECT function: varbinary");
    }

    @Test
    void arrays() throws Exception {
        assertResult("SELECT json_array(1, 'a', true, NULL), json_array(1, NULL NULL ON NULL), json_array(),"
                        + " json_array('x' || 'y', 3.25, REAL '1.5', CAST(2 AS tinyint)), json_array(json_object('k': 'v'))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("[1,\"a\",true]", "[1,null]", "[]", "[\"xy\",3.25,1.5,2]", "[{\"k\":\"v\"}]"));
        assertResult("SELECT json_array(name, regionkey) FROM region WHERE regionkey < 2 ORDER BY regionkey",
                List.of("varchar"), List.of("[\"AFRICA\",0]"), List.of("[\"AMERICA\",1]"));
        assertFails("SELECT json_array(ARRAY[1, 2])", ErrorCode.NOT_SUPPORTED,
                "Unsupported type of value passed to JSON_ARRAY function: array(integer)");
    }

    @Test
    void valuesOfOtherTypesAndJsonQueryResults() throws Exception {
        assertResult("SELECT json_array(json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key')),"
                        + " json_object('x' : json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key')),"
                        + " json_array(DATE '2001-01-31', UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59', IPADDRESS '1.2.3.4', JSON '\"a\"'),"
                        + " json_array(CAST('a' AS char(3)))",
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("[[\"value\"]]", "{\"x\":[\"value\"]}",
                        "[\"2001-01-31\",\"12151fd2-7586-11e9-8f9e-2a86e4085a59\",\"1.2.3.4\",\"a\"]", "[\"a  \"]"));
        assertFails("SELECT json_array(JSON '[1]')", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast '[1]' to varchar");
    }

    @Test
    void uniqueKeysAndReturningClauses() throws Exception {
        assertResult("SELECT json_object('a': 1, 'b': 2 WITH UNIQUE KEYS), json_object('a': 1, 'b': 2 WITH UNIQUE),"
                        + " json_array(1, 2, 3 RETURNING varchar(3)), json_object('x' : 1 RETURNING char(10)),"
                        + " json_object('x' : 1 ABSENT ON NULL WITH UNIQUE KEYS RETURNING varchar(20)), json_array(1 RETURNING varchar FORMAT JSON)",
                List.of("varchar", "varchar", "varchar(3)", "char(10)", "varchar(20)", "varchar"),
                List.of("{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":2}", "[1,", "{\"x\":1}", "{\"x\":1}", "[1]"));
        assertResult("SELECT to_hex(json_array(true, 1 RETURNING VARBINARY)),"
                        + " to_hex(json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)),"
                        + " to_hex(json_object('x' : 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF32))",
                List.of("varchar", "varchar", "varchar"),
                List.of("5B747275652C315D", "5B0074007200750065002C0031005D00",
                        "7B000000220000007800000022000000" + "3A000000310000007D000000"));
        assertResult("SELECT json_array(json_array(1 RETURNING varchar(5)), 2), json_array(json_array(1 RETURNING varbinary))",
                List.of("varchar", "varchar"), List.of("[[1],2]", "[[1]]"));
        assertFails("SELECT json_object('x' : null, 'x' : 1 WITH UNIQUE KEYS)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "duplicate key passed to JSON_OBJECT function");
        assertFails("SELECT json_object('a': 1, 'a': 2 WITHOUT UNIQUE KEYS)", ErrorCode.NOT_SUPPORTED,
                "cannot construct a JSON object with duplicate key");
    }

    @Test
    void jsonTextInVarbinaryAndItsEncodings() throws Exception {
        assertResult("SELECT json_array('[  \"text\"  ] ' FORMAT JSON, X'5B0035005D00' FORMAT JSON ENCODING UTF16),"
                        + " json_object('x' : '[1]' FORMAT JSON, 'y' : X'5B000000350000005D000000' FORMAT JSON ENCODING UTF32),"
                        + " json_array(X'5B315D' FORMAT JSON), json_query(X'5B0031005D00' FORMAT JSON ENCODING UTF16, 'lax $'),"
                        + " json_query('[1]' FORMAT JSON, 'lax $'), json_value(X'5B315D' FORMAT JSON, 'lax $[0]')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("[[\"text\"],[5]]", "{\"x\":[1],\"y\":[5]}", "[[1]]", "[1]", "[1]", "1"));
        assertFails("SELECT json_array('[1]' FORMAT JSON ENCODING UTF16)", ErrorCode.TYPE_MISMATCH,
                "Cannot read input of type varchar(3) as JSON using formatting JSON ENCODING UTF16");
    }
}
