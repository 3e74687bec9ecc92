package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Output;
import io.quarry.type.Type;
import java.util.List;

/** A planned query: the root of its plan and the result columns as the client sees them. */
public record QueryPlan(Output root, List<String> columnNames, List<Type> columnTypes) {
    public QueryPlan {
        requireNonNull(root, "root is null");
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException("one type per column name is needed");
        }
    }
}
