package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ipaddress type: literals, casts, contains(cidr, address), order, grouping and joins (memory tables: SqlGapsIT). The expected values were taken from Trino 476. */
class TestIpAddress extends LocalQueryTest {
    private static String text(String value) {
        return "CAST(" + value + " AS varchar)";
    }

    @Test
    void literalsAndTheirText() throws Exception {
        assertResult("SELECT " + text("IPADDRESS '1.2.3.4'") + ", " + text("IPADDRESS '::ffff:1.2.3.4'") + ", " + text("IPADDRESS '2001:db8::1'")
                        + ", " + text("IPADDRESS '::1'") + ", " + text("IPADDRESS '0:0:0:0:0:0:0:0'") + ", typeof(IPADDRESS '1.2.3.4')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("1.2.3.4", "1.2.3.4", "2001:db8::1", "::1", "::", "ipaddress"));
        // the longest run of zero groups (the first of equal ones) is shortened; IPv4-mapped addresses are dotted
        assertResult("SELECT " + text("IPADDRESS '::ffff:0:0'") + ", " + text("IPADDRESS '1:0:0:1:0:0:0:1'") + ", "
                        + text("IPADDRESS '1:0:0:1:0:0:1:1'") + ", " + text("IPADDRESS 'ABCD::'") + ", " + text("IPADDRESS '::ffff:1:2'") + ", "
                        + text("IPADDRESS '::1.2.3.4'") + ", " + text("IPADDRESS '1:2:3:4:5:6:7:0'"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("0.0.0.0", "1:0:0:1::1", "1::1:0:0:1:1", "abcd::", "0.1.0.2", "::102:304", "1:2:3:4:5:6:7:0"));
        for (String bad : List.of("abc", "1.2.3.04", "1.2.3", " 1.2.3.4", "1.2.3.256", "[::1]", "localhost")) {
            assertFails("SELECT IPADDRESS '" + bad + "'", ErrorCode.INVALID_LITERAL, "line 1:8: '" + bad + "' is not a valid IPADDRESS literal");
        }
    }

    @Test
    void casts() throws Exception {
        assertResult("SELECT to_hex(CAST(IPADDRESS '1.2.3.4' AS varbinary)), " + text("CAST(X'01020304' AS ipaddress)") + ", "
                        + text("CAST(X'20010db8000000000000000000000001' AS ipaddress)") + ", " + text("CAST('2001:DB8::1' AS ipaddress)") + ", "
                        + "TRY_CAST('x' AS ipaddress) IS NULL, TRY_CAST(X'01' AS ipaddress) IS NULL, CAST(NULL AS ipaddress) IS NULL",
                List.of("varchar", "varchar", "varchar", "varchar", "boolean", "boolean", "boolean"),
                List.of("00000000000000000000FFFF01020304", "1.2.3.4", "2001:db8::1", "2001:db8::1", true, true, true));
        assertFails("SELECT CAST('abc' AS ipaddress)", ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast value to IPADDRESS: abc");
        assertFails("SELECT CAST(X'0102' AS ipaddress)", ErrorCode.INVALID_CAST_ARGUMENT, "Invalid IP address binary length: 2");
        assertFails("SELECT CAST(IPADDRESS '1.2.3.4' AS varchar(50))", ErrorCode.TYPE_MISMATCH, "Cannot cast ipaddress to varchar(50)");
        assertFails("SELECT CAST(CAST('1.2.3.4' AS char(7)) AS ipaddress)", ErrorCode.TYPE_MISMATCH, "Cannot cast char(7) to ipaddress");
        assertFails("SELECT CAST(IPADDRESS '1.2.3.4' AS bigint)", ErrorCode.TYPE_MISMATCH, "Cannot cast ipaddress to bigint");
        assertFails("SELECT IPADDRESS '1.2.3.4' = '1.2.3.4'", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: ipaddress = varchar(7)");
    }

    @Test
    void containsChecksTheNetwork() throws Exception {
        assertResult("SELECT contains('10.0.0.0/8', IPADDRESS '10.1.2.3'), contains('10.0.0.0/8', IPADDRESS '11.1.2.3'), "
                        + "contains('2001:db8::/32', IPADDRESS '2001:db8::1'), contains('0.0.0.0/0', IPADDRESS '::1'), "
                        + "contains('1.2.3.4/32', IPADDRESS '1.2.3.4'), contains('::/0', IPADDRESS '1.2.3.4'), contains('10.0.0.0/08', IPADDRESS '10.2.3.4')",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean"),
                List.of(true, false, true, false, true, true, true));
        // a network written with colons is IPv6: host bits are ignored, the prefix counts from the first bit
        assertResult("SELECT contains('2001:db8::1/32', IPADDRESS '2001:db8::1'), contains('::ffff:10.0.0.1/8', IPADDRESS '10.2.3.4'), "
                        + "contains('::ffff:10.0.0.0/104', IPADDRESS '11.2.3.4'), contains('10.0.0.0/8', NULL) IS NULL, contains(NULL, IPADDRESS '1.2.3.4') IS NULL",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean"), List.of(true, true, false, true, true));
        assertFails("SELECT contains('abc', IPADDRESS '1.2.3.4')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid CIDR");
        assertFails("SELECT contains('10.0.0.1/8', IPADDRESS '10.1.2.3')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid CIDR");
        assertFails("SELECT contains('10.0.0.0/33', IPADDRESS '10.1.2.3')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid CIDR");
        assertFails("SELECT contains('::/129', IPADDRESS '10.1.2.3')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid CIDR");
        assertFails("SELECT contains('10.0.0.0/-1', IPADDRESS '10.1.2.3')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid prefix length");
        assertFails("SELECT contains('10.0.0.0 /8', IPADDRESS '10.1.2.3')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid network IP address");
    }

    @Test
    void orderedGroupedAndJoinedByTheirBytes() throws Exception {
        assertResult("SELECT IPADDRESS '1.2.3.4' < IPADDRESS '::1', IPADDRESS '1.2.3.4' > IPADDRESS '::2', "
                        + "IPADDRESS '1.2.3.4' = CAST('::ffff:1.2.3.4' AS ipaddress), IPADDRESS '1.2.3.4' IN (IPADDRESS '1.2.3.4')",
                List.of("boolean", "boolean", "boolean", "boolean"), List.of(false, true, true, true));
        assertResult("SELECT " + text("ip") + " FROM (VALUES IPADDRESS '10.0.0.1', IPADDRESS '::1', IPADDRESS '1.2.3.4', IPADDRESS '2001:db8::1') v(ip) "
                        + "ORDER BY ip",
                List.of("varchar"), List.of("::1"), List.of("1.2.3.4"), List.of("10.0.0.1"), List.of("2001:db8::1"));
        assertResult("SELECT count(DISTINCT ip), " + text("max(ip)") + ", " + text("min(ip)")
                        + " FROM (VALUES IPADDRESS '10.0.0.1', IPADDRESS '::ffff:10.0.0.1', IPADDRESS '::1') v(ip)",
                List.of("bigint", "varchar", "varchar"), List.of(2L, "10.0.0.1", "::1"));
        assertResult("SELECT count(*) FROM (VALUES IPADDRESS '10.0.0.1') a(ip) JOIN (VALUES CAST('::ffff:a00:1' AS ipaddress)) b(ip) ON a.ip = b.ip",
                List.of("bigint"), List.of(1L));
    }

    @Test
    void valuesAreSixteenBytes() throws Exception {
        Object value = run("SELECT IPADDRESS '1.2.3.4'").rows().get(0).get(0);
        assertThat((byte[]) value).hasSize(16).endsWith(0xFF, 0xFF, 1, 2, 3, 4);
    }
}
