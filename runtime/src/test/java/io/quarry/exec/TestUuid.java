package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The uuid type: literals, casts, uuid(), order, grouping and joins. The expected values were taken from Trino 476. */
class TestUuid extends LocalQueryTest {
    private static final String ONE = "UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'";
    private static final String EIGHT = "UUID '82151fd2-7586-11e9-8f9e-2a86e4085a59'";
    private static final String F = "UUID 'f2151fd2-7586-11e9-8f9e-2a86e4085a59'";

    @Test
    void literalsAndCasts() throws Exception {
        assertResult("SELECT CAST(" + ONE + " AS varchar), typeof(" + ONE + "), CAST(CAST('12151FD2-7586-11E9-8F9E-2A86E4085A59' AS uuid) AS varchar),"
                + " to_hex(CAST(" + ONE + " AS varbinary)), CAST(CAST(X'12151fd2758611e98f9e2a86e4085a59' AS uuid) AS varchar),"
                + " TRY_CAST('abc' AS uuid) IS NULL",
            List.of("varchar", "varchar", "varchar", "varchar", "varchar", "boolean"),
            List.of("12151fd2-7586-11e9-8f9e-2a86e4085a59", "uuid", "12151fd2-7586-11e9-8f9e-2a86e4085a59",
                "12151FD2758611E98F9E2A86E4085A59", "12151fd2-7586-11e9-8f9e-2a86e4085a59", true));
        assertFails("SELECT CAST('abc' AS uuid)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast value to UUID: abc");
        assertFails("SELECT CAST('12151fd2758611e98f9e2a86e4085a59' AS uuid)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast value to UUID");
        assertFails("SELECT CAST(X'0102' AS uuid)", ErrorCode.INVALID_CAST_ARGUMENT, "Invalid UUID binary length: 2");
        assertFails("SELECT UUID 'abc'", ErrorCode.INVALID_LITERAL, "'abc' is not a valid UUID literal");
        assertFails("SELECT CAST(CAST('a' AS char(36)) AS uuid)", ErrorCode.TYPE_MISMATCH, "Cannot cast char(36) to uuid");
        assertFails("SELECT CAST(" + ONE + " AS varchar(36))", ErrorCode.TYPE_MISMATCH, "Cannot cast uuid to varchar(36)");
        assertFails("SELECT CAST(" + ONE + " AS bigint)", ErrorCode.TYPE_MISMATCH, "UUID");
    }

    @Test
    void randomUuids() throws Exception {
        // version 4: the 13th hex digit is 4
        assertResult("SELECT uuid() IS NOT NULL, typeof(uuid()), substr(CAST(uuid() AS varchar), 15, 1), length(CAST(\"uuid\"() AS varchar))",
            List.of("boolean", "varchar", "varchar", "bigint"), List.of(true, "uuid", "4", 36L));
        assertResult("SELECT count(DISTINCT uuid()) FROM tpch.tiny.nation", List.of("bigint"), List.of(25L));
        // the word in literals, names and comments is left alone
        assertResult("SELECT 'uuid()' AS \"uuid(\" -- uuid()", List.of("varchar(6)"), List.of("uuid()"));
    }

    @Test
    void orderedByTheirBytes() throws Exception {
        assertResult("SELECT CAST(u AS varchar) FROM (VALUES " + F + ", " + ONE + ", " + EIGHT + ") t(u) ORDER BY u",
            List.of("varchar"), List.of("12151fd2-7586-11e9-8f9e-2a86e4085a59"), List.of("82151fd2-7586-11e9-8f9e-2a86e4085a59"),
            List.of("f2151fd2-7586-11e9-8f9e-2a86e4085a59"));
        // two literals are compared here, not by java.util.UUID's signed order
        assertResult("SELECT " + ONE + " < " + EIGHT + ", " + ONE + " = CAST('12151FD2-7586-11E9-8F9E-2A86E4085A59' AS uuid), "
                + F + " > " + EIGHT, List.of("boolean", "boolean", "boolean"), List.of(true, true, true));
        assertResult("SELECT count(DISTINCT u), CAST(max(u) AS varchar) FROM (VALUES " + F + ", " + F + ", " + ONE + ") t(u)",
            List.of("bigint", "varchar"), List.of(2L, "f2151fd2-7586-11e9-8f9e-2a86e4085a59"));
        assertResult("SELECT count(*) FROM (VALUES " + ONE + ") a(u) JOIN (VALUES " + ONE + ", " + EIGHT + ") b(u) ON a.u = b.u",
            List.of("bigint"), List.of(1L));
    }

    @Test
    void valuesAreTheirBytes() throws Exception {
        Object value = run("SELECT " + ONE).rows().get(0).get(0);
        assertThat((byte[]) value).hasSize(16).startsWith(0x12, 0x15, 0x1f, 0xd2);
    }
}
