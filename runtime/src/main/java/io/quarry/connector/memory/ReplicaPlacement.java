package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where the copies of memory table pieces go and which copy a scan reads: pure functions of the pieces, their
 * holders and the live workers, so that they can be tested without a cluster.
 */
public final class ReplicaPlacement {
    /** Marks the replica list a page sink puts before its column statistics in {@code WrittenFragment.statistics}. */
    private static final String REPLICAS_PREFIX = "replicas:";

    /** One committed piece of a table and the nodes holding a copy of it, the writer first. */
    public record Piece(String dataId, long rows, long bytes, List<String> holders) {
        public Piece {
            requireNonNull(dataId, "dataId is null");
            holders = List.copyOf(holders);
            if (holders.stream().distinct().count() != holders.size()) {
                throw new IllegalArgumentException("holders must be distinct: " + holders);
            }
        }

        Piece withHolder(String node) {
            if (holders.contains(node)) {
                return this;
            }
            List<String> more = new ArrayList<>(holders);
            more.add(node);
            return new Piece(dataId, rows, bytes, more);
        }

        Piece withoutHolder(String node) {
            return holders.contains(node)
                    ? new Piece(dataId, rows, bytes, holders.stream().filter(holder -> !holder.equals(node)).toList())
                    : this;
        }
    }

    /** A copy to make: {@code source} sends piece {@code dataId} of table {@code tableId} to {@code target}. */
    public record ReplicaCopy(String catalog, long tableId, String dataId, String source, String target) {
        public ReplicaCopy {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(dataId, "dataId is null");
            requireNonNull(source, "source is null");
            requireNonNull(target, "target is null");
            if (source.equals(target)) {
                throw new IllegalArgumentException("source and target must differ: " + source);
            }
        }

        /** Identifies the copy of a piece to a node, to avoid asking for it twice while it is in flight. */
        public String key() {
            return key(catalog, tableId, dataId, target);
        }

        static String key(String catalog, long tableId, String dataId, String target) {
            return catalog + "/" + tableId + "/" + dataId + "/" + target;
        }
    }

    private ReplicaPlacement() {}

    /** Copies a piece needs with {@code factor} and {@code activeWorkers} workers: never more than the workers. */
    public static int effectiveCopies(int factor, int activeWorkers) {
        return Math.max(1, Math.min(factor, activeWorkers));
    }

    /**
     * The workers (other than {@code writer}) that get the extra copies of a freshly written piece: the {@code
     * copies} workers that follow the writer in name order, round the ring (fewer when there are not that many).
     * Every piece a writer writes thus has its copies on the same workers, so that when the writer is lost while a
     * scan reads its pieces, one worker holds all of them and can read them again; the pieces of a write still
     * spread over every worker, since the writers do.
     */
    public static List<String> replicaTargets(String writer, List<String> activeWorkers, int copies) {
        List<String> ring = new ArrayList<>(activeWorkers.stream().filter(node -> !node.equals(writer)).distinct().toList());
        ring.add(writer);
        ring.sort(Comparator.naturalOrder());
        int count = Math.min(Math.max(copies, 0), ring.size() - 1);
        int at = ring.indexOf(writer);
        List<String> targets = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            targets.add(ring.get((at + i) % ring.size()));
        }
        return targets;
    }

    /**
     * The node each piece is read from: its first live holder, the writer while it lives, else the copy made
     * first. A scan task then reads the pieces of one writer, whose copies are on the same workers ({@link
     * #replicaTargets}), so a task lost with its node can run again on one worker holding them all. A piece with
     * no live holder fails with MISSING_DATA naming {@code tableName}. The answer keeps the pieces' order.
     */
    public static Map<String, String> chooseReaders(List<Piece> pieces, Predicate<String> live, String tableName) {
        Map<String, String> readers = new LinkedHashMap<>();
        for (Piece piece : pieces) {
            String reader = piece.holders().stream().filter(live).findFirst().orElseThrow(() -> new QuarryException(
                    ErrorCode.MISSING_DATA,
                    "Memory table '" + tableName + "' lost data: no active node holds a copy of piece " + piece.dataId()
                            + " (it was held by " + String.join(", ", piece.holders()) + ", which left the cluster)"));
            readers.put(piece.dataId(), reader);
        }
        return readers;
    }

    /**
     * The copies that bring every piece back to {@code effectiveCopies(factor, activeWorkers)} live copies: each
     * from its first live holder to the active worker holding the fewest bytes (counting copies planned here)
     * that does not hold it. Pieces with no live holder cannot be copied, and copies already in flight ({@link
     * ReplicaCopy#key}) are neither repeated nor counted as missing.
     */
    public static List<ReplicaCopy> copiesNeeded(
            String catalog, Map<Long, List<Piece>> piecesByTable, List<String> activeWorkers, int factor, Set<String> inFlight) {
        List<String> workers = activeWorkers.stream().distinct().sorted().toList();
        int wanted = effectiveCopies(factor, workers.size());
        Map<String, Long> heldBytes = new HashMap<>();
        workers.forEach(worker -> heldBytes.put(worker, 0L));
        piecesByTable.values().forEach(pieces -> pieces.forEach(piece -> piece.holders().forEach(
                holder -> heldBytes.computeIfPresent(holder, (node, bytes) -> bytes + piece.bytes()))));
        List<ReplicaCopy> copies = new ArrayList<>();
        piecesByTable.forEach((tableId, pieces) -> {
            for (Piece piece : pieces) {
                List<String> live = piece.holders().stream().filter(heldBytes::containsKey).toList();
                if (live.isEmpty()) {
                    continue;
                }
                List<String> pending = workers.stream()
                        .filter(worker -> inFlight.contains(ReplicaCopy.key(catalog, tableId, piece.dataId(), worker)))
                        .toList();
                int missing = wanted - live.size() - pending.size();
                for (int i = 0; i < missing; i++) {
                    String target = workers.stream()
                            .filter(worker -> !live.contains(worker) && !pending.contains(worker))
                            .filter(worker -> copies.stream().noneMatch(copy -> copy.tableId() == tableId
                                    && copy.dataId().equals(piece.dataId()) && copy.target().equals(worker)))
                            .min(Comparator.comparingLong((String worker) -> heldBytes.get(worker)).thenComparing(worker -> worker))
                            .orElse(null);
                    if (target == null) {
                        break;
                    }
                    copies.add(new ReplicaCopy(catalog, tableId, piece.dataId(), live.get(0), target));
                    heldBytes.merge(target, piece.bytes(), Long::sum);
                }
            }
        });
        return copies;
    }

    /** The statistics a page sink reports, with the nodes it copied the piece to in front. */
    static String withReplicas(List<String> replicas, String statistics) {
        return replicas.isEmpty() ? statistics : REPLICAS_PREFIX + String.join(",", replicas) + "\n" + statistics;
    }

    /** The nodes a page sink copied its piece to (see {@link #withReplicas}). */
    static List<String> replicasOf(String reported) {
        if (!reported.startsWith(REPLICAS_PREFIX)) {
            return List.of();
        }
        int end = reported.indexOf('\n');
        String list = reported.substring(REPLICAS_PREFIX.length(), end < 0 ? reported.length() : end);
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    /** The column statistics of what a page sink reports (see {@link #withReplicas}). */
    static String statisticsOf(String reported) {
        if (!reported.startsWith(REPLICAS_PREFIX)) {
            return reported;
        }
        int end = reported.indexOf('\n');
        return end < 0 ? "" : reported.substring(end + 1);
    }
}
