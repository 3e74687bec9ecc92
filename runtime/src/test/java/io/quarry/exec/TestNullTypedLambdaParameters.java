package io.quarry.exec;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lambda parameter bound to elements of type unknown ({@code ARRAY[NULL]}) is of type unknown, as a bare NULL is:
 * function calls on it take the most specific signature, as {@code abs(NULL)} does in Trino 476.
 */
class TestNullTypedLambdaParameters extends LocalQueryTest {
    private static List<Object> nullIn() {
        return Arrays.asList((Object) null);
    }

    @Test
    void functionsOfTheParameterTakeTheMostSpecificSignature() throws Exception {
        assertResult("SELECT transform(ARRAY[NULL], x -> abs(x)), transform(ARRAY[NULL], x -> sign(x)),"
                        + " transform(ARRAY[NULL], x -> lower(x)), transform(ARRAY[NULL], x -> 1 / x)",
                List.of("array(tinyint)", "array(tinyint)", "array(varchar(0))", "array(integer)"),
                List.of(nullIn(), nullIn(), nullIn(), nullIn()));
        assertResult("SELECT transform_values(MAP(ARRAY[1], ARRAY[NULL]), (k, v) -> abs(v)),"
                        + " transform(ARRAY[NULL], x -> transform(ARRAY[NULL], y -> abs(x) + abs(y)))",
                List.of("map(integer, tinyint)", "array(array(tinyint))"),
                List.of(java.util.Collections.singletonMap(1L, null), List.of(nullIn())));
    }

    @Test
    void collectionFunctionsOfTheParameterAnswerUnknowns() throws Exception {
        assertResult("SELECT transform(ARRAY[NULL], x -> map_keys(x)), transform(ARRAY[NULL], x -> map_values(x)),"
                        + " transform(ARRAY[NULL], x -> array_max(x)), transform(ARRAY[NULL], x -> element_at(x, 1))",
                List.of("array(array(unknown))", "array(array(unknown))", "array(unknown)", "array(unknown)"),
                List.of(nullIn(), nullIn(), nullIn(), nullIn()));
    }

    @Test
    void concatenationWithTheParameterAppendsToAnArray() throws Exception {
        assertResult("SELECT transform(ARRAY[NULL], x -> x || 'a'), transform(ARRAY[NULL], x -> concat(x, 'a')),"
                        + " transform(ARRAY[], x -> 1 || x), transform_values(MAP(ARRAY[1], ARRAY[NULL]), (k, v) -> v || 1.5)",
                List.of("array(array(varchar(1)))", "array(array(varchar(1)))", "array(array(integer))",
                        "map(integer, array(decimal(2,1)))"),
                List.of(nullIn(), nullIn(), List.of(), java.util.Collections.singletonMap(1L, null)));
        assertFails("SELECT transform(ARRAY[NULL], x -> x || x)", io.quarry.spi.ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT transform(ARRAY[NULL], x -> x || CAST('a' AS varchar))", io.quarry.spi.ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        assertFails("SELECT any_match(ARRAY[NULL], x -> x || 'a' = 'a')", io.quarry.spi.ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void conditionsSubscriptsAndDateTimeArithmeticBindTheParameter() throws Exception {
        assertResult("SELECT transform(ARRAY[NULL], x -> CASE WHEN x THEN 1 ELSE 2 END), transform(ARRAY[NULL], x -> x[1]),"
                        + " transform(ARRAY[NULL], x -> x[1] + 1), transform(ARRAY[NULL], x -> DATE '2020-01-01' + x),"
                        + " transform(ARRAY[NULL], x -> x - TIMESTAMP '2020-01-01 00:00:00'),"
                        + " transform(ARRAY[NULL], x -> INTERVAL '1' DAY - x)",
                List.of("array(integer)", "array(unknown)", "array(integer)", "array(date)", "array(interval day to second)",
                        "array(interval day to second)"),
                List.of(List.of(2L), nullIn(), nullIn(), nullIn(), nullIn(), nullIn()));
        assertResult("SELECT NULL - DATE '2020-01-01', NULL[1], filter(ARRAY[NULL], x -> CASE WHEN x THEN true END)",
                List.of("interval day to second", "unknown", "array(unknown)"),
                Arrays.asList(null, null, List.of()));
        for (String ambiguous : List.of("transform(ARRAY[NULL], x -> x + INTERVAL '1' DAY)",
                "any_match(ARRAY[NULL], x -> -x = 1)", "transform(ARRAY[NULL], x -> TIMESTAMP '2020-01-01 00:00:00' + x)",
                "transform(ARRAY[NULL], x -> TIME '10:00:00' - x)", "NULL + INTERVAL '1' DAY",
                "filter(ARRAY[NULL], x -> x + INTERVAL '1' DAY > DATE '2020-01-01')")) {
            assertFails("SELECT " + ambiguous, io.quarry.spi.ErrorCode.AMBIGUOUS_FUNCTION_CALL);
        }
    }

    @Test
    void mapLambdasInsideLambdas() throws Exception {
        assertResult("SELECT transform(ARRAY[MAP(ARRAY[1], ARRAY[2])], m -> transform_values(m, (k, v) -> v * k)),"
                        + " transform(ARRAY[MAP(ARRAY[1], ARRAY[2])], m -> transform_keys(m, (k, v) -> k + v))",
                List.of("array(map(integer, integer))", "array(map(integer, integer))"),
                List.of(List.of(java.util.Map.of(1L, 2L)), List.of(java.util.Map.of(3L, 2L))));
    }

    @Test
    void castsToStructuralTypesOfUnknown() throws Exception {
        assertResult("SELECT CAST(NULL AS array(unknown)), CAST(MAP(ARRAY[1], ARRAY[NULL]) AS map(integer, unknown)),"
                        + " transform(CAST(NULL AS array(unknown)), x -> x + 1), transform(CAST(ARRAY[] AS array(unknown)), x -> x)",
                List.of("array(unknown)", "map(integer, unknown)", "array(integer)", "array(unknown)"),
                Arrays.asList(null, java.util.Collections.singletonMap(1L, null), null, List.of()));
        assertFails("SELECT CAST(NULL AS unknown)", io.quarry.spi.ErrorCode.TYPE_MISMATCH, "line 1:8: UNKNOWN is not a valid type");
        assertFails("SELECT CAST(ARRAY[1] AS array(unknown))", io.quarry.spi.ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT filter(CAST(NULL AS array(unknown)), x -> x)", io.quarry.spi.ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void matchesStopAtTheDecidingElement() throws Exception {
        assertResult("SELECT any_match(ARRAY[1, 0], x -> 1 / x > 0), all_match(ARRAY[1, 0], x -> 1 / x < 0),"
                        + " none_match(ARRAY[1, 0], x -> 1 / x > 0)",
                List.of("boolean", "boolean", "boolean"), List.of(true, false, false));
        assertFails("SELECT any_match(ARRAY[0, 1], x -> 1 / x > 0)", io.quarry.spi.ErrorCode.DIVISION_BY_ZERO);
    }

    @Test
    void arraysOfTheParameter() throws Exception {
        assertResult("SELECT transform(ARRAY[NULL], x -> ARRAY[x, 1]), transform(ARRAY['a'], x -> ARRAY[x, 'b'])",
                List.of("array(array(integer))", "array(array(varchar(1)))"),
                List.of(List.of(Arrays.asList(null, 1L)), List.of(List.of("a", "b"))));
    }
}
