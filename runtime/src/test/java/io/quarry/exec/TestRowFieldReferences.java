package io.quarry.exec;

import static io.quarry.exec.TestStructuralAndWindowFunctions.assertFails;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code r.x} reads field x of a row column r when no relation is named r, as in Trino 476. */
class TestRowFieldReferences extends LocalQueryTest {
    @Test
    void fieldOfARowColumn() throws Exception {
        assertResult("SELECT r.x, r.y FROM (SELECT CAST(ROW(1, 'a') AS ROW(x integer, y varchar)) r)",
                List.of("integer", "varchar"), List.of(1L, "a"));
        assertResult("SELECT t.r.x, r.y FROM (SELECT CAST(ROW(2, 'b') AS ROW(x integer, y varchar)) r) t WHERE r.x > 1 AND t.r.y = 'b'",
                List.of("integer", "varchar"), List.of(2L, "b"));
        assertResult("SELECT r.nested.z FROM (SELECT CAST(ROW(ROW(5)) AS ROW(nested ROW(z bigint))) r)",
                List.of("bigint"), List.of(5L));
    }

    @Test
    void relationsKeepTheirNames() throws Exception {
        assertResult("SELECT nation.name, r.name FROM nation, region r WHERE nation.regionkey = r.regionkey"
                        + " AND nation.nationkey = 0 ORDER BY nation.name",
                List.of("varchar(25)", "varchar(25)"), List.of("ALGERIA", "AFRICA"));
        assertResult("SELECT (SELECT max(r.name) FROM region r WHERE r.regionkey = n.regionkey) FROM nation n"
                        + " WHERE n.nationkey = 1 ORDER BY n.name",
                List.of("varchar(25)"), List.of("AMERICA"));
        assertFails("SELECT q.x FROM nation", ErrorCode.COLUMN_NOT_FOUND, "cannot be resolved");
    }

    @Test
    void fieldsOfValuesThatAreNoRowsAreTypeMismatches() {
        assertFails("SELECT t.j.foo FROM (VALUES (JSON '1')) t(j)", ErrorCode.TYPE_MISMATCH, "line 1:8: Expression t.j is not of type ROW");
        assertFails("SELECT (SELECT o.j.foo) FROM (VALUES (CAST('{\"foo\":1}' AS JSON))) AS o(j)", ErrorCode.TYPE_MISMATCH,
                "line 1:16: Expression o.j is not of type ROW");
        assertFails("SELECT name FROM nation WHERE nation.name.x = 1", ErrorCode.TYPE_MISMATCH,
                "line 1:31: Expression nation.name is not of type ROW");
        assertFails("SELECT j.foo FROM (VALUES 1) t(j)", ErrorCode.TYPE_MISMATCH, "line 1:8: Expression j is not of type ROW");
        assertFails("SELECT abs(1).x", ErrorCode.TYPE_MISMATCH, "line 1:8: Expression abs(1) is not of type ROW");
        // no function is called on an expression
        assertFails("SELECT CAST(NULL AS ROW(greeting VARCHAR, planet ROW(color varchar, size bigint))).fields()",
                ErrorCode.SYNTAX_ERROR, "line 1:90: mismatched input '('");
    }
}
