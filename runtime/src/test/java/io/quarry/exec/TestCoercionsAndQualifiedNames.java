package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Implicit coercions between types, and the names that reach relations and columns; expected values are Trino 476's. */
class TestCoercionsAndQualifiedNames extends LocalQueryTest {
    @Test
    void booleansAreComparedWithBooleansOnly() throws Exception {
        assertFails("SELECT 1 = (1 = 1)", ErrorCode.TYPE_MISMATCH, "line 1:10: Cannot apply operator: integer = boolean");
        assertFails("SELECT 1.5 = true", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: decimal(2,1) = boolean");
        assertFails("SELECT CAST(1 AS bigint) <> true", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: bigint = boolean");
        assertFails("SELECT true < 1", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: boolean < integer");
        assertFails("SELECT true BETWEEN 0 AND 1", ErrorCode.TYPE_MISMATCH,
                "line 1:13: Cannot check if boolean is BETWEEN integer and integer");
        assertResult("SELECT true = (1 = 1), NULL = true, true BETWEEN false AND true", List.of("boolean", "boolean", "boolean"),
                java.util.Arrays.asList(true, null, true));
    }

    @Test
    void aTableNameQualifiesItsColumnsByAnyEndOfItsWrittenName() throws Exception {
        assertResult("SELECT tiny.region.name, region.regionkey, tpch.tiny.region.regionkey FROM tpch.tiny.region"
                        + " WHERE tiny.region.regionkey = 1",
                List.of("varchar(25)", "bigint", "bigint"), List.of("AMERICA", 1L, 1L));
        assertResult("SELECT tiny.region.name FROM tiny.region ORDER BY tiny.region.name LIMIT 1", List.of("varchar(25)"),
                List.of("AFRICA"));
        assertResult("SELECT tiny.region.* FROM tpch.tiny.region WHERE regionkey = 0",
                List.of("bigint", "varchar(25)", "varchar(152)"),
                List.of(0L, "AFRICA", "lar deposits. blithely final packages cajole. regular waters are final requests."
                        + " regular accounts are according to "));
        assertFails("SELECT tpch.tiny.region.name FROM tiny.region", ErrorCode.COLUMN_NOT_FOUND,
                "line 1:8: Column 'tpch.tiny.region.name' cannot be resolved");
        assertFails("SELECT tpch.tiny.region.name FROM region", ErrorCode.COLUMN_NOT_FOUND);
        assertFails("SELECT tiny.region.name FROM region", ErrorCode.COLUMN_NOT_FOUND);
        assertFails("SELECT tpch.tiny.region.* FROM region", ErrorCode.TABLE_NOT_FOUND,
                "line 1:8: Unable to resolve reference tpch.tiny.region");
    }

    @Test
    void aQualifierReachesTheOneTableOfTwoWithOneLastNameItEnds() throws Exception {
        assertResult("SELECT tiny.region.name, sf1.region.regionkey FROM tpch.tiny.region, tpch.sf1.region"
                        + " WHERE tiny.region.regionkey = 1 AND tpch.sf1.region.regionkey = 2",
                List.of("varchar(25)", "bigint"), List.of("AMERICA", 2L));
        assertResult("SELECT count(*) FROM tpch.tiny.region JOIN tpch.sf1.region ON tiny.region.regionkey = sf1.region.regionkey",
                List.of("bigint"), List.of(5L));
        assertResult("SELECT region.* FROM tpch.tiny.region, tpch.sf1.region WHERE tiny.region.regionkey = 1 AND sf1.region.regionkey = 2",
                List.of("bigint", "varchar(25)", "varchar(152)", "bigint", "varchar(25)", "varchar(152)"),
                List.of(1L, "AMERICA", "hs use ironic, even requests. s", 2L, "ASIA", "ges. thinly even pinto beans ca"));
        // a table of a sub-query does not hide an outer table of the same last name from a qualifier naming it
        assertResult("SELECT count(*) FROM tpch.tiny.region WHERE EXISTS (SELECT 1 FROM tpch.sf1.region"
                + " WHERE sf1.region.regionkey = tiny.region.regionkey + 1)", List.of("bigint"), List.of(4L));
        assertFails("SELECT region.name FROM tpch.tiny.region, tpch.sf1.region", ErrorCode.AMBIGUOUS_NAME,
                "line 1:8: Column 'region.name' is ambiguous");
        assertFails("SELECT tiny.region.name FROM tpch.tiny.region, tpch.tiny.region", ErrorCode.AMBIGUOUS_NAME,
                "line 1:8: Column 'tiny.region.name' is ambiguous");
        assertFails("SELECT name FROM tpch.tiny.region, tpch.sf1.region", ErrorCode.AMBIGUOUS_NAME);
        assertFails("SELECT tiny.region.name FROM region, sf1.region", ErrorCode.COLUMN_NOT_FOUND);
    }

    @Test
    void typeNamesAliasRelationsWithColumns() throws Exception {
        assertResult("SELECT * FROM (VALUES 1) date(x)", List.of("integer"), List.of(1L));
        assertResult("SELECT time.x FROM (VALUES 1) AS time (x)", List.of("integer"), List.of(1L));
        assertResult("SELECT row.x FROM (VALUES 1) row(x)", List.of("integer"), List.of(1L));
        assertResult("SELECT * FROM (VALUES 1) timestamp(x)", List.of("integer"), List.of(1L));
        assertResult("SELECT row.a FROM region AS row(a, b, c) WHERE row.a = 1", List.of("bigint"), List.of(1L));
        assertResult("SELECT date.a FROM region date(a, b, c) WHERE date.a = 1", List.of("bigint"), List.of(1L));
        assertResult("WITH date(x) AS (SELECT 1) SELECT * FROM date", List.of("integer"), List.of(1L));
        assertResult("WITH a AS (SELECT 2), time(x) AS (SELECT 1) SELECT time.x FROM time", List.of("integer"), List.of(1L));
        assertResult("SELECT date(x), CAST(ROW(1) AS row(a integer)).a FROM (VALUES TIMESTAMP '2020-01-01 10:00:00') t(x)",
                List.of("date", "integer"), List.of(java.time.LocalDate.of(2020, 1, 1).toEpochDay(), 1L));
    }

    @Test
    void aSubscriptOfAnEmptyMapFailsWhenRun() {
        assertFails("SELECT MAP()['a']", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map: a");
        assertFails("SELECT map(ARRAY[], ARRAY[])[1]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map: 1");
    }

    @Test
    void typedLiteralsOfAValuesSubQuery() throws Exception {
        assertResult("SELECT (DATE '2020-01-01', 1) IN (VALUES (DATE '2020-01-01', 1)), DATE '2020-01-02' IN (VALUES DATE '2020-01-01'),"
                        + " TIMESTAMP '2020-01-01 00:00:00' = ANY (VALUES TIMESTAMP '2020-01-01 00:00:00.000')",
                List.of("boolean", "boolean", "boolean"), List.of(true, false, true));
    }

    @Test
    void aStringInASubQueryOfCharsComparesAsChars() throws Exception {
        assertResult("SELECT 'a' IN (SELECT CAST('a' AS char(3))), 'a' = ANY (SELECT CAST('a' AS char(3))),"
                        + " CAST('a' AS char(3)) IN (SELECT 'a'), 'ab' IN (SELECT CAST('a' AS char(3)))",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(true, true, true, false));
        assertResult("SELECT x IN (SELECT CAST('a' AS char(3))), (x, 1) IN (SELECT CAST('a' AS char(3)), 1)"
                        + " FROM (VALUES 'a', 'a  ', 'b', NULL) t(x)",
                List.of("boolean", "boolean"), List.of(true, true), List.of(true, true), List.of(false, false),
                java.util.Arrays.asList(null, false));
    }

    @Test
    void greatestAndLeastOfValuesWithoutACommonTypeAreNoFunction() throws Exception {
        assertFails("SELECT greatest(true, 1)", ErrorCode.FUNCTION_NOT_FOUND,
                "line 1:8: Unexpected parameters (boolean, integer) for function greatest. Expected: greatest(E) E:orderable");
        assertFails("SELECT least(DATE '2020-01-01', 1)", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (date, integer) for function least");
        assertResult("SELECT greatest(true, false), greatest(1, 2.5, DOUBLE '3')", List.of("boolean", "double"), List.of(true, 3.0));
    }

    @Test
    void aNumberSoughtInAnArrayComparesAsTheirCommonType() throws Exception {
        assertResult("SELECT contains(ARRAY[1, 2], 1.5), array_position(ARRAY[1, 2], 1.5), array_remove(ARRAY[1, 2], 2.0),"
                        + " array_remove(ARRAY[1, 2], CAST(2 AS bigint)), contains(ARRAY[1, 2], DOUBLE '2.0')",
                List.of("boolean", "bigint", "array(decimal(11,1))", "array(bigint)", "boolean"),
                List.of(false, 0L, List.of(new java.math.BigDecimal("1.0")), List.of(1L), true));
    }

    @Test
    void aConcatenationInALambdaIsUnboundedVarchar() throws Exception {
        assertResult("SELECT transform(ARRAY['a'], x -> x || 'x'), transform_keys(MAP(ARRAY['a'], ARRAY['b']), (k, v) -> concat(k, 'x')),"
                        + " transform(ARRAY[CAST('a' AS char(3))], x -> x || 'b')",
                List.of("array(varchar)", "map(varchar, varchar(1))", "array(char(4))"),
                List.of(List.of("ax"), java.util.Map.of("ax", "b"), List.of("a  b")));
    }

    @Test
    void aLambdaTakesNoSubQuery() {
        assertFails("SELECT transform(ARRAY[1], x -> (SELECT x + 1))", ErrorCode.NOT_SUPPORTED,
                "line 1:33: Lambda expression cannot contain subqueries");
        assertFails("SELECT filter(ARRAY[1], x -> x IN (SELECT 1))", ErrorCode.NOT_SUPPORTED,
                "line 1:32: Lambda expression cannot contain subqueries");
    }
}
