package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.Split;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestMemorySplit {
    private static final MemorySplit SPLIT =
            new MemorySplit(7, "w1", List.of("w1", "w2", "w3"), List.of("q.w1.1", "q.w1.2"), List.of("a"), 42);

    @Test
    void candidatesAreTheHoldersWithTheBoundNodeFirst() {
        assertThat(SPLIT.requiredNodeId()).isEqualTo(Optional.of("w1"));
        assertThat(SPLIT.candidateNodeIds()).containsExactly("w1", "w2", "w3");
        assertThat(new MemorySplit(7, "w1", List.of("p"), List.of("a"), 1).candidateNodeIds()).containsExactly("w1");
    }

    @Test
    void onNodeBindsTheSamePiecesToAnotherHolder() {
        Split moved = SPLIT.onNode("w3");
        assertThat(moved.requiredNodeId()).isEqualTo(Optional.of("w3"));
        assertThat(moved.candidateNodeIds()).containsExactly("w3", "w1", "w2");
        MemorySplit memory = (MemorySplit) moved;
        assertThat(memory.dataIds()).isEqualTo(SPLIT.dataIds());
        assertThat(memory.expectedRows()).isEqualTo(42);
        assertThat(memory.tableId()).isEqualTo(7);
        assertThat(memory.tableColumns()).isEqualTo(SPLIT.tableColumns());
        assertThat(moved.onNode("w1")).isEqualTo(new MemorySplit(7, "w1", List.of("w1", "w3", "w2"), SPLIT.dataIds(), List.of("a"), 42));
        assertThat(SPLIT.onNode("w1")).isEqualTo(SPLIT);
    }

    @Test
    void onNodeRefusesANodeThatHoldsNoCopy() {
        assertThatThrownBy(() -> SPLIT.onNode("w9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Node w9 holds no copy");
    }

    @Test
    void candidatesMustStartWithTheBoundNodeAndBeDistinct() {
        assertThatThrownBy(() -> new MemorySplit(7, "w1", List.of("w2", "w1"), List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemorySplit(7, "w1", List.of("w1", "w1"), List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSpiDefaultsBindASplitToItsRequiredNodeOnly() {
        Split anywhere = new Split() {};
        assertThat(anywhere.candidateNodeIds()).isEmpty();
        assertThatThrownBy(() -> anywhere.onNode("w1")).isInstanceOf(UnsupportedOperationException.class);
        Split pinned = new Split() {
            @Override
            public Optional<String> requiredNodeId() {
                return Optional.of("w1");
            }
        };
        assertThat(pinned.candidateNodeIds()).containsExactly("w1");
        assertThat(pinned.onNode("w1")).isSameAs(pinned);
        assertThatThrownBy(() -> pinned.onNode("w2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
