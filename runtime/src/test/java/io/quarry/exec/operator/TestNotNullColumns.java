package io.quarry.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSink;
import io.quarry.spi.QuarryException;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestNotNullColumns {
    /** Keeps the pages it is given; records an abort. */
    private static final class RecordingSink implements PageSink {
        final List<Page> pages = new ArrayList<>();
        boolean aborted;

        @Override
        public void appendPage(Page page) {
            pages.add(page);
        }

        @Override
        public WrittenFragment finish() {
            return new WrittenFragment("node", "data", pages.stream().mapToLong(Page::positionCount).sum(), 0, "");
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("a", Types.BIGINT, false, Optional.empty()), new ColumnMetadata("b", Types.BIGINT));

    private static Page page(Long a, Long b) {
        BlockBuilder first = BlockBuilder.create(Types.BIGINT, 2).appendLong(1);
        BlockBuilder second = BlockBuilder.create(Types.BIGINT, 2).appendLong(1);
        first = a == null ? first.appendNull() : first.appendLong(a);
        second = b == null ? second.appendNull() : second.appendLong(b);
        return new Page(2, first.build(), second.build());
    }

    @Test
    void nullInANotNullColumnFailsTheWriteAndAbortsIt() {
        RecordingSink sink = new RecordingSink();
        TableWriterOperator writer = new TableWriterOperator(sink, COLUMNS);
        writer.addInput(page(2L, null));
        assertThat(sink.pages).hasSize(1);
        assertThatThrownBy(() -> writer.addInput(page(null, 2L)))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("NULL value not allowed for NOT NULL column: a");
                });
        assertThat(sink.pages).as("the page with the NULL is not written").hasSize(1);
        writer.close();
        assertThat(sink.aborted).isTrue();
    }

    @Test
    void nullableColumnsAndWritersWithoutColumnsTakeNull() {
        RecordingSink sink = new RecordingSink();
        TableWriterOperator writer = new TableWriterOperator(sink);
        writer.addInput(page(null, null));
        writer.finish();
        assertThat(writer.getOutput().positionCount()).isEqualTo(1);
        assertThat(sink.pages).hasSize(1);
    }
}
