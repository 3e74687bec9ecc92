package io.quarry.exec.dynamicfilter;

import static java.util.Objects.requireNonNull;

/**
 * One task's summary of a partitioned join's build key, for the probe rows that come from output channel
 * {@code channel} of fragment {@code fragmentId}: what a join task reports to the coordinator.
 */
public record CollectedDynamicFilter(int fragmentId, int channel, DynamicFilterSummary summary) {
    public CollectedDynamicFilter {
        requireNonNull(summary, "summary is null");
        if (channel < 0) {
            throw new IllegalArgumentException("channel is negative");
        }
    }
}
