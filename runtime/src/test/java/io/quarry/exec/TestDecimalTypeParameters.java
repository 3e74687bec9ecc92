package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decimal types of a precision outside [1, 38] or a scale above their precision, written in casts (also inside
 * array, map and row types) or made by a product of two scales summing above 38, fail as in Trino 476; NUMERIC and
 * DEC name no type. A literal of a VALUES that the column's common decimal type cannot hold fails its cast.
 */
class TestDecimalTypeParameters extends LocalQueryTest {
    @Test
    void castsToInvalidDecimalsFail() {
        assertFails("SELECT CAST('1' AS decimal(40,2))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 40");
        assertFails("SELECT CAST(1 AS decimal(39))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 39");
        assertFails("SELECT CAST(NULL AS decimal(0,0))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 0");
        assertFails("SELECT CAST(1 AS decimal(40,45))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "DECIMAL precision must be in range [1, 38]: 40");
        assertFails("SELECT TRY_CAST('1' AS decimal(5,6))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "DECIMAL scale must be in range [0, precision (5)]: 6");
        assertFails("SELECT CAST(ARRAY[1] AS array(decimal(40,2)))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "DECIMAL precision must be in range [1, 38]: 40");
        assertFails("SELECT CAST(NULL AS map(varchar, decimal(0,0)))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "DECIMAL precision must be in range [1, 38]: 0");
        assertFails("SELECT CAST(NULL AS row(a decimal(5,6), b decimal(40,1)))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "DECIMAL scale must be in range [0, precision (5)]: 6");
        assertFails("SELECT CAST(1 AS decimal(38,-1))", ErrorCode.SYNTAX_ERROR, "mismatched input '-'. Expecting: <integer>, <type>");
    }

    @Test
    void valuesLiteralsBeyondTheColumnsDecimalTypeFailTheirCast() {
        assertFails("SELECT x FROM (VALUES 7025024054985749525299966897457392.7884, CAST(1 AS decimal(17,7))) t(x)",
                ErrorCode.INVALID_CAST_ARGUMENT,
                "Cannot cast DECIMAL(38, 4) '7025024054985749525299966897457392.7884' to DECIMAL(38, 7)");
        assertFails("SELECT x FROM (VALUES (1, -70250240549857495252999668974573.7880), (2, CAST(1 AS decimal(17,7)))) t(y, x)",
                ErrorCode.INVALID_CAST_ARGUMENT,
                "Cannot cast DECIMAL(36, 4) '-70250240549857495252999668974573.7880' to DECIMAL(38, 7)");
    }

    @Test
    void numericAndDecNameNoType() {
        assertFails("SELECT CAST(NULL AS numeric(40,2))", ErrorCode.TYPE_MISMATCH, "Unknown type: numeric(40, 2)");
        assertFails("SELECT CAST(NULL AS dec)", ErrorCode.TYPE_MISMATCH, "Unknown type: dec");
        assertFails("SELECT CAST(NULL AS array(numeric(10,2)))", ErrorCode.TYPE_MISMATCH, "Unknown type: array(numeric(10, 2))");
    }

    @Test
    void productsKeepTheSumOfTheScales() throws Exception {
        assertFails("SELECT CAST(NULL AS decimal(38,37)) * CAST(NULL AS decimal(38,37))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "DECIMAL scale must be in range [0, precision (38)]: 74");
        assertResult("SELECT typeof(CAST(NULL AS decimal(38,20)) * CAST(NULL AS decimal(38,18))), CAST(NULL AS Decimal)",
                List.of("varchar", "decimal(38,0)"), java.util.Arrays.asList("decimal(38,38)", null));
    }
}
