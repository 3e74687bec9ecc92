package io.quarry.actor;

import io.quarry.client.ResultColumn;
import io.quarry.plan.PlanFragment;
import java.util.List;

/** A planned query: the columns the client gets and the fragments, root fragment (id 0) first. */
public record PlannedQuery(List<ResultColumn> columns, List<PlanFragment> fragments) implements LocalOnly {
    public PlannedQuery {
        columns = List.copyOf(columns);
        fragments = List.copyOf(fragments);
        if (fragments.isEmpty() || fragments.get(0).id() != 0) {
            throw new IllegalArgumentException("the root fragment (id 0) comes first");
        }
    }
}
