package io.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.block.DictionaryBlock;
import io.quarry.block.EncodedBlocks;
import io.quarry.block.LongBlock;
import io.quarry.block.RunLengthBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.exec.operator.Operator;
import io.quarry.exec.operator.OperatorStats;
import io.quarry.page.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver hands encoded blocks only to operators that accept them. */
class TestDriverEncodedBlocks {
    /** Emits its pages, then finishes. */
    private static final class Source implements Operator {
        private final List<Page> pages;

        Source(List<Page> pages) {
            this.pages = new ArrayList<>(pages);
        }

        @Override
        public boolean needsInput() {
            return false;
        }

        @Override
        public void addInput(Page page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page getOutput() {
            return pages.isEmpty() ? null : pages.remove(0);
        }

        @Override
        public void finish() {}

        @Override
        public boolean isFinished() {
            return pages.isEmpty();
        }

        @Override
        public OperatorStats stats() {
            return new OperatorStats("Source");
        }
    }

    /** Keeps what it receives; passes it on when it accepts encoded blocks, else is the sink at the end. */
    private static final class Recorder implements Operator {
        private final boolean acceptsEncoded;
        private final List<Page> received = new ArrayList<>();
        private Page pending;
        private boolean finishing;

        Recorder(boolean acceptsEncoded) {
            this.acceptsEncoded = acceptsEncoded;
        }

        @Override
        public boolean acceptsEncodedBlocks() {
            return acceptsEncoded;
        }

        @Override
        public boolean needsInput() {
            return !finishing && pending == null;
        }

        @Override
        public void addInput(Page page) {
            received.add(page);
            pending = acceptsEncoded ? page : null;
        }

        @Override
        public Page getOutput() {
            Page page = pending;
            pending = null;
            return page;
        }

        @Override
        public void finish() {
            finishing = true;
        }

        @Override
        public boolean isFinished() {
            return finishing && pending == null;
        }

        @Override
        public OperatorStats stats() {
            return new OperatorStats("Recorder");
        }
    }

    @Test
    void encodedBlocksReachOnlyOperatorsThatAcceptThem() {
        VariableWidthBlock dictionary = new VariableWidthBlock(2, null, new int[] {0, 1, 2}, "ab".getBytes(StandardCharsets.UTF_8));
        Page encoded = new Page(4,
                new DictionaryBlock(dictionary, new int[] {1, 0, 0, 1}, 4),
                new RunLengthBlock(new LongBlock(1, null, new long[] {9}), 4));
        Recorder accepting = new Recorder(true);
        Recorder flatOnly = new Recorder(false);
        Driver driver = new Driver(List.of(new Source(List.of(encoded)), accepting, flatOnly));
        for (int slice = 0; slice < 100 && !driver.isFinished(); slice++) {
            driver.process(1_000_000);
        }
        assertThat(driver.isFinished()).isTrue();
        assertThat(accepting.received).containsExactly(encoded);
        assertThat(flatOnly.received).hasSize(1);
        Page flat = flatOnly.received.get(0);
        assertThat(EncodedBlocks.isEncoded(flat.block(0))).isFalse();
        assertThat(EncodedBlocks.isEncoded(flat.block(1))).isFalse();
        assertThat(((VariableWidthBlock) flat.block(0)).getString(0)).isEqualTo("b");
        assertThat(((LongBlock) flat.block(1)).getLong(3)).isEqualTo(9L);
    }
}
