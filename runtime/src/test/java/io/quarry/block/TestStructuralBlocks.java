package io.quarry.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestStructuralBlocks {
    private static final ArrayType INTEGERS = new ArrayType(Types.INTEGER);
    private static final MapType MAP = new MapType(Types.VARCHAR, INTEGERS);
    private static final RowType ROW = new RowType(List.of(
            new RowType.Field(Optional.of("id"), Types.BIGINT), new RowType.Field(Optional.empty(), Types.VARCHAR)));

    private static List<Object> values(Type type, Block block) {
        Object[] result = new Object[block.positionCount()];
        for (int i = 0; i < result.length; i++) {
            result[i] = Values.toObject(type, block, i);
        }
        return Arrays.asList(result);
    }

    @Test
    void typesPrintAndParseAsTrinoDoes() {
        assertThat(INTEGERS.displayName()).isEqualTo("array(integer)");
        assertThat(MAP.displayName()).isEqualTo("map(varchar, array(integer))");
        assertThat(ROW.displayName()).isEqualTo("row(id bigint, varchar)");
        assertThat(RowType.anonymous(List.of(Types.INTEGER, Types.decimal(2, 1))).displayName())
                .isEqualTo("row(integer, decimal(2,1))");
        for (Type type : List.of(INTEGERS, MAP, ROW, new ArrayType(ROW), new MapType(Types.varchar(1), Types.decimal(10, 2)))) {
            assertThat(Types.parse(type.displayName())).isEqualTo(type);
        }
        assertThat(Types.parse("row(id integer, label varchar)")).isEqualTo(new RowType(List.of(
                new RowType.Field(Optional.of("id"), Types.INTEGER), new RowType.Field(Optional.of("label"), Types.VARCHAR))));
        assertThat(MAP.isOrderable()).isFalse();
        assertThat(INTEGERS.isOrderable()).isTrue();
        assertThatThrownBy(() -> new RowType(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysBuildCopyAndSlice() {
        BlockBuilder builder = BlockBuilder.create(INTEGERS, 2);
        builder.appendObject(List.of(1L, 2L)).appendNull().appendObject(Arrays.asList(3L, null)).appendObject(List.of());
        ArrayBlock block = (ArrayBlock) builder.build();
        assertThat(block.positionCount()).isEqualTo(4);
        assertThat(values(INTEGERS, block)).containsExactly(List.of(1L, 2L), null, Arrays.asList(3L, null), List.of());
        assertThat(block.length(1)).isZero();
        assertThat(values(INTEGERS, block.copyPositions(new int[] {2, 0, 2}, 3)))
                .containsExactly(Arrays.asList(3L, null), List.of(1L, 2L), Arrays.asList(3L, null));
        ArrayBlock region = block.region(1, 2);
        assertThat(values(INTEGERS, region)).containsExactly(null, Arrays.asList(3L, null));
        assertThat(region.elements().positionCount()).isEqualTo(2);
        // appending from another block copies the elements
        BlockBuilder copy = BlockBuilder.create(INTEGERS, 1);
        copy.append(block, 0).append(block, 1);
        assertThat(values(INTEGERS, copy.build())).containsExactly(List.of(1L, 2L), null);
    }

    @Test
    void mapsAndRowsBuildCopyAndSlice() {
        Map<Object, Object> entries = new LinkedHashMap<>();
        entries.put("a", List.of(1L));
        entries.put("b", null);
        MapBlock maps = (MapBlock) BlockBuilder.create(MAP, 2).appendObject(entries).appendNull().appendObject(Map.of()).build();
        assertThat(values(MAP, maps)).containsExactly(entries, null, Map.of());
        assertThat(values(MAP, maps.copyPositions(new int[] {0}, 1))).containsExactly(entries);
        assertThat(values(MAP, maps.region(1, 2))).containsExactly(null, Map.of());
        assertThat(maps.keys().positionCount()).isEqualTo(2);

        RowBlock rows = (RowBlock) BlockBuilder.create(ROW, 2)
                .appendObject(List.of(1L, "x")).appendNull().appendObject(Arrays.asList(null, "z")).build();
        assertThat(values(ROW, rows)).containsExactly(List.of(1L, "x"), null, Arrays.asList(null, "z"));
        assertThat(rows.field(0).isNull(1)).as("the fields of a null row are null").isTrue();
        assertThat(values(ROW, rows.copyPositions(new int[] {2, 1}, 2))).containsExactly(Arrays.asList(null, "z"), null);
        assertThat(values(ROW, rows.region(0, 1))).containsExactly(List.of(1L, "x"));
        assertThat(rows.sizeInBytes()).isGreaterThan(rows.field(0).sizeInBytes());
    }

    @Test
    void blocksCheckTheirShape() {
        LongBlock elements = new LongBlock(2, null, new long[] {1, 2});
        assertThatThrownBy(() -> new ArrayBlock(1, null, new int[] {0, 3}, elements))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MapBlock(1, null, new int[] {0, 1}, elements, new LongBlock(1, null, new long[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowBlock(3, null, new Block[] {elements}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
