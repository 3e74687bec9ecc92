package io.quarry.spi;

import static java.util.Objects.requireNonNull;

/**
 * What one {@link PageSink} wrote: the node that holds the data, the connector's id of that piece of
 * data, its rows and bytes, and statistics of the written columns in a form only the connector reads
 * (empty when it keeps none). The coordinator commits a write with the fragments of all its sinks.
 */
public record WrittenFragment(String nodeId, String dataId, long rows, long bytes, String statistics) {
    public WrittenFragment {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(dataId, "dataId is null");
        requireNonNull(statistics, "statistics is null");
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("rows and bytes must not be negative");
        }
    }
}
