package io.quarry.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.BooleanBlock;
import io.quarry.block.DictionaryBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.Values;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPages {
    private static final List<Type> TYPES = List.of(Types.BIGINT, Types.DOUBLE, Types.VARCHAR, Types.BOOLEAN);

    private static final Page FIRST = new Page(2,
            new LongBlock(2, null, new long[] {1, 2, 99}),
            new DoubleBlock(2, new boolean[] {false, true}, new double[] {0.5, 0}),
            // offsets that do not start at 0, as a block sharing a larger one's bytes may have
            new VariableWidthBlock(2, null, new int[] {2, 4, 5}, bytes("..abcdef")),
            new BooleanBlock(2, null, new boolean[] {true, false}));
    private static final Page SECOND = new Page(3,
            new LongBlock(3, new boolean[] {false, true, false}, new long[] {3, 0, 5}),
            new DoubleBlock(3, null, new double[] {1.5, 2.5, -0.0}),
            new VariableWidthBlock(3, new boolean[] {false, true, false}, new int[] {0, 1, 1, 3}, bytes("xyz")),
            new BooleanBlock(3, new boolean[] {true, false, false}, new boolean[] {false, true, true}));

    @Test
    void flatBlocksAreJoinedWithEveryValueNullAndTheirOrder() {
        Page joined = Pages.concat(TYPES, List.of(FIRST, SECOND));

        assertThat(joined.positionCount()).isEqualTo(5);
        assertThat(column(joined, 0)).containsExactly(1L, 2L, 3L, null, 5L);
        assertThat(column(joined, 1)).containsExactly(0.5, null, 1.5, 2.5, -0.0);
        assertThat(column(joined, 2)).containsExactly("ab", "c", "x", null, "yz");
        assertThat(column(joined, 3)).containsExactly(true, false, null, true, true);
        assertThat(joined.block(1).mayHaveNull()).isTrue();
        assertThat(Pages.concat(TYPES, List.of(FIRST))).isSameAs(FIRST);
    }

    @Test
    void encodedBlocksAreJoinedValueByValue() {
        Page third = new Page(1,
                new LongBlock(1, null, new long[] {6}),
                new DoubleBlock(1, null, new double[] {3}),
                new DictionaryBlock(new VariableWidthBlock(2, null, new int[] {0, 1, 2}, bytes("qr")), new int[] {1}, 1),
                new BooleanBlock(1, null, new boolean[] {false}));

        Page joined = Pages.concat(TYPES, List.of(SECOND, third));

        assertThat(column(joined, 0)).containsExactly(3L, null, 5L, 6L);
        assertThat(column(joined, 2)).containsExactly("x", null, "yz", "r");
        assertThat(joined.block(0).mayHaveNull()).isTrue();
        assertThat(Pages.concat(TYPES, List.of(FIRST, third)).block(1).mayHaveNull()).isTrue();
        assertThat(Pages.concat(TYPES, List.of(third, third)).block(0).mayHaveNull()).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> column(Page page, int channel) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < page.positionCount(); i++) {
            values.add(Values.toObject(TYPES.get(channel), page.block(channel), i));
        }
        return values;
    }
}
