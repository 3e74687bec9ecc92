package io.quarry.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A member of the cluster as the registry sees it: its id, HTTP base URI, roles, whether it is reachable
 * ({@code failed} = unreachable or removed), since when it has been in that condition, and what the
 * coordinator's probes of it found recently.
 */
public record ClusterNode(
        String nodeId, URI httpUri, Set<String> roles, boolean failed, Instant since, Instant joined, ProbeFigures probes) {
    public ClusterNode {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(httpUri, "httpUri is null");
        roles = Set.copyOf(roles);
        requireNonNull(since, "since is null");
        requireNonNull(joined, "joined is null");
        requireNonNull(probes, "probes is null");
    }
}
