package io.quarry.exec.dynamicfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDynamicFilterSummary {
    @Test
    void collectsDistinctValuesAndRangeWithoutNulls() {
        Page first = Page.of(new LongBlock(4, new boolean[] {false, true, false, false}, new long[] {7, 1000, -2, 7}));
        Page second = Page.of(new LongBlock(2, null, new long[] {0, 5}));
        DynamicFilterSummary summary = DynamicFilterSummary.collect(List.of(first, second), 0, 100);
        assertThat(summary.kind()).isEqualTo(DynamicFilterSummary.Kind.VALUES);
        assertThat(summary.values()).containsExactlyInAnyOrder(7, -2, 0, 5);
        assertThat(summary.min()).isEqualTo(-2);
        assertThat(summary.max()).isEqualTo(7);
        // the NULL's hidden value 1000 is not part of the filter
        assertThat(summary.mayContain(1000)).isFalse();
        assertThat(summary.mayContain(0)).isTrue();
    }

    @Test
    void anEmptyOrAllNullBuildSideMatchesNothing() {
        assertThat(DynamicFilterSummary.collect(List.of(), 0, 100)).isEqualTo(DynamicFilterSummary.none());
        Page nulls = Page.of(new LongBlock(2, new boolean[] {true, true}, new long[] {1, 2}));
        DynamicFilterSummary summary = DynamicFilterSummary.collect(List.of(nulls), 0, 100);
        assertThat(summary.kind()).isEqualTo(DynamicFilterSummary.Kind.NONE);
        assertThat(summary.mayContain(1)).isFalse();
    }

    @Test
    void aLargeBuildSideKeepsOnlyItsRange() {
        long[] values = new long[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + i * 3L;
        }
        DynamicFilterSummary summary = DynamicFilterSummary.collect(List.of(Page.of(new LongBlock(values.length, null, values))), 0, 1000);
        assertThat(summary).isEqualTo(DynamicFilterSummary.range(10, 10 + 4999 * 3L));
        assertThat(summary.values()).isEmpty();
        assertThat(summary.mayContain(11)).isTrue();
        assertThat(summary.mayContain(9)).isFalse();
    }

    @Test
    void unionsMergeSetsAndWidenRanges() {
        DynamicFilterSummary a = DynamicFilterSummary.values(new long[] {1, 2, 3});
        DynamicFilterSummary b = DynamicFilterSummary.values(new long[] {3, 40});
        assertThat(a.union(b, 10)).isEqualTo(DynamicFilterSummary.values(new long[] {1, 2, 3, 40}));
        assertThat(a.union(b, 3)).isEqualTo(DynamicFilterSummary.range(1, 40));
        assertThat(a.union(DynamicFilterSummary.none(), 10)).isEqualTo(a);
        assertThat(DynamicFilterSummary.none().union(DynamicFilterSummary.none(), 10)).isEqualTo(DynamicFilterSummary.none());
        assertThat(a.union(DynamicFilterSummary.range(-5, 0), 10)).isEqualTo(DynamicFilterSummary.range(-5, 3));
        assertThat(a.union(DynamicFilterSummary.all(), 10)).isEqualTo(DynamicFilterSummary.all());
    }

    @Test
    void aNonLongKeyBlockGivesNoRestriction() {
        Page doubles = Page.of(new io.quarry.block.DoubleBlock(1, null, new double[] {1.5}));
        assertThat(DynamicFilterSummary.collect(List.of(doubles), 0, 10)).isEqualTo(DynamicFilterSummary.all());
    }

    @Test
    void summariesOfDifferentKeyTypesNeverMix() {
        DynamicFilterSummary doubles = DynamicFilterSummary.collect(List.of(Page.of(
                new io.quarry.block.DoubleBlock(2, null, new double[] {1.5, -3}))), 0, DynamicFilterSummary.KeyType.DOUBLE, 10);
        assertThat(doubles.toString()).isEqualTo("DOUBLE VALUES(2)[-3.0, 1.5]");
        assertThat(doubles.union(DynamicFilterSummary.values(new long[] {1}), 10)).isEqualTo(DynamicFilterSummary.all());
        assertThat(doubles.union(DynamicFilterSummary.none(), 10)).isEqualTo(doubles);
        assertThat(doubles.union(doubles, 2).kind()).isEqualTo(DynamicFilterSummary.Kind.VALUES);
        DynamicFilterSummary widened = doubles.union(DynamicFilterSummary.collect(List.of(Page.of(
                new io.quarry.block.DoubleBlock(1, null, new double[] {7}))), 0, DynamicFilterSummary.KeyType.DOUBLE, 10), 2);
        assertThat(widened.toString()).isEqualTo("DOUBLE RANGE[-3.0, 7.0]");
    }
}
