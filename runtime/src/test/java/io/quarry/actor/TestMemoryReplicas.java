package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMemoryReplicas {
    private static Page longs(int rows) {
        BlockBuilder builder = BlockBuilder.create(Types.BIGINT, rows);
        for (int i = 0; i < rows; i++) {
            builder.appendLong(i);
        }
        return new Page(rows, builder.build());
    }

    @Test
    void chunksStayBelowTheBoundAndKeepEveryRowInOrder() {
        List<Page> pages = List.of(longs(10), longs(100_000), longs(3), longs(20_000));
        long bound = 64 * 1024;
        List<List<Page>> chunks = MemoryReplicas.chunks(pages, bound);
        assertThat(chunks.size()).isGreaterThan(1);
        for (List<Page> chunk : chunks) {
            assertThat(chunk.stream().mapToLong(Page::sizeInBytes).sum()).isLessThanOrEqualTo(bound);
        }
        List<Page> flattened = chunks.stream().flatMap(List::stream).toList();
        assertThat(flattened.stream().mapToInt(Page::positionCount).sum()).isEqualTo(120_013);
        // the values come back in their order
        long[] expected = pages.stream().flatMapToLong(page -> java.util.stream.LongStream.range(0, page.positionCount())).toArray();
        long[] actual = flattened.stream().flatMapToLong(page -> java.util.stream.IntStream.range(0, page.positionCount())
                .mapToLong(position -> ((io.quarry.block.LongBlock) page.block(0)).getLong(position))).toArray();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void smallPiecesTravelInOneChunk() {
        assertThat(MemoryReplicas.chunks(List.of(longs(5), longs(7)), 128 * 1024)).hasSize(1);
        assertThat(MemoryReplicas.chunks(List.of(), 128 * 1024)).containsExactly(List.of());
    }
}
