package io.quarry.exec;

import io.quarry.spi.ErrorCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spooky_hash_v2_32/64, to_base32/from_base32 and parse_data_size, with the values and errors of Trino 476. */
class TestHashEncodingFunctions extends LocalQueryTest {
    /** 300 bytes (37 i + 11) mod 256, i = 0..299: prefixes of it reach both paths of the hash. */
    private static final String PATTERN = pattern();

    private static String pattern() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            hex.append(String.format("%02x", (i * 37 + 11) % 256));
        }
        return hex.toString();
    }

    @Test
    void spookyHashOfEveryLengthClass() throws Exception {
        // lengths around the 16- and 32-byte steps of the short path, its 192-byte limit, and the 96-byte blocks beyond
        Object[][] expected = {
            {0, "232706FC6BF50919"}, {1, "FDF03F88BCF5DA72"}, {7, "C9D3E5DD359009D7"}, {8, "E9EA44896FF885E6"},
            {12, "31A8B16C94787304"}, {15, "0B27CADCE7911A15"}, {16, "C224F1ABD986F0E9"}, {31, "1627D7F01B2DD9D7"},
            {32, "E1FB2FF02AEAF41E"}, {33, "983EC3A3CB0B2984"}, {47, "CA0FBC419AFEEE0F"}, {48, "243E63DAF396A568"},
            {100, "CF9CA780A34BCAA0"}, {191, "2A6D3A575EE1082A"}, {192, "0907E64F76E462FD"}, {193, "69F2AF757102E549"},
            {250, "C64BB2FA6DB3E201"}, {287, "B1F46BFC1A281167"}, {288, "CFA8A9ABEF50454C"}, {300, "0F79A765F2BB6B15"},
        };
        for (Object[] row : expected) {
            String bytes = "substr(X'" + PATTERN + "', 1, " + row[0] + ")";
            String hash64 = (String) row[1];
            assertResult("SELECT to_hex(spooky_hash_v2_64(" + bytes + ")), to_hex(spooky_hash_v2_32(" + bytes + "))",
                    List.of("varchar", "varchar"), List.of(hash64, hash64.substring(8)));
        }
        assertResult("SELECT to_hex(spooky_hash_v2_64(to_utf8('hello'))), to_hex(spooky_hash_v2_32(to_utf8('hello'))),"
                        + " typeof(spooky_hash_v2_32(X'01')), spooky_hash_v2_64(NULL)",
                List.of("varchar", "varchar", "varchar", "varbinary"), Arrays.asList("3768826AD382E6CA", "D382E6CA", "varbinary", null));
        assertFails("SELECT spooky_hash_v2_32('abc')", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void base32() throws Exception {
        assertResult("SELECT to_base32(X''), to_base32(X'66'), to_base32(X'666f'), to_base32(X'666f6f'), to_base32(X'666f6f62'),"
                        + " to_base32(X'666f6f6261'), to_base32(X'666f6f626172'), to_base32(NULL)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                Arrays.asList("", "MY======", "MZXQ====", "MZXW6===", "MZXW6YQ=", "MZXW6YTB", "MZXW6YTBOI======", null));
        // padding is optional and may run long; the trailing bits of a short group are not checked
        assertResult("SELECT to_hex(from_base32('MZXW6YTBOI======')), to_hex(from_base32('MZXW6YQ')), to_hex(from_base32('MZXW6YQ==')),"
                        + " to_hex(from_base32('MZ======')), to_hex(from_base32(to_utf8('MZXQ'))), to_hex(from_base32('========')),"
                        + " from_base32(NULL)",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varbinary"),
                Arrays.asList("666F6F626172", "666F6F62", "666F6F62", "66", "666F", "", null));
        assertFails("SELECT from_base32('MZX')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid input length 3");
        assertFails("SELECT from_base32('M=======')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid input length 1");
        assertFails("SELECT from_base32('mzxw6yq=')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: m");
        assertFails("SELECT from_base32('MZXW6YQ=MY======')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: =");
        assertFails("SELECT from_base32('MZ XW6YQ=')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: 0x20");
        assertFails("SELECT from_base32('MZXW6Y' || chr(233))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: 0xe9");
        // varbinary is read as UTF-8: these 8 bytes are 7 characters
        assertFails("SELECT from_base32(X'4d5a58573659c3a9')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: 0xe9");
    }

    @Test
    void parseDataSize() throws Exception {
        assertResult("SELECT parse_data_size('1.5kB'), parse_data_size('0B'), parse_data_size('2.7GB'), parse_data_size('1EB'),"
                        + " parse_data_size('1.23456789YB'), parse_presto_data_size('.5kB'), parse_data_size('5.kB'), parse_data_size('1.5B'),"
                        + " typeof(parse_data_size('1B')), parse_data_size(NULL)",
                List.of("decimal(38,0)", "decimal(38,0)", "decimal(38,0)", "decimal(38,0)", "decimal(38,0)", "decimal(38,0)",
                        "decimal(38,0)", "decimal(38,0)", "varchar", "decimal(38,0)"),
                Arrays.asList(new java.math.BigDecimal("1536"), new java.math.BigDecimal("0"), new java.math.BigDecimal("2899102924"),
                        new java.math.BigDecimal("1152921504606846976"), new java.math.BigDecimal("1492500998288153353349445"),
                        new java.math.BigDecimal("512"), new java.math.BigDecimal("5120"), new java.math.BigDecimal("1"),
                        "decimal(38,0)", null));
        for (String invalid : List.of("1KB", "1kb", "1.5", "", "-1B", "+1B", " 1B", "1 kB", "1B ", "1e3B", "1..5kB", ".kB")) {
            assertFails("SELECT parse_data_size('" + invalid + "')", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                    "Invalid data size: '" + invalid + "'");
        }
        assertFails("SELECT parse_data_size('100000000000000000000000000000000000000B')", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "Value out of range: '100000000000000000000000000000000000000B' ('100000000000000000000000000000000000000B')");
        assertFails("SELECT parse_data_size(1)", ErrorCode.FUNCTION_NOT_FOUND);
    }
}
