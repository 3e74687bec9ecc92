package io.quarry.spi;

import java.util.Optional;

/**
 * A piece of a table that one task reads. Implementations are records, sent to workers inside task
 * messages, so each must be registered with Quarry's serializer.
 */
public interface Split {
    /** Estimated rows, for balancing splits over tasks; 0 when unknown. */
    default long estimatedRows() {
        return 0;
    }

    /**
     * Bytes of data the split carries itself (rows snapshotted on the coordinator); 0 for a split that only
     * names data. The scheduler keeps each message of splits small enough for the cluster's transport by it.
     */
    default long carriedBytes() {
        return 0;
    }

    /**
     * The node that must read this split, when its data lives only there (the memory connector); empty when
     * any node can. A scheduler with no task on that node fails the query rather than skip the split.
     */
    default Optional<String> requiredNodeId() {
        return Optional.empty();
    }
}
