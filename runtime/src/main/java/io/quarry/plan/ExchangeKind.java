package io.quarry.plan;

/** How rows move between stages: all to one task, hashed over tasks by keys, or copied to every task. */
public enum ExchangeKind {
    GATHER,
    REPARTITION,
    REPLICATE
}
