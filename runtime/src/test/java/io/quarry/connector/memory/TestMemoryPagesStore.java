package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMemoryPagesStore {
    private static Page longs(int count) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = i;
        }
        return Page.of(new LongBlock(count, null, values));
    }

    @Test
    void readsThePiecesItWasAskedForInOrder() {
        MemoryPagesStore store = new MemoryPagesStore(1 << 20);
        Page first = longs(3);
        Page second = longs(5);
        store.append(1, "a", first);
        store.append(1, "b", second);
        store.append(2, "a", longs(7));
        assertThat(store.read(1, List.of("a", "b"), 8)).containsExactly(first, second);
        assertThat(store.read(1, List.of("b"), 5)).containsExactly(second);
        assertThat(store.rows(1, "a")).isEqualTo(3);
        assertThat(store.bytes(1, "b")).isEqualTo(second.sizeInBytes());
        assertThat(store.usedBytes()).isEqualTo(first.sizeInBytes() + second.sizeInBytes() + longs(7).sizeInBytes());
    }

    @Test
    void aReadThatFindsFewerRowsThanCommittedIsMissingData() {
        MemoryPagesStore store = new MemoryPagesStore(1 << 20);
        store.append(1, "a", longs(3));
        assertThatThrownBy(() -> store.read(1, List.of("a", "gone"), 10))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_DATA))
                .hasMessageContaining("Expected to find 10 rows")
                .hasMessageContaining("found 3");
        assertThatThrownBy(() -> store.read(9, List.of("a"), 1)).isInstanceOf(QuarryException.class);
    }

    @Test
    void theLimitCountsEveryTableAndIsNamedInTheError() {
        long pageBytes = longs(100).sizeInBytes();
        MemoryPagesStore store = new MemoryPagesStore(pageBytes * 2);
        store.append(1, "a", longs(100));
        store.append(2, "a", longs(100));
        assertThatThrownBy(() -> store.append(3, "a", longs(1)))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MEMORY_LIMIT_EXCEEDED);
                    assertThat(e.errorCode().code()).isEqualTo(0x0502_0001);
                })
                .hasMessage("Memory limit [" + pageBytes * 2 + "] for memory connector exceeded (memory.max-data-per-node)");
        // The refused page was not kept.
        assertThat(store.usedBytes()).isEqualTo(pageBytes * 2);
        assertThat(store.rows(3, "a")).isZero();
    }

    @Test
    void removingAndDroppingGiveTheBytesBack() {
        long pageBytes = longs(100).sizeInBytes();
        MemoryPagesStore store = new MemoryPagesStore(pageBytes * 2);
        store.append(1, "a", longs(100));
        store.append(1, "b", longs(100));
        store.remove(1, "a");
        store.remove(1, "never-written");
        assertThat(store.usedBytes()).isEqualTo(pageBytes);
        store.append(2, "a", longs(100));
        store.dropTable(1);
        store.dropTable(1);
        assertThat(store.usedBytes()).isEqualTo(pageBytes);
        assertThat(store.read(1, List.of(), 0)).isEmpty();
    }

    @Test
    void removingOneWriteKeepsTheOthers() {
        MemoryPagesStore store = new MemoryPagesStore(1 << 20);
        store.append(1, "q1.w1.1", longs(2));
        store.append(1, "q1.w1.2", longs(3));
        store.append(1, "q10.w1.1", longs(4));
        store.removeWrite(1, "q1.");
        store.removeWrite(2, "q1.");
        assertThat(store.rows(1, "q1.w1.1")).isZero();
        assertThat(store.rows(1, "q1.w1.2")).isZero();
        assertThat(store.rows(1, "q10.w1.1")).isEqualTo(4);
        assertThat(store.usedBytes()).isEqualTo(longs(4).sizeInBytes());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new MemoryPagesStore(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
