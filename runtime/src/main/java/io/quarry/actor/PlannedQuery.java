package io.quarry.actor;

import io.quarry.client.ResultColumn;
import io.quarry.plan.PlanFragment;
import java.util.List;
import java.util.Optional;

/**
 * A planned query: the columns the client gets and the fragments, root fragment (id 0) first. Statements
 * that change data or metadata also carry their protocol {@code updateType} (e.g. {@code INSERT}) and,
 * for writes, the {@link WriteCompletion} that commits them on the coordinator once the output is complete.
 */
public record PlannedQuery(
        List<ResultColumn> columns, List<PlanFragment> fragments, Optional<String> updateType, Optional<WriteCompletion> completion)
        implements LocalOnly {
    public PlannedQuery {
        columns = List.copyOf(columns);
        fragments = List.copyOf(fragments);
        if (fragments.isEmpty() || fragments.get(0).id() != 0) {
            throw new IllegalArgumentException("the root fragment (id 0) comes first");
        }
    }

    public PlannedQuery(List<ResultColumn> columns, List<PlanFragment> fragments) {
        this(columns, fragments, Optional.empty(), Optional.empty());
    }
}
