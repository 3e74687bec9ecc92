package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values of unknown type (a bare NULL, the parameter of a lambda over {@code ARRAY[]}, an empty array or map, a NULL
 * collection) beside typed ones; expected values are Trino 476's.
 */
class TestUnknownTypedValues extends LocalQueryTest {
    @Test
    void anUnknownOperandTakesTheOtherNumbersType() throws Exception {
        assertResult("SELECT transform(ARRAY[], x -> x + 1), transform(ARRAY[NULL], x -> x * 2.5), transform(ARRAY[NULL], x -> x % 2.5),"
                        + " transform(ARRAY[NULL], x -> abs(x)), transform(ARRAY[NULL], x -> x + DOUBLE '1')",
                List.of("array(integer)", "array(decimal(3,1))", "array(decimal(2,1))", "array(tinyint)", "array(double)"),
                List.of(List.of(), Arrays.asList((Object) null), Arrays.asList((Object) null), Arrays.asList((Object) null),
                        Arrays.asList((Object) null)));
        assertResult("SELECT NULL * 2.5, 2.5 - NULL, NULL / 2.5, (SELECT NULL) + 1, NULL + CAST(1 AS bigint)",
                List.of("decimal(3,1)", "decimal(3,1)", "decimal(3,1)", "integer", "bigint"), Arrays.asList(null, null, null, null, null));
    }

    @Test
    void operatorsOfOnlyUnknownsAreAmbiguous() {
        assertFails("SELECT NULL - NULL", ErrorCode.AMBIGUOUS_FUNCTION_CALL, "Could not choose a best candidate operator");
        assertFails("SELECT - NULL", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT zip_with(ARRAY[], ARRAY[], (a, b) -> a + b)", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        // an interval times a bigint or a double would take the NULL too
        assertFails("SELECT CAST(1 AS bigint) * NULL", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT NULL / DOUBLE '1'", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
    }

    @Test
    void aNullCollectionOfALambdaFunctionIsOfTheLambdasType() throws Exception {
        assertResult("SELECT transform(NULL, x -> x + 1), filter(NULL, x -> true), reduce(NULL, 0, (s, x) -> s + x, s -> s),"
                        + " any_match(NULL, x -> true), zip_with(ARRAY[1], NULL, (a, b) -> a)",
                List.of("array(integer)", "array(unknown)", "integer", "boolean", "array(integer)"),
                Arrays.asList(null, null, null, null, null));
        assertResult("SELECT transform_values(NULL, (k, v) -> v), map_filter(NULL, (k, v) -> true),"
                        + " map_zip_with(NULL, MAP(ARRAY[1], ARRAY[2]), (k, a, b) -> b)",
                List.of("map(unknown, unknown)", "map(unknown, unknown)", "map(integer, integer)"), Arrays.asList(null, null, null));
    }

    @Test
    void emptyCollectionsTakeTheOtherArgumentsTypes() throws Exception {
        assertResult("SELECT map_zip_with(MAP(), MAP(ARRAY[1], ARRAY[2]), (k, a, b) -> b), array_union(ARRAY[], ARRAY[1]),"
                        + " array_intersect(ARRAY[], ARRAY[1]), array_except(ARRAY[], ARRAY[1]), multimap_from_entries(ARRAY[])",
                List.of("map(integer, integer)", "array(integer)", "array(integer)", "array(integer)", "map(unknown, array(unknown))"),
                List.of(Map.of(1L, 2L), List.of(1L), List.of(), List.of(), Map.of()));
    }

    @Test
    void aValuesSubQueryOfSeveralColumnsIsARow() throws Exception {
        assertResult("SELECT (VALUES (1, 2)), (VALUES (1, 'a')) = ROW(1, 'a'), (VALUES 1)",
                List.of("row(integer, integer)", "boolean", "integer"), List.of(List.of(1L, 2L), true, 1L));
        assertFails("SELECT (VALUES (1, 'a'), (2, 'b'))", ErrorCode.SUBQUERY_MULTIPLE_ROWS);
    }

    @Test
    void charsConcatenateTwoAtATime() throws Exception {
        assertResult("SELECT CAST('a' AS char(3)) || 'b' || CAST('c' AS char(2))", List.of("char(6)"), List.of("a  bc"));
        assertFails("SELECT concat(CAST('a' AS char(3)), 'b', CAST('c' AS char(2)))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (char(3), varchar(1), char(2)) for function concat");
    }

    @Test
    void arraysMapsAndRowsOfCharsCombineAsChars() throws Exception {
        assertResult("SELECT coalesce(ARRAY[CAST('a' AS char(2))], ARRAY['bcd']), coalesce(ROW(CAST('a' AS char(2)), 1), ROW('bcd', 2)),"
                        + " coalesce(CAST(ARRAY[CAST('abcde' AS char(5))] AS array(varchar(2))), ARRAY['xyz'])",
                List.of("array(char(3))", "row(char(3), integer)", "array(varchar(3))"),
                List.of(List.of("a"), List.of("a", 1L), List.of("ab")));
    }

    @Test
    void anEmptyArrayConcatenatedWithATypedArrayIsAmbiguous() throws Exception {
        assertFails("SELECT ARRAY[] || ARRAY[1]", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT concat(ARRAY[1], ARRAY[NULL])", ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertResult("SELECT ARRAY[] || ARRAY[], concat(ARRAY[], ARRAY[1], ARRAY[2]), ARRAY[] || 1",
                List.of("array(unknown)", "array(integer)", "array(integer)"), List.of(List.of(), List.of(1L, 2L), List.of(1L)));
    }
}
