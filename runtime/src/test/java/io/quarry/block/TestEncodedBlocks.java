package io.quarry.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestEncodedBlocks {
    /** "red", "green", NULL, "blue": a dictionary with a null entry. */
    private static VariableWidthBlock colours() {
        byte[] data = "redgreenblue".getBytes(StandardCharsets.UTF_8);
        return new VariableWidthBlock(4, new boolean[] {false, false, true, false}, new int[] {0, 3, 8, 8, 12}, data);
    }

    private static DictionaryBlock dictionary(int positions) {
        int[] ids = new int[positions];
        for (int i = 0; i < positions; i++) {
            ids[i] = (i * 7) % 4;
        }
        return new DictionaryBlock(colours(), ids, positions);
    }

    private static List<Object> values(Type type, Block block) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < block.positionCount(); i++) {
            values.add(Values.toObject(type, block, i));
        }
        return values;
    }

    private static void assertSameValues(Block actual, Block expected) {
        assertThat(actual.positionCount()).isEqualTo(expected.positionCount());
        assertThat(values(Types.VARCHAR, actual)).isEqualTo(values(Types.VARCHAR, expected));
        for (int i = 0; i < expected.positionCount(); i++) {
            assertThat(actual.isNull(i)).as("null at %s", i).isEqualTo(expected.isNull(i));
        }
    }

    @Test
    void aDictionaryBlockReadsLikeItsFlattenedBlock() {
        DictionaryBlock block = dictionary(12);
        Block flat = block.flatten();
        assertThat(flat).isInstanceOf(VariableWidthBlock.class);
        assertThat(values(Types.VARCHAR, block)).containsExactly(
                "red", "blue", null, "green", "red", "blue", null, "green", "red", "blue", null, "green");
        assertSameValues(block, flat);
        assertThat(block.mayHaveNull()).isTrue();
        assertThat(block.isNull(2)).isTrue();
        assertThat(EncodedBlocks.flatten(block)).isInstanceOf(VariableWidthBlock.class);
    }

    @Test
    void copyPositionsAndRegionStayEncodedWhileTheDictionaryIsNoBigger() {
        DictionaryBlock block = dictionary(12);
        Block flat = block.flatten();
        int[] positions = {11, 0, 5, 5, 3, 8};
        Block copied = block.copyPositions(positions, 6);
        assertThat(copied).isInstanceOf(DictionaryBlock.class);
        assertThat(((DictionaryBlock) copied).dictionary()).isSameAs(block.dictionary());
        assertSameValues(copied, flat.copyPositions(positions, 6));
        Block region = block.region(3, 5);
        assertThat(region).isInstanceOf(DictionaryBlock.class);
        assertSameValues(region, flat.region(3, 5));

        // fewer rows than dictionary entries: decoded, so a few rows never hold a large dictionary
        Block few = block.copyPositions(new int[] {1, 2}, 2);
        assertThat(few).isInstanceOf(VariableWidthBlock.class);
        assertSameValues(few, flat.copyPositions(new int[] {1, 2}, 2));
        assertThat(block.region(10, 2)).isInstanceOf(VariableWidthBlock.class);
        assertSameValues(block.region(10, 2), flat.region(10, 2));
    }

    @Test
    void aDictionaryBlockCountsItsDictionaryOnceAndIdsPerRow() {
        DictionaryBlock block = dictionary(1000);
        assertThat(block.sizeInBytes()).isEqualTo(24 + 4 * 1000 + colours().sizeInBytes());
        assertThat(block.sizeInBytes()).isLessThan(block.flatten().sizeInBytes() + colours().sizeInBytes());
    }

    @Test
    void aDictionaryMustBeFlatAndIdsInside() {
        assertThatThrownBy(() -> new DictionaryBlock(dictionary(4), new int[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DictionaryBlock(colours(), new int[] {4}, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunLengthBlockReadsLikeItsFlattenedBlock() {
        RunLengthBlock block = new RunLengthBlock(new LongBlock(1, null, new long[] {7}), 5);
        Block flat = block.flatten();
        assertThat(flat).isInstanceOf(LongBlock.class);
        assertThat(values(Types.BIGINT, block)).containsExactly(7L, 7L, 7L, 7L, 7L);
        assertThat(values(Types.BIGINT, flat)).isEqualTo(values(Types.BIGINT, block));
        assertThat(block.mayHaveNull()).isFalse();
        assertThat(values(Types.BIGINT, block.copyPositions(new int[] {4, 1}, 2))).containsExactly(7L, 7L);
        assertThat(block.region(1, 3).positionCount()).isEqualTo(3);
        assertThat(block.sizeInBytes()).isLessThan(flat.sizeInBytes());

        RunLengthBlock nulls = new RunLengthBlock(new LongBlock(1, new boolean[] {true}, new long[1]), 3);
        assertThat(nulls.mayHaveNull()).isTrue();
        assertThat(nulls.isNull(2)).isTrue();
        assertThat(nulls.flatten().isNull(1)).isTrue();
        assertThat(values(Types.BIGINT, nulls)).containsExactly(null, null, null);
        assertThatThrownBy(() -> new RunLengthBlock(colours(), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flatBlocksAreNotCopied() {
        VariableWidthBlock flat = colours();
        assertThat(EncodedBlocks.flatten(flat)).isSameAs(flat);
        assertThat(EncodedBlocks.isEncoded(flat)).isFalse();
    }
}
