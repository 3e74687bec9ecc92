package io.quarry.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestIds {
    @Test
    void taskIdRoundTrips() {
        TaskId id = TaskId.valueOf("20261124_184501_00001_abcde.1.2.0");
        assertThat(id.queryId()).isEqualTo(QueryId.valueOf("20261124_184501_00001_abcde"));
        assertThat(id.stageId().id()).isEqualTo(1);
        assertThat(id.partition()).isEqualTo(2);
        assertThat(id.attempt()).isZero();
        assertThat(id.toString()).isEqualTo("20261124_184501_00001_abcde.1.2.0");
    }

    @Test
    void stageIdRoundTrips() {
        assertThat(StageId.valueOf("q_1.3")).isEqualTo(new StageId(QueryId.valueOf("q_1"), 3));
    }

    @Test
    void malformedIdsAreRejected() {
        assertThatThrownBy(() -> QueryId.valueOf("Bad-Id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.valueOf("q.1.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskId.valueOf("q.1.x.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StageId.valueOf("q.-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StageId.valueOf("noDot")).isInstanceOf(IllegalArgumentException.class);
    }
}
