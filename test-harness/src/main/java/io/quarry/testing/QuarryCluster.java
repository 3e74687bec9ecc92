package io.quarry.testing;

import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import io.quarry.client.QuarryNode;
import io.quarry.config.CatalogConfig;
import io.quarry.config.HostAndPort;
import io.quarry.config.NodeConfig;
import io.quarry.http.server.HttpServer;
import io.quarry.http.server.HttpServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * Several Quarry nodes in one JVM, each its own actor system on 127.0.0.1 with real Artery and real
 * HTTP on free ports: a coordinator (which may also run tasks) and workers seeded by it. {@link #start}
 * returns once every node is an Up member of the cluster.
 */
public final class QuarryCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";

    /** One running node and its HTTP server. */
    public record Node(NodeConfig config, QuarryNode node, HttpServer http) {
        public URI uri() {
            return http.externalBaseUri();
        }
    }

    private final List<Node> nodes;

    private QuarryCluster(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** One node that is coordinator and worker. */
    public static QuarryCluster singleNode() {
        return start(0, true);
    }

    /** A coordinator that does not run tasks and {@code workers} workers. */
    public static QuarryCluster withWorkers(int workers) {
        return start(workers, false);
    }

    public static QuarryCluster start(int workers, boolean coordinatorRunsTasks) {
        List<Node> nodes = new ArrayList<>();
        try {
            Node coordinator = startNode(NodeConfig.builder()
                    .nodeId("coordinator")
                    .coordinator(true)
                    .includeCoordinator(coordinatorRunsTasks)
                    .seedNodes(List.of()));
            nodes.add(coordinator);
            int seedPort = (Integer) Cluster.get(coordinator.node().system()).selfMember().address().port().get();
            for (int i = 1; i <= workers; i++) {
                nodes.add(startNode(NodeConfig.builder()
                        .nodeId("worker-" + i)
                        .coordinator(false)
                        .seedNodes(List.of(new HostAndPort(LOOPBACK, seedPort)))));
            }
            QuarryCluster cluster = new QuarryCluster(nodes);
            cluster.awaitMembersUp(nodes.size());
            return cluster;
        } catch (RuntimeException e) {
            new QuarryCluster(nodes).close();
            throw e;
        }
    }

    private static Node startNode(NodeConfig.Builder builder) {
        NodeConfig config = builder
                .environment("test")
                .httpHost(LOOPBACK)
                .httpPort(freePort())
                .clusterHost(LOOPBACK)
                .clusterPort(0)
                .catalogs(List.of(CatalogConfig.of("tpch", "tpch", "test"), CatalogConfig.of("system", "system", "test")))
                .build();
        try {
            QuarryNode node = QuarryNode.start(config).toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HttpServer http = HttpServer.start(node.system(), node.service(), HttpServerSettings.of(
                            config.httpHost(), config.httpPort(), config.nodeId(), config.environment(),
                            config.coordinator(), Instant.now()))
                    .toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Node(config, node, http);
        } catch (Exception e) {
            throw new IllegalStateException("node " + config.nodeId() + " did not start: " + e.getMessage(), e);
        }
    }

    private void awaitMembersUp(int count) {
        Cluster cluster = Cluster.get(coordinator().node().system());
        Waits.until(START_TIMEOUT, "all " + count + " members up", () -> StreamSupport.stream(
                                cluster.state().getMembers().spliterator(), false)
                        .filter(member -> member.status() == MemberStatus.up())
                        .count()
                == count);
    }

    /** A port that was free a moment ago on the loopback address. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Node coordinator() {
        return nodes.get(0);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Node> workers() {
        return nodes.subList(1, nodes.size());
    }

    public URI coordinatorUri() {
        return coordinator().uri();
    }

    /** A statement client on the coordinator with session catalog and schema. */
    public StatementClient client(String catalog, String schema) {
        return StatementClient.forCatalog(coordinatorUri(), catalog, schema);
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            node.http().stop().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            node.node().close(Duration.ofSeconds(20));
        }
    }
}
