package io.quarry.config;

import static io.quarry.config.ConfigValues.parseBoolean;
import static io.quarry.config.ConfigValues.parseDataSize;
import static io.quarry.config.ConfigValues.parseDuration;
import static io.quarry.config.ConfigValues.parseEnvironment;
import static io.quarry.config.ConfigValues.parseHeartbeatPause;
import static io.quarry.config.ConfigValues.parseHost;
import static io.quarry.config.ConfigValues.parseHttpUri;
import static io.quarry.config.ConfigValues.parseInt;
import static io.quarry.config.ConfigValues.parseRetryPolicy;
import static io.quarry.config.ConfigValues.parseNodeId;
import static io.quarry.config.ConfigValues.parsePort;
import static io.quarry.config.ConfigValues.parseSeedNodes;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a node's configuration from an openLooKeng-style {@code etc/} directory: {@code config.properties}
 * and {@code node.properties} (required), {@code jvm.config} (optional, applied by the launcher script,
 * only checked to be readable here) and {@code catalog/*.properties} (one catalog per file, named after it).
 *
 * <p>Keys Quarry does not know become warnings; a known key with a bad value, a missing required file or
 * key, or a key set twice is a {@link ConfigException} naming the file as the caller's path spells it.
 */
public final class EtcConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(EtcConfigLoader.class);

    private static final String PROPERTIES_SUFFIX = ".properties";

    private EtcConfigLoader() {}

    /**
     * Loads and validates the configuration in {@code etcDir}.
     *
     * @throws ConfigException if the directory, a required file or a required key is missing, or a value
     *     is not allowed
     */
    public static LoadedConfig load(Path etcDir) {
        requireNonNull(etcDir, "etcDir is null");
        if (!Files.isDirectory(etcDir)) {
            throw new ConfigException(
                    etcDir.toString(),
                    null,
                    "is not a directory (an etc/ directory holds config.properties, node.properties and catalog/)");
        }
        List<String> warnings = new ArrayList<>();
        NodeConfig.Builder node = NodeConfig.builder();

        PropertiesFile config = PropertiesFile.read(etcDir.resolve("config.properties"));
        applyConfigProperties(config, node);
        config.warnUnknown(warnings);

        PropertiesFile nodeProperties = PropertiesFile.read(etcDir.resolve("node.properties"));
        applyNodeProperties(nodeProperties, node, warnings);
        nodeProperties.warnUnknown(warnings);

        checkJvmConfig(etcDir.resolve("jvm.config"));
        node.catalogs(readCatalogs(etcDir.resolve("catalog"), warnings));

        NodeConfig nodeConfig;
        try {
            nodeConfig = node.build();
        } catch (IllegalArgumentException e) {
            // every key is checked above; this is the backstop for rules that span keys
            throw new ConfigException(etcDir.toString(), null, e.getMessage(), e);
        }
        ConfigValues.addAddressWarnings(nodeProperties.source, nodeConfig, warnings);
        log.debug(
                "Loaded configuration of node {} from {}: {} catalogs, {} warnings",
                nodeConfig.nodeId(),
                etcDir,
                nodeConfig.catalogs().size(),
                warnings.size());
        return new LoadedConfig(nodeConfig, warnings);
    }

    private static void applyConfigProperties(PropertiesFile file, NodeConfig.Builder node) {
        String source = file.source;
        file.ifPresent("coordinator", (key, value) -> node.coordinator(parseBoolean(source, key, value)));
        file.ifPresent(
                "node-scheduler.include-coordinator",
                (key, value) -> node.includeCoordinator(parseBoolean(source, key, value)));
        file.ifPresent("http-server.http.port", (key, value) -> node.httpPort(parsePort(source, key, value)));
        file.ifPresent("http-server.http.host", (key, value) -> node.httpHost(parseHost(source, key, value)));
        file.ifPresent("discovery.uri", (key, value) -> node.discoveryUri(parseHttpUri(source, key, value)));
        // openLooKeng's embedded discovery server: Akka Cluster replaces it, so the key means nothing here
        file.accept("discovery-server.enabled");
        file.ifPresent("cluster.port", (key, value) -> node.clusterPort(parsePort(source, key, value)));
        file.ifPresent("cluster.host", (key, value) -> node.clusterHost(parseHost(source, key, value)));
        file.ifPresent("cluster.seed-nodes", (key, value) -> node.seedNodes(parseSeedNodes(source, key, value)));
        MembershipConfig[] failures = {MembershipConfig.defaults()};
        file.ifPresent(
                "cluster.seed-node-timeout",
                (key, value) -> failures[0] = failures[0].withSeedNodeTimeout(parseDuration(source, key, value, false)));
        file.ifPresent(
                "cluster.split-brain-resolver.stable-after",
                (key, value) -> failures[0] = failures[0].withStableAfter(parseDuration(source, key, value, false)));
        file.ifPresent(
                "cluster.failure-detector.acceptable-heartbeat-pause",
                (key, value) -> failures[0] = failures[0].withAcceptableHeartbeatPause(parseHeartbeatPause(source, key, value)));
        file.ifPresent(
                "cluster.coordinator-lost-timeout",
                (key, value) -> failures[0] = failures[0].withCoordinatorLostTimeout(parseDuration(source, key, value, true)));
        node.membership(failures[0]);
        file.ifPresent(
                "internal-communication.shared-secret",
                (key, value) -> node.sharedSecret(requireNonEmpty(source, key, value)));
        file.ifPresent("quarry.ask-timeout", (key, value) -> node.askTimeout(parseDuration(source, key, value, false)));

        QueryConfig.Builder query = QueryConfig.builder();
        file.ifPresent("query.max-memory", (key, value) -> query.maxMemoryBytes(parseDataSize(source, key, value)));
        file.ifPresent(
                "query.max-memory-per-node",
                (key, value) -> query.maxMemoryPerNodeBytes(parseDataSize(source, key, value)));
        // accepted for openLooKeng configurations; Quarry does not tell user from total memory, but the
        // value is still checked so that a typo does not hide
        file.ifPresent("query.max-total-memory-per-node", (key, value) -> parseDataSize(source, key, value));
        file.ifPresent(
                "query.client.timeout", (key, value) -> query.clientTimeout(parseDuration(source, key, value, false)));
        file.ifPresent(
                "query.min-expire-age", (key, value) -> query.minExpireAge(parseDuration(source, key, value, true)));
        file.ifPresent("query.max-history", (key, value) -> query.maxHistory(parseInt(source, key, value, 0)));
        file.ifPresent("query.max-run-time", (key, value) -> query.maxRunTime(parseDuration(source, key, value, false)));
        file.ifPresent(
                "query.max-concurrent-queries",
                (key, value) -> query.maxConcurrentQueries(parseInt(source, key, value, 1)));
        file.ifPresent(
                "query.max-queued-queries", (key, value) -> query.maxQueuedQueries(parseInt(source, key, value, 0)));
        file.ifPresent("retry-policy", (key, value) -> query.retryPolicy(parseRetryPolicy(source, key, value)));
        node.query(query.build());
    }

    private static void applyNodeProperties(PropertiesFile file, NodeConfig.Builder node, List<String> warnings) {
        String source = file.source;
        String environment = file.get("node.environment")
                .orElseThrow(() -> new ConfigException(
                        source,
                        "node.environment",
                        "is required (lower-case letters, digits and '_', e.g. production)"));
        node.environment(parseEnvironment(source, "node.environment", environment));
        Optional<String> nodeId = file.get("node.id");
        if (nodeId.isPresent()) {
            node.nodeId(parseNodeId(source, "node.id", nodeId.get()));
        } else {
            String generated = UUID.randomUUID().toString();
            node.nodeId(generated);
            warnings.add(source + ": node.id is not set; using the generated id '" + generated
                    + "', which changes at every start (set node.id to keep it)");
        }
        file.ifPresent("node.internal-address", (key, value) -> node.internalAddress(parseHost(source, key, value)));
        file.ifPresent(
                "node.data-dir",
                (key, value) -> warnings.add(source + ": node.data-dir is accepted but not used by Quarry"));
    }

    private static void checkJvmConfig(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            // the launcher script applies it; reading it here fails early on a file it could not read
            Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot be read: " + e, e);
        }
    }

    private static List<CatalogConfig> readCatalogs(Path catalogDir, List<String> warnings) {
        if (!Files.exists(catalogDir)) {
            return List.of();
        }
        if (!Files.isDirectory(catalogDir)) {
            throw new ConfigException(catalogDir.toString(), null, "is not a directory (it holds one <catalog>.properties per catalog)");
        }
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> entries = Files.list(catalogDir)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new ConfigException(catalogDir.toString(), null, "cannot be listed: " + e, e);
        }
        List<CatalogConfig> catalogs = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.startsWith(".")) {
                continue; // editor and system files
            }
            if (!fileName.endsWith(PROPERTIES_SUFFIX) || !Files.isRegularFile(file)) {
                warnings.add(file + ": not a catalog (catalogs are <name>.properties files), ignored");
                continue;
            }
            catalogs.add(readCatalog(file, fileName.substring(0, fileName.length() - PROPERTIES_SUFFIX.length())));
        }
        return catalogs;
    }

    private static CatalogConfig readCatalog(Path file, String name) {
        PropertiesFile properties = PropertiesFile.read(file);
        ConfigValues.parseCatalogName(properties.source, null, name);
        String connectorName = properties.get("connector.name")
                .map(String::trim)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> new ConfigException(
                        properties.source, "connector.name", "is required (the connector serving this catalog, e.g. tpch)"));
        Map<String, String> connectorProperties = new TreeMap<>(properties.values);
        connectorProperties.remove("connector.name");
        return new CatalogConfig(name, connectorName, connectorProperties, properties.source);
    }

    private static String requireNonEmpty(String source, String key, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(source, key, "is empty (leave the key out for none)");
        }
        return value;
    }

    /** One properties file, remembering which keys Quarry looked at so that the rest become warnings. */
    private static final class PropertiesFile {
        private final String source;
        private final Map<String, String> values;
        private final Set<String> used = new HashSet<>();

        private PropertiesFile(String source, Map<String, String> values) {
            this.source = source;
            this.values = values;
        }

        static PropertiesFile read(Path file) {
            String source = file.toString();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(source, null, "is missing");
            }
            Set<String> duplicates = new TreeSet<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    Object previous = super.put(key, value);
                    if (previous != null) {
                        duplicates.add(key.toString());
                    }
                    return previous;
                }
            };
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(source, null, "cannot be read: " + e.getMessage(), e);
            }
            if (!duplicates.isEmpty()) {
                String key = duplicates.iterator().next();
                throw new ConfigException(source, key, "is set more than once (keep one line)");
            }
            Map<String, String> values = new TreeMap<>();
            for (String key : properties.stringPropertyNames()) {
                values.put(key, properties.getProperty(key).trim());
            }
            return new PropertiesFile(source, values);
        }

        Optional<String> get(String key) {
            used.add(key);
            return Optional.ofNullable(values.get(key));
        }

        void ifPresent(String key, KeyValueConsumer consumer) {
            get(key).ifPresent(value -> consumer.accept(key, value));
        }

        /** Marks a key as known but without effect. */
        void accept(String key) {
            used.add(key);
        }

        void warnUnknown(List<String> warnings) {
            for (String key : values.keySet()) {
                if (!used.contains(key)) {
                    warnings.add(source + ": unknown key '" + key + "' is ignored");
                }
            }
        }
    }

    @FunctionalInterface
    private interface KeyValueConsumer {
        void accept(String key, String value);
    }
}
