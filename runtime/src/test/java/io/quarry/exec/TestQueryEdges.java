package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Query clauses where Quarry answered differently from Trino 476: TABLESAMPLE, and the errors of OVER on what is
 * not a window function. The expected values were taken from Trino 476.
 */
class TestQueryEdges extends LocalQueryTest {
    @Test
    void tableSample() throws Exception {
        assertResult("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (100)", List.of("bigint"), List.of(25L));
        assertResult("SELECT n.name FROM tpch.tiny.nation n TABLESAMPLE BERNOULLI (100) WHERE n.nationkey = 1",
            List.of("varchar(25)"), List.of("ARGENTINA"));
        assertResult("SELECT name FROM tpch.tiny.nation TABLESAMPLE SYSTEM (100) WHERE nationkey = 1",
            List.of("varchar(25)"), List.of("ARGENTINA"));
        assertResult("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (0)", List.of("bigint"), List.of(0L));
        assertFails("SELECT count(*) FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (101)",
            ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Sample percentage");
        assertFails("SELECT name FROM tpch.tiny.nation TABLESAMPLE BERNOULLI (100) WHERE nosuch = 1",
            ErrorCode.COLUMN_NOT_FOUND, "Column 'nosuch' cannot be resolved");
    }

    @Test
    void overOnWhatIsNoWindowFunction() {
        assertFails("SELECT count(*) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2, 3) t(x)",
            ErrorCode.NOT_SUPPORTED, "FILTER is not yet supported for window functions");
        assertFails("SELECT abs(x) OVER () FROM (VALUES 1) t(x)", ErrorCode.FUNCTION_NOT_WINDOW, "Not a window function: abs");
    }

    @Test
    void setOperationsOfDifferentWidthsAreTypeMismatches() {
        assertFails("SELECT * FROM (SELECT 1 x UNION SELECT 1, 2)", ErrorCode.TYPE_MISMATCH, "UNION query has different number of fields");
        assertFails("SELECT 1 x INTERSECT SELECT 1, 2", ErrorCode.TYPE_MISMATCH, "INTERSECT query has different number of fields");
        assertFails("SELECT 1 x EXCEPT ALL SELECT 1, 2", ErrorCode.TYPE_MISMATCH, "EXCEPT query has different number of fields");
    }

    @Test
    void tableFunctionCallsAreRefusedByName() {
        assertFails("SELECT * FROM TABLE(foo(1))", ErrorCode.FUNCTION_NOT_FOUND, "line 1:21: Table function 'foo' not registered");
        assertFails("SELECT * FROM nation n JOIN TABLE(sequence(1, 3)) s ON true", ErrorCode.NOT_SUPPORTED,
                "Table function 'sequence' is not supported yet");
    }
}
