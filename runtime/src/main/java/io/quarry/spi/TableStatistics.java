package io.quarry.spi;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the planner knows of a table's size: the row count and the number of distinct values per column
 * (NaN = unknown).
 */
public record TableStatistics(double rowCount, Map<String, Double> distinctValues) {
    public static final TableStatistics UNKNOWN = new TableStatistics(Double.NaN, Map.of());

    public TableStatistics {
        distinctValues = Map.copyOf(distinctValues);
    }

    public OptionalDouble distinctValues(String column) {
        Double value = distinctValues.get(column);
        return value == null || value.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
