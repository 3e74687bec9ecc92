package io.quarry.plan;

/**
 * How an {@link Aggregate} runs. SINGLE: raw input to final values in one place. PARTIAL: raw input to
 * intermediate states, per task. FINAL: intermediate states (merged) to final values.
 */
public enum AggregationStep {
    SINGLE,
    PARTIAL,
    FINAL
}
