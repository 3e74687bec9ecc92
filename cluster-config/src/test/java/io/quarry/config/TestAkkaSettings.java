package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestAkkaSettings {
    private static final NodeConfig WORKER = NodeConfig.builder()
            .nodeId("worker-7")
            .environment("production")
            .coordinator(false)
            .httpHost("10.0.0.7")
            .httpPort(8081)
            .clusterPort(2552)
            .seedNodes(List.of(new HostAndPort("10.0.0.1", 2552), new HostAndPort("10.0.0.2", 2553)))
            .build();

    @Test
    void clusterAndRemoting() {
        Config akka = AkkaSettings.forNode(WORKER, ConfigFactory.empty());

        assertThat(akka.getString("akka.actor.provider")).isEqualTo("cluster");
        assertThat(akka.getBoolean("akka.actor.allow-java-serialization")).isFalse();
        assertThat(akka.getString("akka.remote.artery.transport")).isEqualTo("tcp");
        assertThat(akka.getString("akka.remote.artery.canonical.hostname")).isEqualTo("10.0.0.7");
        assertThat(akka.getInt("akka.remote.artery.canonical.port")).isEqualTo(2552);
        assertThat(akka.getString("akka.remote.artery.bind.hostname")).isEqualTo("10.0.0.7");
        assertThat(akka.getStringList("akka.cluster.seed-nodes"))
                .containsExactly("akka://quarry@10.0.0.1:2552", "akka://quarry@10.0.0.2:2553");
        assertThat(akka.hasPath("akka.remote.artery.advanced.maximum-frame-size")).isFalse();
    }

    @Test
    void loggingGoesThroughSlf4j() {
        Config akka = AkkaSettings.forNode(WORKER, ConfigFactory.empty());

        assertThat(akka.getStringList("akka.loggers")).containsExactly("akka.event.slf4j.Slf4jLogger");
        assertThat(akka.getString("akka.logging-filter")).isEqualTo("akka.event.slf4j.Slf4jLoggingFilter");
        assertThat(akka.getString("akka.loglevel")).isEqualTo("INFO");
    }

    @Test
    void downingAndFailureDetection() {
        Config akka = AkkaSettings.forNode(WORKER, ConfigFactory.empty());

        assertThat(akka.getString("akka.cluster.downing-provider-class"))
                .isEqualTo("akka.cluster.sbr.SplitBrainResolverProvider");
        assertThat(akka.getString("akka.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-majority");
        assertThat(akka.getString("akka.cluster.split-brain-resolver.keep-majority.role")).as("every member counts").isEmpty();
        assertThat(akka.getDuration("akka.cluster.split-brain-resolver.stable-after")).isEqualTo(Duration.ofSeconds(7));
        assertThat(akka.getDuration("akka.cluster.failure-detector.heartbeat-interval")).isEqualTo(Duration.ofSeconds(1));
        assertThat(akka.getDuration("akka.cluster.failure-detector.acceptable-heartbeat-pause"))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(akka.getBoolean("akka.cluster.jmx.multi-mbeans-in-same-jvm")).isTrue();
        assertThat(akka.getBoolean("akka.coordinated-shutdown.exit-jvm")).isFalse();
    }

    @Test
    void membershipSettingsReachAkka() {
        NodeConfig fast = WORKER.toBuilder()
                .membership(new MembershipConfig(
                        Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ZERO, true))
                .build();
        Config akka = AkkaSettings.forNode(fast, ConfigFactory.empty());

        assertThat(akka.getDuration("akka.cluster.seed-node-timeout")).isEqualTo(Duration.ofSeconds(20));
        assertThat(akka.getDuration("akka.cluster.split-brain-resolver.stable-after")).isEqualTo(Duration.ofSeconds(2));
        assertThat(akka.getDuration("akka.cluster.failure-detector.acceptable-heartbeat-pause"))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(akka.getDuration(AkkaSettings.COORDINATOR_LOST_TIMEOUT_KEY)).isEqualTo(Duration.ZERO);
        assertThat(akka.getBoolean("akka.remote.artery.advanced.test-mode")).isTrue();
        assertThat(AkkaSettings.forNode(WORKER, ConfigFactory.empty()).hasPath("akka.remote.artery.advanced.test-mode"))
                .as("test mode only when asked for")
                .isFalse();
        assertThat(AkkaSettings.forNode(WORKER, ConfigFactory.empty()).getDuration(AkkaSettings.COORDINATOR_LOST_TIMEOUT_KEY))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rolesCarryTheNodesIdentity() {
        Config akka = AkkaSettings.forNode(WORKER, ConfigFactory.empty());

        assertThat(akka.getStringList("akka.cluster.roles"))
                .containsExactly("worker", "node-id:worker-7", "env:production", "http:http://10.0.0.7:8081");
    }

    @Test
    void coordinatorRoles() {
        NodeConfig both = NodeConfig.embeddedDefault();
        NodeConfig coordinatorOnly = both.toBuilder().includeCoordinator(false).build();

        assertThat(AkkaSettings.forNode(both, ConfigFactory.empty()).getStringList("akka.cluster.roles"))
                .startsWith("coordinator", "worker");
        assertThat(AkkaSettings.forNode(coordinatorOnly, ConfigFactory.empty()).getStringList("akka.cluster.roles"))
                .startsWith("coordinator", "node-id:embedded")
                .doesNotContain("worker");
    }

    @Test
    void noSeedNodesIsAnEmptyList() {
        Config akka = AkkaSettings.forNode(NodeConfig.embeddedDefault(), ConfigFactory.empty());

        assertThat(akka.getStringList("akka.cluster.seed-nodes")).isEmpty();
        assertThat(akka.getInt("akka.remote.artery.canonical.port")).isZero();
    }

    @Test
    void nodeSettingsWinOverTheFallback() {
        Config fallback = ConfigFactory.parseString("""
                akka.remote.artery.canonical.port = 9999
                akka.actor.serializers.kryo = "io.quarry.Kryo"
                """);

        Config akka = AkkaSettings.forNode(WORKER, fallback);

        assertThat(akka.getInt("akka.remote.artery.canonical.port")).isEqualTo(2552);
        assertThat(akka.getString("akka.actor.serializers.kryo")).isEqualTo("io.quarry.Kryo");
    }

    @Test
    void defaultFallbackIsTheLoadedConfiguration() {
        Config akka = AkkaSettings.forNode(WORKER);

        // this module's reference.conf is part of ConfigFactory.load()
        assertThat(akka.getString("quarry.node-id")).isEqualTo("embedded");
        assertThat(akka.getInt("akka.remote.artery.canonical.port")).isEqualTo(2552);
    }

    @Test
    void rolesParseBack() {
        ClusterRoles roles = ClusterRoles.of(WORKER);
        List<String> withDataCenter = new java.util.ArrayList<>(roles.toRoles());
        withDataCenter.add("dc-default");

        assertThat(ClusterRoles.parse(withDataCenter)).contains(roles);
        assertThat(roles).isEqualTo(new ClusterRoles(false, true, "worker-7", "production", URI.create("http://10.0.0.7:8081")));
    }

    @Test
    void membersWithoutQuarryRolesAreNotNodes() {
        assertThat(ClusterRoles.parse(Set.of("worker", "dc-default"))).isEmpty();
        assertThat(ClusterRoles.parse(Set.of("node-id:a", "env:b"))).isEmpty();
        assertThat(ClusterRoles.parse(Set.of("node-id:a", "env:b", "http:not a uri"))).isEmpty();
    }
}
