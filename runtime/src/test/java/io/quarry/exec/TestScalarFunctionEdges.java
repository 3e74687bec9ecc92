package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Everyday scalar functions where Quarry answered differently from Trino 476; expected values are Trino's. */
class TestScalarFunctionEdges extends LocalQueryTest {
    @Test
    void arrayJoinShowsElementsAsTheirCastsToVarchar() throws Exception {
        assertResult("SELECT array_join(ARRAY[DATE '2020-01-01', NULL], ','), array_join(ARRAY[TIMESTAMP '2020-01-01 10:00:00'], '|'),"
                        + " array_join(ARRAY[1e0, 2.5e0], '|'), array_join(ARRAY[REAL '1.5'], '|'), array_join(ARRAY[TIME '10:00:00'], '|'),"
                        + " array_join(ARRAY[INTERVAL '1' DAY], '|'), array_join(ARRAY[UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'], '|'),"
                        + " array_join(ARRAY[DECIMAL '1.50', NULL], ',', 'n')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01", "2020-01-01 10:00:00", "1.0E0|2.5E0", "1.5E0", "10:00:00", "1 00:00:00.000",
                        "12151fd2-7586-11e9-8f9e-2a86e4085a59", "1.50,n"));
        assertFails("SELECT array_join(ARRAY[X'01'], '|')", ErrorCode.OPERATOR_NOT_FOUND, "Cannot cast varbinary to varchar");
        assertFails("SELECT array_join(ARRAY[ARRAY[1]], '|')", ErrorCode.OPERATOR_NOT_FOUND, "Cannot cast array(integer) to varchar");
        assertFails("SELECT array_join(ARRAY[ROW(1)], '|')", ErrorCode.OPERATOR_NOT_FOUND, "Cannot cast row(integer) to varchar");
    }

    @Test
    void elementsCastToVarcharAsValuesDo() throws Exception {
        assertResult("SELECT CAST(ARRAY[UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'] AS array(varchar)),"
                        + " CAST(ARRAY[INTERVAL '1' DAY] AS array(varchar)), CAST(MAP(ARRAY['a'], ARRAY[INTERVAL '1' MONTH]) AS map(varchar, varchar))",
                List.of("array(varchar)", "array(varchar)", "map(varchar, varchar)"),
                List.of(List.of("12151fd2-7586-11e9-8f9e-2a86e4085a59"), List.of("1 00:00:00.000"), java.util.Map.of("a", "0-1")));
    }

    @Test
    void formatTakesDateTimesAsJavaValuesAndRefusesBinaryAndStructuralOnes() throws Exception {
        assertResult("SELECT format('%s', TIMESTAMP '2020-01-01 10:00:00'), format('%s', TIMESTAMP '2020-01-01 10:00:00.123456'),"
                        + " format('%s', TIME '10:00:01.5'), format('%s', TIMESTAMP '2020-01-01 10:00:00 UTC'),"
                        + " format('%tY', TIMESTAMP '2020-01-01 10:00:00'), format('%s', INTERVAL '1-2' YEAR TO MONTH),"
                        + " format('%s', IPADDRESS '1.2.3.4'), format('%s %s', 1, NULL)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2020-01-01T10:00", "2020-01-01T10:00:00.123456", "10:00:01.500", "2020-01-01T10:00Z[UTC]", "2020",
                        "1-2", "1.2.3.4", "1 null"));
        for (String value : List.of("ARRAY[1, 2]", "MAP(ARRAY[1], ARRAY[1])", "ROW(1)", "X'01'")) {
            assertFails("SELECT format('%s', " + value + ")", ErrorCode.NOT_SUPPORTED, "Type not supported for formatting");
        }
    }

    @Test
    void failRaisesTheErrorOfItsCode() throws Exception {
        assertFails("SELECT fail('boom')", ErrorCode.GENERIC_USER_ERROR, "boom");
        assertFails("SELECT fail(3, 'boom')", ErrorCode.USER_CANCELED, "boom");
        assertFails("SELECT fail(99999, 'x')", ErrorCode.GENERIC_INTERNAL_ERROR, "Unable to find error for code: 99999");
        assertFails("SELECT CASE WHEN nationkey > 10 THEN fail('big') ELSE nationkey END FROM (VALUES 1, 20) t(nationkey)",
                ErrorCode.GENERIC_USER_ERROR, "big");
        assertResult("SELECT CASE WHEN nationkey > 100 THEN fail('big') ELSE nationkey END, coalesce(1, fail('x')), fail(NULL)"
                        + " FROM tpch.tiny.nation WHERE nationkey = 1",
                List.of("bigint", "integer", "unknown"), java.util.Arrays.asList(1L, 1L, null));
    }

    @Test
    void mapCastRefusesKeysThatMeet() throws Exception {
        assertFails("SELECT CAST(MAP(ARRAY['1', '01'], ARRAY['a', 'b']) AS map(integer, varchar))",
                ErrorCode.INVALID_CAST_ARGUMENT, "duplicate keys");
        assertFails("SELECT CAST(MAP(ARRAY[1.4, 1.2], ARRAY['a', 'b']) AS map(integer, varchar))",
                ErrorCode.INVALID_CAST_ARGUMENT, "duplicate keys");
        assertFails("SELECT CAST(JSON '{\"1\":1,\"01\":2}' AS map(integer, integer))",
                ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast to map(integer, integer). Duplicate map keys are not allowed");
        assertResult("SELECT TRY_CAST(x AS map(integer, varchar)), TRY_CAST(JSON '{\"1\":1,\"01\":2}' AS map(integer, integer))"
                        + " FROM (VALUES MAP(ARRAY['1', '01'], ARRAY['a', 'b'])) t(x)",
                List.of("map(integer, varchar)", "map(integer, integer)"), java.util.Arrays.asList(null, null));
        assertResult("SELECT CAST(MAP(ARRAY['1', '2'], ARRAY['a', 'b']) AS map(integer, varchar))",
                List.of("map(integer, varchar)"), List.of(java.util.Map.of(1L, "a", 2L, "b")));
    }

    @Test
    void dateParseReadsWeekdaysTwoDigitYearsAndLoneSpecifiers() throws Exception {
        assertResult("SELECT CAST(date_parse('Monday 5 January 2020', '%W %e %M %Y') AS varchar), CAST(date_parse('Sun 2020', '%a %Y') AS varchar),"
                        + " CAST(date_parse('70', '%y') AS varchar), CAST(date_parse('69', '%y') AS varchar),"
                        + " CAST(date_parse('2020', '%Y%') AS varchar), CAST(date_parse('2020q', '%Y%q') AS varchar),"
                        + " date_format(TIMESTAMP '2020-01-05 00:00:00', '%Y%')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("2019-12-30 00:00:00.000", "2020-01-05 00:00:00.000", "1970-01-01 00:00:00.000", "2069-01-01 00:00:00.000",
                        "2020-01-01 00:00:00.000", "2020-01-01 00:00:00.000", "2020"));
        assertFails("SELECT date_parse('2020 01', '%Y %U')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "%U not supported in date format string");
    }

    @Test
    void argumentsOfTheWrongKindAreTrinosErrors() {
        // no signature for the argument types
        assertFails("SELECT date_trunc('month', '2020-01-01')", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (varchar(5), varchar(10)) for function date_trunc");
        assertFails("SELECT element_at(ARRAY[1], 'a')", ErrorCode.FUNCTION_NOT_FOUND, "for function element_at");
        assertFails("SELECT element_at(MAP(ARRAY[1], ARRAY[2]), 'a')", ErrorCode.FUNCTION_NOT_FOUND, "for function element_at");
        assertFails("SELECT contains(ARRAY['a'], 1)", ErrorCode.FUNCTION_NOT_FOUND, "for function contains");
        assertFails("SELECT array_position(ARRAY[1], 'a')", ErrorCode.FUNCTION_NOT_FOUND, "for function array_position");
        assertFails("SELECT repeat('a', 2.5)", ErrorCode.FUNCTION_NOT_FOUND, "for function repeat");
        assertFails("SELECT sequence(1, 5, 1.5)", ErrorCode.FUNCTION_NOT_FOUND, "for function sequence");
        assertFails("SELECT slice(ARRAY[1, 2], 1.5, 1)", ErrorCode.FUNCTION_NOT_FOUND, "for function slice");
        assertFails("SELECT array_sort(ARRAY['bb', 'a'], (a, b) -> length(a) - length(b))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (array(varchar(2)), <function>) for function array_sort");
        assertFails("SELECT array_sort(ARRAY[3, 1], (x, y) -> NULL)", ErrorCode.FUNCTION_NOT_FOUND, "for function array_sort");
        assertFails("SELECT cardinality(1)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer) for function cardinality");
        assertFails("SELECT map(ARRAY[1], 2)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT codepoint(name) FROM tpch.tiny.nation", ErrorCode.FUNCTION_NOT_FOUND, "for function codepoint");
        // operands that must be booleans or text, subscripts of the wrong type
        assertFails("SELECT true AND 1", ErrorCode.TYPE_MISMATCH, "Logical expression term must evaluate to a boolean (actual: integer)");
        assertFails("SELECT NOT 1", ErrorCode.TYPE_MISMATCH, "Value of logical NOT expression must evaluate to a boolean (actual: integer)");
        assertFails("SELECT if(1, 2, 3)", ErrorCode.TYPE_MISMATCH, "IF condition must evaluate to a boolean (actual: integer)");
        assertFails("SELECT 1 LIKE 'a'", ErrorCode.TYPE_MISMATCH, "Left side of LIKE expression must evaluate to a varchar (actual: integer)");
        assertFails("SELECT CASE WHEN 1 THEN 1 END", ErrorCode.TYPE_MISMATCH, "CASE WHEN clause must evaluate to a boolean");
        assertFails("SELECT name FROM tpch.tiny.nation WHERE 1", ErrorCode.TYPE_MISMATCH, "WHERE clause must evaluate to a boolean");
        assertFails("SELECT count(*) FROM tpch.tiny.nation HAVING 1", ErrorCode.TYPE_MISMATCH, "HAVING clause must evaluate to a boolean");
        assertFails("SELECT format(1, 2)", ErrorCode.TYPE_MISMATCH, "Type of first argument to format() must be VARCHAR (actual: integer)");
        assertFails("SELECT MAP(ARRAY[1], ARRAY[2])['a']", ErrorCode.TYPE_MISMATCH,
                "Cannot use varchar(1) for subscript of map(integer, integer)");
        assertFails("SELECT ARRAY[1][1.5]", ErrorCode.TYPE_MISMATCH, "Cannot use decimal(2,1) for subscript of array(integer)");
    }

    @Test
    void jsonExtractPathsAreTrinos() throws Exception {
        for (String path : List.of("$.*.b", "$.a.length()", "$.a[-1]", "$.a b", "$.a$", " $.a", "$.a ", "$[ \"a\"]", "$.a[+1]", "$['a']")) {
            assertFails("SELECT json_extract('{\"a\":[1,2]}', '" + path.replace("'", "''") + "')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Invalid JSON path");
        }
        assertResult("SELECT json_extract_scalar('{\"a:b\":3}', '$.a:b'), json_extract_scalar('{\"a\":[1,2]}', '$.a[01]'),"
                        + " json_extract_scalar('{\"a\":[1,2]}', '$[\"a\"][1]')",
                List.of("varchar(9)", "varchar(11)", "varchar(11)"), List.of("3", "2", "2"));
        // a key in brackets may go unquoted: letters, digits and _
        assertResult("SELECT json_extract('{\"store\":{\"book\":[1]}}', '$.store[book]'), json_extract('{\"a\":{\"b_1\":2}}', '$[a][b_1]'),"
                        + " json_extract('{\"k\":[5]}', '$.k[0x]')",
                List.of("json", "json", "json"), Arrays.asList("[1]", "2", null));
        for (String path : List.of("$.a[b:c]", "$.a[x.y]", "$.a[a b]", "$.a[*]")) {
            assertFails("SELECT json_extract('{\"a\":[1,2]}', '" + path + "')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid JSON path");
        }
    }

    @Test
    void anInvalidConstantPatternOrPathFailsWhereTryCatchesIt() throws Exception {
        assertResult("SELECT try(regexp_like('a', '(')), try(regexp_extract('a', '(')), try(regexp_replace('a', '(', 'x')),"
                        + " try(regexp_extract_all('a', '(')), try(regexp_split('a', '('))",
                List.of("boolean", "varchar(1)", "varchar(3)", "array(varchar(1))", "array(varchar(1))"),
                java.util.Arrays.asList(null, null, null, null, null));
        assertResult("SELECT try(date_parse('2020', '%Y %U')), try(json_extract('{}', 'bad')), try(json_size('{}', 'bad')),"
                        + " try(json_extract_scalar('{}', 'bad'))",
                List.of("timestamp(3)", "json", "bigint", "varchar(2)"), java.util.Arrays.asList(null, null, null, null));
        assertFails("SELECT json_extract('{}', 'bad')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid JSON path: 'bad'");
        assertResult("SELECT count(*) FROM tpch.tiny.nation WHERE false AND regexp_like(name, '(')", List.of("bigint"), List.of(0L));
        assertFails("SELECT regexp_like(name, '(') FROM (VALUES 'a') t(name)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid regular expression");
    }

    @Test
    void anEmptyArrayTakesTheTypeOfTheValueSought() throws Exception {
        assertResult("SELECT contains(ARRAY[], 1), array_position(ARRAY[], 1), array_remove(ARRAY[], 1), array_remove(ARRAY[NULL], 'a'),"
                        + " cardinality(map_from_entries(ARRAY[]))",
                List.of("boolean", "bigint", "array(integer)", "array(varchar(1))", "bigint"),
                List.of(false, 0L, List.of(), java.util.Arrays.asList((Object) null), 0L));
    }

    @Test
    void randomOfARangeTakesTheWiderTypeAndEmptyBinsFailAtRunTime() throws Exception {
        assertResult("SELECT typeof(random(BIGINT '1', 5)), typeof(random(CAST(1 AS tinyint), CAST(3 AS smallint))), typeof(random(1, 5))",
                List.of("varchar", "varchar", "varchar"), List.of("bigint", "smallint", "integer"));
        assertFails("SELECT width_bucket(5e0, ARRAY[])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Bins cannot be an empty array");
    }
}
