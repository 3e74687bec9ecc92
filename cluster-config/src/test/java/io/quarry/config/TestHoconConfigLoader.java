package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestHoconConfigLoader {
    @TempDir
    Path directory;

    @Test
    void referenceConfIsTheEmbeddedDefault() {
        LoadedConfig loaded = HoconConfigLoader.load(ConfigFactory.empty());

        assertThat(loaded.warnings()).isEmpty();
        assertThat(withoutSources(loaded.config())).isEqualTo(withoutSources(NodeConfig.embeddedDefault()));
        assertThat(loaded.config().catalogs().get(0).source()).contains("reference.conf");
    }

    @Test
    void mapsEveryKey() {
        Config config = parse("""
                quarry {
                  node-id = worker-7
                  environment = production
                  coordinator = false
                  include-coordinator = false
                  internal-address = "worker-7.example.com"
                  http { host = "0.0.0.0", port = 8181 }
                  discovery-uri = "http://coordinator.example.com:8080"
                  cluster {
                    host = "10.0.0.9"
                    port = 2552
                    seed-nodes = ["10.0.0.1:2552", "10.0.0.2:2553"]
                  }
                  catalogs = null
                  catalogs {
                    sales { connector.name = memory, "memory.replication-factor" = 2 }
                    tpch { connector.name = tpch, tpch.splits-per-node = 4, tpch.column-naming = STANDARD }
                  }
                  query {
                    max-memory = 50GB
                    max-memory-per-node = 1.5GB
                    client-timeout = 1m
                    min-expire-age = 30m
                    max-history = 42
                    max-run-time = 2h
                    max-concurrent-queries = 10
                    max-queued-queries = 20
                    retry-policy = none
                  }
                  shared-secret = s3cret
                  ask-timeout = 2500ms
                }
                """);

        LoadedConfig loaded = HoconConfigLoader.load(config);
        NodeConfig node = loaded.config();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(node.nodeId()).isEqualTo("worker-7");
        assertThat(node.environment()).isEqualTo("production");
        assertThat(node.coordinator()).isFalse();
        assertThat(node.includeCoordinator()).isFalse();
        assertThat(node.httpHost()).isEqualTo("0.0.0.0");
        assertThat(node.httpPort()).isEqualTo(8181);
        assertThat(node.internalAddress()).isEqualTo("worker-7.example.com");
        assertThat(node.discoveryUri()).contains(URI.create("http://coordinator.example.com:8080"));
        assertThat(node.clusterHost()).isEqualTo("10.0.0.9");
        assertThat(node.clusterPort()).isEqualTo(2552);
        assertThat(node.seedNodes()).containsExactly(new HostAndPort("10.0.0.1", 2552), new HostAndPort("10.0.0.2", 2553));
        assertThat(node.sharedSecret()).contains("s3cret");
        assertThat(node.askTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(node.query())
                .isEqualTo(new QueryConfig(
                        50L << 30, 3L << 29, Duration.ofMinutes(1), Duration.ofMinutes(30), 42, Duration.ofHours(2), 10, 20,
                        RetryPolicy.NONE));
        assertThat(node.catalogs()).extracting(CatalogConfig::name).containsExactly("sales", "tpch");
        assertThat(node.catalogs().get(0).connectorName()).isEqualTo("memory");
        assertThat(node.catalogs().get(0).properties()).isEqualTo(Map.of("memory.replication-factor", "2"));
        assertThat(node.catalogs().get(1).properties())
                .isEqualTo(Map.of("tpch.splits-per-node", "4", "tpch.column-naming", "STANDARD"));
        assertThat(node.catalogs().get(1).source()).isEqualTo("String: 17");
    }

    @Test
    void membershipKeys() {
        LoadedConfig loaded = HoconConfigLoader.load(ConfigFactory.parseString("""
                quarry.cluster.seed-node-timeout = 15s
                quarry.cluster.split-brain-resolver.stable-after = 3s
                quarry.cluster.failure-detector.acceptable-heartbeat-pause = 2 seconds
                quarry.cluster.coordinator-lost-timeout = 0s
                """));

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.config().membership()).isEqualTo(new MembershipConfig(
                Duration.ofSeconds(15),
                Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ZERO, false));
        assertThat(HoconConfigLoader.load(ConfigFactory.empty()).config().membership())
                .isEqualTo(MembershipConfig.defaults());
    }

    @Test
    void catalogsMergeWithTheDefaultsUnlessReset() {
        NodeConfig node = HoconConfigLoader.load(parse("quarry.catalogs.sales.connector.name = memory")).config();

        assertThat(node.catalogs()).extracting(CatalogConfig::name).containsExactly("memory", "sales", "system", "tpch");
    }

    @Test
    void seedNodesMayBeOneString() {
        NodeConfig node = HoconConfigLoader.load(parse("quarry.cluster.seed-nodes = \"a:1,b:2\"")).config();

        assertThat(node.seedNodes()).containsExactly(new HostAndPort("a", 1), new HostAndPort("b", 2));
    }

    @Test
    void acceptsHoconForms() {
        NodeConfig node = HoconConfigLoader.load(parse("""
                quarry.ask-timeout = 3 seconds
                quarry.query.client-timeout = 1500
                quarry.query.max-memory = 1048576
                quarry.query.max-memory-per-node = 512MiB
                quarry.http.port = "9090"
                quarry.coordinator = "false"
                """)).config();

        assertThat(node.askTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(node.query().clientTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(node.query().maxMemoryBytes()).isEqualTo(1L << 20);
        assertThat(node.query().maxMemoryPerNodeBytes()).isEqualTo(512L << 20);
        assertThat(node.httpPort()).isEqualTo(9090);
        assertThat(node.coordinator()).isFalse();
    }

    @Test
    void gigabytesAre1024Based() {
        NodeConfig node = HoconConfigLoader.load(parse("quarry.query.max-memory = 2GB")).config();

        assertThat(node.query().maxMemoryBytes()).isEqualTo(2L << 30);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http.port | abc | 'abc' is not a port number (0-65535)",
                "http.port | 70000 | '70000' is not a port number (0-65535)",
                "cluster.port | -3 | '-3' is not a port number (0-65535)",
                "coordinator | maybe | 'maybe' is not a boolean (true or false)",
                "node-id | \"-x\" | '-x' is not a node id",
                "environment | Prod | 'Prod' is not an environment name",
                "http.host | \"a b\" | 'a b' is not a host name or IP address",
                "cluster.seed-nodes | [\"nohost\"] | 'nohost' is not a seed node",
                "cluster.seed-nodes | [1234] | '1234' is not a seed node",
                "discovery-uri | \"coordinator:8080\" | 'coordinator:8080' is not an absolute http URI",
                "query.max-memory | lots | 'lots' is not a data size",
                "query.max-memory | 0 | '0' is not a positive number of bytes",
                "query.client-timeout | forever | 'forever' is not a duration",
                "query.client-timeout | 0s | '0s' is not a positive duration",
                "query.max-history | -1 | '-1' is not an integer of at least 0",
                "query.max-concurrent-queries | 0 | '0' is not an integer of at least 1",
                "query.retry-policy | always | 'always' is not a retry policy (NONE, QUERY or TASK)",
                "ask-timeout | [1, 2] | is a list, not a single value",
                "shared-secret | \"\" | is empty (null for none)",
                "catalogs | 5 | is not an object",
                "cluster.split-brain-resolver.stable-after | 0s | '0s' is not a positive duration",
                "cluster.failure-detector.acceptable-heartbeat-pause | 100ms | '100ms' is shorter than 500ms",
                "cluster.coordinator-lost-timeout | later | 'later' is not a duration",
            })
    void badValueNamesKeyAndOrigin(String path, String value, String problem) throws IOException {
        Path file = directory.resolve("quarry.conf");
        Files.writeString(file, "\n\nquarry." + path + " = " + value + "\n");

        assertThatThrownBy(() -> HoconConfigLoader.loadFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(": quarry." + path + ": " + problem)
                .satisfies(e -> {
                    ConfigException configException = (ConfigException) e;
                    assertThat(configException.source()).contains("quarry.conf").contains("3");
                    assertThat(configException.key()).contains("quarry." + path);
                });
    }

    @Test
    void catalogErrorsNameTheCatalog() {
        assertThatThrownBy(() -> HoconConfigLoader.load(parse("quarry.catalogs.sales { memory.replication-factor = 2 }")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(": quarry.catalogs.sales.connector.name: is required");
        assertThatThrownBy(() -> HoconConfigLoader.load(parse("quarry.catalogs.Sales { connector.name = memory }")))
                .hasMessageContaining(": quarry.catalogs.Sales: catalog name 'Sales' is not allowed");
        assertThatThrownBy(() -> HoconConfigLoader.load(parse("quarry.catalogs.sales = memory")))
                .hasMessageContaining(": quarry.catalogs.sales: is not an object");
        assertThatThrownBy(() -> HoconConfigLoader.load(parse("quarry.catalogs.sales { connector.name = memory, x = [1] }")))
                .hasMessageContaining(": quarry.catalogs.sales.x: is a list");
    }

    @Test
    void unknownKeysBecomeWarnings() {
        LoadedConfig loaded = HoconConfigLoader.load(parse("""
                quarry.seed-nodes = ["a:1"]
                quarry.http.threads = 10
                akka.loglevel = DEBUG
                """));

        assertThat(loaded.warnings())
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).endsWith(": unknown key 'quarry.seed-nodes' is ignored"))
                .anySatisfy(w -> assertThat(w).endsWith(": unknown key 'quarry.http.threads' is ignored"));
    }

    @Test
    void nullResetsToTheComputedDefault() {
        NodeConfig node = HoconConfigLoader.load(parse("quarry.query.max-memory-per-node = null")).config();

        assertThat(node.query().maxMemoryPerNodeBytes()).isEqualTo(QueryConfig.defaultMaxMemoryPerNodeBytes());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = directory.resolve("missing.conf");

        assertThatThrownBy(() -> HoconConfigLoader.loadFile(missing)).hasMessage(missing + ": is missing");
    }

    @Test
    void malformedFileIsNamed() throws IOException {
        Path file = directory.resolve("bad.conf");
        Files.writeString(file, "quarry { http.port = \n");

        assertThatThrownBy(() -> HoconConfigLoader.loadFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": is not valid HOCON");
    }

    @Test
    void rootMustBeAnObject() {
        assertThatThrownBy(() -> HoconConfigLoader.load(parse("quarry = 5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(": quarry: is not an object");
    }

    @Test
    void loadDefaultIsTheEmbeddedDefaultWithoutApplicationConf() {
        assertThat(withoutSources(HoconConfigLoader.loadDefault().config()))
                .isEqualTo(withoutSources(NodeConfig.embeddedDefault()));
    }

    private static Config parse(String hocon) {
        return ConfigFactory.parseString(hocon);
    }

    /** Catalog sources name the file they came from; compare the rest. */
    private static NodeConfig withoutSources(NodeConfig config) {
        List<CatalogConfig> catalogs = config.catalogs().stream()
                .map(c -> new CatalogConfig(c.name(), c.connectorName(), c.properties(), "-"))
                .sorted(Comparator.comparing(CatalogConfig::name))
                .toList();
        return config.toBuilder().catalogs(catalogs).build();
    }
}
