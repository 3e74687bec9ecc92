package io.quarry.plan;

/**
 * Where a fragment's tasks run. SOURCE: one task per active worker, fed with table splits. HASH: one task
 * per hash partition, spread over the workers. SINGLE: one task (the root, or VALUES).
 */
public enum FragmentDistribution {
    SOURCE,
    HASH,
    SINGLE
}
