package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.Types;
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
    void charValuesArePaddedByCodePoints() {
        assertThat(ValueEncoders.padToLength("é", 3)).isEqualTo("é  ");
        assertThat(ValueEncoders.padToLength("abc", 3)).isEqualTo("abc");
    }
}
