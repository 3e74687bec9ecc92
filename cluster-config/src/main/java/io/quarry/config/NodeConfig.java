package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated configuration of one Quarry node: identity, roles, HTTP and cluster addresses, seed nodes,
 * catalogs, query limits and security settings. Loaded by {@link EtcConfigLoader} or
 * {@link HoconConfigLoader}, or built with {@link #builder()}.
 *
 * @param nodeId {@code node.id}: letters, digits, {@code _} and {@code -}, starting with a letter or digit
 * @param environment {@code node.environment}: lower-case letters, digits and {@code _}
 * @param coordinator whether this node accepts and plans queries
 * @param includeCoordinator {@code node-scheduler.include-coordinator}: whether a coordinator also runs tasks
 * @param httpHost the host the HTTP server binds to
 * @param httpPort the HTTP port; 0 picks a free one (tests)
 * @param internalAddress {@code node.internal-address}: the address other nodes and clients reach this node
 *     at, advertised in {@link #httpBaseUri()}; defaults to {@code httpHost}
 * @param clusterHost the Artery canonical host; defaults to {@code internalAddress}
 * @param clusterPort the Artery port; 0 picks a free one
 * @param seedNodes the Artery addresses of the seed nodes; empty when this node seeds the cluster itself
 * @param discoveryUri {@code discovery.uri}: accepted for openLooKeng configurations; the coordinator's
 *     address
 * @param catalogs the catalogs this node serves, with unique names
 * @param query the query limits
 * @param membership how lost members are noticed and handled
 * @param sharedSecret {@code internal-communication.shared-secret}
 * @param askTimeout the timeout of every ask between actors and from the HTTP layer
 * @param version the Quarry version this node reports
 */
public record NodeConfig(
        String nodeId,
        String environment,
        boolean coordinator,
        boolean includeCoordinator,
        String httpHost,
        int httpPort,
        String internalAddress,
        String clusterHost,
        int clusterPort,
        List<HostAndPort> seedNodes,
        Optional<URI> discoveryUri,
        List<CatalogConfig> catalogs,
        QueryConfig query,
        MembershipConfig membership,
        Optional<String> sharedSecret,
        Duration askTimeout,
        String version) {
    /** The Quarry version nodes report. */
    public static final String VERSION = "0.1.0";

    /** Node ids as airlift accepts them. */
    public static final Pattern NODE_ID_PATTERN = Pattern.compile("[A-Za-z0-9][_A-Za-z0-9-]*");

    /** Environment names as airlift accepts them. */
    public static final Pattern ENVIRONMENT_PATTERN = Pattern.compile("[a-z0-9][_a-z0-9]*");

    /** Host names and IP literals (IPv6 without brackets). */
    public static final Pattern HOST_PATTERN = Pattern.compile("[A-Za-z0-9._:%-]+");

    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(10);

    public NodeConfig {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(httpHost, "httpHost is null");
        requireNonNull(internalAddress, "internalAddress is null");
        requireNonNull(clusterHost, "clusterHost is null");
        requireNonNull(seedNodes, "seedNodes is null");
        requireNonNull(discoveryUri, "discoveryUri is null");
        requireNonNull(catalogs, "catalogs is null");
        requireNonNull(query, "query is null");
        requireNonNull(membership, "membership is null");
        requireNonNull(sharedSecret, "sharedSecret is null");
        requireNonNull(askTimeout, "askTimeout is null");
        requireNonNull(version, "version is null");
        checkArgument(NODE_ID_PATTERN.matcher(nodeId).matches(), "nodeId '" + nodeId + "' does not match " + NODE_ID_PATTERN);
        checkArgument(
                ENVIRONMENT_PATTERN.matcher(environment).matches(),
                "environment '" + environment + "' does not match " + ENVIRONMENT_PATTERN);
        checkHost("httpHost", httpHost);
        checkHost("internalAddress", internalAddress);
        checkHost("clusterHost", clusterHost);
        checkArgument(httpPort >= 0 && httpPort <= 65535, "httpPort is not between 0 and 65535: " + httpPort);
        checkArgument(clusterPort >= 0 && clusterPort <= 65535, "clusterPort is not between 0 and 65535: " + clusterPort);
        seedNodes = List.copyOf(seedNodes);
        discoveryUri.ifPresent(NodeConfig::checkHttpUri);
        catalogs = List.copyOf(catalogs);
        Set<String> catalogNames = new HashSet<>();
        for (CatalogConfig catalog : catalogs) {
            checkArgument(catalogNames.add(catalog.name()), "catalog '" + catalog.name() + "' is configured twice");
        }
        checkArgument(sharedSecret.map(secret -> !secret.isEmpty()).orElse(true), "sharedSecret is empty");
        checkArgument(!askTimeout.isNegative() && !askTimeout.isZero(), "askTimeout must be positive: " + askTimeout);
        checkArgument(!version.isBlank(), "version is blank");
    }

    /**
     * The embedded default: one node named {@code embedded} in environment {@code quarry}, coordinator and
     * worker, HTTP on 127.0.0.1:8080, a free cluster port, no seed nodes (it seeds itself), catalogs
     * {@code tpch}, {@code system} and {@code memory}. {@code quarry} in {@code reference.conf} says the same.
     */
    public static NodeConfig embeddedDefault() {
        String source = "embedded default";
        return builder()
                .nodeId("embedded")
                .environment("quarry")
                .catalogs(List.of(
                        CatalogConfig.of("tpch", "tpch", source),
                        CatalogConfig.of("system", "system", source),
                        CatalogConfig.of("memory", "memory", source)))
                .build();
    }

    /** Whether this node runs tasks: every worker, and a coordinator that includes itself in scheduling. */
    public boolean runsTasks() {
        return !coordinator || includeCoordinator;
    }

    /** The URI clients and other nodes reach this node's HTTP server at: {@code http://internalAddress:httpPort}. */
    public URI httpBaseUri() {
        return URI.create("http://" + uriHost(internalAddress) + ":" + httpPort);
    }

    /** A builder with every default but node id and environment, which must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values (internal address and cluster host included). */
    public Builder toBuilder() {
        return new Builder()
                .nodeId(nodeId)
                .environment(environment)
                .coordinator(coordinator)
                .includeCoordinator(includeCoordinator)
                .httpHost(httpHost)
                .httpPort(httpPort)
                .internalAddress(internalAddress)
                .clusterHost(clusterHost)
                .clusterPort(clusterPort)
                .seedNodes(seedNodes)
                .discoveryUri(discoveryUri.orElse(null))
                .catalogs(catalogs)
                .query(query)
                .membership(membership)
                .sharedSecret(sharedSecret.orElse(null))
                .askTimeout(askTimeout)
                .version(version);
    }

    static String uriHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void checkHost(String name, String host) {
        checkArgument(HOST_PATTERN.matcher(host).matches(), name + " '" + host + "' is not a host name or IP address");
    }

    private static void checkHttpUri(URI uri) {
        checkArgument(
                uri.isAbsolute()
                        && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null,
                "discoveryUri '" + uri + "' is not an absolute http URI");
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Builds a {@link NodeConfig}. Unset internal address defaults to the HTTP host, unset cluster host to
     * the internal address.
     */
    public static final class Builder {
        private String nodeId;
        private String environment;
        private boolean coordinator = true;
        private boolean includeCoordinator = true;
        private String httpHost = DEFAULT_HTTP_HOST;
        private int httpPort = DEFAULT_HTTP_PORT;
        private String internalAddress;
        private String clusterHost;
        private int clusterPort;
        private List<HostAndPort> seedNodes = List.of();
        private URI discoveryUri;
        private List<CatalogConfig> catalogs = List.of();
        private QueryConfig query;
        private MembershipConfig membership = MembershipConfig.defaults();
        private String sharedSecret;
        private Duration askTimeout = DEFAULT_ASK_TIMEOUT;
        private String version = VERSION;

        private Builder() {}

        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        public Builder coordinator(boolean coordinator) {
            this.coordinator = coordinator;
            return this;
        }

        public Builder includeCoordinator(boolean includeCoordinator) {
            this.includeCoordinator = includeCoordinator;
            return this;
        }

        public Builder httpHost(String httpHost) {
            this.httpHost = httpHost;
            return this;
        }

        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        /** Null restores the default (the HTTP host). */
        public Builder internalAddress(String internalAddress) {
            this.internalAddress = internalAddress;
            return this;
        }

        /** Null restores the default (the internal address). */
        public Builder clusterHost(String clusterHost) {
            this.clusterHost = clusterHost;
            return this;
        }

        public Builder clusterPort(int clusterPort) {
            this.clusterPort = clusterPort;
            return this;
        }

        public Builder seedNodes(List<HostAndPort> seedNodes) {
            this.seedNodes = seedNodes;
            return this;
        }

        /** Null for none. */
        public Builder discoveryUri(URI discoveryUri) {
            this.discoveryUri = discoveryUri;
            return this;
        }

        public Builder catalogs(List<CatalogConfig> catalogs) {
            this.catalogs = catalogs;
            return this;
        }

        /** Null restores the defaults. */
        public Builder query(QueryConfig query) {
            this.query = query;
            return this;
        }

        public Builder membership(MembershipConfig membership) {
            this.membership = membership;
            return this;
        }

        /** Null for none. */
        public Builder sharedSecret(String sharedSecret) {
            this.sharedSecret = sharedSecret;
            return this;
        }

        public Builder askTimeout(Duration askTimeout) {
            this.askTimeout = askTimeout;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public NodeConfig build() {
            String effectiveInternalAddress = internalAddress != null ? internalAddress : httpHost;
            return new NodeConfig(
                    nodeId,
                    environment,
                    coordinator,
                    includeCoordinator,
                    httpHost,
                    httpPort,
                    effectiveInternalAddress,
                    clusterHost != null ? clusterHost : effectiveInternalAddress,
                    clusterPort,
                    seedNodes,
                    Optional.ofNullable(discoveryUri),
                    catalogs,
                    query != null ? query : QueryConfig.defaults(),
                    membership,
                    Optional.ofNullable(sharedSecret),
                    askTimeout,
                    version);
        }
    }
}
