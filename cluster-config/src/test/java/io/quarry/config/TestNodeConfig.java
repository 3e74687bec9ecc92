package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestNodeConfig {
    @Test
    void builderDefaults() {
        NodeConfig config = NodeConfig.builder().nodeId("n1").environment("test").build();

        assertThat(config.nodeId()).isEqualTo("n1");
        assertThat(config.environment()).isEqualTo("test");
        assertThat(config.coordinator()).isTrue();
        assertThat(config.includeCoordinator()).isTrue();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.internalAddress()).isEqualTo("127.0.0.1");
        assertThat(config.clusterHost()).isEqualTo("127.0.0.1");
        assertThat(config.clusterPort()).isZero();
        assertThat(config.seedNodes()).isEmpty();
        assertThat(config.discoveryUri()).isEmpty();
        assertThat(config.catalogs()).isEmpty();
        assertThat(config.query()).isEqualTo(QueryConfig.defaults());
        assertThat(config.sharedSecret()).isEmpty();
        assertThat(config.askTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.version()).isEqualTo("0.1.0");
    }

    @Test
    void queryDefaults() {
        QueryConfig query = QueryConfig.defaults();

        assertThat(query.maxMemoryBytes()).isEqualTo(20L * 1024 * 1024 * 1024);
        assertThat(query.maxMemoryPerNodeBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 10);
        assertThat(query.clientTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(query.minExpireAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(query.maxHistory()).isEqualTo(100);
        assertThat(query.maxRunTime()).isEqualTo(Duration.ofDays(100));
        assertThat(query.maxConcurrentQueries()).isEqualTo(1000);
        assertThat(query.maxQueuedQueries()).isEqualTo(5000);
    }

    @Test
    void embeddedDefault() {
        NodeConfig config = NodeConfig.embeddedDefault();

        assertThat(config.nodeId()).isEqualTo("embedded");
        assertThat(config.environment()).isEqualTo("quarry");
        assertThat(config.coordinator()).isTrue();
        assertThat(config.runsTasks()).isTrue();
        assertThat(config.httpBaseUri()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.clusterPort()).isZero();
        assertThat(config.seedNodes()).isEmpty();
        assertThat(config.catalogs())
                .extracting(CatalogConfig::name, CatalogConfig::connectorName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tpch", "tpch"),
                        org.assertj.core.groups.Tuple.tuple("system", "system"),
                        org.assertj.core.groups.Tuple.tuple("memory", "memory"));
    }

    @Test
    void internalAddressAndClusterHostFollowTheHttpHost() {
        NodeConfig onlyHttp = NodeConfig.builder().nodeId("n").environment("e").httpHost("10.0.0.5").build();
        assertThat(onlyHttp.internalAddress()).isEqualTo("10.0.0.5");
        assertThat(onlyHttp.clusterHost()).isEqualTo("10.0.0.5");

        NodeConfig withInternal = NodeConfig.builder()
                .nodeId("n")
                .environment("e")
                .httpHost("0.0.0.0")
                .internalAddress("node-1.example.com")
                .build();
        assertThat(withInternal.clusterHost()).isEqualTo("node-1.example.com");
        assertThat(withInternal.httpBaseUri()).isEqualTo(URI.create("http://node-1.example.com:8080"));

        NodeConfig withClusterHost = withInternal.toBuilder().clusterHost("10.1.1.1").build();
        assertThat(withClusterHost.internalAddress()).isEqualTo("node-1.example.com");
        assertThat(withClusterHost.clusterHost()).isEqualTo("10.1.1.1");
    }

    @Test
    void runsTasks() {
        NodeConfig.Builder builder = NodeConfig.builder().nodeId("n").environment("e");
        assertThat(builder.coordinator(true).includeCoordinator(true).build().runsTasks()).isTrue();
        assertThat(builder.coordinator(true).includeCoordinator(false).build().runsTasks()).isFalse();
        assertThat(builder.coordinator(false).includeCoordinator(false).build().runsTasks()).isTrue();
        assertThat(builder.coordinator(false).includeCoordinator(true).build().runsTasks()).isTrue();
    }

    @Test
    void httpBaseUriBracketsIpv6() {
        NodeConfig config = NodeConfig.builder().nodeId("n").environment("e").httpHost("::1").httpPort(9000).build();
        assertThat(config.httpBaseUri()).isEqualTo(URI.create("http://[::1]:9000"));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        NodeConfig config = NodeConfig.builder()
                .nodeId("worker-7")
                .environment("prod")
                .coordinator(false)
                .includeCoordinator(false)
                .httpHost("10.0.0.7")
                .httpPort(8081)
                .internalAddress("w7.example.com")
                .clusterHost("10.0.0.70")
                .clusterPort(2552)
                .seedNodes(List.of(new HostAndPort("10.0.0.1", 2552)))
                .discoveryUri(URI.create("http://10.0.0.1:8080"))
                .catalogs(List.of(new CatalogConfig("sales", "memory", Map.of("a", "b"), "x")))
                .query(QueryConfig.builder().maxHistory(7).build())
                .sharedSecret("s3cret")
                .askTimeout(Duration.ofSeconds(3))
                .version("9.9.9")
                .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.sharedSecret()).isEqualTo(Optional.of("s3cret"));
    }

    @Test
    void rejectsInvalidValues() {
        NodeConfig.Builder valid = NodeConfig.builder().nodeId("n").environment("e");
        assertThatThrownBy(() -> valid.nodeId("-bad").build()).hasMessageContaining("nodeId '-bad'");
        assertThatThrownBy(() -> NodeConfig.builder().nodeId("n").environment("Prod").build())
                .hasMessageContaining("environment 'Prod'");
        assertThatThrownBy(() -> NodeConfig.builder().nodeId("n").environment("e").httpPort(70000).build())
                .hasMessageContaining("httpPort");
        assertThatThrownBy(() -> NodeConfig.builder().nodeId("n").environment("e").httpHost("a b").build())
                .hasMessageContaining("httpHost 'a b'");
        assertThatThrownBy(() -> NodeConfig.builder()
                        .nodeId("n")
                        .environment("e")
                        .catalogs(List.of(CatalogConfig.of("a", "tpch", "x"), CatalogConfig.of("a", "memory", "y")))
                        .build())
                .hasMessageContaining("catalog 'a' is configured twice");
        assertThatThrownBy(() -> NodeConfig.builder()
                        .nodeId("n")
                        .environment("e")
                        .discoveryUri(URI.create("ftp://host/"))
                        .build())
                .hasMessageContaining("not an absolute http URI");
        assertThatThrownBy(() -> NodeConfig.builder()
                        .nodeId("n")
                        .environment("e")
                        .askTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("askTimeout");
        assertThatThrownBy(() -> NodeConfig.builder().environment("e").build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void queryConfigRejectsInvalidValues() {
        assertThatThrownBy(() -> QueryConfig.builder().maxMemoryBytes(0).build()).hasMessageContaining("maxMemoryBytes");
        assertThatThrownBy(() -> QueryConfig.builder().maxConcurrentQueries(0).build())
                .hasMessageContaining("maxConcurrentQueries");
        assertThatThrownBy(() -> QueryConfig.builder().clientTimeout(Duration.ZERO).build())
                .hasMessageContaining("clientTimeout");
        assertThat(QueryConfig.builder().maxQueuedQueries(0).minExpireAge(Duration.ZERO).build().maxQueuedQueries())
                .isZero();
    }

    @Test
    void catalogConfigIsImmutableAndChecked() {
        CatalogConfig catalog = new CatalogConfig("sales", "memory", Map.of("b", "2", "a", "1"), "etc/catalog/sales.properties");
        assertThat(catalog.properties()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> catalog.properties().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CatalogConfig.of("Sales", "memory", "x")).hasMessageContaining("'Sales'");
        assertThatThrownBy(() -> CatalogConfig.of("sales", " ", "x")).hasMessageContaining("blank");
    }
}
