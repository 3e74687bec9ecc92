package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.quarry.connector.CatalogManager;
import io.quarry.connector.informationschema.InformationSchemaConnector;
import io.quarry.connector.memory.MemoryConnector;
import io.quarry.connector.memory.ReplicaTransport;
import io.quarry.page.Page;
import io.quarry.spi.Connector;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QuarryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of memory table pieces between nodes: a piece travels as a sequence of {@link TaskManager.StoreCopyChunk}
 * messages, each acknowledged before the next is sent and each small enough ({@link #MAX_CHUNK_BYTES}) for one
 * Artery frame, to the target's task manager, which stores it in its memory catalog. Also binds the memory
 * catalogs of a node to the cluster ({@link #bind}) so that their writers can copy what they write.
 */
public final class MemoryReplicas {
    private static final Logger log = LoggerFactory.getLogger(MemoryReplicas.class);
    /** Like the exchange's pages ({@link PageSplittingSink}): well below Artery's 256 KiB frame. */
    static final long MAX_CHUNK_BYTES = PageSplittingSink.MAX_PAGE_BYTES;

    private MemoryReplicas() {}

    /** Lets every memory catalog of {@code catalogs} copy its writes to other workers of the cluster. */
    public static void bind(CatalogManager catalogs, ActorRef<NodeRegistry.Command> registry, ActorSystem<?> system, Duration askTimeout) {
        ReplicaTransport transport = new ClusterTransport(registry, system, askTimeout);
        for (String catalog : catalogs.catalogNames()) {
            memoryConnector(catalogs, catalog).ifPresent(connector -> connector.bindTransport(transport));
        }
    }

    /** The memory connector serving {@code catalog}, if that is what serves it. */
    static Optional<MemoryConnector> memoryConnector(CatalogManager catalogs, String catalog) {
        Optional<Connector> connector = catalogs.connector(catalog);
        if (connector.isPresent() && connector.get() instanceof InformationSchemaConnector wrapper) {
            connector = Optional.of(wrapper.delegate());
        }
        return connector.filter(MemoryConnector.class::isInstance).map(MemoryConnector.class::cast);
    }

    /** Stores a part of a copy; a part that does not fit drops the whole copy and says why. */
    static TaskManager.CopyStored store(CatalogManager catalogs, TaskManager.StoreCopyChunk chunk) {
        Optional<MemoryConnector> connector = memoryConnector(catalogs, chunk.catalog());
        if (connector.isEmpty()) {
            return new TaskManager.CopyStored(Optional.of(FailureInfo.of(
                    ErrorCode.CATALOG_NOT_FOUND, "No memory catalog '" + chunk.catalog() + "' on this node")));
        }
        try {
            connector.get().store().appendCopy(chunk.tableId(), chunk.dataId(), chunk.pages(), chunk.index() == 0);
            return new TaskManager.CopyStored(Optional.empty());
        } catch (RuntimeException e) {
            connector.get().store().remove(chunk.tableId(), chunk.dataId());
            return new TaskManager.CopyStored(Optional.of(FailureInfo.from(e)));
        }
    }

    /** Sends a piece this node holds to {@code copy.target()}; answers {@code copy.replyTo()} once it is stored there. */
    static void copyHeldPiece(CatalogManager catalogs, TaskManager.CopyPiece copy, ActorSystem<?> system, Duration askTimeout) {
        List<Page> pages = memoryConnector(catalogs, copy.catalog())
                .map(connector -> connector.store().pages(copy.tableId(), copy.dataId()))
                .orElse(List.of());
        if (pages.isEmpty()) {
            copy.replyTo().tell(new TaskManager.CopyStored(Optional.of(FailureInfo.of(
                    ErrorCode.MISSING_DATA, "This node holds no piece " + copy.dataId() + " of memory table " + copy.tableId()))));
            return;
        }
        send(copy.target(), copy.catalog(), copy.tableId(), copy.dataId(), pages, system, askTimeout).whenComplete((done, error) ->
                copy.replyTo().tell(new TaskManager.CopyStored(
                        error == null ? Optional.empty() : Optional.of(FailureInfo.from(unwrap(error))))));
    }

    /** Sends the pages part after part, each once the previous one is stored; fails with the target's failure. */
    static CompletionStage<Void> send(
            ActorRef<TaskManager.Command> target, String catalog, long tableId, String dataId, List<Page> pages,
            ActorSystem<?> system, Duration askTimeout) {
        List<List<Page>> chunks = chunks(pages, MAX_CHUNK_BYTES);
        CompletionStage<Void> sent = CompletableFuture.completedFuture(null);
        for (int i = 0; i < chunks.size(); i++) {
            int index = i;
            boolean last = i == chunks.size() - 1;
            sent = sent.thenCompose(ignored -> AskPattern.<TaskManager.Command, TaskManager.CopyStored>ask(
                            target,
                            replyTo -> new TaskManager.StoreCopyChunk(catalog, tableId, dataId, index, chunks.get(index), last, replyTo),
                            askTimeout,
                            system.scheduler())
                    .thenAccept(stored -> stored.failure().ifPresent(failure -> {
                        throw failure.toException();
                    })));
        }
        return sent;
    }

    /**
     * Groups pages into parts of at most {@code maxBytes} (by {@link Page#sizeInBytes}), cutting larger pages
     * into regions first; every page keeps its rows and order.
     */
    static List<List<Page>> chunks(List<Page> pages, long maxBytes) {
        List<List<Page>> chunks = new ArrayList<>();
        List<Page> current = new ArrayList<>();
        long currentBytes = 0;
        for (Page whole : pages) {
            for (Page page : cut(whole, maxBytes)) {
                long size = page.sizeInBytes();
                if (!current.isEmpty() && currentBytes + size > maxBytes) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    currentBytes = 0;
                }
                current.add(page);
                currentBytes += size;
            }
        }
        if (!current.isEmpty() || chunks.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static List<Page> cut(Page page, long maxBytes) {
        long size = page.sizeInBytes();
        if (size <= maxBytes || page.positionCount() <= 1) {
            return List.of(page);
        }
        int pieces = (int) Math.min(page.positionCount(), (size + maxBytes - 1) / maxBytes);
        int rowsPerPiece = (page.positionCount() + pieces - 1) / pieces;
        List<Page> regions = new ArrayList<>(pieces);
        for (int offset = 0; offset < page.positionCount(); offset += rowsPerPiece) {
            regions.add(page.region(offset, Math.min(rowsPerPiece, page.positionCount() - offset)));
        }
        return regions;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Reaches the other workers through the node's registry and their task managers. */
    private static final class ClusterTransport implements ReplicaTransport {
        private final ActorRef<NodeRegistry.Command> registry;
        private final ActorSystem<?> system;
        private final Duration askTimeout;

        ClusterTransport(ActorRef<NodeRegistry.Command> registry, ActorSystem<?> system, Duration askTimeout) {
            this.registry = requireNonNull(registry, "registry is null");
            this.system = requireNonNull(system, "system is null");
            this.askTimeout = requireNonNull(askTimeout, "askTimeout is null");
        }

        private CompletionStage<List<WorkerRef>> workers() {
            return AskPattern.<NodeRegistry.Command, NodeRegistry.Workers>ask(
                            registry, NodeRegistry.GetWorkers::new, askTimeout, system.scheduler())
                    .thenApply(NodeRegistry.Workers::workers);
        }

        @Override
        public CompletionStage<List<String>> activeWorkers() {
            return workers().thenApply(workers -> workers.stream().map(WorkerRef::nodeId).toList());
        }

        @Override
        public CompletionStage<Void> copy(String catalog, long tableId, String dataId, List<Page> pages, String targetNodeId) {
            return workers().thenCompose(workers -> {
                Optional<WorkerRef> target = workers.stream().filter(worker -> worker.nodeId().equals(targetNodeId)).findFirst();
                if (target.isEmpty()) {
                    return CompletableFuture.failedFuture(new QuarryException(
                            ErrorCode.REMOTE_HOST_GONE, "Node " + targetNodeId + " is no longer an active worker"));
                }
                log.debug("Copying piece {} of memory table {} ({} pages) to {}", dataId, tableId, pages.size(), targetNodeId);
                return send(target.get().taskManager(), catalog, tableId, dataId, pages, system, askTimeout);
            });
        }
    }
}
