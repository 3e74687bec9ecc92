package io.quarry.connector.system;

import io.quarry.spi.Split;

/** A piece of a {@link SequenceTable}: {@code rows} values from {@code first} on, {@code step} apart. */
public record SequenceSplit(long first, long step, long rows) implements Split {
    @Override
    public long estimatedRows() {
        return rows;
    }
}
