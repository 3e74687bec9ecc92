package io.quarry.spi;

/**
 * A piece of a table that one task reads. Implementations are records, sent to workers inside task
 * messages, so each must be registered with Quarry's serializer.
 */
public interface Split {
    /** Estimated rows, for balancing splits over tasks; 0 when unknown. */
    default long estimatedRows() {
        return 0;
    }
}
