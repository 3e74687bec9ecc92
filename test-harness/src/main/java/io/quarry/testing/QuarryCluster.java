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
import io.quarry.spi.TaskId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;

/**
 * Several Quarry nodes in one JVM, each its own actor system on 127.0.0.1 with real Artery and real
 * HTTP on free ports: a coordinator (which may also run tasks) and workers seeded by it. {@link #start}
 * returns once every node is an Up member of the cluster.
 */
public final class QuarryCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 5;

    /** One running node and its HTTP server. */
    public record Node(NodeConfig config, QuarryNode node, HttpServer http) {
        public URI uri() {
            return http.externalBaseUri();
        }

        /** The tasks that exist on this node now (empty on a node that runs none). */
        public List<TaskId> tasks() {
            return node.service().tasks().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
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

    /** One node that is coordinator and worker, its configuration changed by {@code customizer}. */
    public static QuarryCluster singleNode(UnaryOperator<NodeConfig.Builder> customizer) {
        return start(0, true, customizer);
    }

    /** A coordinator that does not run tasks and {@code workers} workers. */
    public static QuarryCluster withWorkers(int workers) {
        return start(workers, false);
    }

    public static QuarryCluster start(int workers, boolean coordinatorRunsTasks) {
        return start(workers, coordinatorRunsTasks, UnaryOperator.identity());
    }

    /**
     * A coordinator and {@code workers} workers; {@code customizer} changes every node's configuration
     * after the cluster's own settings (e.g. {@code builder -> builder.query(...)} for query limits).
     */
    public static QuarryCluster start(
            int workers, boolean coordinatorRunsTasks, UnaryOperator<NodeConfig.Builder> customizer) {
        List<Node> nodes = new ArrayList<>();
        try {
            Node coordinator = startNode(NodeConfig.builder()
                    .nodeId("coordinator")
                    .coordinator(true)
                    .includeCoordinator(coordinatorRunsTasks)
                    .seedNodes(List.of()), customizer);
            nodes.add(coordinator);
            int seedPort = (Integer) Cluster.get(coordinator.node().system()).selfMember().address().port().get();
            for (int i = 1; i <= workers; i++) {
                nodes.add(startNode(NodeConfig.builder()
                        .nodeId("worker-" + i)
                        .coordinator(false)
                        .seedNodes(List.of(new HostAndPort(LOOPBACK, seedPort))), customizer));
            }
            QuarryCluster cluster = new QuarryCluster(nodes);
            cluster.awaitMembersUp(nodes.size());
            cluster.awaitTaskNodes(workers + (coordinatorRunsTasks ? 1 : 0));
            return cluster;
        } catch (RuntimeException e) {
            new QuarryCluster(nodes).close();
            throw e;
        }
    }

    private static Node startNode(NodeConfig.Builder builder, UnaryOperator<NodeConfig.Builder> customizer) {
        // A probed port can be taken (e.g. by an outgoing connection) before the server binds it: try again.
        for (int attempt = 1; ; attempt++) {
            NodeConfig config = customizer.apply(builder
                            .environment("test")
                            .httpHost(LOOPBACK)
                            .httpPort(freePort())
                            .clusterHost(LOOPBACK)
                            .clusterPort(0)
                            .catalogs(List.of(
                                    CatalogConfig.of("tpch", "tpch", "test"), CatalogConfig.of("system", "system", "test"),
                                    CatalogConfig.of("memory", "memory", "test"))))
                    .build();
            QuarryNode node;
            try {
                node = QuarryNode.start(config).toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("node " + config.nodeId() + " did not start: " + e.getMessage(), e);
            }
            try {
                HttpServer http = HttpServer.start(node.system(), node.service(), HttpServerSettings.of(
                                config.httpHost(), config.httpPort(), config.nodeId(), config.environment(),
                                config.coordinator(), Instant.now())
                        .withSharedSecret(config.sharedSecret()))
                        .toCompletableFuture()
                        .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return new Node(config, node, http);
            } catch (Exception e) {
                node.close();
                if (attempt >= BIND_ATTEMPTS) {
                    throw new IllegalStateException("node " + config.nodeId() + " did not start: " + e.getMessage(), e);
                }
            }
        }
    }


    /** Waits until every node sees every member Up: gossip reaches the nodes one after another. */
    private void awaitMembersUp(int count) {
        for (Node node : nodes) {
            Cluster cluster = Cluster.get(node.node().system());
            Waits.until(START_TIMEOUT, node.config().nodeId() + " to see all " + count + " members up", () -> StreamSupport.stream(
                                    cluster.state().getMembers().spliterator(), false)
                            .filter(member -> member.status() == MemberStatus.up())
                            .count()
                    == count);
        }
    }

    /**
     * Waits until the coordinator places a query's source stage on all {@code count} nodes that run tasks:
     * an Up member is not schedulable before the coordinator's registry has its task manager (found through
     * the Receptionist, a moment later). The probe queries also warm the JVM up for the tests.
     */
    private void awaitTaskNodes(int count) {
        StatementClient client = client("tpch", "tiny");
        String[] last = {"none"};
        try {
            Waits.until(START_TIMEOUT, count + " nodes running tasks", () -> {
                StatementClient.Result result = client.execute("SELECT count(*) FROM region");
                if (result.error().isPresent()) {
                    last[0] = result.errorName();
                    return false;
                }
                int nodes = result.finalStats().path("nodes").asInt();
                last[0] = nodes + " nodes";
                return nodes == count;
            });
        } catch (AssertionError e) {
            throw new IllegalStateException(e.getMessage() + " (last probe: " + last[0] + ")", e);
        }
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

    /** The tasks of every node now, by node id. */
    public Map<String, List<TaskId>> tasksByNode() {
        Map<String, List<TaskId>> tasks = new LinkedHashMap<>();
        for (Node node : nodes) {
            tasks.put(node.config().nodeId(), node.tasks());
        }
        return tasks;
    }

    /** The tasks of query {@code queryId} on every node now, by node id (nodes without any are left out). */
    public Map<String, List<TaskId>> tasksOf(String queryId) {
        Map<String, List<TaskId>> tasks = new LinkedHashMap<>();
        tasksByNode().forEach((node, list) -> {
            List<TaskId> ofQuery = list.stream()
                    .filter(task -> task.queryId().toString().equals(queryId))
                    .toList();
            if (!ofQuery.isEmpty()) {
                tasks.put(node, ofQuery);
            }
        });
        return tasks;
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
