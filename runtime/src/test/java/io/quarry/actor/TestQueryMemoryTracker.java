package io.quarry.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.QueryId;
import io.quarry.spi.StageId;
import io.quarry.spi.TaskId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestQueryMemoryTracker {
    private static final StageId STAGE = new StageId(QueryId.valueOf("20240101_000000_00001_aaaaa"), 1);

    private static TaskStatus task(int partition, TaskState state, long memory, long peak) {
        TaskProgress progress = new TaskProgress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, memory, peak);
        return new TaskStatus(new TaskId(STAGE, partition, 0), "worker-" + partition, state, progress, Optional.empty());
    }

    private static List<StageActor.StageSnapshot> stage(TaskStatus... tasks) {
        return List.of(new StageActor.StageSnapshot(STAGE, "RUNNING", false, List.of(tasks)));
    }

    @Test
    void sumsTheRunningTasksAndFailsPastTheLimit() {
        QueryMemoryTracker tracker = new QueryMemoryTracker(1000);
        assertThat(tracker.update(stage(task(0, TaskState.RUNNING, 400, 500), task(1, TaskState.RUNNING, 300, 300))))
                .isEmpty();
        assertThat(tracker.currentBytes()).isEqualTo(700);
        assertThat(tracker.peakBytes()).isEqualTo(700);

        // A finished task's figures no longer count.
        assertThat(tracker.update(stage(task(0, TaskState.FINISHED, 900, 900), task(1, TaskState.RUNNING, 600, 600))))
                .isEmpty();
        assertThat(tracker.currentBytes()).isEqualTo(600);
        assertThat(tracker.peakBytes()).as("at least the largest task's own peak").isEqualTo(900);

        Optional<FailureInfo> failure = tracker.update(stage(task(0, TaskState.RUNNING, 600, 600), task(1, TaskState.RUNNING, 500, 600)));
        assertThat(failure).isPresent();
        assertThat(failure.get().errorCode()).isEqualTo(ErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT);
        assertThat(failure.get().message()).isEqualTo("Query exceeded distributed user memory limit of 1000B [Allocated: 1.07kB]");
        assertThat(tracker.peakBytes()).isEqualTo(1100);
    }
}
