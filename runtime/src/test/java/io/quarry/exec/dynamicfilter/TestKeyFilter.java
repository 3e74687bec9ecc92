package io.quarry.exec.dynamicfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.DictionaryBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.page.Page;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestKeyFilter {
    @Test
    void keepsOnlyPositionsWhoseValueIsInTheSet() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.values(new long[] {0, 4, 9}));
        LongBlock block = new LongBlock(6, new boolean[] {false, false, true, false, false, false}, new long[] {4, 5, 0, 0, 9, 10});
        int[] positions = {0, 1, 2, 3, 4, 5};
        int kept = filter.filter(block, positions, 6);
        // position 2 holds 0 but is NULL: a NULL key never matches
        assertThat(Arrays.copyOf(positions, kept)).containsExactly(0, 3, 4);
    }

    @Test
    void aRangeKeepsValuesBetweenItsBounds() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.range(-1, 1));
        LongBlock block = new LongBlock(5, new boolean[] {false, false, false, true, false}, new long[] {-2, -1, 1, 0, 2});
        int[] positions = {0, 1, 2, 3, 4};
        assertThat(Arrays.copyOf(positions, filter.filter(block, positions, 5))).containsExactly(1, 2);
    }

    @Test
    void anEmptyBuildSidePrunesEverythingAndNoRestrictionNothing() {
        LongBlock block = new LongBlock(3, null, new long[] {1, 2, 3});
        int[] positions = {0, 1, 2};
        assertThat(new KeyFilter(DynamicFilterSummary.none()).filter(block, positions, 3)).isZero();
        assertThat(new KeyFilter(DynamicFilterSummary.all()).filter(block, new int[] {0, 1, 2}, 3)).isEqualTo(3);
        assertThat(new KeyFilter(DynamicFilterSummary.all()).restricts()).isFalse();
    }

    @Test
    void filtersOnlyTheGivenPositions() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.values(new long[] {7}));
        LongBlock block = new LongBlock(4, null, new long[] {7, 7, 8, 7});
        int[] positions = {1, 2, 3, 0};
        assertThat(Arrays.copyOf(positions, filter.filter(block, positions, 3))).containsExactly(1, 3);
    }

    @Test
    void blocksOfOtherLayoutsPassWhole() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.values(new long[] {7}));
        Page page = Page.of(io.quarry.block.BlockBuilder.create(io.quarry.type.Types.VARCHAR, 2)
                .appendString("a").appendString("b").build());
        assertThat(filter.filter(page.block(0), new int[] {0, 1}, 2)).isEqualTo(2);
    }

    @Test
    void agreesWithASetOnRandomData() {
        Random random = new Random(42);
        long[] build = random.longs(3000, -5000, 5000).toArray();
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.values(Arrays.stream(build).distinct().toArray()));
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

    private static VariableWidthBlock strings(boolean[] nulls, String... values) {
        StringBuilder all = new StringBuilder();
        int[] offsets = new int[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            all.append(values[i]);
            offsets[i + 1] = all.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return new VariableWidthBlock(values.length, nulls, offsets, all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int[] identity(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    @Test
    void keepsOnlyStringsOfTheBuildSide() {
        VariableWidthBlock build = strings(new boolean[] {false, true, false}, "FRANCE", "BRAZIL", "GERMANY");
        DynamicFilterSummary summary = DynamicFilterSummary.collect(
                List.of(Page.of(build)), 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 100);
        assertThat(summary.kind()).isEqualTo(DynamicFilterSummary.Kind.VALUES);
        assertThat(summary.values()).hasSize(2);
        KeyFilter filter = new KeyFilter(summary);
        VariableWidthBlock probe = strings(new boolean[] {false, false, false, true, false, false},
                "GERMANY", "BRAZIL", "FRANCE", "FRANCE", "FRANCE ", "");
        int[] positions = identity(6);
        // BRAZIL was a NULL on the build side; the NULL FRANCE never matches; "FRANCE " is another string
        assertThat(Arrays.copyOf(positions, filter.filter(probe, positions, 6))).containsExactly(0, 2);
    }

    @Test
    void aStringRangeKeepsEveryStringBetweenItsBounds() {
        VariableWidthBlock build = strings(null, "carrot-cake", "apple", "banana");
        DynamicFilterSummary summary = DynamicFilterSummary.collect(
                List.of(Page.of(build)), 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 2);
        assertThat(summary.kind()).isEqualTo(DynamicFilterSummary.Kind.RANGE);
        KeyFilter filter = new KeyFilter(summary);
        // the bounds compare the first eight bytes: "carrot-cakes" shares carrot-cake's, so it stays (a range only
        // promises to drop rows outside it); "zebra", "aardvark", "", "carrot-d" and "\u00e9t\u00e9" are outside
        VariableWidthBlock probe = strings(null, "zebra", "apple", "aardvark", "blueberry", "carrot-cakes", "", "\u00e9t\u00e9",
                "carrot-d");
        int[] positions = identity(8);
        assertThat(Arrays.copyOf(positions, filter.filter(probe, positions, 8))).containsExactly(1, 3, 4);
    }

    @Test
    void aStringPrefixNeverOrdersTwoStringsTheWrongWay() {
        Random random = new Random(7);
        String letters = "ab\u00ff\u0000z";
        for (int round = 0; round < 2000; round++) {
            String left = randomString(random, letters);
            String right = randomString(random, letters);
            byte[] leftBytes = left.getBytes(StandardCharsets.UTF_8);
            byte[] rightBytes = right.getBytes(StandardCharsets.UTF_8);
            int order = Arrays.compareUnsigned(leftBytes, rightBytes);
            long leftKey = KeyColumn.prefixKey(leftBytes, 0, leftBytes.length);
            long rightKey = KeyColumn.prefixKey(rightBytes, 0, rightBytes.length);
            if (order < 0) {
                assertThat(leftKey).as("%s < %s", left, right).isLessThanOrEqualTo(rightKey);
            } else if (order > 0) {
                assertThat(leftKey).as("%s > %s", left, right).isGreaterThanOrEqualTo(rightKey);
            }
        }
    }

    private static String randomString(Random random, String letters) {
        StringBuilder builder = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            builder.append(letters.charAt(random.nextInt(letters.length())));
        }
        return builder.toString();
    }

    @Test
    void doublesMatchAsTheJoinComparesThem() {
        DoubleBlock build = new DoubleBlock(3, null, new double[] {-0.0, 2.5, Double.NaN});
        DynamicFilterSummary summary = DynamicFilterSummary.collect(List.of(Page.of(build)), 0, DynamicFilterSummary.KeyType.DOUBLE, 10);
        KeyFilter filter = new KeyFilter(summary);
        DoubleBlock probe = new DoubleBlock(6, new boolean[] {false, false, false, false, false, true},
                new double[] {0.0, 2.5, 0.0 / 0.0, 2.4, Double.POSITIVE_INFINITY, 2.5});
        int[] positions = identity(6);
        // 0.0 equals -0.0 and NaN joins NaN in Quarry's join
        assertThat(Arrays.copyOf(positions, filter.filter(probe, positions, 6))).containsExactly(0, 1, 2);
        DynamicFilterSummary range = DynamicFilterSummary.collect(List.of(Page.of(build)), 0, DynamicFilterSummary.KeyType.DOUBLE, 1);
        assertThat(range.kind()).isEqualTo(DynamicFilterSummary.Kind.RANGE);
        positions = identity(6);
        // NaN sorts above infinity: everything but the NULL is in [-0.0, NaN]
        assertThat(Arrays.copyOf(positions, new KeyFilter(range).filter(probe, positions, 6))).containsExactly(0, 1, 2, 3, 4);
        DoubleBlock negatives = new DoubleBlock(2, null, new double[] {-1.0, -0.5});
        positions = identity(2);
        assertThat(new KeyFilter(range).filter(negatives, positions, 2)).isZero();
    }

    @Test
    void aDictionaryIsJudgedPerEntryAndARunOnce() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.collect(List.of(Page.of(strings(null, "ASIA", "EUROPE"))), 0,
                DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 10));
        VariableWidthBlock regions = strings(new boolean[] {false, false, false, true}, "AFRICA", "ASIA", "EUROPE", "");
        DictionaryBlock probe = new DictionaryBlock(regions, new int[] {0, 1, 2, 3, 1, 0}, 6);
        int[] positions = identity(6);
        assertThat(Arrays.copyOf(positions, filter.filter(probe, positions, 6))).containsExactly(1, 2, 4);
        positions = new int[] {0, 4, 5};
        assertThat(Arrays.copyOf(positions, filter.filter(probe, positions, 3))).containsExactly(4);
        assertThat(filter.filter(new RunLengthBlock(strings(null, "ASIA"), 5), identity(5), 5)).isEqualTo(5);
        assertThat(filter.filter(new RunLengthBlock(strings(null, "AFRICA"), 5), identity(5), 5)).isZero();
        // a build side of dictionary blocks gives the same summary as the flat values
        DynamicFilterSummary fromDictionary = DynamicFilterSummary.collect(
                List.of(Page.of(probe)), 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 10);
        DynamicFilterSummary fromFlat = DynamicFilterSummary.collect(
                List.of(Page.of(strings(null, "ASIA", "EUROPE", "AFRICA"))), 0, DynamicFilterSummary.KeyType.VARIABLE_WIDTH, 10);
        assertThat(fromDictionary).isEqualTo(fromFlat);
    }

    @Test
    void aBlockOfAnotherLayoutKeepsEverything() {
        KeyFilter filter = new KeyFilter(DynamicFilterSummary.none().withKeyType(DynamicFilterSummary.KeyType.VARIABLE_WIDTH));
        assertThat(filter.filter(new LongBlock(3, null, new long[] {1, 2, 3}), identity(3), 3)).isEqualTo(3);
        assertThat(filter.filter(strings(null, "a", "b"), identity(2), 2)).isZero();
    }
}
