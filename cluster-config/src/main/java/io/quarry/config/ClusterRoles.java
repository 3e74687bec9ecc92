package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster member tells the others through its Akka Cluster roles: whether it coordinates and runs
 * tasks, its Quarry node id, environment and HTTP URI. Akka gossips every member's roles, so each node
 * learns these of every other without a message of its own.
 *
 * <p>The roles are {@code coordinator} and/or {@code worker}, then {@code node-id:<id>},
 * {@code env:<environment>} and {@code http:<base uri>} (Akka adds {@code dc-default} itself).
 */
public record ClusterRoles(boolean coordinator, boolean worker, String nodeId, String environment, URI httpUri) {
    public static final String COORDINATOR_ROLE = "coordinator";
    public static final String WORKER_ROLE = "worker";
    public static final String NODE_ID_PREFIX = "node-id:";
    public static final String ENVIRONMENT_PREFIX = "env:";
    public static final String HTTP_PREFIX = "http:";

    public ClusterRoles {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(httpUri, "httpUri is null");
    }

    /** The roles of a node with this configuration; a worker role when it {@link NodeConfig#runsTasks() runs tasks}. */
    public static ClusterRoles of(NodeConfig config) {
        requireNonNull(config, "config is null");
        return new ClusterRoles(
                config.coordinator(), config.runsTasks(), config.nodeId(), config.environment(), config.httpBaseUri());
    }

    /**
     * Reads the roles of a cluster member back; empty when the member is not a Quarry node (a role is
     * missing or malformed). Roles Quarry does not know (such as {@code dc-default}) are ignored.
     */
    public static Optional<ClusterRoles> parse(Collection<String> roles) {
        requireNonNull(roles, "roles is null");
        String nodeId = null;
        String environment = null;
        URI httpUri = null;
        for (String role : roles) {
            if (role.startsWith(NODE_ID_PREFIX)) {
                nodeId = role.substring(NODE_ID_PREFIX.length());
            } else if (role.startsWith(ENVIRONMENT_PREFIX)) {
                environment = role.substring(ENVIRONMENT_PREFIX.length());
            } else if (role.startsWith(HTTP_PREFIX)) {
                try {
                    httpUri = URI.create(role.substring(HTTP_PREFIX.length()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        if (nodeId == null || environment == null || httpUri == null) {
            return Optional.empty();
        }
        return Optional.of(new ClusterRoles(
                roles.contains(COORDINATOR_ROLE), roles.contains(WORKER_ROLE), nodeId, environment, httpUri));
    }

    /** The role strings, in a fixed order: coordinator, worker, node id, environment, HTTP URI. */
    public List<String> toRoles() {
        List<String> roles = new ArrayList<>();
        if (coordinator) {
            roles.add(COORDINATOR_ROLE);
        }
        if (worker) {
            roles.add(WORKER_ROLE);
        }
        roles.add(NODE_ID_PREFIX + nodeId);
        roles.add(ENVIRONMENT_PREFIX + environment);
        roles.add(HTTP_PREFIX + httpUri);
        return List.copyOf(roles);
    }
}
