package io.quarry.spi;

import java.util.List;
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

    /**
     * The nodes that can read this split, in order of preference, the one it is bound to ({@link #requiredNodeId})
     * first: when that node is lost, a scheduler can re-bind the split to another with {@link #onNode}. Empty
     * when any node can read it.
     */
    default List<String> candidateNodeIds() {
        return requiredNodeId().map(List::of).orElse(List.of());
    }

    /**
     * The same split bound to another of its {@link #candidateNodeIds}, so that it is read there instead (and,
     * as before, exactly once); throws IllegalArgumentException for a node that is not a candidate, and
     * UnsupportedOperationException for splits that cannot move (by default, except to the node they are bound to).
     */
    default Split onNode(String nodeId) {
        if (requiredNodeId().filter(nodeId::equals).isPresent()) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be moved to another node");
    }
}
