package io.quarry.spi;

import static java.util.Objects.requireNonNull;

/**
 * A task: {@code <queryId>.<stage>.<partition>.<attempt>}. A re-run of a lost task is a new attempt of the
 * same partition.
 */
public record TaskId(StageId stageId, int partition, int attempt) {
    public TaskId {
        requireNonNull(stageId, "stageId is null");
        if (partition < 0 || attempt < 0) {
            throw new IllegalArgumentException("partition and attempt must not be negative");
        }
    }

    public QueryId queryId() {
        return stageId.queryId();
    }

    /** Parses {@code <queryId>.<stage>.<partition>.<attempt>}; throws IllegalArgumentException on anything else. */
    public static TaskId valueOf(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Invalid task id: " + text);
        }
        StageId stage = new StageId(QueryId.valueOf(parts[0]), Ids.parseNonNegative(parts[1], text));
        return new TaskId(stage, Ids.parseNonNegative(parts[2], text), Ids.parseNonNegative(parts[3], text));
    }

    @Override
    public String toString() {
        return stageId + "." + partition + "." + attempt;
    }
}
