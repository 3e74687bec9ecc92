package io.quarry.actor.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.block.MapBlock;
import io.quarry.block.RowBlock;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import java.nio.charset.StandardCharsets;

/** Sample pages of every block kind, and an exact comparison of pages. */
final class Pages {
    private Pages() {}

    /** One column of each block kind; with {@code withNulls}, every third position is null. */
    static Page everyBlockKind(int positions, boolean withNulls) {
        boolean[] nulls = null;
        if (withNulls) {
            nulls = new boolean[positions];
            for (int i = 0; i < positions; i += 3) {
                nulls[i] = true;
            }
        }
        long[] longs = new long[positions];
        double[] doubles = new double[positions];
        boolean[] booleans = new boolean[positions];
        long[] int128 = new long[2 * positions];
        int[] offsets = new int[positions + 1];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < positions; i++) {
            longs[i] = i % 2 == 0 ? Long.MIN_VALUE + i : i * 1_000_003L;
            doubles[i] = i % 5 == 0 ? Double.NaN : -i / 7.0;
            booleans[i] = i % 2 == 1;
            int128[2 * i] = -i;
            int128[2 * i + 1] = Long.MAX_VALUE - i;
            text.append(i % 4 == 0 ? "" : "välue-" + i);
            offsets[i + 1] = text.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        return new Page(
                positions,
                new LongBlock(positions, copy(nulls), longs),
                new DoubleBlock(positions, copy(nulls), doubles),
                new BooleanBlock(positions, copy(nulls), booleans),
                new VariableWidthBlock(positions, copy(nulls), offsets, data),
                new Int128Block(positions, copy(nulls), int128));
    }

    /**
     * An array(varchar) column with a null array, a null element and an empty array, a map(bigint, double)
     * column and a row(bigint, array(varchar)) column, built through BlockBuilder from Java values.
     */
    static Page nestedBlocks() {
        ArrayType strings = new ArrayType(Types.VARCHAR);
        MapType map = new MapType(Types.BIGINT, Types.DOUBLE);
        RowType row = RowType.anonymous(List.of(Types.BIGINT, strings));
        BlockBuilder arrays = BlockBuilder.create(strings, 4);
        BlockBuilder maps = BlockBuilder.create(map, 4);
        BlockBuilder rows = BlockBuilder.create(row, 4);
        List<Object> values = new ArrayList<>();
        values.add("a");
        values.add(null);
        values.add("välue");
        arrays.appendObject(values).appendNull().appendObject(List.of()).appendObject(List.of("z"));
        Map<Object, Object> entries = new LinkedHashMap<>();
        entries.put(1L, 1.5);
        entries.put(2L, null);
        maps.appendObject(entries).appendObject(Map.of()).appendNull().appendObject(Map.of(7L, Double.NaN));
        rows.appendObject(List.of(1L, List.of("x"))).appendNull().appendObject(Arrays.asList(null, values))
                .appendObject(List.of(4L, List.of()));
        return Page.of(arrays.build(), maps.build(), rows.build());
    }

    /**
     * A dictionary-encoded varchar column whose dictionary holds a null and an unused entry, and a run-length
     * bigint column, over {@code positions} rows.
     */
    static Page encodedBlocks(int positions) {
        byte[] data = "redgreenunused".getBytes(StandardCharsets.UTF_8);
        VariableWidthBlock dictionary = new VariableWidthBlock(4, new boolean[] {false, false, true, false}, new int[] {0, 3, 8, 8, 14}, data);
        int[] ids = new int[positions];
        for (int i = 0; i < positions; i++) {
            ids[i] = i % 3;
        }
        return new Page(
                positions,
                new DictionaryBlock(dictionary, ids, positions),
                new RunLengthBlock(new LongBlock(1, null, new long[] {42}), positions));
    }

    private static boolean[] copy(boolean[] nulls) {
        return nulls == null ? null : nulls.clone();
    }

    static void assertSamePages(Page actual, Page expected) {
        assertThat(actual.positionCount()).isEqualTo(expected.positionCount());
        assertThat(actual.channelCount()).isEqualTo(expected.channelCount());
        for (int channel = 0; channel < expected.channelCount(); channel++) {
            assertSameBlocks(actual.block(channel), expected.block(channel));
        }
    }

    static void assertSameBlocks(Block actual, Block expected) {
        assertThat(actual).isExactlyInstanceOf(expected.getClass());
        if (expected instanceof DictionaryBlock e) {
            assertSameBlocks(((DictionaryBlock) actual).dictionary(), e.dictionary());
        } else if (expected instanceof RunLengthBlock e) {
            assertSameBlocks(((RunLengthBlock) actual).value(), e.value());
        }
        assertThat(actual.positionCount()).isEqualTo(expected.positionCount());
        assertThat(actual.mayHaveNull()).isEqualTo(expected.mayHaveNull());
        for (int i = 0; i < expected.positionCount(); i++) {
            assertThat(actual.isNull(i)).as("null at %s", i).isEqualTo(expected.isNull(i));
            if (expected instanceof DictionaryBlock e) {
                assertThat(((DictionaryBlock) actual).id(i)).isEqualTo(e.id(i));
            } else if (expected instanceof RunLengthBlock) {
                continue;
            } else if (expected instanceof LongBlock e) {
                assertThat(((LongBlock) actual).getLong(i)).isEqualTo(e.getLong(i));
            } else if (expected instanceof DoubleBlock e) {
                assertThat(Double.doubleToRawLongBits(((DoubleBlock) actual).getDouble(i)))
                        .isEqualTo(Double.doubleToRawLongBits(e.getDouble(i)));
            } else if (expected instanceof BooleanBlock e) {
                assertThat(((BooleanBlock) actual).getBoolean(i)).isEqualTo(e.getBoolean(i));
            } else if (expected instanceof Int128Block e) {
                assertThat(((Int128Block) actual).getHigh(i)).isEqualTo(e.getHigh(i));
                assertThat(((Int128Block) actual).getLow(i)).isEqualTo(e.getLow(i));
            } else if (expected instanceof ArrayBlock e) {
                ArrayBlock a = (ArrayBlock) actual;
                assertThat(a.length(i)).as("length at %s", i).isEqualTo(e.length(i));
                for (int k = 0; k < e.length(i); k++) {
                    assertSameBlocks(a.elements().region(a.offset(i) + k, 1), e.elements().region(e.offset(i) + k, 1));
                }
            } else if (expected instanceof MapBlock e) {
                MapBlock a = (MapBlock) actual;
                assertThat(a.length(i)).as("entries at %s", i).isEqualTo(e.length(i));
                for (int k = 0; k < e.length(i); k++) {
                    assertSameBlocks(a.keys().region(a.offset(i) + k, 1), e.keys().region(e.offset(i) + k, 1));
                    assertSameBlocks(a.values().region(a.offset(i) + k, 1), e.values().region(e.offset(i) + k, 1));
                }
            } else if (expected instanceof RowBlock e) {
                RowBlock a = (RowBlock) actual;
                assertThat(a.fieldCount()).isEqualTo(e.fieldCount());
                for (int f = 0; f < e.fieldCount(); f++) {
                    assertSameBlocks(a.field(f).region(i, 1), e.field(f).region(i, 1));
                }
            } else {
                assertThat(((VariableWidthBlock) actual).getBytes(i)).isEqualTo(((VariableWidthBlock) expected).getBytes(i));
            }
        }
    }
}
