package io.quarry.spi;

import static java.util.Objects.requireNonNull;

/** A node of the cluster as connectors see it (the {@code system.runtime.nodes} table). */
public record NodeInfo(String nodeId, String httpUri, String version, boolean coordinator, String state) {
    public NodeInfo {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(httpUri, "httpUri is null");
        requireNonNull(version, "version is null");
        requireNonNull(state, "state is null");
    }
}
