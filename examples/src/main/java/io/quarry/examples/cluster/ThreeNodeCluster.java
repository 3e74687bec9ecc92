package io.quarry.examples.cluster;

import io.quarry.client.ClusterNode;
import io.quarry.client.QuarryNode;
import io.quarry.config.HostAndPort;
import io.quarry.config.NodeConfig;
import io.quarry.http.server.HttpServer;
import io.quarry.http.server.HttpServerSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster from seed nodes, in one JVM for the example's sake: a coordinator on Artery port 25520 (the
 * seed) that runs no tasks, and two workers that join it. The coordinator serves HTTP on 8080. In
 * production each node is its own process started with {@code bin/quarry server --etc DIR}.
 */
public final class ThreeNodeCluster {
    private static final String HOST = "127.0.0.1";
    private static final int SEED_PORT = 25520;

    private ThreeNodeCluster() {}

    public static void main(String[] args) throws Exception {
        List<HostAndPort> seeds = List.of(new HostAndPort(HOST, SEED_PORT));
        List<QuarryNode> nodes = new ArrayList<>();
        NodeConfig coordinator = NodeConfig.embeddedDefault().toBuilder()
                .nodeId("coordinator")
                .includeCoordinator(false)
                .clusterPort(SEED_PORT)
                .seedNodes(seeds)
                .build();
        nodes.add(QuarryNode.start(coordinator).toCompletableFuture().get());
        for (int i = 1; i <= 2; i++) {
            NodeConfig worker = NodeConfig.embeddedDefault().toBuilder()
                    .nodeId("worker-" + i)
                    .coordinator(false)
                    .httpPort(8080 + i)
                    .clusterPort(SEED_PORT + i)
                    .seedNodes(seeds)
                    .build();
            nodes.add(QuarryNode.start(worker).toCompletableFuture().get());
        }
        QuarryNode first = nodes.get(0);
        HttpServer server = HttpServer.start(first.system(), first.service(), HttpServerSettings.of(
                        HOST, coordinator.httpPort(), coordinator.nodeId(), coordinator.environment(), true, Instant.now()))
                .toCompletableFuture()
                .get();
        for (ClusterNode node : first.service().nodes().toCompletableFuture().get()) {
            System.out.println("member " + node.nodeId() + " " + node.httpUri() + " " + node.roles());
        }
        System.out.println("Coordinator at " + server.externalBaseUri() + "; Ctrl-C stops the cluster.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(QuarryNode::close)));
        first.system().getWhenTerminated().toCompletableFuture().join();
    }
}
