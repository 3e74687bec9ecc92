package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.connector.memory.ReplicaPlacement.Piece;
import io.quarry.connector.memory.ReplicaPlacement.ReplicaCopy;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestReplicaPlacement {
    private static Piece piece(String id, long rows, String... holders) {
        return new Piece(id, rows, rows * 10, List.of(holders));
    }

    @Test
    void effectiveCopiesNeverExceedTheWorkersButAreAtLeastOne() {
        assertThat(ReplicaPlacement.effectiveCopies(2, 3)).isEqualTo(2);
        assertThat(ReplicaPlacement.effectiveCopies(3, 2)).isEqualTo(2);
        assertThat(ReplicaPlacement.effectiveCopies(2, 1)).isEqualTo(1);
        assertThat(ReplicaPlacement.effectiveCopies(2, 0)).isEqualTo(1);
    }

    @Test
    void replicaTargetsAreTheWorkersFollowingTheWriterInNameOrder() {
        List<String> workers = List.of("w3", "w1", "w2");
        assertThat(ReplicaPlacement.replicaTargets("w1", workers, 1)).containsExactly("w2");
        assertThat(ReplicaPlacement.replicaTargets("w3", workers, 1)).containsExactly("w1");
        assertThat(ReplicaPlacement.replicaTargets("w2", workers, 5)).containsExactly("w3", "w1");
        assertThat(ReplicaPlacement.replicaTargets("w1", List.of("w1"), 1)).isEmpty();
        assertThat(ReplicaPlacement.replicaTargets("w1", workers, 0)).isEmpty();
        // a writer missing from the list (it is leaving) still gets its successors
        assertThat(ReplicaPlacement.replicaTargets("w0", workers, 2)).containsExactly("w1", "w2");
    }

    @Test
    void readersAreTheWritersWhileTheyLiveElseTheirFirstCopy() {
        List<Piece> pieces = List.of(piece("a", 100, "w1", "w2"), piece("b", 100, "w2", "w3"), piece("c", 100, "w3", "w1"));
        assertThat(ReplicaPlacement.chooseReaders(pieces, node -> true, "memory.default.t"))
                .containsExactly(Map.entry("a", "w1"), Map.entry("b", "w2"), Map.entry("c", "w3"));
        assertThat(ReplicaPlacement.chooseReaders(pieces, node -> !node.equals("w1"), "memory.default.t"))
                .containsExactly(Map.entry("a", "w2"), Map.entry("b", "w2"), Map.entry("c", "w3"));
    }

    @Test
    void theWholeShareOfALostReaderIsHeldByOneOtherWorker() {
        List<String> workers = List.of("w1", "w2", "w3");
        List<Piece> pieces = new ArrayList<>();
        for (String writer : workers) {
            for (int i = 0; i < 4; i++) {
                List<String> holders = new ArrayList<>(List.of(writer));
                holders.addAll(ReplicaPlacement.replicaTargets(writer, workers, 1));
                pieces.add(new Piece(writer + "-" + i, 10, 100, holders));
            }
        }
        Map<String, String> readers = ReplicaPlacement.chooseReaders(pieces, node -> true, "memory.default.t");
        for (String lost : workers) {
            Set<String> otherHolders = new HashSet<>();
            pieces.stream().filter(piece -> readers.get(piece.dataId()).equals(lost))
                    .forEach(piece -> piece.holders().stream().filter(node -> !node.equals(lost)).forEach(otherHolders::add));
            assertThat(otherHolders).as("holders of what %s reads, besides it", lost).hasSize(1);
        }
        // and every worker reads a third
        assertThat(new HashSet<>(readers.values())).containsExactlyInAnyOrderElementsOf(workers);
    }

    @Test
    void aPieceWithNoLiveHolderIsMissingDataNamingTheTable() {
        List<Piece> pieces = List.of(piece("a", 1, "w1"), piece("b", 1, "w2", "w3"));
        assertThatThrownBy(() -> ReplicaPlacement.chooseReaders(pieces, node -> !node.equals("w1"), "memory.default.t"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_DATA))
                .hasMessageContaining("Memory table 'memory.default.t' lost data")
                .hasMessageContaining("w1");
    }

    @Test
    void copiesRestoreTheFactorFromALiveHolderToTheLeastLoadedWorker() {
        Map<Long, List<Piece>> tables = new LinkedHashMap<>();
        tables.put(1L, List.of(piece("a", 10, "w1", "dead"), piece("b", 10, "w2", "w1"), piece("c", 10, "dead", "w2")));
        List<ReplicaCopy> copies = ReplicaPlacement.copiesNeeded("memory", tables, List.of("w1", "w2", "w3"), 2, Set.of());
        assertThat(copies).hasSize(2);
        // both land on w3, the worker holding nothing; each comes from a live holder
        assertThat(copies).containsExactly(
                new ReplicaCopy("memory", 1, "a", "w1", "w3"), new ReplicaCopy("memory", 1, "c", "w2", "w3"));
    }

    @Test
    void copiesSpreadOverTargetsAndRespectTheFactorAndTheWorkers() {
        Map<Long, List<Piece>> tables = new HashMap<>();
        tables.put(1L, List.of(piece("a", 10, "w1"), piece("b", 10, "w1")));
        List<ReplicaCopy> two = ReplicaPlacement.copiesNeeded("m", tables, List.of("w1", "w2", "w3"), 2, Set.of());
        assertThat(two).extracting(ReplicaCopy::target).containsExactlyInAnyOrder("w2", "w3");
        List<ReplicaCopy> three = ReplicaPlacement.copiesNeeded("m", tables, List.of("w1", "w2", "w3"), 5, Set.of());
        assertThat(three).hasSize(4);
        assertThat(three).allSatisfy(copy -> assertThat(copy.source()).isEqualTo("w1"));
        // one worker: nothing to copy; no live holder: nothing can be copied
        assertThat(ReplicaPlacement.copiesNeeded("m", tables, List.of("w1"), 2, Set.of())).isEmpty();
        assertThat(ReplicaPlacement.copiesNeeded("m", tables, List.of("w2", "w3"), 2, Set.of())).isEmpty();
    }

    @Test
    void copiesInFlightAreNotAskedForAgain() {
        Map<Long, List<Piece>> tables = Map.of(1L, List.of(piece("a", 10, "w1")));
        List<ReplicaCopy> copies = ReplicaPlacement.copiesNeeded("m", tables, List.of("w1", "w2"), 2, Set.of());
        assertThat(copies).containsExactly(new ReplicaCopy("m", 1, "a", "w1", "w2"));
        assertThat(ReplicaPlacement.copiesNeeded("m", tables, List.of("w1", "w2"), 2, Set.of(copies.get(0).key()))).isEmpty();
    }

    @Test
    void theReplicaListTravelsInFrontOfTheStatistics() {
        String reported = ReplicaPlacement.withReplicas(List.of("w2", "w3"), "x;y");
        assertThat(ReplicaPlacement.replicasOf(reported)).containsExactly("w2", "w3");
        assertThat(ReplicaPlacement.statisticsOf(reported)).isEqualTo("x;y");
        assertThat(ReplicaPlacement.withReplicas(List.of(), "x;y")).isEqualTo("x;y");
        assertThat(ReplicaPlacement.replicasOf("x;y")).isEmpty();
        assertThat(ReplicaPlacement.statisticsOf("x;y")).isEqualTo("x;y");
    }
}
