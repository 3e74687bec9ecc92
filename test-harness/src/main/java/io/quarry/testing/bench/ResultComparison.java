package io.quarry.testing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.testing.ExpectedResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares two live results of the same statement by the conformance rules ({@code conformance/README.md}):
 * column names case-insensitively (types are not compared: servers may name them differently), double and real
 * values within a relative tolerance of 1e-6 (absolute 1e-9 near zero), decimals as numbers, everything else
 * exactly; rows in order only as far as the statement orders them ({@link RowOrder}).
 */
final class ResultComparison {
    static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_TOLERANCE = 1e-9;

    private ResultComparison() {}

    /** Empty when {@code actual} matches {@code reference}, else the first difference, in one line. */
    static Optional<String> mismatch(LiveResult reference, LiveResult actual, RowOrder order) {
        if (reference.columns().size() != actual.columns().size()) {
            return Optional.of(actual.columns().size() + " columns, expected " + reference.columns().size());
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < reference.columns().size(); i++) {
            String expected = reference.columns().get(i).name();
            String got = actual.columns().get(i).name();
            if (!expected.equalsIgnoreCase(got)) {
                return Optional.of("column " + (i + 1) + " named " + got + ", expected " + expected);
            }
            types.add(reference.columns().get(i).type().toLowerCase(Locale.ROOT).replace(" ", ""));
        }
        List<JsonNode> expectedRows = reference.rows();
        List<JsonNode> actualRows = actual.rows();
        if (expectedRows.size() != actualRows.size()) {
            return Optional.of(actualRows.size() + " rows, expected " + expectedRows.size());
        }
        if (order.ordered() && order.keys().isPresent()) {
            for (int row = 0; row < expectedRows.size(); row++) {
                for (int key : order.keys().get()) {
                    if (!valuesEqual(types.get(key), expectedRows.get(row).get(key), actualRows.get(row).get(key))) {
                        return Optional.of("order: row " + (row + 1) + " column " + (key + 1) + " is "
                                + actualRows.get(row).get(key) + ", expected " + expectedRows.get(row).get(key));
                    }
                }
            }
        }
        if (order.ordered() && rowsDiffer(types, expectedRows, actualRows).isEmpty()) {
            return Optional.empty();
        }
        if (order.ordered() && order.keys().isEmpty()) {
            return rowsDiffer(types, expectedRows, actualRows);
        }
        // unordered, or ties on the sort keys in another order: compare as multisets
        List<JsonNode> sortedExpected = new ArrayList<>(expectedRows);
        List<JsonNode> sortedActual = new ArrayList<>(actualRows);
        sortedExpected.sort(ExpectedResult::compareRows);
        sortedActual.sort(ExpectedResult::compareRows);
        return rowsDiffer(types, sortedExpected, sortedActual).map(reason -> reason + " (after sorting both sides)");
    }

    private static Optional<String> rowsDiffer(List<String> types, List<JsonNode> expectedRows, List<JsonNode> actualRows) {
        for (int row = 0; row < expectedRows.size(); row++) {
            JsonNode expected = expectedRows.get(row);
            JsonNode actual = actualRows.get(row);
            if (expected.size() != actual.size()) {
                return Optional.of("row " + (row + 1) + " has " + actual.size() + " values, expected " + expected.size());
            }
            for (int column = 0; column < types.size(); column++) {
                if (!valuesEqual(types.get(column), expected.get(column), actual.get(column))) {
                    return Optional.of("row " + (row + 1) + " column " + (column + 1) + " is " + actual.get(column)
                            + ", expected " + expected.get(column));
                }
            }
        }
        return Optional.empty();
    }

    static boolean valuesEqual(String type, JsonNode expected, JsonNode actual) {
        boolean expectedNull = expected == null || expected.isNull();
        boolean actualNull = actual == null || actual.isNull();
        if (expectedNull || actualNull) {
            return expectedNull && actualNull;
        }
        if (type.startsWith("double") || type.startsWith("real")) {
            if (expected.isTextual() || actual.isTextual()) {
                return expected.asText().equals(actual.asText()); // NaN, Infinity
            }
            return close(expected.doubleValue(), actual.doubleValue());
        }
        if (type.startsWith("decimal")) {
            try {
                return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
            } catch (NumberFormatException e) {
                return expected.equals(actual);
            }
        }
        return ExpectedResult.nestedEqual(expected, actual);
    }

    private static boolean close(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        double difference = Math.abs(expected - actual);
        return difference <= ABSOLUTE_TOLERANCE
                || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }
}
