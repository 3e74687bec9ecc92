package io.quarry.exec;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IS [NOT] DISTINCT FROM over arrays and rows with NULL elements, with Trino 476's answers. */
class TestStructuralDistinctFrom extends LocalQueryTest {
    @Test
    void nullElementsAreValues() throws Exception {
        assertResult("SELECT ARRAY[1] IS DISTINCT FROM ARRAY[CAST(NULL AS integer)], "
                        + "ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL], "
                        + "ROW(1, NULL) IS DISTINCT FROM ROW(1, NULL), ROW(1, NULL) IS DISTINCT FROM ROW(1, 2), "
                        + "ARRAY[1] IS NOT DISTINCT FROM ARRAY[NULL]",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean"), List.of(true, false, false, true, false));
        // VALUES with calls is a union of its rows: the order is asked for
        assertResult("SELECT x IS DISTINCT FROM y FROM (VALUES (1, ARRAY[1], ARRAY[NULL]), (2, ARRAY[NULL], ARRAY[NULL])) t(k, x, y)"
                        + " ORDER BY k",
                List.of("boolean"), List.of(true), List.of(false));
    }
}
