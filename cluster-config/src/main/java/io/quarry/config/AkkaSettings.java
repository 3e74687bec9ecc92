package io.quarry.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Akka configuration of a node's ActorSystem, named {@value #SYSTEM_NAME}: cluster provider, Artery TCP
 * on the node's cluster host and port, SLF4J logging, no Java serialization, the split brain resolver
 * (keep-majority over all members; docs/cluster.md explains the choice), a failure detector that notices a
 * lost node within a few seconds, and the seed nodes. The resolver's stable period and the detector's
 * acceptable pause come from {@link NodeConfig#membership()}.
 *
 * <p>The node's identity travels in its cluster roles (see {@link ClusterRoles}): {@code coordinator} and/or
 * {@code worker}, {@code node-id:<id>}, {@code env:<environment>} and {@code http:<base uri>}; the runtime
 * reads them back from each member with {@link ClusterRoles#parse}. With HTTP port 0, bind HTTP first and
 * pass the configuration with the bound port ({@code config.toBuilder().httpPort(bound).build()}), so that
 * the advertised URI is right.
 *
 * <p>With no seed nodes the list is empty and the runtime joins the node to itself.
 */
public final class AkkaSettings {
    /**
     * The Akka configuration key holding {@link MembershipConfig#coordinatorLostTimeout()}, which the
     * task manager reads from its actor system's settings.
     */
    public static final String COORDINATOR_LOST_TIMEOUT_KEY = "quarry-cluster.coordinator-lost-timeout";

    /** The name of every Quarry node's ActorSystem; seed node addresses carry it. */
    public static final String SYSTEM_NAME = "quarry";

    private AkkaSettings() {}

    /** The node's settings over {@link ConfigFactory#load()} (system properties, application.conf, reference.conf). */
    public static Config forNode(NodeConfig config) {
        return forNode(config, ConfigFactory.load());
    }

    /** The node's settings over the given fallback. */
    public static Config forNode(NodeConfig config, Config fallback) {
        requireNonNull(config, "config is null");
        requireNonNull(fallback, "fallback is null");
        return ConfigFactory.parseMap(settings(config), "Quarry settings of node " + config.nodeId())
                .withFallback(fallback)
                .resolve();
    }

    /** The Akka addresses of the seed nodes: {@code akka://quarry@host:port}. */
    public static List<String> seedNodeAddresses(NodeConfig config) {
        List<String> addresses = new ArrayList<>();
        for (HostAndPort seed : config.seedNodes()) {
            addresses.add("akka://" + SYSTEM_NAME + "@" + seed);
        }
        return List.copyOf(addresses);
    }

    private static Map<String, Object> settings(NodeConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("akka.loggers", List.of("akka.event.slf4j.Slf4jLogger"));
        settings.put("akka.logging-filter", "akka.event.slf4j.Slf4jLoggingFilter");
        settings.put("akka.loglevel", "INFO");
        settings.put("akka.actor.provider", "cluster");
        settings.put("akka.actor.allow-java-serialization", "off");

        settings.put("akka.remote.artery.transport", "tcp");
        settings.put("akka.remote.artery.canonical.hostname", config.clusterHost());
        settings.put("akka.remote.artery.canonical.port", config.clusterPort());
        settings.put("akka.remote.artery.bind.hostname", config.clusterHost());

        settings.put("akka.cluster.roles", ClusterRoles.of(config).toRoles());
        settings.put("akka.cluster.seed-nodes", seedNodeAddresses(config));
        // how long the first seed (the coordinator) waits for the others before it forms a cluster of its own:
        // a restarted coordinator must reach the running workers first, which takes a few seconds when loaded
        settings.put("akka.cluster.seed-node-timeout", millis(config.membership().seedNodeTimeout()));
        settings.put("akka.cluster.downing-provider-class", "akka.cluster.sbr.SplitBrainResolverProvider");
        // Every member counts, the coordinator too: the side of a partition holding more than half of the
        // members survives; a coordinator that dies alone leaves its workers the majority (docs/cluster.md).
        settings.put("akka.cluster.split-brain-resolver.active-strategy", "keep-majority");
        settings.put("akka.cluster.split-brain-resolver.keep-majority.role", "");
        MembershipConfig failures = config.membership();
        settings.put("akka.cluster.split-brain-resolver.stable-after", millis(failures.stableAfter()));
        // a lost node is noticed within a few seconds, so that its tasks fail or move quickly
        settings.put("akka.cluster.failure-detector.heartbeat-interval", "1s");
        settings.put("akka.cluster.failure-detector.acceptable-heartbeat-pause", millis(failures.acceptableHeartbeatPause()));
        settings.put(COORDINATOR_LOST_TIMEOUT_KEY, millis(failures.coordinatorLostTimeout()));
        if (failures.transportTestMode()) {
            // lets a test blackhole the links between nodes; never set from a configuration file
            settings.put("akka.remote.artery.advanced.test-mode", "on");
        }
        // several nodes in one JVM (tests, the embedded multi-node examples)
        settings.put("akka.cluster.jmx.multi-mbeans-in-same-jvm", "on");
        // the launcher decides when the JVM exits, not Akka
        settings.put("akka.coordinated-shutdown.exit-jvm", "off");
        return settings;
    }

    private static String millis(java.time.Duration duration) {
        return duration.toMillis() + "ms";
    }
}
