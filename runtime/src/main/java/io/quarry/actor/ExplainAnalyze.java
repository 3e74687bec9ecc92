package io.quarry.actor;

import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.plan.PlanFragment;
import io.quarry.type.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's end of EXPLAIN ANALYZE: the query runs as planned, its rows are dropped, and once its stages
 * have settled their final snapshots (each task's final report carries its figures per plan node) become the
 * client's one row, the plan text with the figures. Used by one query actor.
 */
public final class ExplainAnalyze implements LocalOnly {
    private final List<PlanFragment> fragments;
    private final boolean verbose;

    ExplainAnalyze(List<PlanFragment> fragments, boolean verbose) {
        this.fragments = List.copyOf(fragments);
        this.verbose = verbose;
    }

    /** The client's answer: one varchar row, the plan with the figures of the stages' snapshots. */
    public Page answer(Collection<StageActor.StageSnapshot> snapshots) {
        Map<Integer, AnalyzeFigures.Stage> stages = new HashMap<>();
        for (StageActor.StageSnapshot snapshot : snapshots) {
            stages.put(snapshot.stageId().id(), AnalyzeFigures.stage(snapshot.tasks()));
        }
        String text = AnalyzeText.render(fragments, stages, verbose);
        return new Page(1, BlockBuilder.create(Types.VARCHAR, 1).appendString(text).build());
    }
}
