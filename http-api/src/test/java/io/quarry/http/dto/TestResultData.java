package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestResultData {
    private static String json(ResultData data) {
        return new String(WireJson.toBytes(data), StandardCharsets.UTF_8);
    }

    @Test
    void doublesAlwaysHaveAFractionOrExponent() {
        BlockBuilder doubles = BlockBuilder.create(Types.DOUBLE, 6);
        for (double value : new double[] {1, -0.0, 1e20, 2.5e-3, Double.POSITIVE_INFINITY, Double.NaN}) {
            doubles.appendDouble(value);
        }
        BlockBuilder reals = BlockBuilder.create(Types.REAL, 6);
        for (float value : new float[] {1, 0.1f, 3e38f, 1.1f, Float.NEGATIVE_INFINITY, Float.NaN}) {
            reals.appendDouble(value);
        }
        ResultData data = ResultData.of(List.of(Types.DOUBLE, Types.REAL), List.of(Page.of(doubles.build(), reals.build())))
                .orElseThrow();
        assertThat(json(data)).isEqualTo("[[1.0,1.0],[-0.0,0.1],[1.0E20,3.0E38],[0.0025,1.1],"
                + "[\"Infinity\",\"-Infinity\"],[\"NaN\",\"NaN\"]]");
    }

    @Test
    void numbersAreTheShortestTextThatReadsBack() {
        // Java 17's toString gives 8.9999995E9 and 0.0020 here; Trino (on a newer runtime) the shortest text
        BlockBuilder doubles = BlockBuilder.create(Types.DOUBLE, 2).appendDouble(2.0e-3).appendDouble(1.0e23);
        BlockBuilder reals = BlockBuilder.create(Types.REAL, 2).appendDouble(9.0e9f).appendDouble(1.0e-3f);
        ResultData data = ResultData.of(List.of(Types.DOUBLE, Types.REAL), List.of(Page.of(doubles.build(), reals.build())))
                .orElseThrow();
        assertThat(json(data)).isEqualTo("[[0.002,9.0E9],[1.0E23,0.001]]");
    }

    @Test
    void uuidsAreTheirText() {
        byte[] value = new byte[16];
        value[0] = (byte) 0xf2;
        value[15] = 0x59;
        BlockBuilder uuids = BlockBuilder.create(Types.UUID, 2).appendBytes(value).appendNull();
        ResultData data = ResultData.of(List.of(Types.UUID), List.of(Page.of(uuids.build()))).orElseThrow();
        assertThat(json(data)).isEqualTo("[[\"f2000000-0000-0000-0000-000000000059\"],[null]]");
    }

    @Test
    void ipAddressesAreTheirText() {
        byte[] ipv4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 0, 0, 1};
        byte[] ipv6 = new byte[16];
        ipv6[0] = 0x20;
        ipv6[1] = 0x01;
        ipv6[2] = 0x0d;
        ipv6[3] = (byte) 0xb8;
        ipv6[15] = 1;
        BlockBuilder addresses = BlockBuilder.create(Types.IPADDRESS, 3).appendBytes(ipv4).appendBytes(ipv6).appendNull();
        ResultData data = ResultData.of(List.of(Types.IPADDRESS), List.of(Page.of(addresses.build()))).orElseThrow();
        assertThat(json(data)).isEqualTo("[[\"10.0.0.1\"],[\"2001:db8::1\"],[null]]");
    }

    @Test
    void colorsAreHexOrSystemNames() {
        // as Trino shows rgb(255,128,0), color('red') and a NULL color
        BlockBuilder colors = BlockBuilder.create(Types.COLOR, 3)
                .appendLong(io.quarry.type.ColorType.rgb(255, 128, 0)).appendLong(io.quarry.type.ColorType.systemColor(1)).appendNull();
        ResultData data = ResultData.of(List.of(Types.COLOR), List.of(Page.of(colors.build()))).orElseThrow();
        assertThat(json(data)).isEqualTo("[[\"#ff8000\"],[\"red\"],[null]]");
    }

    @Test
    void rowsSpanPagesAndEmptyResultsHaveNoData() {
        Page one = Page.of(BlockBuilder.create(Types.BIGINT, 1).appendLong(1).build());
        Page empty = Page.of(BlockBuilder.create(Types.BIGINT, 0).build());
        Page two = Page.of(BlockBuilder.create(Types.BIGINT, 2).appendLong(2).appendNull().build());
        assertThat(json(ResultData.of(List.of(Types.BIGINT), List.of(one, empty, two)).orElseThrow()))
                .isEqualTo("[[1],[2],[null]]");
        assertThat(ResultData.of(List.of(Types.BIGINT), List.of(empty))).isEmpty();
        assertThat(ResultData.of(List.of(Types.BIGINT), List.of())).isEmpty();
    }

    @Test
    void rejectsPagesOfTheWrongWidth() {
        Page one = Page.of(BlockBuilder.create(Types.BIGINT, 1).appendLong(1).build());
        assertThatThrownBy(() -> ResultData.of(List.of(Types.BIGINT, Types.BIGINT), List.of(one)))
                .hasMessageContaining("1 columns");
    }

    @Test
    void arraysAreJsonArraysMapsObjectsAndRowsArrays() {
        ArrayType strings = new ArrayType(Types.VARCHAR);
        MapType map = new MapType(Types.VARCHAR, Types.decimal(3, 1));
        RowType row = new RowType(List.of(new RowType.Field(Optional.of("id"), Types.INTEGER),
                new RowType.Field(Optional.empty(), Types.DOUBLE)));
        Map<Object, Object> entries = new LinkedHashMap<>();
        entries.put("a", new BigDecimal("1.5"));
        entries.put("b", null);
        Page page = Page.of(
                BlockBuilder.create(strings, 2).appendObject(Arrays.asList("x", null)).appendNull().build(),
                BlockBuilder.create(map, 2).appendObject(entries).appendObject(Map.of()).build(),
                BlockBuilder.create(row, 2).appendObject(List.of(1L, 2.0)).appendObject(Arrays.asList(null, Double.NaN)).build());
        assertThat(json(ResultData.of(List.of(strings, map, row), List.of(page)).orElseThrow()))
                .isEqualTo("[[[\"x\",null],{\"a\":\"1.5\",\"b\":null},[1,2.0]],[null,{},[null,\"NaN\"]]]");
    }

    @Test
    void mapKeysReadAsTheirValuesDo() {
        MapType dates = new MapType(Types.DATE, Types.BIGINT);
        MapType decimals = new MapType(Types.decimal(3, 2), Types.BIGINT);
        MapType doubles = new MapType(Types.DOUBLE, Types.BIGINT);
        MapType booleans = new MapType(Types.BOOLEAN, Types.BIGINT);
        MapType binaries = new MapType(Types.VARBINARY, Types.BIGINT);
        MapType strings = new MapType(Types.VARCHAR, Types.BIGINT);
        Page page = Page.of(
                BlockBuilder.create(dates, 1).appendObject(Map.of(18262L, 1L)).build(),
                BlockBuilder.create(decimals, 1).appendObject(Map.of(new BigDecimal("1.50"), 1L)).build(),
                BlockBuilder.create(doubles, 1).appendObject(Map.of(1.5, 1L)).build(),
                BlockBuilder.create(booleans, 1).appendObject(Map.of(true, 1L)).build(),
                BlockBuilder.create(binaries, 1).appendObject(Map.of(new byte[] {1, 2}, 1L)).build(),
                BlockBuilder.create(strings, 1).appendObject(Map.of("a\"b", 1L)).build());
        assertThat(json(ResultData.of(List.of(dates, decimals, doubles, booleans, binaries, strings), List.of(page)).orElseThrow()))
                .isEqualTo("[[{\"2020-01-01\":1},{\"1.50\":1},{\"1.5\":1},{\"true\":1},{\"AQI=\":1},{\"a\\\"b\":1}]]");
    }

    @Test
    void structuralMapKeysReadAsTheTextOfTheirValues() {
        // Trino's clients see an array or row key as its Java list's text: strings unquoted, elements after ", "
        MapType arrays = new MapType(new ArrayType(Types.VARCHAR), Types.BIGINT);
        MapType rows = new MapType(new RowType(List.of(new RowType.Field(Optional.empty(), Types.DATE),
                new RowType.Field(Optional.empty(), Types.decimal(3, 2)))), Types.BIGINT);
        MapType nested = new MapType(new ArrayType(new ArrayType(Types.BIGINT)), Types.BIGINT);
        Page page = Page.of(
                BlockBuilder.create(arrays, 1).appendObject(Map.of(Arrays.asList("a", null, "b,c"), 1L)).build(),
                BlockBuilder.create(rows, 1).appendObject(Map.of(List.of(18262L, new BigDecimal("2.50")), 1L)).build(),
                BlockBuilder.create(nested, 1).appendObject(Map.of(List.of(List.of(1L, 2L), List.of()), 1L)).build());
        assertThat(json(ResultData.of(List.of(arrays, rows, nested), List.of(page)).orElseThrow()))
                .isEqualTo("[[{\"[a, null, b,c]\":1},{\"[2020-01-01, 2.50]\":1},{\"[[1, 2], []]\":1}]]");
    }

    @Test
    void structuralTypeSignaturesNestTheirTypes() {
        RowType row = new RowType(List.of(new RowType.Field(Optional.of("id"), Types.INTEGER),
                new RowType.Field(Optional.empty(), new ArrayType(Types.varchar(3)))));
        String json = new String(WireJson.toBytes(ClientTypeSignature.of(new MapType(Types.BIGINT, row))), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"rawType\":\"map\",\"arguments\":[{\"kind\":\"TYPE\",\"value\":{\"rawType\":\"bigint\",\"arguments\":[]}},"
                + "{\"kind\":\"TYPE\",\"value\":{\"rawType\":\"row\",\"arguments\":["
                + "{\"kind\":\"NAMED_TYPE\",\"value\":{\"fieldName\":{\"name\":\"id\"},\"typeSignature\":{\"rawType\":\"integer\",\"arguments\":[]}}},"
                + "{\"kind\":\"NAMED_TYPE\",\"value\":{\"typeSignature\":{\"rawType\":\"array\",\"arguments\":["
                + "{\"kind\":\"TYPE\",\"value\":{\"rawType\":\"varchar\",\"arguments\":[{\"kind\":\"LONG\",\"value\":3}]}}]}}}]}}]}");
    }

    @Test
    void charValuesArePaddedByCodePoints() {
        assertThat(ValueEncoders.padToLength("é", 3)).isEqualTo("é  ");
        assertThat(ValueEncoders.padToLength("abc", 3)).isEqualTo("abc");
    }
}
