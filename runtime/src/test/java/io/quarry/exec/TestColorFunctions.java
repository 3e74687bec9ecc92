package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.type.ColorType;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The color type and rgb, color, render and bar: values, ANSI escapes (as hex of their UTF-8 bytes), NULLs, errors,
 * equality without order. Every expected value and error was taken from Trino 476; colours are compared in the text
 * the protocol shows ({@code #rrggbb} or a system colour's name).
 */
class TestColorFunctions extends LocalQueryTest {
    private static final String RED_TO_GREEN = "rgb(255,0,0), rgb(0,255,0)";

    /** Asserts that every column of the one row is a color, shown as the texts (null for NULL). */
    private static void assertColors(String sql, String... texts) throws Exception {
        LocalQueryRunner.Result result = run(sql);
        assertThat(result.types()).as(sql).allMatch(type -> type.equals(Types.COLOR));
        assertThat(result.rows()).as(sql).hasSize(1);
        List<String> shown = new ArrayList<>();
        for (Object value : result.rows().get(0)) {
            shown.add(value == null ? null : ColorType.text((Long) value));
        }
        assertThat(shown).as(sql).isEqualTo(Arrays.asList(texts));
    }

    private static String hex(String varchar) {
        return "to_hex(to_utf8(" + varchar + "))";
    }

    @Test
    void rgbAndNamedColors() throws Exception {
        assertColors("SELECT rgb(255,0,0), rgb(0,0,0), rgb(18,52,86), rgb(CAST(1 AS tinyint), CAST(2 AS smallint), 3), rgb(NULL, 0, 0)",
                "#ff0000", "#000000", "#123456", "#010203", null);
        assertColors("SELECT color('RED'), color('Black'), color('white'), color('cyan'), color('magenta'), color('yellow'), "
                        + "color('blue'), color('green'), color('whıte')",
                "red", "black", "white", "cyan", "magenta", "yellow", "blue", "green", "white");
        assertColors("SELECT color('#ABC'), color('#000'), color('#fff'), color('#0a0'), color(CAST('#fff' AS varchar(10))), color(NULL)",
                "#aabbcc", "#000000", "#ffffff", "#00aa00", "#ffffff", null);
        assertResult("SELECT typeof(rgb(1,2,3)), typeof(color('red')), typeof(CAST(NULL AS color)), CAST(NULL AS color) IS NULL",
                List.of("varchar", "varchar", "varchar", "boolean"), List.of("color", "color", "color", true));
    }

    @Test
    void badColorsAndChannels() {
        for (String bad : List.of("#ff0000", "#ab", "#abcd", "abc", "#gab", "", " red", "nope", "orange", "ſ")) {
            assertFails("SELECT color('" + bad + "')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid color: '" + bad + "'");
        }
        assertFails("SELECT rgb(300,0,0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "red must be between 0 and 255");
        assertFails("SELECT rgb(0,-1,0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "green must be between 0 and 255");
        assertFails("SELECT rgb(0,0,256)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "blue must be between 0 and 255");
        assertFails("SELECT rgb(0,300,-1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "green must be between 0 and 255");
    }

    @Test
    void callsNoSignatureTakes() {
        assertFails("SELECT rgb(1.5, 0, 0)", ErrorCode.FUNCTION_NOT_FOUND,
                "line 1:8: Unexpected parameters (decimal(2,1), integer, integer) for function rgb. Expected: rgb(bigint, bigint, bigint)");
        assertFails("SELECT rgb('1', 0, 0)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (varchar(1), integer, integer) for function rgb");
        String colorSignatures = "Expected: color(double, color, color), color(double, double, double, color, color), color(varchar(x))";
        assertFails("SELECT color(1, 2)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer, integer) for function color. " + colorSignatures);
        assertFails("SELECT color(rgb(1,2,3))", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (color) for function color");
        assertFails("SELECT color('red', rgb(1,2,3), rgb(3,4,5))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (varchar(3), color, color) for function color");
        assertFails("SELECT color(CAST('red' AS char(3)))", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (char(3)) for function color");
        String renderSignatures = "Expected: render(bigint, color), render(boolean), render(double, color), render(varchar(x), color)";
        assertFails("SELECT render(true, rgb(0,0,0))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (boolean, color) for function render. " + renderSignatures);
        assertFails("SELECT render(12)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer) for function render");
        assertFails("SELECT render(date '2020-01-01', rgb(1,1,1))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (date, color) for function render");
        assertFails("SELECT render(NULL, rgb(1,1,1))", ErrorCode.AMBIGUOUS_FUNCTION_CALL, "line 1:8: Could not choose a best candidate operator");
        assertFails("SELECT bar(0.5, 1.5)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (decimal(1,1), decimal(2,1)) for function bar. "
                + "Expected: bar(double, bigint), bar(double, bigint, color, color)");
        assertFails("SELECT bar(0.5, 3, rgb(1,1,1))", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (decimal(1,1), integer, color) for function bar");
    }

    @Test
    void interpolationInHueSaturationAndBrightness() throws Exception {
        assertColors("SELECT color(0, " + RED_TO_GREEN + "), color(0.25, " + RED_TO_GREEN + "), color(0.5, " + RED_TO_GREEN
                        + "), color(0.999, " + RED_TO_GREEN + "), color(1, " + RED_TO_GREEN + ")",
                "#ff0000", "#ff8000", "#ffff00", "#01ff00", "#00ff00");
        // held to 0..1; NaN is black
        assertColors("SELECT color(-1, " + RED_TO_GREEN + "), color(2, " + RED_TO_GREEN + "), color(nan(), " + RED_TO_GREEN
                        + "), color(infinity(), " + RED_TO_GREEN + "), color(-infinity(), " + RED_TO_GREEN + ")",
                "#ff0000", "#00ff00", "#000000", "#00ff00", "#ff0000");
        assertColors("SELECT color(0.3, rgb(12,34,56), rgb(200,100,50)), color(0.7, rgb(12,34,56), rgb(200,100,50)), "
                        + "color(0.1, rgb(255,255,255), rgb(0,0,0)), color(0.5, rgb(128,128,128), rgb(10,200,30)), "
                        + "color(CAST(0.5 AS real), " + RED_TO_GREEN + "), color(DECIMAL '0.5', " + RED_TO_GREEN + ")",
                "#166341", "#7b9d26", "#e6e6e6", "#a0a456", "#ffff00", "#ffff00");
        String redToBlue = "rgb(255,0,0), rgb(0,0,255)";
        assertColors("SELECT color(5, 0, 10, " + redToBlue + "), color(0, 0, 10, " + redToBlue + "), color(15, 0, 10, " + redToBlue
                        + "), color(-5, 0, 10, " + redToBlue + "), color(2, 10, 0, " + redToBlue + ")",
                "#00ff00", "#ff0000", "#0000ff", "#ff0000", "#00ccff");
        // low = high: 0/0 is NaN (black), else ±Infinity held to an end
        assertColors("SELECT color(5, 5, 5, " + redToBlue + "), color(6, 5, 5, " + redToBlue + "), color(4, 5, 5, " + redToBlue + ")",
                "#000000", "#0000ff", "#ff0000");
        assertColors("SELECT color(NULL, " + RED_TO_GREEN + "), color(0.5, NULL, rgb(0,255,0)), color(NULL, color('red'), rgb(0,255,0)), "
                        + "color(1, NULL, 10, " + redToBlue + ")",
                null, null, null, null);
        assertFails("SELECT color(0.5, color('red'), rgb(0,255,0))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "lowColor not a valid RGB color");
        assertFails("SELECT color(0.5, rgb(0,255,0), color('red'))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "highColor not a valid RGB color");
        assertFails("SELECT color(5, 0, 10, color('red'), rgb(0,0,255))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "lowColor not a valid RGB color");
    }

    @Test
    void renderWritesAnsiEscapes() throws Exception {
        assertResult("SELECT " + hex("render('abc', rgb(255,0,0))") + ", typeof(render('abc', rgb(255,0,0))), "
                        + hex("render('abc', color('white'))") + ", " + hex("render('', color('black'))") + ", "
                        + "typeof(render(CAST('x' AS varchar), rgb(1,1,1))), typeof(render('日本', rgb(255,255,0)))",
                List.of("varchar", "varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("1B5B33383B353B3139366D6162631B5B306D", "varchar(18)", "1B5B33383B353B376D6162631B5B306D",
                        "1B5B33383B353B306D1B5B306D", "varchar", "varchar(17)"));
        // the 6x6x6 cube of the 256-colour palette
        assertResult("SELECT " + hex("render('x', rgb(42,43,44))") + ", " + hex("render('x', rgb(43,42,213))") + ", "
                        + hex("render('x', rgb(85,170,255))"),
                List.of("varchar", "varchar", "varchar"),
                List.of("1B5B33383B353B32336D781B5B306D", "1B5B33383B353B35366D781B5B306D", "1B5B33383B353B37356D781B5B306D"));
        assertResult("SELECT " + hex("render(12, rgb(0,0,0))") + ", typeof(render(12, rgb(0,0,0))), typeof(render(1.5, rgb(0,0,0))), "
                        + "render(-9223372036854775808, rgb(0,0,0)), render(9223372036854775807, rgb(255,255,255))",
                List.of("varchar", "varchar", "varchar", "varchar(35)", "varchar(35)"),
                List.of("1B5B33383B353B31366D31321B5B306D", "varchar(35)", "varchar(41)",
                        "\u001b[38;5;16m-9223372036854775808\u001b[0m", "\u001b[38;5;231m9223372036854775807\u001b[0m"));
        // a double in Java's notation with the shortest digits
        List<String> doubles = List.of("1.5", "1.0E10", "0.002", "NaN", "-Infinity", "-0.0", "1.0E-4", "1.23456789125E8", "0.10000000149011612", "12.5");
        assertResult("SELECT render(1.5, rgb(0,0,0)), render(1e10, rgb(0,0,0)), render(2e-3, rgb(0,0,0)), render(nan(), rgb(0,0,0)), "
                        + "render(-infinity(), rgb(0,0,0)), render(-0e0, rgb(0,0,0)), render(1e-4, rgb(0,0,0)), "
                        + "render(123456789.125e0, rgb(0,0,0)), render(CAST(0.1 AS real), rgb(0,0,0)), render(DECIMAL '12.50', rgb(0,0,0))",
                doubles.stream().map(text -> "varchar(41)").toList(),
                doubles.stream().map(text -> "\u001b[38;5;16m" + text + "\u001b[0m").toList());
        assertResult("SELECT " + hex("render(true)") + ", " + hex("render(false)") + ", typeof(render(false)), render(NULL), "
                        + "render('a', NULL), render(CAST(NULL AS bigint), NULL), render(rgb(1,1,1) = rgb(1,1,1))",
                List.of("varchar", "varchar", "varchar", "varchar(16)", "varchar(16)", "varchar(35)", "varchar(16)"),
                Arrays.asList("1B5B33383B353B326DE29C931B5B306D", "1B5B33383B353B316DE29C971B5B306D", "varchar(16)", null, null, null,
                        "\u001b[38;5;2m\u2713\u001b[0m"));
        assertResult("SELECT render(x, rgb(255,255,0)) FROM (VALUES 'a', NULL) t(x)", List.of("varchar(16)"),
                List.of("\u001b[38;5;226ma\u001b[0m"), Arrays.asList((Object) null));
    }

    @Test
    void barsOfBlocksAndSpaces() throws Exception {
        assertResult("SELECT " + hex("bar(0.25, 4)") + ", " + hex("bar(0, 4)") + ", " + hex("bar(1, 4)") + ", " + hex("bar(1.5, 4)")
                        + ", " + hex("bar(-1, 4)"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("1B5B33383B353B3139366DE296881B5B306D202020", "1B5B306D20202020",
                        "1B5B33383B353B3139366DE296881B5B33383B353B3231346DE296881B5B33383B353B3135346DE296881B5B33383B353B34366DE296881B5B306D",
                        "1B5B33383B353B3139366DE296881B5B33383B353B3231346DE296881B5B33383B353B3135346DE296881B5B33383B353B34366DE296881B5B306D",
                        "1B5B306D20202020"));
        // one block is at NaN of the way (black); no width or a negative one is only the reset
        assertResult("SELECT " + hex("bar(1, 1)") + ", " + hex("bar(1, 2)") + ", " + hex("bar(0.5, 0)") + ", " + hex("bar(0.5, -3)"),
                List.of("varchar", "varchar", "varchar", "varchar"),
                List.of("1B5B33383B353B31366DE296881B5B306D", "1B5B33383B353B3139366DE296881B5B33383B353B34366DE296881B5B306D",
                        "1B5B306D", "1B5B306D"));
        assertResult("SELECT " + hex("bar(nan(), 3)") + ", " + hex("bar(infinity(), 3)") + ", " + hex("bar(-infinity(), 3)") + ", "
                        + hex("bar(0.66, 3)") + ", " + hex("bar(0.67, 3)"),
                List.of("varchar", "varchar", "varchar", "varchar", "varchar"),
                List.of("1B5B306D202020",
                        "1B5B33383B353B3139366DE296881B5B33383B353B3232366DE296881B5B33383B353B34366DE296881B5B306D",
                        "1B5B306D202020", "1B5B33383B353B3139366DE296881B5B306D2020",
                        "1B5B33383B353B3139366DE296881B5B33383B353B3232366DE296881B5B306D20"));
        assertResult("SELECT " + hex("bar(1, 5, rgb(0,0,255), rgb(255,255,0))") + ", " + hex("bar(1, 9, rgb(255,255,255), rgb(0,0,0))"),
                List.of("varchar", "varchar"),
                List.of("1B5B33383B353B32316DE296881B5B33383B353B34356DE296881B5B33383B353B34396DE296881B5B33383B353B38326DE296881B5B33383B353B3232366DE296881B5B306D",
                        "1B5B33383B353B3233316DE296881B5B33383B353B3233316DE296881B5B33383B353B3138386DE296881B5B33383B353B3134356DE29688"
                                + "1B5B33383B353B3134356DE296881B5B33383B353B3130326DE296881B5B33383B353B35396DE296881B5B33383B353B31366DE29688"
                                + "1B5B33383B353B31366DE296881B5B306D"));
        assertResult("SELECT length(bar(0.3, 100)), length(bar(1, 100)), length(bar(0, 100)), bar(NULL, 3), bar(0.5, NULL), "
                        + "bar(0.5, 3, NULL, rgb(1,1,1)), " + hex("bar(0, 5, color('red'), color('blue'))"),
                List.of("bigint", "bigint", "bigint", "varchar", "varchar", "varchar", "varchar"),
                Arrays.asList(434L, 1187L, 104L, null, null, null, "1B5B306D2020202020"));
        // a system colour has no RGB value to move from: an error once a block is drawn
        assertFails("SELECT bar(1, 5, color('red'), rgb(255,255,0))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "color is not a valid rgb value");
        assertFails("SELECT bar(1, 5, rgb(255,255,0), color('red'))", ErrorCode.INVALID_FUNCTION_ARGUMENT, "color is not a valid rgb value");
        // Quarry's own bound, where Trino would try to build the text
        assertFails("SELECT bar(0.5, 2000000000)", ErrorCode.EXCEEDED_FUNCTION_MEMORY_LIMIT, "longer than");
    }

    @Test
    void equalityWithoutOrderOrCasts() throws Exception {
        assertResult("SELECT rgb(1,2,3) = rgb(1,2,3), rgb(1,2,3) <> rgb(1,2,3), rgb(1,2,3) = rgb(3,2,1), color('red') = rgb(255,0,0), "
                        + "color('red') = color('RED'), color('#f00') = rgb(255,0,0), rgb(1,2,3) IS DISTINCT FROM NULL, "
                        + "rgb(1,2,3) IS NOT DISTINCT FROM color('#123'), rgb(1,2,3) = NULL, rgb(1,2,3) IN (rgb(1,2,3), color('red'))",
                List.of("boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "boolean"),
                Arrays.asList(true, false, false, false, true, true, true, false, null, true));
        assertFails("SELECT rgb(1,2,3) > rgb(0,0,0)", ErrorCode.TYPE_MISMATCH, "line 1:19: Cannot apply operator: color < color");
        assertFails("SELECT rgb(1,2,3) <= rgb(0,0,0)", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: color <= color");
        assertFails("SELECT 1 >= rgb(1,2,3)", ErrorCode.TYPE_MISMATCH, "line 1:10: Cannot apply operator: integer <= color");
        assertFails("SELECT rgb(1,2,3) = 1", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: color = integer");
        assertFails("SELECT rgb(1,2,3) <> 'red'", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: color = varchar(3)");
        assertFails("SELECT rgb(1,2,3) IS DISTINCT FROM 1", ErrorCode.TYPE_MISMATCH, "Cannot check if color is identical to integer");
        assertFails("SELECT NULL < rgb(1,2,3)", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: unknown < color");
        assertFails("SELECT rgb(1,2,3) BETWEEN rgb(0,0,0) AND rgb(2,2,2)", ErrorCode.TYPE_MISMATCH,
                "line 1:19: Cannot check if color is BETWEEN color and color");
        assertFails("SELECT ARRAY[rgb(1,2,3)] < ARRAY[rgb(1,2,3)]", ErrorCode.TYPE_MISMATCH, "Cannot apply operator: array(color) < array(color)");
        assertFails("SELECT rgb(1,2,3) ORDER BY 1", ErrorCode.TYPE_MISMATCH, "Type color is not orderable");
        assertFails("SELECT min(c) FROM (VALUES rgb(1,2,3)) t(c)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (color) for function min");
        assertFails("SELECT greatest(rgb(1,2,3), rgb(2,2,2))", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (color, color) for function greatest. Expected: greatest(E) E:orderable");
        assertFails("SELECT array_sort(ARRAY[rgb(1,2,3)])", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (array(color)) for function array_sort");
        assertFails("SELECT array_max(ARRAY[rgb(1,2,3)])", ErrorCode.FUNCTION_NOT_FOUND,
                "Unexpected parameters (array(color)) for function array_max. Expected: array_max(array(t)) T:orderable");
        for (String cast : List.of("CAST(rgb(1,2,3) AS varchar)", "TRY_CAST(rgb(1,2,3) AS varchar)", "CAST(rgb(1,2,3) AS bigint)",
                "CAST(rgb(1,2,3) AS varbinary)", "CAST('red' AS color)", "CAST(5 AS color)", "CAST(X'01' AS color)")) {
            assertFails("SELECT " + cast, ErrorCode.TYPE_MISMATCH, "Cannot cast");
        }
        assertFails("SELECT CAST(rgb(1,2,3) AS varchar)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast color to varchar");
        assertFails("SELECT TRY_CAST('red' AS color)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast varchar(3) to color");
        assertFails("SELECT CAST(5 AS color)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast integer to color");
        assertFails("SELECT CAST(rgb(1,2,3) AS varbinary)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast color to varbinary");
        assertFails("SELECT CAST(rgb(1,2,3) AS json)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast color to json");
        assertFails("SELECT CAST(X'01' AS color)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast varbinary to color");
        assertFails("SELECT CAST(approx_set(1) AS color)", ErrorCode.TYPE_MISMATCH, "line 1:8: Cannot cast HyperLogLog to color");
        assertFails("SELECT format('%s', rgb(1,2,3))", ErrorCode.NOT_SUPPORTED, "Type not supported for formatting: color");
        assertFails("SELECT coalesce(rgb(1,2,3), 1)", ErrorCode.TYPE_MISMATCH);
        assertFails("SELECT CASE WHEN true THEN color('red') ELSE 'x' END", ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void groupingDistinctJoinsAndContainers() throws Exception {
        assertResult("SELECT count(DISTINCT c), approx_distinct(c), count(c) FROM (VALUES rgb(1,2,3), rgb(1,2,3), color('red')) t(c)",
                List.of("bigint", "bigint", "bigint"), List.of(2L, 2L, 3L));
        LocalQueryRunner.Result grouped = run("SELECT c, count(*) FROM (VALUES rgb(1,2,3), rgb(1,2,3), color('red'), NULL) t(c) GROUP BY c");
        assertThat(grouped.types()).isEqualTo(List.of(Types.COLOR, Types.BIGINT));
        assertThat(grouped.rows()).containsExactlyInAnyOrder(
                List.of(ColorType.rgb(1, 2, 3), 2L), List.of(ColorType.systemColor(1), 1L), Arrays.asList(null, 1L));
        assertResult("SELECT count(*) FROM (VALUES rgb(1,2,3), color('red')) a(c) JOIN (VALUES rgb(1,2,3)) b(c) ON a.c = b.c",
                List.of("bigint"), List.of(1L));
        assertResult("SELECT typeof(ARRAY[rgb(1,2,3)]), cardinality(array_distinct(ARRAY[rgb(1,2,3), rgb(1,2,3)])), "
                        + "contains(ARRAY[rgb(1,2,3)], rgb(1,2,3)), typeof(coalesce(NULL, rgb(1,2,3)))",
                List.of("varchar", "bigint", "boolean", "varchar"), List.of("array(color)", 1L, true, "color"));
        assertResult("SELECT to_base64(checksum(c)) FROM (VALUES rgb(1,2,3), color('red')) t(c)",
                List.of("varchar"), List.of("eqJ6O7JVVk4="));
        assertResult("SELECT MAP(ARRAY[rgb(1,2,3), color('red')], ARRAY['a', 'b'])[color('red')], "
                        + "element_at(MAP(ARRAY[rgb(1,2,3)], ARRAY['a']), rgb(1,2,3))",
                List.of("varchar(1)", "varchar(1)"), List.of("b", "a"));
        // no text of the key: a color has none in Trino's message
        assertFails("SELECT MAP(ARRAY[rgb(1,2,3)], ARRAY['a'])[color('blue')]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> run("SELECT MAP(ARRAY[rgb(1,2,3)], ARRAY['a'])[color('blue')]")))
                .hasRootCauseMessage("Key not present in map");
        assertFails("SELECT MAP(ARRAY[rgb(1,2,3)], ARRAY['a'])[1]", ErrorCode.TYPE_MISMATCH,
                "line 1:8: Cannot use integer for subscript of map(color, varchar(1))");
        assertResult("SELECT hash_counts(make_set_digest(c)) FROM (VALUES rgb(1,2,3)) t(c)",
                List.of("map(bigint, smallint)"), List.of(java.util.Map.of(2137055027174048268L, 1L)));
        assertColors("SELECT CASE WHEN true THEN color('red') ELSE rgb(1,1,1) END, if(false, rgb(1,1,1)), nullif(rgb(1,1,1), rgb(1,1,1)), "
                        + "CAST(rgb(1,2,3) AS color)",
                "red", null, null, "#010203");
    }
}
