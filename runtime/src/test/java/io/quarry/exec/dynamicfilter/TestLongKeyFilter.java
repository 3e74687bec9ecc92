package io.quarry.exec.dynamicfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestLongKeyFilter {
    @Test
    void keepsOnlyPositionsWhoseValueIsInTheSet() {
        LongKeyFilter filter = new LongKeyFilter(DynamicFilterSummary.values(new long[] {0, 4, 9}));
        LongBlock block = new LongBlock(6, new boolean[] {false, false, true, false, false, false}, new long[] {4, 5, 0, 0, 9, 10});
        int[] positions = {0, 1, 2, 3, 4, 5};
        int kept = filter.filter(block, positions, 6);
        // position 2 holds 0 but is NULL: a NULL key never matches
        assertThat(Arrays.copyOf(positions, kept)).containsExactly(0, 3, 4);
    }

    @Test
    void aRangeKeepsValuesBetweenItsBounds() {
        LongKeyFilter filter = new LongKeyFilter(DynamicFilterSummary.range(-1, 1));
        LongBlock block = new LongBlock(5, new boolean[] {false, false, false, true, false}, new long[] {-2, -1, 1, 0, 2});
        int[] positions = {0, 1, 2, 3, 4};
        assertThat(Arrays.copyOf(positions, filter.filter(block, positions, 5))).containsExactly(1, 2);
    }

    @Test
    void anEmptyBuildSidePrunesEverythingAndNoRestrictionNothing() {
        LongBlock block = new LongBlock(3, null, new long[] {1, 2, 3});
        int[] positions = {0, 1, 2};
        assertThat(new LongKeyFilter(DynamicFilterSummary.none()).filter(block, positions, 3)).isZero();
        assertThat(new LongKeyFilter(DynamicFilterSummary.all()).filter(block, new int[] {0, 1, 2}, 3)).isEqualTo(3);
        assertThat(new LongKeyFilter(DynamicFilterSummary.all()).restricts()).isFalse();
    }

    @Test
    void filtersOnlyTheGivenPositions() {
        LongKeyFilter filter = new LongKeyFilter(DynamicFilterSummary.values(new long[] {7}));
        LongBlock block = new LongBlock(4, null, new long[] {7, 7, 8, 7});
        int[] positions = {1, 2, 3, 0};
        assertThat(Arrays.copyOf(positions, filter.filter(block, positions, 3))).containsExactly(1, 3);
    }

    @Test
    void blocksOfOtherLayoutsPassWhole() {
        LongKeyFilter filter = new LongKeyFilter(DynamicFilterSummary.values(new long[] {7}));
        Page page = Page.of(io.quarry.block.BlockBuilder.create(io.quarry.type.Types.VARCHAR, 2)
                .appendString("a").appendString("b").build());
        assertThat(filter.filter(page.block(0), new int[] {0, 1}, 2)).isEqualTo(2);
    }

    @Test
    void agreesWithASetOnRandomData() {
        Random random = new Random(42);
        long[] build = random.longs(3000, -5000, 5000).toArray();
        LongKeyFilter filter = new LongKeyFilter(DynamicFilterSummary.values(Arrays.stream(build).distinct().toArray()));
        LongHashSet expected = new LongHashSet(16);
        Arrays.stream(build).forEach(expected::add);
        long[] probe = random.longs(10_000, -20_000, 20_000).toArray();
        int[] positions = new int[probe.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        int kept = filter.filter(new LongBlock(probe.length, null, probe), positions, probe.length);
        int expectedCount = 0;
        for (int i = 0; i < probe.length; i++) {
            if (expected.contains(probe[i])) {
                assertThat(positions[expectedCount]).isEqualTo(i);
                expectedCount++;
            }
        }
        assertThat(kept).isEqualTo(expectedCount).isPositive();
    }

    @Test
    void scanFiltersDropRowsOnceAFilterArrives() {
        ScanDynamicFilters filters = new ScanDynamicFilters();
        Page page = Page.of(new LongBlock(3, null, new long[] {1, 2, 3}), new LongBlock(3, null, new long[] {10, 20, 30}));
        assertThat(filters.apply(page)).isSameAs(page);
        filters.add(1, DynamicFilterSummary.values(new long[] {20, 30}));
        filters.add(0, DynamicFilterSummary.range(0, 2));
        Page kept = filters.apply(page);
        assertThat(kept.positionCount()).isEqualTo(1);
        assertThat(((LongBlock) kept.block(0)).getLong(0)).isEqualTo(2);
        filters.add(0, DynamicFilterSummary.none());
        assertThat(filters.apply(page).positionCount()).isZero();
    }

    @Test
    void aFilterThatPrunesAlmostNothingIsSwitchedOff() {
        ScanDynamicFilters filters = new ScanDynamicFilters();
        filters.add(0, DynamicFilterSummary.range(0, 1_000_000));
        long[] values = new long[10_000];
        Arrays.fill(values, 5);
        values[0] = -1;
        Page page = Page.of(new LongBlock(values.length, null, values));
        assertThat(filters.apply(page).positionCount()).isEqualTo(values.length - 1);
        for (int i = 0; i < 30; i++) {
            filters.apply(page);
        }
        // past the trial, pages pass untouched
        assertThat(filters.apply(page)).isSameAs(page);
    }

    @Test
    void theHashSetHoldsZeroAndGrows() {
        LongHashSet set = new LongHashSet(2);
        for (long value = -100; value <= 100; value++) {
            assertThat(set.add(value)).isTrue();
        }
        assertThat(set.add(0)).isFalse();
        assertThat(set.size()).isEqualTo(201);
        assertThat(set.contains(0)).isTrue();
        assertThat(set.contains(101)).isFalse();
        assertThat(set.toArray()).hasSize(201).contains(0L, -100L, 100L);
    }
}
