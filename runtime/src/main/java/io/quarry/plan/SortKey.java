package io.quarry.plan;

/** One key of an ordering: a channel, its direction and where NULLs go. */
public record SortKey(int channel, boolean ascending, boolean nullsFirst) {
    public SortKey {
        if (channel < 0) {
            throw new IllegalArgumentException("channel must not be negative");
        }
    }
}
