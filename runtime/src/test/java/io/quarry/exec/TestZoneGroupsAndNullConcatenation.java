package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** timezone(), current_groups() and a NULL literal in || and concat, as Trino 476 answers them. */
class TestZoneGroupsAndNullConcatenation extends LocalQueryTest {
    @Test
    void timezoneNamesTheZoneAsItIsPrinted() throws Exception {
        assertResult("SELECT timezone(TIMESTAMP '2020-01-01 00:00:00 America/New_York'), timezone(TIMESTAMP '2020-01-01 00:00:00 +05:30'),"
                        + " timezone(TIMESTAMP '2020-01-01 00:00:00.123456 -08:00'), timezone(TIMESTAMP '2020-01-01 00:00:00 Z'),"
                        + " timezone(TIMESTAMP '2020-01-01 00:00:00 GMT'), timezone(TIMESTAMP '2020-01-01 00:00:00 Etc/GMT+5'),"
                        + " timezone(at_timezone(TIMESTAMP '2020-01-01 00:00:00 UTC', 'Asia/Tokyo')), timezone(from_unixtime(0, 2, 30))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("America/New_York", "+05:30", "-08:00", "UTC", "UTC", "-05:00", "Asia/Tokyo", "+02:30"));
        // a timestamp without a zone is taken in the session's (UTC here)
        assertResult("SELECT timezone(TIMESTAMP '2020-01-01 00:00:00'), timezone(CAST(NULL AS timestamp with time zone)), timezone(NULL)",
                List.of("varchar", "varchar", "varchar"), Arrays.asList("UTC", null, null));
        assertFails("SELECT timezone(1)", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void currentGroupsIsEmpty() throws Exception {
        assertResult("SELECT current_groups(), typeof(current_groups())", List.of("array(varchar)", "varchar"),
                List.of(List.of(), "array(varchar)"));
    }

    @Test
    void nullBesideAnElementIsANullArray() throws Exception {
        assertResult("SELECT NULL || 'a', 'abc' || NULL, concat(NULL, 'a'), NULL || 1, 2.5e0 || NULL, NULL || 'a' || 'b'",
                List.of("array(varchar(1))", "array(varchar(3))", "array(varchar(1))", "array(integer)", "array(double)",
                        "array(varchar(1))"),
                Arrays.asList(null, null, null, null, null, null));
        assertResult("SELECT name || NULL FROM tpch.tiny.nation WHERE nationkey = 0", List.of("array(varchar(25))"),
                Arrays.asList((Object) null));
        // beside an array of unknown only one signature fits
        assertResult("SELECT ARRAY[NULL] || NULL", List.of("array(unknown)"), Arrays.asList((Object) null));
        // three or more operands: a NULL string, binary or array
        assertResult("SELECT concat('a', NULL, 'b'), concat(X'01', NULL, X'02'), concat(NULL, ARRAY[1], NULL)",
                List.of("varchar", "varbinary", "array(integer)"), Arrays.asList(null, null, null));
    }

    @Test
    void nullBesideWhatFitsSeveralSignaturesIsAmbiguous() {
        for (String sql : List.of("SELECT NULL || ARRAY[1]", "SELECT ARRAY[1] || NULL", "SELECT NULL || NULL", "SELECT NULL || X'01'",
                "SELECT CAST('a' AS varchar) || NULL", "SELECT CAST('a' AS char(3)) || NULL", "SELECT concat(NULL)",
                "SELECT concat(NULL, NULL, NULL)")) {
            assertFails(sql, ErrorCode.AMBIGUOUS_FUNCTION_CALL, "Could not choose a best candidate operator");
        }
    }
}
