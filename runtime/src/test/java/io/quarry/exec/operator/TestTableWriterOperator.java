package io.quarry.exec.operator;

import static io.quarry.exec.operator.OperatorAssertions.page;
import static io.quarry.exec.operator.OperatorAssertions.row;
import static io.quarry.exec.operator.OperatorAssertions.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.page.Page;
import io.quarry.plan.TableWriter;
import io.quarry.spi.PageSink;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTableWriterOperator {
    private static final List<Type> TYPES = List.of(Types.BIGINT);

    /** Keeps what it is given; aborting forgets it. */
    private static final class RecordingSink implements PageSink {
        final List<Page> pages = new ArrayList<>();
        boolean aborted;

        @Override
        public void appendPage(Page page) {
            pages.add(page);
        }

        @Override
        public WrittenFragment finish() {
            return new WrittenFragment("node-1", "piece-1", pages.stream().mapToLong(Page::positionCount).sum(), 99, "stats");
        }

        @Override
        public void abort() {
            aborted = true;
            pages.clear();
        }
    }

    @Test
    void writesEveryPageAndReportsWhatItWroteInOneRow() {
        RecordingSink sink = new RecordingSink();
        TableWriterOperator writer = new TableWriterOperator(sink);
        List<List<Object>> output = run(writer, TableWriter.OUTPUT_TYPES,
                page(TYPES, row(1L), row(2L)), page(TYPES, row(3L)));
        assertThat(output).containsExactly(List.of("node-1", "piece-1", 3L, 99L, "stats"));
        assertThat(sink.pages).hasSize(2);
        writer.close();
        assertThat(sink.aborted).isFalse();
    }

    @Test
    void closedBeforeItFinishedItAbortsTheSink() {
        RecordingSink sink = new RecordingSink();
        TableWriterOperator writer = new TableWriterOperator(sink);
        writer.addInput(page(TYPES, row(1L)));
        writer.close();
        assertThat(sink.aborted).isTrue();
        assertThat(sink.pages).isEmpty();
    }

    @Test
    void dropDataRunsOnceWhenItsInputEnds() {
        int[] drops = new int[1];
        DropDataOperator drop = new DropDataOperator(() -> drops[0]++);
        assertThat(run(drop, TableWriter.OUTPUT_TYPES)).isEmpty();
        drop.finish();
        assertThat(drops[0]).isEqualTo(1);
    }
}
