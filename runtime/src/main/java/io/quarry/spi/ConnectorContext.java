package io.quarry.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the node offers connectors: a view of live cluster state and of the node's other catalogs, for the
 * system connector.
 */
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

    /** The names of the node's catalogs, in configuration order; empty outside a catalog manager. */
    default List<String> catalogNames() {
        return List.of();
    }

    /** The metadata of another catalog of this node (with its {@code information_schema}); empty if none. */
    default Optional<ConnectorMetadata> catalogMetadata(String catalogName) {
        return Optional.empty();
    }

    /** The {@code connector.name} serving another catalog of this node; empty if there is no such catalog. */
    default Optional<String> connectorName(String catalogName) {
        return Optional.empty();
    }

    /**
     * The queries the coordinator knows now, running or kept after their end, each with its tasks; empty on a
     * node that is not the coordinator.
     */
    default CompletionStage<List<QuerySummary>> queries() {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * Kills a query the coordinator knows (ADMINISTRATIVELY_KILLED with {@code message}): whether it knew the query,
     * killed now or already done; false on a node that is not the coordinator.
     */
    default CompletionStage<Boolean> killQuery(QueryId queryId, String message) {
        return CompletableFuture.completedFuture(false);
    }
}
