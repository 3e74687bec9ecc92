package io.quarry.exec;

import static io.quarry.exec.TestStructuralAndWindowFunctions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vector functions, shuffle, date and timestamp sequences and TRY_CAST of structural values, as Trino 476 answers. */
class TestVectorAndSequenceFunctions extends LocalQueryTest {
    @Test
    void vectorFunctions() throws Exception {
        assertResult("SELECT cosine_similarity(ARRAY[1.0, 2.0], ARRAY[2.0, 4.0]), dot_product(ARRAY[1, 2], ARRAY[3, 4]),"
                        + " euclidean_distance(ARRAY[1.0, 2.0], ARRAY[2.0, 1.0]), cosine_distance(ARRAY[1.0, 2.0], ARRAY[2.0, 1.0]),"
                        + " cosine_similarity(MAP(ARRAY['a', 'b'], ARRAY[1.0, 2.0]), MAP(ARRAY['a'], ARRAY[2.0]))",
                List.of("double", "double", "double", "double", "double"),
                List.of(1.0, 11.0, 1.4142135623730951, 0.19999999999999996, 0.4472135954999579));
        // a null element: the cosine functions are null, the others count it as 0
        assertResult("SELECT cosine_similarity(ARRAY[1.0, NULL], ARRAY[2.0, 1.0]), cosine_distance(ARRAY[1.0, NULL], ARRAY[2.0, 1.0]),"
                        + " dot_product(ARRAY[NULL, 2.0], ARRAY[3.0, NULL]), euclidean_distance(ARRAY[1.0, NULL], ARRAY[2.0, 1.0]),"
                        + " dot_product(ARRAY[REAL '1', REAL '2'], ARRAY[REAL '3', REAL '4'])",
                List.of("double", "double", "double", "double", "double"),
                Arrays.asList(null, null, 0.0, 1.4142135623730951, 11.0));
        assertFails("SELECT dot_product(ARRAY[1.0, 2.0], ARRAY[3.0])", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "The arguments must have the same length");
        assertFails("SELECT cosine_similarity(ARRAY[0.0, 0.0], ARRAY[2.0, 1.0])", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Vector magnitude cannot be zero");
        assertFails("SELECT dot_product(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[1.0]))",
                ErrorCode.FUNCTION_NOT_FOUND, "dot_product");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shuffleKeepsTheElements() throws Exception {
        LocalQueryRunner.Result result = run("SELECT shuffle(sequence(1, 50)), shuffle(ARRAY['a']), shuffle(CAST(NULL AS array(integer)))");
        assertThat(result.types().get(0).displayName()).isEqualTo("array(bigint)");
        List<?> row = result.rows().get(0);
        assertThat((List<Object>) row.get(0)).hasSize(50).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 50).<Object>mapToObj(Long::valueOf).toList());
        assertThat(row.get(1)).isEqualTo(List.of("a"));
        assertThat(row.get(2)).isNull();
    }

    @Test
    void dateAndTimestampSequences() throws Exception {
        assertResult("SELECT transform(sequence(DATE '2020-01-31', DATE '2020-05-01', INTERVAL '1' MONTH), d -> CAST(d AS varchar)),"
                        + " transform(sequence(DATE '2021-01-01', DATE '2020-01-01', INTERVAL '-6' MONTH), d -> CAST(d AS varchar)),"
                        + " cardinality(sequence(DATE '2020-01-01', DATE '2020-01-03', INTERVAL '1' DAY))",
                List.of("array(varchar)", "array(varchar)", "bigint"),
                List.of(List.of("2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"),
                        List.of("2021-01-01", "2020-07-01", "2020-01-01"), 3L));
        assertResult("SELECT transform(sequence(TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-01 03:00:00', INTERVAL '90' MINUTE),"
                        + " t -> CAST(t AS varchar)), cardinality(sequence(TIMESTAMP '2020-01-01 00:00:00',"
                        + " TIMESTAMP '2020-03-01 00:00:00', INTERVAL '1' MONTH))",
                List.of("array(varchar)", "bigint"),
                List.of(List.of("2020-01-01 00:00:00", "2020-01-01 01:30:00", "2020-01-01 03:00:00"), 3L));
        assertFails("SELECT sequence(DATE '2020-01-01', DATE '2020-01-03', INTERVAL '12' HOUR)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "sequence step must be a day interval if start and end values are dates");
        assertFails("SELECT sequence(DATE '2020-01-01', DATE '2020-01-03', INTERVAL '0' DAY)", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "step must not be zero");
        assertFails("SELECT sequence(TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-02 00:00:00')",
                ErrorCode.FUNCTION_NOT_FOUND, "sequence");
    }

    @Test
    void tryCastOfStructuralValuesIsNullWhenAnyPartFails() throws Exception {
        assertResult("SELECT TRY_CAST(ARRAY['1', 'x'] AS array(integer)), TRY_CAST(ARRAY['1', '2'] AS array(integer)),"
                        + " TRY_CAST(MAP(ARRAY[1], ARRAY['y']) AS map(integer, bigint))",
                List.of("array(integer)", "array(integer)", "map(integer, bigint)"),
                Arrays.asList(null, List.of(1L, 2L), null));
        assertResult("SELECT x, TRY_CAST(a AS array(integer)) FROM (VALUES (1, ARRAY['1']), (2, ARRAY['z', '2']), (3, NULL)) t(x, a)"
                        + " ORDER BY x",
                List.of("integer", "array(integer)"),
                Arrays.asList(1L, List.of(1L)), Arrays.asList(2L, null), Arrays.asList(3L, null));
    }
}
