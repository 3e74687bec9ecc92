package io.quarry.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quarry cluster of separate JVMs on 127.0.0.1, each started through {@code bin/quarry server --etc DIR}
 * from an {@code etc/} directory this class writes: a coordinator that runs no tasks and N workers, every
 * node listing the coordinator's and then every worker's Artery port as seeds, all in environment {@value #ENVIRONMENT}, with the {@code tpch} catalog.
 * Every HTTP and Artery port is probed free just before. {@link #start} returns once the coordinator answers
 * {@code /v1/info}, every worker answers too, and the coordinator's {@code /v1/node} lists every worker.
 *
 * <p>Directories and logs stay in {@link #directory()} after {@link #close()}, which stops (SIGTERM, then
 * SIGKILL after a grace period) exactly the processes this cluster started.
 */
public final class ProcessCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessCluster.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The {@code node.environment} of every node. */
    public static final String ENVIRONMENT = "test";

    /** How long {@link #start} waits for the cluster: three JVMs starting on two loaded cores are slow. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The wait between SIGTERM and SIGKILL in {@link #close()}: short, because a node cannot leave gracefully
     * while another is unreachable (a test killed it) until the split brain resolver downs everyone, and no
     * test needs that wait; {@code LauncherIT} covers a clean stop.
     */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** One node of the cluster: its id, HTTP base URI, Artery port and process. */
    public record Node(String nodeId, URI uri, int clusterPort, QuarryProcess process) {
        public Node {
            requireNonNull(nodeId, "nodeId is null");
            requireNonNull(uri, "uri is null");
            requireNonNull(process, "process is null");
        }
    }

    private final Path directory;
    private final UnaryOperator<EtcDirectory> customization;
    /** The {@code cluster.seed-nodes} of every node: the coordinator, then the workers started with the cluster. */
    private String seedNodes;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Node> started = new CopyOnWriteArrayList<>();
    private final Thread killOnExit;
    private Node coordinator;
    private final List<Node> workers = new ArrayList<>();

    private ProcessCluster(Path directory, UnaryOperator<EtcDirectory> customization) {
        this.directory = directory;
        this.customization = customization;
        // if the test JVM ends without close(), no node may outlive it
        this.killOnExit = new Thread(
                () -> started.forEach(node -> node.process().kill()), "process-cluster-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts a coordinator and {@code workers} workers and waits until the coordinator lists every worker. */
    public static ProcessCluster start(int workers) {
        return start(workers, Map.of());
    }

    /**
     * Starts a coordinator and {@code workers} workers, with {@code extraConfig} added to every node's
     * {@code config.properties} (e.g. shorter failure detection), and waits until the coordinator lists every
     * worker.
     */
    public static ProcessCluster start(int workers, Map<String, String> extraConfig) {
        Map<String, String> config = Map.copyOf(extraConfig);
        return start(workers, QuarryProcess.newWorkDirectory("cluster-"), etc -> {
            config.forEach(etc::config);
            return etc;
        }, START_TIMEOUT);
    }

    /**
     * Starts a coordinator and {@code workers} workers in {@code directory}, each node's etc directory passed
     * through {@code customization} (extra keys, JVM options) after this class has set its own keys, also for
     * the workers {@link #workerEtc} describes later; waits up to {@code startTimeout} until the coordinator lists
     * every worker.
     *
     * <p>Every node gets the same seed list: the coordinator first, then every worker. The coordinator, first
     * in its own list, forms the cluster when no other seed answers (its first start); restarted while workers
     * run, it joins them instead of forming a cluster of its own (docs/cluster.md, "Seed nodes").
     */
    public static ProcessCluster start(
            int workers, Path directory, UnaryOperator<EtcDirectory> customization, Duration startTimeout) {
        requireNonNull(directory, "directory is null");
        requireNonNull(customization, "customization is null");
        requireNonNull(startTimeout, "startTimeout is null");
        ProcessCluster cluster = new ProcessCluster(directory, customization);
        try {
            int coordinatorHttpPort = QuarryCluster.freePort();
            int coordinatorClusterPort = QuarryCluster.freePort();
            List<int[]> workerPorts = new ArrayList<>();
            StringBuilder seeds = new StringBuilder(LOOPBACK + ":" + coordinatorClusterPort);
            for (int i = 1; i <= workers; i++) {
                int[] ports = {QuarryCluster.freePort(), QuarryCluster.freePort()};
                workerPorts.add(ports);
                seeds.append(',').append(LOOPBACK).append(':').append(ports[1]);
            }
            cluster.seedNodes = seeds.toString();
            cluster.coordinator = cluster.startNode(customization.apply(EtcDirectory.of("coordinator", ENVIRONMENT)
                    .config("coordinator", "true")
                    .config("node-scheduler.include-coordinator", "false")
                    .config("http-server.http.host", LOOPBACK)
                    .config("http-server.http.port", Integer.toString(coordinatorHttpPort))
                    .config("discovery.uri", "http://" + LOOPBACK + ":" + coordinatorHttpPort)
                    .config("cluster.port", Integer.toString(coordinatorClusterPort))
                    .config("cluster.seed-nodes", cluster.seedNodes)));
            for (int i = 1; i <= workers; i++) {
                int[] ports = workerPorts.get(i - 1);
                cluster.workers.add(cluster.startNode(cluster.workerEtc("worker-" + i, ports[0], ports[1])));
            }
            cluster.awaitReady(startTimeout);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The etc directory of one more worker joining this cluster, with fresh ports; adjust it (another
     * environment, a bad key) and pass it to {@link #startNode}.
     */
    public EtcDirectory workerEtc(String nodeId) {
        return workerEtc(nodeId, QuarryCluster.freePort(), QuarryCluster.freePort());
    }

    private EtcDirectory workerEtc(String nodeId, int httpPort, int clusterPort) {
        URI coordinatorUri = coordinator().uri();
        return customization.apply(EtcDirectory.of(nodeId, ENVIRONMENT)
                .config("coordinator", "false")
                .config("http-server.http.host", LOOPBACK)
                .config("http-server.http.port", Integer.toString(httpPort))
                .config("discovery.uri", coordinatorUri.toString())
                .config("cluster.port", Integer.toString(clusterPort))
                .config("cluster.seed-nodes", seedNodes));
    }

    /**
     * Writes {@code etc} to {@code <directory>/<node id>/etc} and starts the node without waiting for it;
     * {@link #close()} stops it with the others.
     */
    public Node startNode(EtcDirectory etc) {
        String nodeId = etc.nodeId();
        Path etcDirectory = etc.writeTo(directory.resolve(nodeId).resolve("etc"));
        QuarryProcess process = QuarryProcess.start(nodeId, etcDirectory, directory);
        Node node = new Node(
                nodeId,
                URI.create("http://" + etc.configValue("http-server.http.host") + ":"
                        + etc.configValue("http-server.http.port")),
                Integer.parseInt(etc.configValue("cluster.port")),
                process);
        started.add(node);
        return node;
    }

    /**
     * Starts a node again from its etc directory (same id and ports) once its process has ended, without
     * waiting for it; the new process logs to {@code <node id>-restarted.log}.
     */
    public Node restart(Node node) {
        return restart(node, node.nodeId() + "-restarted");
    }

    /**
     * Like {@link #restart(Node)}, the new process logging to {@code <processName>.log}: give each restart of
     * a node its own name to keep every log.
     */
    public Node restart(Node node, String processName) {
        if (node.process().isAlive()) {
            throw new IllegalStateException("node " + node.nodeId() + " still runs (pid " + node.process().pid() + ")");
        }
        QuarryProcess process = QuarryProcess.start(processName, node.process().etcDirectory(), directory);
        Node restarted = new Node(node.nodeId(), node.uri(), node.clusterPort(), process);
        started.add(restarted);
        return restarted;
    }

    private void awaitReady(Duration timeout) {
        Set<String> workerUris = new HashSet<>();
        workers.forEach(worker -> workerUris.add(worker.uri().toString()));
        List<Node> expected = new ArrayList<>(workers);
        expected.add(coordinator);
        await(timeout, "the coordinator to answer /v1/info and list " + workers.size() + " workers", () -> {
            for (Node node : expected) {
                if (!node.process().isAlive()) {
                    throw new AssertionError("node " + node.nodeId() + " exited before the cluster was ready");
                }
            }
            if (getJson(coordinator.uri().resolve("/v1/info")).isEmpty()) {
                return false;
            }
            for (Node worker : workers) {
                if (getJson(worker.uri().resolve("/v1/info")).isEmpty()) {
                    return false;
                }
            }
            return getJson(coordinator.uri().resolve("/v1/node"))
                    .map(nodes -> {
                        Set<String> listed = new HashSet<>();
                        nodes.forEach(node -> listed.add(node.path("uri").asText()));
                        return listed.equals(workerUris);
                    })
                    .orElse(false);
        });
        log.info("Process cluster in {} is ready: coordinator {} and {} workers", directory, coordinator.uri(), workers.size());
    }

    /** Waits like {@link Waits#until}, with the tail of every node's log in the failure message. */
    public void await(Duration timeout, String what, BooleanSupplier condition) {
        try {
            Waits.until(timeout, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
        }
    }

    /** The JSON body of a GET (with a user header) when it answers 200; empty when it fails or answers otherwise. */
    public Optional<JsonNode> getJson(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("X-Trino-User", "test")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(MAPPER.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The coordinator's {@code /v1/node}. */
    public JsonNode nodes() {
        return getJson(coordinator.uri().resolve("/v1/node"))
                .orElseThrow(() -> new AssertionError("GET /v1/node failed\n" + diagnostics()));
    }

    /** The coordinator's {@code /v1/node/failed}. */
    public JsonNode failedNodes() {
        return getJson(coordinator.uri().resolve("/v1/node/failed"))
                .orElseThrow(() -> new AssertionError("GET /v1/node/failed failed\n" + diagnostics()));
    }

    public Node coordinator() {
        return coordinator;
    }

    /** The workers {@link #start} started (not those added with {@link #startNode}). */
    public List<Node> workers() {
        return List.copyOf(workers);
    }

    public URI coordinatorUri() {
        return coordinator.uri();
    }

    /** Where the etc directories and logs are. */
    public Path directory() {
        return directory;
    }

    /** A statement client on the coordinator with session catalog and schema. */
    public StatementClient client(String catalog, String schema) {
        return StatementClient.forCatalog(coordinatorUri(), catalog, schema);
    }

    /** The state and log tail of every node started, for assertion messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder("process cluster in ").append(directory).append('\n');
        started.forEach(node -> text.append(node.process().diagnostics()));
        return text.toString();
    }

    /** Stops every node this cluster started: SIGTERM to all, then SIGKILL to those still running after the grace. */
    @Override
    public void close() {
        List<Node> nodes = new ArrayList<>(started);
        nodes.forEach(node -> node.process().signalStop());
        for (Node node : nodes) {
            if (node.process().isAlive()) {
                node.process().stop(CLOSE_GRACE);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs and finds nothing alive
        }
    }
}
