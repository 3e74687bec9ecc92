package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.connector.memory.ReplicaPlacement.Piece;
import io.quarry.connector.memory.ReplicaPlacement.ReplicaCopy;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
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
    void replicaTargetsAreOtherDistinctWorkersSpreadOverAllOfThem() {
        List<String> workers = List.of("w3", "w1", "w2");
        assertThat(ReplicaPlacement.replicaTargets("p", "w1", workers, 1)).hasSize(1).doesNotContain("w1");
        assertThat(ReplicaPlacement.replicaTargets("p", "w1", workers, 5)).containsExactlyInAnyOrder("w2", "w3");
        assertThat(ReplicaPlacement.replicaTargets("p", "w1", List.of("w1"), 1)).isEmpty();
        assertThat(ReplicaPlacement.replicaTargets("p", "w1", workers, 0)).isEmpty();
        Set<String> used = new HashSet<>();
        IntStream.range(0, 50).forEach(i -> used.addAll(ReplicaPlacement.replicaTargets("q." + i, "w1", workers, 1)));
        assertThat(used).containsExactlyInAnyOrder("w2", "w3");
    }

    @Test
    void readersAreLiveHoldersChosenSoThatRowsSpreadEvenly() {
        List<Piece> pieces = List.of(
                piece("a", 100, "w1", "w2"), piece("b", 100, "w1", "w2"), piece("c", 100, "w1", "w2"), piece("d", 100, "w1", "w2"));
        Map<String, String> readers = ReplicaPlacement.chooseReaders(pieces, node -> true, "memory.default.t");
        assertThat(readers.keySet()).containsExactly("a", "b", "c", "d");
        assertThat(readers.values().stream().filter("w1"::equals).count()).isEqualTo(2);
        assertThat(readers.values().stream().filter("w2"::equals).count()).isEqualTo(2);
        // a dead holder is never chosen
        assertThat(ReplicaPlacement.chooseReaders(pieces, node -> !node.equals("w1"), "memory.default.t").values())
                .containsOnly("w2");
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
