package io.quarry.plan;

/**
 * How rows move between stages: all to one task, hashed over tasks by keys, copied to every task, or
 * spread evenly over the tasks page by page (ROUND_ROBIN, in front of table writers).
 */
public enum ExchangeKind {
    GATHER,
    REPARTITION,
    REPLICATE,
    ROUND_ROBIN
}
