package io.quarry.connector.memory;

import io.quarry.page.Page;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How a node's memory catalog reaches the other nodes to copy pieces there: bound by the node once its actors
 * run (implemented over the cluster's messaging), absent in a catalog used outside a cluster.
 */
public interface ReplicaTransport {
    /** The ids of the workers that can take tasks now, this node included when it is one. */
    CompletionStage<List<String>> activeWorkers();

    /**
     * Sends the pages of piece {@code dataId} of table {@code tableId} of {@code catalog} to node {@code
     * targetNodeId}, where they replace whatever it held of that piece; completes once the node confirmed it
     * holds all of them, exceptionally when it could not (for example its memory limit).
     */
    CompletionStage<Void> copy(String catalog, long tableId, String dataId, List<Page> pages, String targetNodeId);
}
