package io.quarry.client;

import static java.util.Objects.requireNonNull;

import akka.actor.Address;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import io.quarry.actor.EnvironmentCompatChecker;
import io.quarry.actor.NodeGuardian;
import io.quarry.actor.NodeRegistry;
import io.quarry.actor.PlannerWarmUp;
import io.quarry.actor.QueryActor;
import io.quarry.actor.QueryManager;
import io.quarry.exec.memory.NodeMemoryPool;
import io.quarry.actor.SqlStatementPlanner;
import io.quarry.actor.TaskManager;
import io.quarry.config.AkkaSettings;
import io.quarry.config.CatalogConfig;
import io.quarry.config.NodeConfig;
import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.connector.system.SystemConnectorFactory;
import io.quarry.sql.SqlPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Quarry node: its actor system (a member of the cluster), its catalogs and executors, and
 * the {@link QuarryService} to talk to it. {@link #start} completes when the node is an Up member of the
 * cluster; {@link #close} leaves the cluster and stops everything.
 */
public final class QuarryNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuarryNode.class);
    /** Bytes a task's output buffer may hold before its drivers wait for consumers. */
    /** Rounds of {@link PlannerWarmUp} at start (about ten seconds of one core, most of it in the first rounds). */
    private static final int WARM_UP_ROUNDS = 20;
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(20);
    private static final long OUTPUT_BUFFER_BYTES = 32L * 1024 * 1024;
    /** Bytes of results the coordinator holds per query for a slow client. */
    private static final long CLIENT_BUFFER_BYTES = 16L * 1024 * 1024;
    private static final int SPLITS_PER_WORKER = 4;
    private static final long REGISTRATION_POLL_MILLIS = 20;

    private final NodeConfig config;
    private final ActorSystem<NodeGuardian.Command> system;
    private final QuarryService service;
    private final ExecutorService drivers;
    private final ExecutorService planning;
    private final Optional<NodeMemoryPool> memoryPool;
    private final CatalogManager catalogs;

    private QuarryNode(
            CatalogManager catalogs,
            NodeConfig config,
            ActorSystem<NodeGuardian.Command> system,
            QuarryService service,
            ExecutorService drivers,
            ExecutorService planning,
            Optional<NodeMemoryPool> memoryPool) {
        this.catalogs = catalogs;
        this.config = config;
        this.memoryPool = memoryPool;
        this.system = system;
        this.service = service;
        this.drivers = drivers;
        this.planning = planning;
    }

    /**
     * The configured catalogs, and {@code system} when none is named so: as in Trino every node has it, for the
     * clients' metadata calls (the JDBC drivers read {@code system.jdbc}) and the cluster's own tables.
     */
    private static List<CatalogEntry> withSystemCatalog(NodeConfig config) {
        List<CatalogEntry> entries = new ArrayList<>(config.catalogs().stream().map(QuarryNode::toEntry).toList());
        if (entries.stream().noneMatch(entry -> entry.catalogName().equals(SystemConnectorFactory.NAME))) {
            entries.add(new CatalogEntry(SystemConnectorFactory.NAME, SystemConnectorFactory.NAME, Map.of()));
        }
        return entries;
    }

    /** Starts a node; the stage completes once it is an Up member of its cluster. */
    public static CompletionStage<QuarryNode> start(NodeConfig config) {
        requireNonNull(config, "config is null");
        NodeConnectorContext connectorContext = new NodeConnectorContext(config.nodeId(), config.askTimeout());
        CatalogManager catalogs = CatalogManager.withBuiltInConnectors(withSystemCatalog(config), connectorContext);
        catalogs.warnings().forEach(warning -> log.warn("{}", warning));
        ExecutorService drivers = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), daemonThreads("quarry-driver-" + config.nodeId(), 0));
        ExecutorService planning = Executors.newFixedThreadPool(2, daemonThreads("quarry-planner-" + config.nodeId(), PLANNER_STACK_BYTES));

        Optional<NodeMemoryPool> memoryPool = config.runsTasks()
                ? Optional.of(NodeMemoryPool.forHeap(config.query().maxMemoryPerNodeBytes()))
                : Optional.empty();
        Optional<TaskManager.Settings> worker = memoryPool.map(pool -> new TaskManager.Settings(
                config.nodeId(), catalogs, drivers, OUTPUT_BUFFER_BYTES, config.askTimeout(), pool));
        SqlStatementPlanner planner = new SqlStatementPlanner(catalogs);
        NodeGuardian.Settings settings = new NodeGuardian.Settings(
                config.coordinator()
                        ? Optional.of(registry -> new QueryManager.Settings(
                                new QueryActor.Settings(
                                        planner, planning, catalogs, registry, config.askTimeout(),
                                        config.query().clientTimeout(), config.query().maxRunTime(),
                                        CLIENT_BUFFER_BYTES, SPLITS_PER_WORKER, config.query().maxMemoryBytes(),
                                        config.query().retryPolicy()),
                                config.query().minExpireAge(),
                                config.query().maxHistory(),
                                config.query().maxConcurrentQueries(),
                                config.query().maxQueuedQueries()))
                        : Optional.empty(),
                worker);

        Config akkaConfig = AkkaSettings.forNode(config)
                .withValue(EnvironmentCompatChecker.ENVIRONMENT_KEY, ConfigValueFactory.fromAnyRef(config.environment()));
        ActorSystem<NodeGuardian.Command> system;
        try {
            system = ActorSystem.create(NodeGuardian.create(settings), "quarry", akkaConfig);
        } catch (RuntimeException e) {
            drivers.shutdownNow();
            planning.shutdownNow();
            return CompletableFuture.failedFuture(e);
        }
        Cluster cluster = Cluster.get(system);
        if (config.seedNodes().isEmpty()) {
            Address self = cluster.selfMember().address();
            cluster.manager().tell(Join.create(self));
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        akka.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(null));
        // A node refused by the cluster (e.g. another environment) stops before it is ever Up.
        system.getWhenTerminated().thenRun(() -> up.completeExceptionally(new IllegalStateException(
                "node " + config.nodeId() + " stopped before it joined the cluster; its log says why")));
        return up.thenCompose(ignored -> AskPattern.ask(
                        system, NodeGuardian.GetComponents::new, config.askTimeout(), system.scheduler()))
                .thenCompose(components -> config.runsTasks()
                        ? awaitOwnTaskManager(system, components, config, System.nanoTime() + config.askTimeout().toNanos())
                                .thenApply(ignored -> components)
                        : CompletableFuture.completedFuture(components))
                .thenApply(components -> {
                    connectorContext.bind(components, system.scheduler());
                    QuarryService service =
                            new ActorQuarryService(system, components, system.scheduler(), config.askTimeout());
                    return new QuarryNode(catalogs, config, system, service, drivers, planning, memoryPool);
                });
    }

    /**
     * Completes once this node's registry lists its own task manager as a worker. Membership Up comes
     * first and the Receptionist's listing a moment later; a query planned in between would find no
     * worker (NO_NODES_AVAILABLE), so a node that runs tasks is not ready before. Gives up with a warning
     * at {@code deadlineNanos}.
     */
    private static CompletionStage<Void> awaitOwnTaskManager(
            ActorSystem<?> system, NodeGuardian.Components components, NodeConfig config, long deadlineNanos) {
        return AskPattern.<NodeRegistry.Command, NodeRegistry.Workers>ask(
                        components.registry(), NodeRegistry.GetWorkers::new, config.askTimeout(), system.scheduler())
                .thenCompose(workers -> {
                    if (workers.workers().stream().anyMatch(worker -> worker.nodeId().equals(config.nodeId()))) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (System.nanoTime() > deadlineNanos) {
                        log.warn("Node {} started before its task manager was registered", config.nodeId());
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(REGISTRATION_POLL_MILLIS, TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> awaitOwnTaskManager(system, components, config, deadlineNanos));
                });
    }

    private static CatalogEntry toEntry(CatalogConfig catalog) {
        return new CatalogEntry(catalog.name(), catalog.connectorName(), catalog.properties());
    }

    /**
     * Calcite validates and converts a statement by recursion over its expressions: a long chain of ORs or of
     * arithmetic is that deep. The planning threads get a stack for thousands of levels (reserved, taken as used).
     */
    private static final long PLANNER_STACK_BYTES = 256L << 20;

    /** @param stackBytes each thread's stack size, 0 for the JVM's default */
    private static ThreadFactory daemonThreads(String prefix, long stackBytes) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(null, runnable, prefix + "-" + counter.incrementAndGet(), stackBytes);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Pays the SQL planner's one-off cost (class loading and Calcite's generated code: one to three seconds of
     * one core) on the planning pool, so that the first real statement does not. Call once the node serves:
     * done during the start it slows the start itself on a small machine (measured: by about two seconds on
     * two cores). Statements planned meanwhile use the pool's other thread; {@code SELECT 1}-like statements
     * never need the planner. Then it plans TPC-H-shaped statements for a few rounds ({@link PlannerWarmUp}, at most
     * {@value #WARM_UP_ROUNDS} rounds or 20 seconds), so that the JIT has compiled the planner before users come.
     */
    public void warmUpInBackground() {
        if (!config.coordinator()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            SqlPlanner.warmUp();
            PlannerWarmUp.run(WARM_UP_ROUNDS, WARM_UP_BUDGET);
        }, planning).exceptionally(error -> {
            log.warn("Warming up the SQL planner of node {} failed", config.nodeId(), error);
            return null;
        });
    }

    /** The memory pool of the queries' tasks on this node; empty on a node that runs no tasks. */
    public Optional<NodeMemoryPool> memoryPool() {
        return memoryPool;
    }

    public NodeConfig config() {
        return config;
    }

    /** This node's catalogs (for tests and tools that look at a connector in process). */
    public CatalogManager catalogs() {
        return catalogs;
    }

    public QuarryService service() {
        return service;
    }

    public ActorSystem<?> system() {
        return system;
    }

    /** Leaves the cluster gracefully and stops the node, waiting at most {@code timeout}. */
    public void close(Duration timeout) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("Node {} did not stop within {}", config.nodeId(), timeout);
        } finally {
            drivers.shutdownNow();
            planning.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
