package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestEtcConfigLoader {
    @TempDir
    Path etc;

    @BeforeEach
    void writeMinimalEtc() throws IOException {
        write("config.properties", "");
        write("node.properties", "node.environment=test", "node.id=n1");
    }

    @Test
    void minimalDirectoryGivesTheDefaults() {
        LoadedConfig loaded = EtcConfigLoader.load(etc);
        NodeConfig config = loaded.config();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(config).isEqualTo(NodeConfig.builder().nodeId("n1").environment("test").build());
        assertThat(config.coordinator()).isTrue();
        assertThat(config.includeCoordinator()).isTrue();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.clusterHost()).isEqualTo("127.0.0.1");
        assertThat(config.clusterPort()).isZero();
        assertThat(config.seedNodes()).isEmpty();
        assertThat(config.discoveryUri()).isEmpty();
        assertThat(config.catalogs()).isEmpty();
        assertThat(config.query()).isEqualTo(QueryConfig.defaults());
        assertThat(config.sharedSecret()).isEmpty();
        assertThat(config.askTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void mapsEveryKey() throws IOException {
        write(
                "config.properties",
                "coordinator=false",
                "node-scheduler.include-coordinator=false",
                "http-server.http.port=8181",
                "http-server.http.host=0.0.0.0",
                "discovery.uri=http://coordinator.example.com:8080",
                "discovery-server.enabled=true",
                "cluster.port=2552",
                "cluster.host=10.0.0.9",
                "cluster.seed-nodes=10.0.0.1:2552, 10.0.0.2:2553",
                "query.max-memory=50GB",
                "query.max-memory-per-node=1.5GB",
                "query.max-total-memory-per-node=2GB",
                "query.client.timeout=1m",
                "query.min-expire-age=30m",
                "query.max-history=42",
                "query.max-run-time=2h",
                "query.max-concurrent-queries=10",
                "query.max-queued-queries=20",
                "retry-policy=query",
                "internal-communication.shared-secret=s3cret",
                "quarry.ask-timeout=2500ms");
        write(
                "node.properties",
                "node.environment=production",
                "node.id=worker-7",
                "node.internal-address=worker-7.example.com");
        write("jvm.config", "-Xmx16G");
        write("catalog/tpch.properties", "connector.name=tpch", "tpch.splits-per-node=4");
        write("catalog/sales.properties", "connector.name=memory");

        LoadedConfig loaded = EtcConfigLoader.load(etc);
        NodeConfig config = loaded.config();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(config.nodeId()).isEqualTo("worker-7");
        assertThat(config.environment()).isEqualTo("production");
        assertThat(config.coordinator()).isFalse();
        assertThat(config.includeCoordinator()).isFalse();
        assertThat(config.runsTasks()).isTrue();
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8181);
        assertThat(config.internalAddress()).isEqualTo("worker-7.example.com");
        assertThat(config.httpBaseUri()).isEqualTo(URI.create("http://worker-7.example.com:8181"));
        assertThat(config.clusterHost()).isEqualTo("10.0.0.9");
        assertThat(config.clusterPort()).isEqualTo(2552);
        assertThat(config.seedNodes())
                .containsExactly(new HostAndPort("10.0.0.1", 2552), new HostAndPort("10.0.0.2", 2553));
        assertThat(config.discoveryUri()).contains(URI.create("http://coordinator.example.com:8080"));
        assertThat(config.sharedSecret()).contains("s3cret");
        assertThat(config.askTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.query())
                .isEqualTo(new QueryConfig(
                        50L << 30,
                        3L << 29,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(30),
                        42,
                        Duration.ofHours(2),
                        10,
                        20,
                        RetryPolicy.QUERY));
        assertThat(config.catalogs())
                .containsExactly(
                        new CatalogConfig("sales", "memory", Map.of(), etc.resolve("catalog/sales.properties").toString()),
                        new CatalogConfig(
                                "tpch",
                                "tpch",
                                Map.of("tpch.splits-per-node", "4"),
                                etc.resolve("catalog/tpch.properties").toString()));
    }

    @Test
    void clusterHostDefaultsToTheInternalAddress() throws IOException {
        write("node.properties", "node.environment=test", "node.id=n1", "node.internal-address=10.0.0.3");

        NodeConfig config = EtcConfigLoader.load(etc).config();

        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.internalAddress()).isEqualTo("10.0.0.3");
        assertThat(config.clusterHost()).isEqualTo("10.0.0.3");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "coordinator | yes | 'yes' is not a boolean (true or false)",
                "node-scheduler.include-coordinator | 1 | '1' is not a boolean (true or false)",
                "http-server.http.port | abc | 'abc' is not a port number (0-65535)",
                "http-server.http.port | 65536 | '65536' is not a port number (0-65535)",
                "http-server.http.port | -1 | '-1' is not a port number (0-65535)",
                "http-server.http.host | a b | 'a b' is not a host name or IP address",
                "cluster.port | 99999 | '99999' is not a port number (0-65535)",
                "cluster.host | ho/st | 'ho/st' is not a host name or IP address",
                "cluster.seed-nodes | 10.0.0.1 | '10.0.0.1' is not a seed node (host:port with a port 1-65535",
                "cluster.seed-nodes | 10.0.0.1:2552,,10.0.0.2:2552 | '' is not a seed node",
                "cluster.seed-nodes | 10.0.0.1:0 | '10.0.0.1:0' is not a seed node",
                "discovery.uri | coordinator:8080 | 'coordinator:8080' is not an absolute http URI",
                "discovery.uri | /v1/info | '/v1/info' is not an absolute http URI",
                "discovery.uri | ftp://host/ | 'ftp://host/' is not an absolute http URI",
                "query.max-memory | 20 | '20' is not a data size (a number and a unit: B, kB, MB, GB, TB, PB",
                "query.max-memory | 20gb | '20gb' has an unknown data size unit 'gb'",
                "query.max-memory | 0GB | '0GB' is not a positive data size",
                "query.max-memory-per-node | lots | 'lots' is not a data size",
                "query.max-total-memory-per-node | 1XB | '1XB' has an unknown data size unit 'XB'",
                "query.client.timeout | 5 | '5' is not a duration (a number and a unit: ns, us, ms, s, m, h, d",
                "query.client.timeout | 0s | '0s' is not a positive duration",
                "query.min-expire-age | 15 minutes | '15 minutes' has an unknown duration unit 'minutes'",
                "query.max-history | -1 | '-1' is not an integer of at least 0",
                "query.max-run-time | forever | 'forever' is not a duration",
                "query.max-concurrent-queries | 0 | '0' is not an integer of at least 1",
                "query.max-queued-queries | many | 'many' is not an integer of at least 0",
                "retry-policy | STAGE | 'STAGE' is not a retry policy (NONE, QUERY or TASK)",
                "quarry.ask-timeout | 10 | '10' is not a duration",
                "cluster.split-brain-resolver.stable-after | 0s | '0s' is not a positive duration",
                "cluster.seed-node-timeout | 0s | '0s' is not a positive duration",
                "cluster.failure-detector.acceptable-heartbeat-pause | 100ms | '100ms' is shorter than 500ms",
                "cluster.failure-detector.acceptable-heartbeat-pause | soon | 'soon' is not a duration",
                "cluster.coordinator-lost-timeout | -1s | '-1s' is not a duration",
            })
    void badConfigValueNamesFileKeyAndWhatIsAllowed(String key, String value, String problem) throws IOException {
        write("config.properties", key + "=" + value);

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(etc.resolve("config.properties") + ": " + key + ": " + problem)
                .satisfies(e -> {
                    ConfigException configException = (ConfigException) e;
                    assertThat(configException.source()).isEqualTo(etc.resolve("config.properties").toString());
                    assertThat(configException.key()).contains(key);
                });
    }

    @Test
    void membershipKeys() throws IOException {
        write(
                "config.properties",
                "cluster.seed-node-timeout=20s",
                "cluster.split-brain-resolver.stable-after=2s",
                "cluster.failure-detector.acceptable-heartbeat-pause=1500ms",
                "cluster.coordinator-lost-timeout=0s");

        LoadedConfig loaded = EtcConfigLoader.load(etc);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().membership()).isEqualTo(new MembershipConfig(
                Duration.ofSeconds(20),
                Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ZERO, false));
    }

    @Test
    void membershipDefaults() {
        assertThat(EtcConfigLoader.load(etc).config().membership()).isEqualTo(MembershipConfig.defaults());
        assertThat(MembershipConfig.defaults()).isEqualTo(new MembershipConfig(
                Duration.ofSeconds(10),
                Duration.ofSeconds(7), Duration.ofSeconds(3), Duration.ofSeconds(1), false));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "node.id | -bad | '-bad' is not a node id (letters, digits, '_' and '-', starting with a letter or digit)",
                "node.id | a b | 'a b' is not a node id",
                "node.environment | Production | 'Production' is not an environment name (lower-case letters",
                "node.internal-address | a,b | 'a,b' is not a host name or IP address",
            })
    void badNodeValueNamesFileKeyAndWhatIsAllowed(String key, String value, String problem) throws IOException {
        String other = key.equals("node.environment") ? "node.id=n1" : "node.environment=test";
        String same = key.equals("node.internal-address") ? "node.id=n1" : "";
        write("node.properties", other, same, key + "=" + value);

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(etc.resolve("node.properties") + ": " + key + ": " + problem);
    }

    @Test
    void sharedSecretMustNotBeEmpty() throws IOException {
        write("config.properties", "internal-communication.shared-secret=");

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .hasMessage(etc.resolve("config.properties")
                        + ": internal-communication.shared-secret: is empty (leave the key out for none)");
    }

    @Test
    void environmentIsRequired() throws IOException {
        write("node.properties", "node.id=n1");

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessage(etc.resolve("node.properties")
                        + ": node.environment: is required (lower-case letters, digits and '_', e.g. production)");
    }

    @Test
    void missingNodeIdIsGeneratedWithAWarning() throws IOException {
        write("node.properties", "node.environment=test");

        LoadedConfig first = EtcConfigLoader.load(etc);
        LoadedConfig second = EtcConfigLoader.load(etc);

        assertThat(first.config().nodeId()).matches(NodeConfig.NODE_ID_PATTERN).isNotEqualTo(second.config().nodeId());
        assertThat(first.warnings())
                .containsExactly(etc.resolve("node.properties") + ": node.id is not set; using the generated id '"
                        + first.config().nodeId() + "', which changes at every start (set node.id to keep it)");
    }

    @Test
    void unknownAndUnusedKeysBecomeWarnings() throws IOException {
        write("config.properties", "foo.bar=1", "http-server.http.port=8081", "http-server.threads.max=100");
        write("node.properties", "node.environment=test", "node.id=n1", "node.data-dir=/var/quarry", "node.launcher-log-file=x");

        LoadedConfig loaded = EtcConfigLoader.load(etc);

        assertThat(loaded.config().httpPort()).isEqualTo(8081);
        assertThat(loaded.warnings())
                .containsExactly(
                        etc.resolve("config.properties") + ": unknown key 'foo.bar' is ignored",
                        etc.resolve("config.properties") + ": unknown key 'http-server.threads.max' is ignored",
                        etc.resolve("node.properties") + ": node.data-dir is accepted but not used by Quarry",
                        etc.resolve("node.properties") + ": unknown key 'node.launcher-log-file' is ignored");
    }

    @Test
    void discoveryServerEnabledIsAcceptedSilently() throws IOException {
        write("config.properties", "discovery-server.enabled=true");

        assertThat(EtcConfigLoader.load(etc).warnings()).isEmpty();
    }

    @Test
    void wildcardInternalAddressIsAWarning() throws IOException {
        write("config.properties", "http-server.http.host=0.0.0.0");

        LoadedConfig loaded = EtcConfigLoader.load(etc);

        assertThat(loaded.warnings()).singleElement().asString().contains("wildcard address 0.0.0.0");
    }

    @Test
    void keySetTwiceIsAnError() throws IOException {
        write("config.properties", "http-server.http.port=8080", "http-server.http.port=8081");

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .hasMessage(etc.resolve("config.properties") + ": http-server.http.port: is set more than once (keep one line)");
    }

    @Test
    void valuesAreTrimmed() throws IOException {
        write("config.properties", "http-server.http.port = 8081   ", "coordinator= FALSE ");

        NodeConfig config = EtcConfigLoader.load(etc).config();

        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.coordinator()).isFalse();
    }

    @Test
    void missingDirectoryIsNamed() {
        Path missing = etc.resolve("nope");

        assertThatThrownBy(() -> EtcConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + ": is not a directory")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEmpty());
    }

    @Test
    void missingConfigPropertiesIsNamed() throws IOException {
        Files.delete(etc.resolve("config.properties"));

        assertThatThrownBy(() -> EtcConfigLoader.load(etc)).hasMessage(etc.resolve("config.properties") + ": is missing");
    }

    @Test
    void missingNodePropertiesIsNamed() throws IOException {
        Files.delete(etc.resolve("node.properties"));

        assertThatThrownBy(() -> EtcConfigLoader.load(etc)).hasMessage(etc.resolve("node.properties") + ": is missing");
    }

    @Test
    void pathsAreShownAsTheCallerGaveThem() {
        Path relative = Path.of("").toAbsolutePath().relativize(etc);
        Path relativeConfig = relative.resolve("config.properties");
        assertThat(relativeConfig.isAbsolute()).isFalse();

        assertThatThrownBy(() -> {
                    write("config.properties", "coordinator=maybe");
                    EtcConfigLoader.load(relative);
                })
                .hasMessage(relativeConfig + ": coordinator: 'maybe' is not a boolean (true or false)");
    }

    @Test
    void unreadableJvmConfigIsAnError() throws IOException {
        Files.createDirectory(etc.resolve("jvm.config"));

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(etc.resolve("jvm.config") + ": cannot be read");
    }

    @Test
    void catalogWithoutConnectorNameNamesTheFile() throws IOException {
        write("catalog/sales.properties", "memory.replication-factor=2");

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessage(etc.resolve("catalog/sales.properties")
                        + ": connector.name: is required (the connector serving this catalog, e.g. tpch)");
    }

    @Test
    void catalogNameMustBeLowerCase() throws IOException {
        write("catalog/Sales-EU.properties", "connector.name=memory");

        assertThatThrownBy(() -> EtcConfigLoader.load(etc))
                .isInstanceOf(ConfigException.class)
                .hasMessage(etc.resolve("catalog/Sales-EU.properties")
                        + ": catalog name 'Sales-EU' is not allowed (lower-case letters, digits and '_')");
    }

    @Test
    void catalogPropertiesAreKeptAndOtherFilesWarned() throws IOException {
        write("catalog/memory.properties", "connector.name = memory ", "memory.replication-factor=2", "memory.max-data-per-node=128MB");
        write("catalog/README.md", "# catalogs");
        write("catalog/.memory.properties.swp", "junk");

        LoadedConfig loaded = EtcConfigLoader.load(etc);

        assertThat(loaded.config().catalogs()).singleElement().satisfies(catalog -> {
            assertThat(catalog.name()).isEqualTo("memory");
            assertThat(catalog.connectorName()).isEqualTo("memory");
            assertThat(catalog.properties())
                    .containsExactly(Map.entry("memory.max-data-per-node", "128MB"), Map.entry("memory.replication-factor", "2"));
            assertThat(catalog.source()).isEqualTo(etc.resolve("catalog/memory.properties").toString());
        });
        assertThat(loaded.warnings())
                .containsExactly(etc.resolve("catalog/README.md")
                        + ": not a catalog (catalogs are <name>.properties files), ignored");
    }

    @Test
    void noCatalogDirectoryMeansNoCatalogs() {
        assertThat(EtcConfigLoader.load(etc).config().catalogs()).isEmpty();
        assertThat(Optional.of(etc.resolve("catalog")).filter(Files::exists)).isEmpty();
    }

    private void write(String name, String... lines) throws IOException {
        Path file = etc.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }
}
