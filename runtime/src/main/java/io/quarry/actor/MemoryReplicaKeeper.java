package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.ClusterEvent;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.quarry.connector.CatalogManager;
import io.quarry.connector.memory.MemoryConnector;
import io.quarry.connector.memory.MemoryMetadata;
import io.quarry.connector.memory.ReplicaPlacement.ReplicaCopy;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.WriteTarget;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coordinator's keeper of memory table copies: when a worker leaves the cluster it forgets the copies that
 * worker held, and (then and every {@link #CHECK_INTERVAL}) it has every piece with fewer live copies than its
 * catalog's {@code memory.replication-factor} copied from a surviving holder to another active worker, recording
 * the new holder in the catalog's metadata once the copy is stored.
 */
public final class MemoryReplicaKeeper extends AbstractBehavior<MemoryReplicaKeeper.Command> {
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    /** A bound on one copy, which is acknowledged part by part; a copy that takes longer is tried again. */
    static final Duration COPY_TIMEOUT = Duration.ofMinutes(5);

    public sealed interface Command {}

    private enum Check implements Command, LocalOnly {
        INSTANCE
    }

    private record MemberRemoved(ClusterEvent.MemberRemoved event) implements Command, LocalOnly {}

    private record WorkersNow(List<WorkerRef> workers) implements Command, LocalOnly {}

    private record CopyDone(ReplicaCopy copy, Optional<String> failure) implements Command, LocalOnly {}

    private final CatalogManager catalogs;
    private final ActorRef<NodeRegistry.Command> registry;
    private final Duration askTimeout;
    private final Set<String> inFlight = new HashSet<>();
    private boolean checking;

    public static Behavior<Command> create(CatalogManager catalogs, ActorRef<NodeRegistry.Command> registry, Duration askTimeout) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new MemoryReplicaKeeper(context, timers, catalogs, registry, askTimeout)));
    }

    private MemoryReplicaKeeper(
            ActorContext<Command> context, TimerScheduler<Command> timers, CatalogManager catalogs,
            ActorRef<NodeRegistry.Command> registry, Duration askTimeout) {
        super(context);
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.askTimeout = requireNonNull(askTimeout, "askTimeout is null");
        Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(
                context.messageAdapter(ClusterEvent.MemberRemoved.class, MemberRemoved::new), ClusterEvent.MemberRemoved.class));
        timers.startTimerWithFixedDelay(Check.INSTANCE, CHECK_INTERVAL);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Check.INSTANCE, this::onCheck)
                .onMessage(MemberRemoved.class, this::onMemberRemoved)
                .onMessage(WorkersNow.class, this::onWorkers)
                .onMessage(CopyDone.class, this::onCopyDone)
                .build();
    }

    private List<MemoryMetadata> memoryCatalogs() {
        return catalogs.catalogNames().stream()
                .map(catalog -> MemoryReplicas.memoryConnector(catalogs, catalog))
                .flatMap(Optional::stream)
                .map(MemoryConnector::metadata)
                .toList();
    }

    private Behavior<Command> onMemberRemoved(MemberRemoved removed) {
        String nodeId = removed.event().member().getRoles().stream()
                .filter(role -> role.startsWith(NodeRegistry.NODE_ID_ROLE_PREFIX))
                .map(role -> role.substring(NodeRegistry.NODE_ID_ROLE_PREFIX.length()))
                .findFirst()
                .orElse(removed.event().member().address().toString());
        boolean held = false;
        for (MemoryMetadata metadata : memoryCatalogs()) {
            held |= metadata.forgetNode(nodeId);
        }
        if (held) {
            getContext().getLog().info("Node {} left the cluster: restoring the copies of memory table data it held", nodeId);
        }
        return onCheck();
    }

    private Behavior<Command> onCheck() {
        if (checking || memoryCatalogs().isEmpty()) {
            return this;
        }
        checking = true;
        getContext().ask(NodeRegistry.Workers.class, registry, askTimeout, NodeRegistry.GetWorkers::new,
                (workers, error) -> new WorkersNow(workers == null ? List.of() : workers.workers()));
        return this;
    }

    private Behavior<Command> onWorkers(WorkersNow message) {
        checking = false;
        if (message.workers().isEmpty()) {
            return this;
        }
        Map<String, WorkerRef> workers = message.workers().stream()
                .collect(Collectors.toMap(WorkerRef::nodeId, Function.identity(), (first, second) -> first));
        List<String> workerIds = List.copyOf(workers.keySet());
        for (MemoryMetadata metadata : memoryCatalogs()) {
            for (ReplicaCopy copy : metadata.copiesNeeded(workerIds, Set.copyOf(inFlight))) {
                WorkerRef source = workers.get(copy.source());
                WorkerRef target = workers.get(copy.target());
                if (source == null || target == null) {
                    continue;
                }
                inFlight.add(copy.key());
                getContext().ask(TaskManager.CopyStored.class, source.taskManager(), COPY_TIMEOUT,
                        replyTo -> new TaskManager.CopyPiece(copy.catalog(), copy.tableId(), copy.dataId(), target.taskManager(), replyTo),
                        (stored, error) -> new CopyDone(copy, error != null
                                ? Optional.of(String.valueOf(error.getMessage()))
                                : stored.failure().map(failure -> failure.message())));
            }
        }
        return this;
    }

    private Behavior<Command> onCopyDone(CopyDone done) {
        inFlight.remove(done.copy().key());
        ReplicaCopy copy = done.copy();
        if (done.failure().isPresent()) {
            getContext().getLog().warn("Copying piece {} of memory table {} from {} to {} failed (tried again later): {}",
                    copy.dataId(), copy.tableId(), copy.source(), copy.target(), done.failure().get());
            return this;
        }
        boolean recorded = MemoryReplicas.memoryConnector(catalogs, copy.catalog())
                .map(connector -> connector.metadata().addHolder(copy.tableId(), copy.dataId(), copy.target()))
                .orElse(false);
        if (recorded) {
            getContext().getLog().info("Piece {} of memory table {} copied from {} to {}",
                    copy.dataId(), copy.tableId(), copy.source(), copy.target());
        } else {
            getContext().getLog().info("Piece {} of memory table {} was dropped while it was copied to {}: dropping the copy",
                    copy.dataId(), copy.tableId(), copy.target());
            dropCopy(copy);
        }
        return this;
    }

    /**
     * Drops a copy that arrived after its table was dropped: a piece's id starts with the id of the write that
     * made it, so dropping that write's data of the (dropped) table on the target removes the copy.
     */
    private void dropCopy(ReplicaCopy copy) {
        int dot = copy.dataId().indexOf('.');
        if (dot <= 0) {
            return;
        }
        WriteTarget dropped = new WriteTarget(
                new SchemaTableName("dropped", "table_" + copy.tableId()), copy.tableId(), copy.dataId().substring(0, dot), List.of());
        getContext().ask(NodeRegistry.Workers.class, registry, askTimeout, NodeRegistry.GetWorkers::new, (workers, error) -> {
            if (workers != null) {
                workers.workers().stream()
                        .filter(worker -> worker.nodeId().equals(copy.target()))
                        .forEach(worker -> worker.taskManager().tell(new TaskManager.DropWrite(copy.catalog(), dropped)));
            }
            return Check.INSTANCE;
        });
    }
}
