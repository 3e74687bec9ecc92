package io.quarry.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What the node offers connectors: a view of live cluster state for the system connector. */
public interface ConnectorContext {
    ConnectorContext EMPTY = new ConnectorContext() {};

    /** Every member of the cluster, this node included, as the node's registry sees it now. */
    default CompletionStage<List<NodeInfo>> clusterNodes() {
        return CompletableFuture.completedFuture(List.of());
    }

    /** The id of this node ({@code node.id}); empty outside a running node. */
    default String nodeId() {
        return "";
    }
}
