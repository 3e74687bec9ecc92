package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trino's varbinary, URL, number-text and further string functions, with the values and types Trino 476 gives. */
class TestTextFunctionQueries extends LocalQueryTest {

    @Test
    void regularExpressionsStepByCodePointAndKnowScripts() throws Exception {
        // an empty match never splits an emoji (two chars in Java's strings)
        assertResult("SELECT regexp_split('a\uD83D\uDE00b', ''), regexp_replace('a\uD83D\uDE00b', '', '-'),"
                        + " regexp_count('\uD83D\uDE00\uD83D\uDE00', ''), regexp_position('\uD83D\uDE00\uD83D\uDE00x', '', 2)",
                List.of("array(varchar(3))", "varchar(7)", "bigint", "integer"),
                List.of(List.of("", "a", "\uD83D\uDE00", "b", ""), "-a-\uD83D\uDE00-b-", 3L, 2L));
        assertResult("SELECT regexp_like('\u65E5\u672C\u8A9E', '^\\p{Han}+$'), regexp_extract_all('a\u65E5b\u672C', '\\p{Han}'),"
                        + " regexp_replace('Gr\u00FC\u00DFe', '\\P{Latin}', '_'), regexp_like('a', '\\p{L}')",
                List.of("boolean", "array(varchar(4))", "varchar(17)", "boolean"),
                List.of(true, List.of("\u65E5", "\u672C"), "Gr\u00FC\u00DFe", true));
    }

    @Test
    void argumentErrorsAsTrinoGivesThem() throws Exception {
        assertFails("SELECT concat('abc')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "There must be two or more concatenation arguments");
        assertFails("SELECT concat(ARRAY[1])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "There must be two or more arguments to concat");
        assertFails("SELECT map_concat(MAP(ARRAY['a'], ARRAY[1]))", ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "There must be two or more concatenation arguments to map_concat");
        // an empty padding fails even where nothing would be padded
        assertFails("SELECT lpad('abc', 2, '')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Padding string must not be empty");
        assertFails("SELECT rpad(X'01', 0, X'')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Padding bytes must not be empty");
        assertResult("SELECT json_array_contains(JSON '[1]', NULL), json_array_contains(NULL, 1)",
                List.of("boolean", "boolean"), java.util.Arrays.asList(null, null));
    }

    @Test
    void binaryLiteralsAreVarbinary() throws Exception {
        assertResult("SELECT typeof(X'0102'), length(X'0102'), to_base64(substr(X'010203', 2)), to_base64(substr(X'010203', 2, 1)),"
                        + " to_base64(X'01' || X'02'), to_base64(concat(X'01', X'02', X'03')), typeof(X'01' || X'02')",
                List.of("varchar", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("varbinary", 2L, "AgM=", "Ag==", "AQI=", "AQID", "varbinary"));
        assertResult("SELECT to_hex(lpad(X'01', 3, X'00')), to_hex(rpad(X'01', 3, X'0203')), to_hex(reverse(X'0102')),"
                        + " to_hex(lpad(X'0102', 1, X'00')), to_hex(substr(X'010203', -2)), length(X'')",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "bigint"),
                List.of("000001", "010203", "0201", "01", "0203", 0L));
        assertResult("SELECT to_hex(CAST('abc' AS varbinary)), X'01' = X'01', X'01' < X'02', X'0102' > X'01', X'' = X''",
                List.of("varchar", "boolean", "boolean", "boolean", "boolean"),
                List.of("616263", true, true, true, true));
        assertThat(run("SELECT X'0102'").rows().get(0).get(0)).isEqualTo(new byte[] {1, 2});
        assertError("SELECT lpad(X'01', 3, X'')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void encodingsDigestsAndHashes() throws Exception {
        assertResult("SELECT to_hex(X'0aff'), to_base64(from_hex('0aFF')), to_base64(X'ff00'), to_base64(from_base64('/wA=')),"
                        + " to_base64url(X'fffe'), to_base64(from_base64url('__4='))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("0AFF", "Cv8=", "/wA=", "/wA=", "__4=", "//4="));
        assertResult("SELECT to_base64(md5(X'01')), to_base64(sha1(X'01')), to_base64(sha256(X'01')), crc32(X'01'),"
                        + " to_base64(xxhash64(X'01')), to_base64(murmur3(X'01')), to_base64(hmac_md5(X'01', X'02'))",
                List.of("varchar", "varchar", "varchar", "bigint", "varchar", "varchar", "varchar"),
                List.of("VaVACK0bpYmqIQ0mKcHfQQ==", "v4tFMNjSRt10rFOhNHG7oXlB3/c=", "S/USLzRFVMU73i67jNK349FgCtYxw4Wl18ziPHeFRZo=",
                        2768625435L, "ikEngRsh5zA=", "Fv50g5BcznqFZw5D5GeIdw==", "m0DryTE3aowPHrST/1FyHg=="));
        // the long paths of the hashes: 17 bytes (a full murmur3 block and a tail), 37 bytes (an xxhash64 stripe)
        assertResult("SELECT to_base64(murmur3(X'0102030405060708090a0b0c0d0e0f1011')),"
                        + " to_base64(xxhash64(X'0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324')),"
                        + " to_base64(xxhash64(to_utf8('a'))), to_base64(xxhash64(X'')), to_base64(murmur3(X''))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("q3agHhCkJPKG2shr8/NQCg==", "JX8QrgC2l1Q=", "0k7E8amMbls=", "70bbN1HY6Zk=", "AAAAAAAAAAAAAAAAAAAAAA=="));
        // a tail longer than 8 bytes (both halves mixed), and two full blocks with one
        assertResult("SELECT to_base64(murmur3(X'0102030405060708090a0b0c')),"
                        + " to_base64(murmur3(X'0102030405060708090a0b0c0d0e0f101112131415161718'))",
                List.of("varchar", "varchar"),
                List.of("pM6V8AZpq+4JbmhxhpeYwA==", "Oa/F41Fs48GckM+9ryxW4g=="));
        assertResult("SELECT to_base64(hmac_sha256(X'01', X'02')), to_hex(to_big_endian_64(1)), from_big_endian_64(X'0000000000000001'),"
                        + " to_hex(to_big_endian_32(-1)), from_big_endian_32(X'FFFFFFFF'), to_hex(to_ieee754_64(1.5)),"
                        + " from_ieee754_32(X'3FC00000')",
                List.of("varchar", "varchar", "bigint", "varchar", "integer", "varchar", "real"),
                List.of("/rC+ZX7e1BpPawKPxa1VE8EqsaFQjxBFkZcGxUe7y+E=", "0000000000000001", 1L, "FFFFFFFF", -1L,
                        "3FF8000000000000", 1.5));
        assertResult("SELECT to_hex(NULL), md5(NULL), length(CAST(NULL AS varbinary)), crc32(NULL)",
                List.of("varchar", "varbinary", "bigint", "bigint"), java.util.Arrays.asList(null, null, null, null));
        assertError("SELECT from_hex('abc')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError("SELECT from_hex('zz')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError("SELECT from_base64('a')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError("SELECT from_big_endian_64(X'01')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void urls() throws Exception {
        String url = "'http://a.com:8080/p/q?x=1&y=2#f'";
        assertResult("SELECT url_extract_host(" + url + "), url_extract_path(" + url + "), url_extract_port(" + url + "),"
                        + " url_extract_protocol(" + url + "), url_extract_query(" + url + "), url_extract_fragment(" + url + "),"
                        + " url_extract_parameter(" + url + ", 'y')",
                List.of("varchar(31)", "varchar(31)", "bigint", "varchar(31)", "varchar(31)", "varchar(31)", "varchar(31)"),
                List.of("a.com", "/p/q", 8080L, "http", "x=1&y=2", "f", "2"));
        assertResult("SELECT url_extract_port('http://a.com/p'), url_extract_host('not a url'), url_extract_parameter('http://a.com/?a=1&a=2', 'a'),"
                        + " url_extract_parameter('http://a.com/?a', 'a'), url_encode('a b/c?d=é~*-_.'), url_decode('a+b%2Fc'),"
                        + " url_extract_protocol('a.com/x'), url_extract_parameter('http://a.com/a%20b?x=%20y', 'x')",
                List.of("bigint", "varchar(9)", "varchar(21)", "varchar(15)", "varchar(168)", "varchar(7)", "varchar(7)", "varchar(25)"),
                java.util.Arrays.asList(null, null, "1", "", "a+b%2Fc%3Fd%3D%C3%A9%7E*-_.", "a b/c", "", " y"));
        assertError("SELECT url_decode('%zz')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void stringFunctions() throws Exception {
        assertResult("SELECT split_to_map('a=1,b=2,', ',', '='), split_to_multimap('a=1,a=2,b=3', ',', '=')",
                List.of("map(varchar, varchar)", "map(varchar, array(varchar))"),
                List.of(Map.of("a", "1", "b", "2"), Map.of("a", List.of("1", "2"), "b", List.of("3"))));
        assertError("SELECT split_to_map('a=1,a=2', ',', '=')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError("SELECT split_to_map('a=1,b', ',', '=')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertResult("SELECT soundex('Robert'), soundex(''), soundex('Tymczak'), soundex('1abc'), soundex('Ashcraft')",
                List.of("varchar(4)", "varchar(4)", "varchar(4)", "varchar(4)", "varchar(4)"),
                List.of("R163", "", "T522", "A120", "A261"));
        assertResult("SELECT concat_ws(',', 'a', 'b'), concat_ws(',', ARRAY['a', NULL, 'c']), concat_ws(',', 'a', NULL, 'c'), concat_ws(NULL, 'a')",
                List.of("varchar", "varchar", "varchar", "varchar"), java.util.Arrays.asList("a,b", "a,c", "a,c", null));
        assertResult("SELECT normalize('é', NFD), length(normalize('é', NFD)), normalize('ﬁ', NFKC)",
                List.of("varchar", "bigint", "varchar"), List.of("e\u0301", 2L, "fi"));
        // code point by code point: no expansion of ß, no final sigma
        assertResult("SELECT upper('straße'), lower('İ'), upper('ǆ'), lower('ΣΑΣ'), upper('ﬁ')",
                List.of("varchar(6)", "varchar(1)", "varchar(1)", "varchar(3)", "varchar(1)"),
                List.of("STRAßE", "i", "Ǆ", "σασ", "ﬁ"));
        assertResult("SELECT json_extract_scalar('{\"a\":{\"b\":1}}', '$.a.b'), json_extract_scalar(JSON '{\"a\":1}', '$.a')",
                List.of("varchar(13)", "varchar"), List.of("1", "1"));
    }

    @Test
    void numbersAsText() throws Exception {
        assertResult("SELECT format_number(1234567), format_number(1234), format_number(-1234567), format_number(123),"
                        + " format_number(1.5E10), format_number(999999), format_number(1495), format_number(1005), format_number(CAST(999.999 AS double))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("1.23M", "1.23K", "-1.23M", "123", "15B", "1000K", "1.5K", "1K", "999"));
        assertResult("SELECT from_base('ff', 16), to_base(255, 16), to_base(-255, 2), from_base('-101', 2), pow(2, 10)",
                List.of("bigint", "varchar(64)", "varchar(64)", "bigint", "double"), List.of(255L, "ff", "-11111111", -5L, 1024.0));
        // halves round up over the quotient as a double: 10.05 is a little more, 1.005 a little less
        assertResult("SELECT format_number(10050), format_number(1234.5678), format_number(9223372036854775807), format_number(-1000),"
                        + " luhn_check(NULL), url_extract_host(NULL)",
                List.of("varchar", "varchar", "varchar", "varchar", "boolean", "varchar(0)"),
                java.util.Arrays.asList("10.1K", "1.23K", "9223Q", "-1K", null, null));
        assertError("SELECT from_base('zz', 16)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertError("SELECT to_base(10, 40)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
    }

    @Test
    void sqlJsonFunctions() throws Exception {
        assertResult("SELECT json_value('{\"a\":1}', 'lax $.a'), json_query('{\"a\":[1]}', 'lax $.a'), json_exists('{\"a\":1}', 'lax $.a'),"
                        + " json_exists('{\"a\":1}', 'strict $.b'), json_value('{\"a\":\"x\"}', 'lax $.a'), json_query('{\"a\":1}', 'lax $.a')",
                List.of("varchar", "varchar", "boolean", "boolean", "varchar", "varchar"),
                List.of("1", "[1]", true, false, "x", "1"));
        assertResult("SELECT json_value('{\"a\":[1,2]}', 'lax $.a'), json_value('{\"a\":[1,2]}', 'lax $.a[1]'), json_query('{\"a\":1}', 'lax $.b'),"
                        + " json_value('not json', 'lax $.a'), json_exists(NULL, 'lax $.a')",
                List.of("varchar", "varchar", "varchar", "varchar", "boolean"),
                java.util.Arrays.asList(null, "2", null, null, null));
        assertResult("SELECT json_value('{\"a\":true}', 'lax $.a'), json_value('{\"a\":1.5}', 'strict $.a'),"
                        + " json_query('{\"a\":{\"b\":[1,{\"c\":2}]}}', 'lax $.a.b'), json_exists('[1,2]', 'lax $[5]'),"
                        + " json_value('{\"a\":null}', 'lax $.a'), json_query('{\"a\":null}', 'lax $.a')",
                List.of("varchar", "varchar", "varchar", "boolean", "varchar", "varchar"),
                java.util.Arrays.asList("true", "1.5E0", "[1,{\"c\":2}]", false, null, "null"));
        assertResult("SELECT json_query('{\"a\":[1]}', 'lax $.a' WITH CONDITIONAL ARRAY WRAPPER),"
                        + " json_query('{\"a\":1}', 'lax $.a' WITH CONDITIONAL ARRAY WRAPPER), json_query('{\"a\":[1]}', 'lax $.a' WITH ARRAY WRAPPER)",
                List.of("varchar", "varchar", "varchar"), List.of("[1]", "[1]", "[[1]]"));
        assertError("SELECT json_value(JSON '{\"a\":1}', 'lax $.a')", ErrorCode.TYPE_MISMATCH);
        assertError("SELECT json_value('{\"a\":1}', '$.a')", ErrorCode.SYNTAX_ERROR);
    }

    private static void assertError(String sql, ErrorCode code) {
        Throwable failure = catchThrowable(() -> run(sql));
        while (failure != null && !(failure instanceof QuarryException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("failure of %s", sql).isInstanceOf(QuarryException.class);
        assertThat(((QuarryException) failure).errorCode()).as("error of %s", sql).isEqualTo(code);
    }

    @Test
    void unicodeLiteralsTakeSixDigitEscapes() throws Exception {
        assertResult("SELECT translate('abcd', 'b', U&'\\+01F600'), U&'#+01F600x' UESCAPE '#', U&'\\+000041\\0042', U&'a\\\\+01F600'",
                List.of("varchar", "varchar(2)", "varchar(2)", "varchar(9)"),
                List.of("a\uD83D\uDE00cd", "\uD83D\uDE00x", "AB", "a\\+01F600"));
        // positions after the literal are the user's
        assertFails("SELECT U&'\\+01F600\\+01F600', nosuch", ErrorCode.COLUMN_NOT_FOUND, "line 1:30:");
        assertFails("SELECT U&'\\+000041', nosuch", ErrorCode.COLUMN_NOT_FOUND, "line 1:22:");
    }

    @Test
    void overlayIsNoSyntaxOfTrinos() {
        assertFails("SELECT overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4)", ErrorCode.SYNTAX_ERROR, "line 1:26: mismatched input 'PLACING'");
    }
}
