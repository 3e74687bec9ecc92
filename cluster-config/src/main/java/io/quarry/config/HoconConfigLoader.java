package io.quarry.config;

import static io.quarry.config.ConfigValues.quote;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a node's configuration from the HOCON keys under {@code quarry}, declared with their defaults and
 * comments in this module's {@code reference.conf}.
 *
 * <p>Keys under {@code quarry} that Quarry does not know become warnings; a bad value is a
 * {@link ConfigException} naming the full key and the origin of the value (file and line).
 */
public final class HoconConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(HoconConfigLoader.class);

    private static final String ROOT = "quarry";

    private static final Set<String> KNOWN_KEYS = Set.of(
            "node-id",
            "environment",
            "coordinator",
            "include-coordinator",
            "internal-address",
            "http.host",
            "http.port",
            "discovery-uri",
            "cluster.host",
            "cluster.port",
            "cluster.seed-nodes",
            "cluster.seed-node-timeout",
            "cluster.split-brain-resolver.stable-after",
            "cluster.failure-detector.acceptable-heartbeat-pause",
            "cluster.coordinator-lost-timeout",
            "query.max-memory",
            "query.max-memory-per-node",
            "query.client-timeout",
            "query.min-expire-age",
            "query.max-history",
            "query.max-run-time",
            "query.max-concurrent-queries",
            "query.max-queued-queries",
            "query.retry-policy",
            "shared-secret",
            "ask-timeout");

    private HoconConfigLoader() {}

    /**
     * Loads the configuration of {@code config}, falling back to the defaults of the {@code reference.conf}
     * files on the class path for keys it does not set.
     *
     * @throws ConfigException if a value is not allowed
     */
    public static LoadedConfig load(Config config) {
        requireNonNull(config, "config is null");
        Config quarry;
        try {
            Config merged = config.withFallback(
                            ConfigFactory.parseResourcesAnySyntax(HoconConfigLoader.class.getClassLoader(), "reference"))
                    .resolve();
            ConfigValue root = merged.root().get(ROOT);
            if (root == null || root.valueType() != ConfigValueType.OBJECT) {
                throw new ConfigException(
                        root == null ? "configuration" : root.origin().description(), ROOT, "is not an object");
            }
            quarry = ((ConfigObject) root).toConfig();
        } catch (com.typesafe.config.ConfigException e) {
            throw translate(e);
        }
        try {
            return new Reader(quarry).read();
        } catch (com.typesafe.config.ConfigException e) {
            throw translate(e);
        }
    }

    /**
     * Loads a HOCON file, with system property overrides ({@code -Dquarry.http.port=...}) on top and the
     * {@code reference.conf} defaults below.
     *
     * @throws ConfigException if the file is missing or not HOCON, or a value is not allowed
     */
    public static LoadedConfig loadFile(Path file) {
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), null, "is missing");
        }
        Config parsed;
        try {
            parsed = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(file.toString(), null, "is not valid HOCON: " + e.getMessage(), e);
        }
        return load(ConfigFactory.defaultOverrides().withFallback(parsed));
    }

    /**
     * Loads the application's configuration as {@link ConfigFactory#load()} finds it (system properties,
     * {@code application.conf}, {@code reference.conf}); with none, the embedded default.
     */
    public static LoadedConfig loadDefault() {
        try {
            return load(ConfigFactory.load());
        } catch (com.typesafe.config.ConfigException e) {
            throw translate(e);
        }
    }

    private static ConfigException translate(com.typesafe.config.ConfigException e) {
        ConfigOrigin origin = e.origin();
        return new ConfigException(origin == null ? "configuration" : origin.description(), null, e.getMessage(), e);
    }

    /** Reads the keys of one {@code quarry} object and collects the warnings. */
    private static final class Reader {
        private final Config quarry;
        private final List<String> warnings = new ArrayList<>();

        Reader(Config quarry) {
            this.quarry = quarry;
        }

        LoadedConfig read() {
            NodeConfig.Builder node = NodeConfig.builder()
                    .nodeId(string("node-id").map(this::nodeId).orElseThrow(() -> missing("node-id")))
                    .environment(string("environment")
                            .map(value -> ConfigValues.parseEnvironment(origin("environment"), key("environment"), value))
                            .orElseThrow(() -> missing("environment")))
                    .coordinator(bool("coordinator"))
                    .includeCoordinator(bool("include-coordinator"))
                    .httpHost(host("http.host").orElse(NodeConfig.DEFAULT_HTTP_HOST))
                    .httpPort(port("http.port"))
                    .internalAddress(host("internal-address").orElse(null))
                    .discoveryUri(string("discovery-uri")
                            .map(value -> ConfigValues.parseHttpUri(origin("discovery-uri"), key("discovery-uri"), value))
                            .orElse(null))
                    .clusterHost(host("cluster.host").orElse(null))
                    .clusterPort(port("cluster.port"))
                    .seedNodes(seedNodes("cluster.seed-nodes"))
                    .catalogs(catalogs())
                    .query(query())
                    .membership(membership())
                    .sharedSecret(string("shared-secret")
                            .map(value -> {
                                if (value.isEmpty()) {
                                    throw new ConfigException(origin("shared-secret"), key("shared-secret"), "is empty (null for none)");
                                }
                                return value;
                            })
                            .orElse(null))
                    .askTimeout(duration("ask-timeout", false).orElse(NodeConfig.DEFAULT_ASK_TIMEOUT));
            warnUnknownKeys();
            NodeConfig config;
            try {
                config = node.build();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(quarry.root().origin().description(), ROOT, e.getMessage(), e);
            }
            ConfigValues.addAddressWarnings(quarry.root().origin().description(), config, warnings);
            log.debug(
                    "Loaded configuration of node {} from HOCON: {} catalogs, {} warnings",
                    config.nodeId(),
                    config.catalogs().size(),
                    warnings.size());
            return new LoadedConfig(config, warnings);
        }

        private QueryConfig query() {
            QueryConfig.Builder query = QueryConfig.builder();
            dataSize("query.max-memory").ifPresent(query::maxMemoryBytes);
            dataSize("query.max-memory-per-node").ifPresent(query::maxMemoryPerNodeBytes);
            duration("query.client-timeout", false).ifPresent(query::clientTimeout);
            duration("query.min-expire-age", true).ifPresent(query::minExpireAge);
            integer("query.max-history", 0).ifPresent(query::maxHistory);
            duration("query.max-run-time", false).ifPresent(query::maxRunTime);
            integer("query.max-concurrent-queries", 1).ifPresent(query::maxConcurrentQueries);
            integer("query.max-queued-queries", 0).ifPresent(query::maxQueuedQueries);
            string("query.retry-policy")
                    .map(value -> ConfigValues.parseRetryPolicy(origin("query.retry-policy"), key("query.retry-policy"), value))
                    .ifPresent(query::retryPolicy);
            return query.build();
        }

        private MembershipConfig membership() {
            MembershipConfig failures = MembershipConfig.defaults();
            failures = duration("cluster.seed-node-timeout", false).map(failures::withSeedNodeTimeout).orElse(failures);
            failures = duration("cluster.split-brain-resolver.stable-after", false)
                    .map(failures::withStableAfter)
                    .orElse(failures);
            String pauseKey = "cluster.failure-detector.acceptable-heartbeat-pause";
            Optional<Duration> pause = duration(pauseKey, false);
            if (pause.isPresent()) {
                ConfigValues.checkHeartbeatPause(origin(pauseKey), key(pauseKey), scalar(pauseKey).orElseThrow(), pause.get());
                failures = failures.withAcceptableHeartbeatPause(pause.get());
            }
            return duration("cluster.coordinator-lost-timeout", true)
                    .map(failures::withCoordinatorLostTimeout)
                    .orElse(failures);
        }

        private List<CatalogConfig> catalogs() {
            Optional<ConfigValue> catalogs = value("catalogs");
            if (catalogs.isEmpty()) {
                return List.of();
            }
            if (catalogs.get().valueType() != ConfigValueType.OBJECT) {
                throw new ConfigException(
                        catalogs.get().origin().description(),
                        key("catalogs"),
                        "is not an object (catalogs { <name> { connector.name = ... } })");
            }
            List<CatalogConfig> result = new ArrayList<>();
            for (Map.Entry<String, ConfigValue> entry : ((ConfigObject) catalogs.get()).entrySet()) {
                result.add(catalog(entry.getKey(), entry.getValue()));
            }
            result.sort(Comparator.comparing(CatalogConfig::name));
            return result;
        }

        private CatalogConfig catalog(String name, ConfigValue value) {
            String catalogKey = key("catalogs." + name);
            String source = value.origin().description();
            ConfigValues.parseCatalogName(source, catalogKey, name);
            if (value.valueType() != ConfigValueType.OBJECT) {
                throw new ConfigException(source, catalogKey, "is not an object ({ connector.name = ..., <property> = ... })");
            }
            Map<String, String> properties = new TreeMap<>();
            for (Map.Entry<String, ConfigValue> property : ((ConfigObject) value).toConfig().entrySet()) {
                String propertyName = String.join(".", ConfigUtil.splitPath(property.getKey()));
                ConfigValue propertyValue = property.getValue();
                if (!isScalar(propertyValue)) {
                    throw new ConfigException(
                            propertyValue.origin().description(),
                            catalogKey + "." + propertyName,
                            "is a " + describe(propertyValue.valueType()) + "; catalog properties are strings, numbers or booleans");
                }
                properties.put(propertyName, String.valueOf(propertyValue.unwrapped()));
            }
            String connectorName = properties.remove("connector.name");
            if (connectorName == null || connectorName.isBlank()) {
                throw new ConfigException(
                        source, catalogKey + ".connector.name", "is required (the connector serving this catalog, e.g. tpch)");
            }
            return new CatalogConfig(name, connectorName.trim(), properties, source);
        }

        private void warnUnknownKeys() {
            for (Map.Entry<String, ConfigValue> entry : quarry.entrySet()) {
                String path = entry.getKey();
                if (KNOWN_KEYS.contains(path) || path.startsWith("catalogs.")) {
                    continue;
                }
                warnings.add(entry.getValue().origin().description() + ": unknown key '" + key(path) + "' is ignored");
            }
        }

        private String nodeId(String value) {
            return ConfigValues.parseNodeId(origin("node-id"), key("node-id"), value);
        }

        private boolean bool(String path) {
            return ConfigValues.parseBoolean(origin(path), key(path), scalar(path).orElseThrow(() -> missing(path)));
        }

        private int port(String path) {
            return ConfigValues.parsePort(origin(path), key(path), scalar(path).orElseThrow(() -> missing(path)));
        }

        private Optional<Integer> integer(String path, int min) {
            return scalar(path).map(value -> ConfigValues.parseInt(origin(path), key(path), value, min));
        }

        private Optional<String> host(String path) {
            return string(path).map(value -> ConfigValues.parseHost(origin(path), key(path), value));
        }

        private Optional<Long> dataSize(String path) {
            Optional<ConfigValue> value = value(path);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (value.get().valueType() == ConfigValueType.NUMBER) {
                Number number = (Number) value.get().unwrapped();
                if ((number instanceof Integer || number instanceof Long) && number.longValue() > 0) {
                    return Optional.of(number.longValue());
                }
                throw new ConfigException(origin(path), key(path), quote(String.valueOf(number)) + " is not a positive number of bytes");
            }
            String text = scalar(path).orElseThrow();
            try {
                return Optional.of(ConfigValues.parseDataSize(origin(path), key(path), text));
            } catch (ConfigException airliftFailure) {
                // HOCON's own units (e.g. "20GiB", "512M") as a second chance; airlift's GB stays 1024-based
                try {
                    long bytes = quarry.getBytes(path);
                    if (bytes > 0) {
                        return Optional.of(bytes);
                    }
                } catch (com.typesafe.config.ConfigException e) {
                    // fall through to airlift's message, which names the form Quarry documents
                }
                throw airliftFailure;
            }
        }

        private Optional<Duration> duration(String path, boolean allowZero) {
            Optional<ConfigValue> value = value(path);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String text = scalar(path).orElseThrow();
            if (value.get().valueType() == ConfigValueType.STRING) {
                try {
                    return Optional.of(ConfigValues.parseDuration(origin(path), key(path), text, allowZero));
                } catch (ConfigException airliftFailure) {
                    Duration duration;
                    try {
                        // HOCON's longer forms, e.g. "10 seconds"
                        duration = quarry.getDuration(path);
                    } catch (com.typesafe.config.ConfigException e) {
                        throw airliftFailure;
                    }
                    ConfigValues.checkDuration(origin(path), key(path), text, duration, allowZero);
                    return Optional.of(duration);
                }
            }
            if (value.get().valueType() == ConfigValueType.NUMBER) {
                // a bare number is milliseconds, as HOCON reads it
                Duration duration = quarry.getDuration(path);
                ConfigValues.checkDuration(origin(path), key(path), text, duration, allowZero);
                return Optional.of(duration);
            }
            throw new ConfigException(origin(path), key(path), quote(text) + " is not a duration (e.g. 10s or 5m)");
        }

        private List<HostAndPort> seedNodes(String path) {
            Optional<ConfigValue> value = value(path);
            if (value.isEmpty()) {
                return List.of();
            }
            if (value.get().valueType() == ConfigValueType.LIST) {
                List<String> items = new ArrayList<>();
                for (ConfigValue item : quarry.getList(path)) {
                    if (item.valueType() != ConfigValueType.STRING) {
                        throw new ConfigException(
                                item.origin().description(),
                                key(path),
                                quote(String.valueOf(item.unwrapped())) + " is not a seed node (a \"host:port\" string)");
                    }
                    items.add((String) item.unwrapped());
                }
                return ConfigValues.parseSeedNodes(origin(path), key(path), items);
            }
            return ConfigValues.parseSeedNodes(origin(path), key(path), scalar(path).orElseThrow());
        }

        /** A string value; numbers and booleans are taken as their text. Empty when null. */
        private Optional<String> string(String path) {
            return scalar(path);
        }

        private Optional<String> scalar(String path) {
            Optional<ConfigValue> value = value(path);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (!isScalar(value.get())) {
                throw new ConfigException(
                        origin(path), key(path), "is a " + describe(value.get().valueType()) + ", not a single value");
            }
            return Optional.of(String.valueOf(value.get().unwrapped()));
        }

        /** The value at a path; empty when it is null. */
        private Optional<ConfigValue> value(String path) {
            if (!quarry.hasPathOrNull(path)) {
                throw missing(path);
            }
            if (quarry.getIsNull(path)) {
                return Optional.empty();
            }
            return Optional.of(quarry.getValue(path));
        }

        private String origin(String path) {
            if (quarry.hasPath(path)) {
                return quarry.getValue(path).origin().description();
            }
            return quarry.root().origin().description();
        }

        private ConfigException missing(String path) {
            return new ConfigException(quarry.root().origin().description(), key(path), "is required");
        }

        private static String key(String path) {
            return ROOT + "." + path;
        }

        private static boolean isScalar(ConfigValue value) {
            ConfigValueType type = value.valueType();
            return type == ConfigValueType.STRING || type == ConfigValueType.NUMBER || type == ConfigValueType.BOOLEAN;
        }

        private static String describe(ConfigValueType type) {
            return switch (type) {
                case OBJECT -> "object";
                case LIST -> "list";
                case NULL -> "null";
                default -> type.name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
