package io.quarry.spi;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the planner knows of a table's size: the row count and the number of distinct values per column
 * (NaN = unknown), and the sets of columns whose values the connector guarantees unique. Distinct counts are
 * estimates for costing only: a column whose estimate reaches the row count is no key, since the planner may
 * remove an aggregation or a join over a key.
 */
public record TableStatistics(double rowCount, Map<String, Double> distinctValues, List<List<String>> uniqueKeys) {
    public static final TableStatistics UNKNOWN = new TableStatistics(Double.NaN, Map.of());

    public TableStatistics {
        distinctValues = Map.copyOf(distinctValues);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    }

    /** Statistics without guaranteed keys. */
    public TableStatistics(double rowCount, Map<String, Double> distinctValues) {
        this(rowCount, distinctValues, List.of());
    }

    public OptionalDouble distinctValues(String column) {
        Double value = distinctValues.get(column);
        return value == null || value.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
