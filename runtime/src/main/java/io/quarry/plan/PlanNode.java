package io.quarry.plan;

import io.quarry.type.Type;
import java.util.List;

/**
 * A node of Quarry's physical plan. Nodes are records; columns are positional (channel {@code i} of a
 * node's output is the {@code i}-th entry of {@link #outputTypes()}), as in relational algebra.
 */
public sealed interface PlanNode
        permits TableScan, Filter, Project, Aggregate, Sort, TopN, Limit, Values, Exchange, RemoteSource, Output,
                Union, GroupId, Window, Join, TableWriter, Unnest, MatchRecognize {
    List<PlanNode> sources();

    List<Type> outputTypes();

    /** This node with its sources replaced, in the same order. */
    PlanNode replaceSources(List<PlanNode> newSources);
}
