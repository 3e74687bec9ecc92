package io.quarry.http.server;

import io.quarry.client.QuarryNode;
import io.quarry.config.ConfigException;
import io.quarry.config.EtcConfigLoader;
import io.quarry.config.LoadedConfig;
import io.quarry.config.NodeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code quarry} command: {@code quarry server [--etc DIR]} runs a node in the foreground until
 * Ctrl-C or SIGTERM, then leaves the cluster and stops. Without {@code --etc} it runs the embedded
 * default. Configuration and start-up problems are one line on standard error and a non-zero exit.
 */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        version = NodeConfig.VERSION,
        description = "A distributed SQL query runtime speaking the openLooKeng REST API.",
        subcommands = QuarryServer.Server.class)
public final class QuarryServer implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(QuarryServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    public static void main(String[] args) {
        System.exit(new CommandLine(new QuarryServer()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return 2;
    }

    @Command(name = "server", mixinStandardHelpOptions = true, description = "Run a Quarry node in the foreground.")
    static final class Server implements Callable<Integer> {
        @Option(names = "--etc", paramLabel = "DIR", description = "An openLooKeng-style etc/ directory (default: the embedded single node)")
        Path etc;

        @Override
        public Integer call() {
            NodeConfig config;
            try {
                LoadedConfig loaded = etc == null
                        ? new LoadedConfig(NodeConfig.embeddedDefault(), List.of())
                        : EtcConfigLoader.load(etc);
                loaded.warnings().forEach(warning -> log.warn("{}", warning));
                config = loaded.config();
            } catch (ConfigException e) {
                System.err.println("quarry: " + e.getMessage());
                return 2;
            }
            if (!portIsFree(config.httpHost(), config.httpPort())) {
                System.err.println("quarry: cannot start: port " + config.httpPort() + " on " + config.httpHost()
                        + " is already in use");
                return 1;
            }
            return run(config);
        }

        private static int run(NodeConfig config) {
            Instant startTime = Instant.now();
            QuarryNode node;
            try {
                node = QuarryNode.start(config).toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                System.err.println("quarry: cannot start node " + config.nodeId() + ": " + rootMessage(e));
                return 1;
            } catch (TimeoutException e) {
                // the cluster refused the node (another node.environment), or no seed node answered
                System.err.println("quarry: cannot start node " + config.nodeId() + ": it did not join the cluster within "
                        + START_TIMEOUT.toSeconds() + " s (seed nodes " + config.seedNodes()
                        + "); the log says why");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            HttpServer server;
            try {
                server = HttpServer.start(node.system(), node.service(), HttpServerSettings.of(
                                config.httpHost(), config.httpPort(), config.nodeId(), config.environment(),
                                config.coordinator(), startTime)
                        .withSharedSecret(config.sharedSecret()))
                        .toCompletableFuture()
                        .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("quarry: cannot start: " + rootMessage(e));
                node.close();
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.close();
                return 1;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("Node {} stopping", config.nodeId());
                server.stop().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
                node.close(Duration.ofSeconds(20));
                stopped.countDown();
            }, "quarry-shutdown"));
            node.warmUpInBackground();
            log.info("Quarry {} node {} ready in {} ms: {} ({}{}, environment {})",
                    NodeConfig.VERSION,
                    config.nodeId(),
                    Duration.between(startTime, Instant.now()).toMillis(),
                    server.externalBaseUri(),
                    config.coordinator() ? "coordinator" : "worker",
                    config.coordinator() && config.runsTasks() ? " and worker" : "",
                    config.environment());
            node.system().getWhenTerminated().toCompletableFuture().join();
            try {
                // When the node stopped on its own (not through a signal), end the process too.
                stopped.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }

        private static boolean portIsFree(String host, int port) {
            if (port == 0) {
                return true;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String rootMessage(Throwable error) {
            Throwable current = error;
            while (current.getCause() != null) {
                current = current.getCause();
            }
            return current.getMessage() == null ? current.toString() : current.getMessage();
        }
    }
}
