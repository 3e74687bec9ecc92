package io.quarry.examples.embedded;

import io.quarry.client.QuarryNode;
import io.quarry.config.NodeConfig;
import io.quarry.http.server.HttpServer;
import io.quarry.http.server.HttpServerSettings;
import java.time.Instant;

/**
 * The embedded default inside your own program: one node that is coordinator and worker, with the
 * {@code tpch} catalog, serving the REST API on http://127.0.0.1:8080 until the JVM stops.
 */
public final class EmbeddedServer {
    private EmbeddedServer() {}

    public static void main(String[] args) throws Exception {
        NodeConfig config = NodeConfig.embeddedDefault();
        QuarryNode node = QuarryNode.start(config).toCompletableFuture().get();
        HttpServer server = HttpServer.start(node.system(), node.service(), HttpServerSettings.of(
                        config.httpHost(), config.httpPort(), config.nodeId(), config.environment(), true, Instant.now()))
                .toCompletableFuture()
                .get();
        System.out.println("Quarry is serving " + server.externalBaseUri() + " — try:");
        System.out.println("  curl -s -X POST -H 'X-Trino-User: me' --data 'SELECT 1' " + server.externalBaseUri() + "/v1/statement");
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        node.system().getWhenTerminated().toCompletableFuture().join();
    }
}
