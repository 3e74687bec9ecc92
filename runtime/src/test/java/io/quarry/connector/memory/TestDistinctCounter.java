package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.Types;
import org.junit.jupiter.api.Test;

class TestDistinctCounter {
    /** MurmurHash3's 64-bit finaliser, as the writers hash values. */
    private static long mixed(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Test
    void estimatesSmallAndLargeCardinalities() {
        DistinctCounter empty = new DistinctCounter();
        assertThat(empty.estimate()).isZero();
        DistinctCounter small = new DistinctCounter();
        for (int repeat = 0; repeat < 3; repeat++) {
            for (long i = 0; i < 25; i++) {
                small.add(mixed(i));
            }
        }
        assertThat(small.estimate()).isBetween(24L, 26L);
        DistinctCounter large = new DistinctCounter();
        for (long i = 0; i < 100_000; i++) {
            large.add(mixed(i));
        }
        assertThat((double) large.estimate()).isBetween(90_000.0, 110_000.0);
    }

    @Test
    void mergedCountersCountTheUnion() {
        DistinctCounter left = new DistinctCounter();
        DistinctCounter right = new DistinctCounter();
        for (long i = 0; i < 10_000; i++) {
            left.add(mixed(i));
            right.add(mixed(i + 5_000));
        }
        DistinctCounter restored = DistinctCounter.deserialize(left.serialize());
        restored.merge(right);
        assertThat((double) restored.estimate()).isBetween(13_500.0, 16_500.0);
        assertThatThrownBy(() -> DistinctCounter.deserialize("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnStatisticsCountValuesNotNullsAndTravelAsText() {
        BlockBuilder keys = BlockBuilder.create(Types.BIGINT, 6);
        BlockBuilder names = BlockBuilder.create(Types.VARCHAR, 6);
        for (int i = 0; i < 6; i++) {
            keys.appendLong(i % 3);
            if (i == 5) {
                names.appendNull();
            } else {
                names.appendString("n" + i);
            }
        }
        ColumnStatistics statistics = new ColumnStatistics(2);
        statistics.add(new Page(6, keys.build(), names.build()));
        ColumnStatistics restored = ColumnStatistics.deserialize(statistics.serialize(), 2);
        assertThat(restored.distinctValues(0)).isEqualTo(3);
        assertThat(restored.distinctValues(1)).isEqualTo(5);
        // Malformed text is unknown, never a failure.
        assertThat(ColumnStatistics.deserialize("garbage;", 2).distinctValues(0)).isEqualTo(-1);
        restored.merge(ColumnStatistics.deserialize(";", 2));
        assertThat(restored.distinctValues(0)).isEqualTo(-1);
    }
}
