package io.quarry.plan;

/**
 * How a {@link Join} runs over many tasks. BROADCAST: the right (build) side is copied to every task of the
 * left side. PARTITIONED: both sides are hash-partitioned on the join keys and the join runs in one task per
 * partition.
 */
public enum JoinDistribution {
    BROADCAST,
    PARTITIONED
}
