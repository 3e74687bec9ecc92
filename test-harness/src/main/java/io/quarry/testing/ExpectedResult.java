package io.quarry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An expected result of the shared conformance data ({@code conformance/README.md} gives the format),
 * and the comparison of an actual result with it, by the README's rules: types compared after removing
 * blanks, doubles within a relative tolerance, decimals as numbers, rows in order only where the query
 * orders them.
 */
public final class ExpectedResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double ABSOLUTE_TOLERANCE = 1e-9;

    private final JsonNode expected;

    private ExpectedResult(JsonNode expected) {
        this.expected = expected;
    }

    public static ExpectedResult load(Path file) {
        try {
            return new ExpectedResult(MAPPER.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer of an earlier run of the same query as the expectation: same columns and types, the same rows
     * in any order, doubles within the usual tolerance (a different split of the work sums in another order).
     */
    public static ExpectedResult of(StatementClient.Result reference) {
        if (reference.error().isPresent()) {
            throw new IllegalArgumentException("the reference failed: " + reference.errorName());
        }
        com.fasterxml.jackson.databind.node.ObjectNode expected = MAPPER.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode columns = expected.putArray("columns");
        reference.columns().forEach(column -> columns.addObject().put("name", column.name()).put("type", column.type()));
        com.fasterxml.jackson.databind.node.ArrayNode rows = expected.putArray("rows");
        reference.rows().forEach(row -> rows.add(MAPPER.<JsonNode>valueToTree(row)));
        expected.put("ordered", false);
        return new ExpectedResult(expected);
    }

    /** The shared conformance directory: the POM's property, else {@code ../shared/conformance}. */
    public static Path conformanceDirectory() {
        String configured = System.getProperty("quarry.conformance.dir");
        Path directory = configured != null ? Path.of(configured) : Path.of("..", "shared", "conformance");
        if (!Files.isDirectory(directory)) {
            Path fromModule = Path.of("..", "..", "shared", "conformance");
            if (Files.isDirectory(fromModule)) {
                return fromModule;
            }
            throw new IllegalStateException("conformance data not found at " + directory.toAbsolutePath());
        }
        return directory;
    }

    public Optional<String> expectedErrorName() {
        return Optional.ofNullable(expected.get("error")).map(error -> error.path("errorName").asText());
    }

    /**
     * Compares; returns empty when the result matches, otherwise what differs. {@code compareTypes}
     * false compares column names only (as the TPC-H cases are compared).
     */
    public Optional<String> mismatch(StatementClient.Result actual, boolean compareTypes) {
        Optional<String> expectedError = expectedErrorName();
        if (expectedError.isPresent()) {
            if (actual.error().isEmpty()) {
                return Optional.of("expected error " + expectedError.get() + " but the statement succeeded");
            }
            String name = actual.errorName();
            if (!name.equals(expectedError.get())) {
                return Optional.of("expected error " + expectedError.get() + " but got " + name + ": "
                        + actual.error().get().path("message").asText());
            }
            String type = expected.path("error").path("errorType").asText("");
            if (!type.isEmpty() && !type.equals(actual.error().get().path("errorType").asText())) {
                return Optional.of("expected error type " + type + " but got " + actual.error().get().path("errorType").asText());
            }
            return Optional.empty();
        }
        if (actual.error().isPresent()) {
            return Optional.of("failed with " + actual.errorName() + ": " + actual.error().get().path("message").asText());
        }
        String check = expected.path("check").asText("");
        if (check.equals("success")) {
            return Optional.empty();
        }
        JsonNode columns = expected.path("columns");
        if (columns.size() != actual.columns().size()) {
            return Optional.of("expected " + columns.size() + " columns, got " + actual.columns().size());
        }
        boolean checkTypes = compareTypes && expected.path("check_types").asBoolean(true);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).path("name").asText();
            String type = normalizeType(columns.get(i).path("type").asText());
            types.add(type);
            StatementClient.Column column = actual.columns().get(i);
            if (!name.equalsIgnoreCase(column.name())) {
                return Optional.of("column " + i + ": expected name " + name + ", got " + column.name());
            }
            if (checkTypes && !type.equals(normalizeType(column.type()))) {
                return Optional.of("column " + name + ": expected type " + type + ", got " + column.type());
            }
        }
        List<JsonNode> expectedRows = new ArrayList<>();
        expected.path("rows").forEach(expectedRows::add);
        List<JsonNode> actualRows = actual.rows().stream().map(row -> MAPPER.<JsonNode>valueToTree(row)).toList();
        if (expectedRows.size() != actualRows.size()) {
            return Optional.of("expected " + expectedRows.size() + " rows, got " + actualRows.size());
        }
        if (check.equals("row_count")) {
            return Optional.empty();
        }
        double tolerance = expected.has("rel_tol") ? expected.get("rel_tol").asDouble() : -1;
        boolean ordered = expected.path("ordered").asBoolean(false);
        if (ordered && expected.has("order_by")) {
            List<Integer> keys = new ArrayList<>();
            expected.get("order_by").forEach(key -> keys.add(key.asInt()));
            for (int row = 0; row < expectedRows.size(); row++) {
                for (int key : keys) {
                    if (!valuesEqual(types.get(key), expectedRows.get(row).get(key), actualRows.get(row).get(key), tolerance)) {
                        return Optional.of("row " + row + " is out of order or differs in column " + key + ": expected "
                                + expectedRows.get(row) + ", got " + actualRows.get(row));
                    }
                }
            }
        }
        if (!ordered || expected.has("order_by")) {
            Comparator<JsonNode> order = ExpectedResult::compareRows;
            expectedRows.sort(order);
            actualRows = new ArrayList<>(actualRows);
            actualRows.sort(order);
        }
        for (int row = 0; row < expectedRows.size(); row++) {
            JsonNode expectedRow = expectedRows.get(row);
            JsonNode actualRow = actualRows.get(row);
            for (int column = 0; column < types.size(); column++) {
                if (!valuesEqual(types.get(column), expectedRow.get(column), actualRow.get(column), tolerance)) {
                    return Optional.of("row " + row + " column " + column + ": expected " + expectedRow + ", got " + actualRow);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Rows of an answer set against the expected rows as multisets: {@code missing} expected rows the answer
     * lacks, {@code extra} answer rows beyond those expected (a duplicated row, or a row with a wrong value,
     * which also makes one expected row missing).
     */
    public record RowDifference(int missing, int extra) {
        public RowDifference {
            if (missing < 0 || extra < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + missing + ", " + extra);
            }
        }

        public boolean isEmpty() {
            return missing == 0 && extra == 0;
        }
    }

    /**
     * Matches the rows of a successful answer with the expected rows in any order, by the value rules of
     * {@link #mismatch} (column types from the expected result, tolerances included), each row at most once.
     * An answer with another number of columns matches no row. Meant for small results: quadratic in the rows.
     */
    public RowDifference rowDifference(StatementClient.Result actual) {
        List<JsonNode> expectedRows = new ArrayList<>();
        expected.path("rows").forEach(expectedRows::add);
        List<JsonNode> actualRows = actual.rows().stream().map(row -> MAPPER.<JsonNode>valueToTree(row)).toList();
        JsonNode columns = expected.path("columns");
        if (columns.size() != actual.columns().size()) {
            return new RowDifference(expectedRows.size(), actualRows.size());
        }
        List<String> types = new ArrayList<>();
        columns.forEach(column -> types.add(normalizeType(column.path("type").asText())));
        double tolerance = expected.has("rel_tol") ? expected.get("rel_tol").asDouble() : -1;
        boolean[] matched = new boolean[actualRows.size()];
        int missing = 0;
        for (JsonNode expectedRow : expectedRows) {
            boolean found = false;
            for (int i = 0; i < actualRows.size() && !found; i++) {
                if (!matched[i] && rowsEqual(types, expectedRow, actualRows.get(i), tolerance)) {
                    matched[i] = true;
                    found = true;
                }
            }
            if (!found) {
                missing++;
            }
        }
        int extra = 0;
        for (boolean used : matched) {
            extra += used ? 0 : 1;
        }
        return new RowDifference(missing, extra);
    }

    private static boolean rowsEqual(List<String> types, JsonNode expectedRow, JsonNode actualRow, double tolerance) {
        if (expectedRow.size() != actualRow.size()) {
            return false;
        }
        for (int column = 0; column < types.size(); column++) {
            if (!valuesEqual(types.get(column), expectedRow.get(column), actualRow.get(column), tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static String normalizeType(String type) {
        return type.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static boolean valuesEqual(String type, JsonNode expected, JsonNode actual, double tolerance) {
        if (expected == null || expected.isNull() || actual == null || actual.isNull()) {
            return (expected == null || expected.isNull()) && (actual == null || actual.isNull());
        }
        if (tolerance > 0 && isNumeric(expected) && isNumeric(actual)) {
            return close(numeric(expected), numeric(actual), tolerance);
        }
        if (type.startsWith("double") || type.startsWith("real")) {
            return doublesEqual(expected, actual);
        }
        if (type.startsWith("decimal")) {
            try {
                return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return nestedEqual(expected, actual);
    }

    /**
     * Equality of two JSON values as the conformance rules compare nested values (arrays, maps, rows): numbers
     * as numbers (doubles within the relative tolerance), containers element by element.
     */
    public static boolean nestedEqual(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
                return expected.bigIntegerValue().equals(actual.bigIntegerValue());
            }
            return close(expected.doubleValue(), actual.doubleValue(), RELATIVE_TOLERANCE);
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!nestedEqual(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = actual.get(field.getKey());
                if (other == null || !nestedEqual(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean doublesEqual(JsonNode expected, JsonNode actual) {
        if (expected.isTextual() || actual.isTextual()) {
            return expected.asText().equals(actual.asText());
        }
        return close(expected.doubleValue(), actual.doubleValue(), RELATIVE_TOLERANCE);
    }

    private static boolean isNumeric(JsonNode node) {
        if (node.isNumber()) {
            return true;
        }
        try {
            new BigDecimal(node.asText());
            return node.isTextual();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double numeric(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText());
    }

    private static boolean close(double expected, double actual, double relative) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        double difference = Math.abs(expected - actual);
        return difference <= ABSOLUTE_TOLERANCE || difference <= relative * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /**
     * A total order of rows: NULL first, numbers by value, booleans, then strings, then nested values by JSON
     * text; also the order the bench sorts two servers' unordered answers in.
     */
    public static int compareRows(JsonNode left, JsonNode right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int result = compareValues(left.get(i), right.get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareValues(JsonNode left, JsonNode right) {
        int leftRank = rank(left);
        int rightRank = rank(right);
        if (leftRank != rightRank) {
            return Integer.compare(leftRank, rightRank);
        }
        return switch (leftRank) {
            case 0 -> 0;
            case 1 -> Double.compare(left.doubleValue(), right.doubleValue());
            case 2 -> Boolean.compare(left.booleanValue(), right.booleanValue());
            case 3 -> compareText(left.asText(), right.asText());
            default -> left.toString().compareTo(right.toString());
        };
    }

    private static int compareText(String left, String right) {
        try {
            return new BigDecimal(left).compareTo(new BigDecimal(right));
        } catch (NumberFormatException e) {
            return left.compareTo(right);
        }
    }

    private static int rank(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            return 1;
        }
        if (node.isBoolean()) {
            return 2;
        }
        if (node.isTextual()) {
            return 3;
        }
        return 4;
    }
}
