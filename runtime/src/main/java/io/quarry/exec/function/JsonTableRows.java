package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of a json_table, as JSON text: an array of rows, each an array holding, for each path of the table (the
 * root path first, then the nested paths in the order written), the number of the path's item (from 1) and the
 * item's JSON text, or two nulls where the row has no item of that path. Arguments: the input, the shape of the
 * plan (after a {@code +} when the table is LEFT JOINed ON true: one row of nulls where it has none), 'EMPTY' or
 * 'ERROR' (ON ERROR), the paths, then the root path's PASSING names and values.
 *
 * <p>The shape says how paths join: a path's number, then for a path with children {@code O} (OUTER: an item whose
 * children give no row still gives one) or {@code I} (INNER: it gives none) and its children's group; a group is a
 * path or {@code (U…)} (UNION: the rows of each in turn, the others' columns null) or {@code (C…)} (CROSS: every
 * combination) of groups separated by commas. A path that fails (input that is no JSON, a strict path that does not
 * fit) gives no items, or with ERROR ON ERROR fails the query.
 */
final class JsonTableRows {
    private JsonTableRows() {}

    /** A path and how its children join it; a leaf has no children. */
    private record PathNode(int number, JsonPath path, boolean outer, Group children) implements Group {}

    /** A node or siblings combined. */
    private sealed interface Group permits PathNode, Siblings {}

    private record Siblings(boolean union, List<Group> groups) implements Group {}

    static ScalarKernel resolve(List<Expression> arguments) {
        String written = constant(arguments, 1);
        boolean nullRowWhenEmpty = written.startsWith("+"); // LEFT JOIN json_table(…) ON true
        String shape = nullRowWhenEmpty ? written.substring(1) : written;
        boolean errorOnError = constant(arguments, 2).equals("ERROR");
        List<JsonPath> paths = new ArrayList<>();
        int first = 3;
        int count = (int) Arrays.stream(shape.split("[^0-9]+")).filter(part -> !part.isEmpty()).count();
        for (int i = 0; i < count; i++) {
            String text = constant(arguments, first + i);
            JsonPath path = JsonPath.parse(text);
            if (i > 0) {
                // the PASSING clause's values are the root path's only
                JsonPathFunctions.Passed.of(List.of(), 0).check(JsonPath.variables(text));
            }
            paths.add(path);
        }
        JsonPathFunctions.Passed passed = JsonPathFunctions.Passed.of(arguments, first + count);
        passed.check(JsonPath.variables(constant(arguments, first)));
        PathNode root = (PathNode) new ShapeReader(shape, paths).group();
        int width = 2 * count;
        return (blocks, rows) -> {
            BlockBuilder out = BlockBuilder.create(Types.VARCHAR, rows);
            for (int row = 0; row < rows; row++) {
                String table = rows(blocks, row, root, passed, width, errorOnError);
                out.appendString(nullRowWhenEmpty && table.equals("[]") ? nullRow(width) : table);
            }
            return out.build();
        };
    }

    private static String rows(Block[] blocks, int row, PathNode root, JsonPathFunctions.Passed passed, int width,
            boolean errorOnError) {
        if (blocks[0].isNull(row)) {
            return "[]";
        }
        Object document;
        Map<String, Object> variables;
        try {
            document = JsonValues.parseOrdered(Kernels.string(blocks[0], row));
            variables = passed.at(blocks, row);
        } catch (IOException e) {
            if (errorOnError) {
                throw new QuarryException(ErrorCode.JSON_INPUT_CONVERSION_ERROR, "conversion to JSON failed: " + e.getMessage());
            }
            return "[]";
        }
        List<Object[]> found = new Walk(width, errorOnError).rows(root, document, variables);
        List<Object> table = new ArrayList<>(found.size());
        for (Object[] values : found) {
            List<Object> cells = new ArrayList<>(width);
            for (Object value : values) {
                cells.add(value == null ? JsonValues.NULL : value);
            }
            table.add(cells);
        }
        return JsonValues.format(table);
    }

    /** One row whose every cell is null: no path has an item. */
    private static String nullRow(int width) {
        return JsonValues.format(List.of(java.util.Collections.nCopies(width, JsonValues.NULL)));
    }

    /** The rows of one input. */
    private record Walk(int width, boolean errorOnError) {
        /** The rows of a path's items in {@code context}, each with the columns of the path and of its children. */
        List<Object[]> rows(PathNode node, Object context, Map<String, Object> variables) {
            List<Object> items;
            try {
                items = JsonPathEvaluator.evaluate(node.path(), context, variables);
            } catch (JsonPathEvaluator.PathError e) {
                if (errorOnError) {
                    throw new QuarryException(ErrorCode.PATH_EVALUATION_ERROR, e.getMessage());
                }
                items = List.of();
            }
            List<Object[]> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                List<Object[]> below = node.children() == null ? emptyRow() : rows(node.children(), item);
                if (below.isEmpty() && node.outer()) {
                    below = emptyRow();
                }
                for (Object[] values : below) {
                    values[2 * node.number()] = (long) (i + 1);
                    values[2 * node.number() + 1] = JsonValues.format(item);
                    out.add(values);
                }
            }
            return out;
        }

        /** One row with no path's item yet. */
        private List<Object[]> emptyRow() {
            List<Object[]> row = new ArrayList<>(1);
            row.add(new Object[width]);
            return row;
        }

        private List<Object[]> rows(Group group, Object item) {
            if (group instanceof PathNode node) {
                return rows(node, item, Map.of());
            }
            Siblings siblings = (Siblings) group;
            if (siblings.union()) {
                List<Object[]> out = new ArrayList<>();
                siblings.groups().forEach(sibling -> out.addAll(rows(sibling, item)));
                return out;
            }
            List<Object[]> out = emptyRow();
            for (Group sibling : siblings.groups()) {
                List<Object[]> next = new ArrayList<>();
                List<Object[]> right = rows(sibling, item);
                for (Object[] left : out) {
                    for (Object[] values : right) {
                        Object[] merged = left.clone();
                        for (int k = 0; k < width; k++) {
                            if (values[k] != null) {
                                merged[k] = values[k];
                            }
                        }
                        next.add(merged);
                    }
                }
                out = next;
            }
            return out;
        }
    }

    /** Reads a shape ({@code 0O(U1I2,3)}) into nodes. */
    private static final class ShapeReader {
        private final String shape;
        private final List<JsonPath> paths;
        private int at;

        ShapeReader(String shape, List<JsonPath> paths) {
            this.shape = shape;
            this.paths = paths;
        }

        Group group() {
            if (shape.charAt(at) == '(') {
                boolean union = shape.charAt(at + 1) == 'U';
                at += 2;
                List<Group> groups = new ArrayList<>();
                groups.add(group());
                while (shape.charAt(at) == ',') {
                    at++;
                    groups.add(group());
                }
                at++; // ')'
                return new Siblings(union, List.copyOf(groups));
            }
            int start = at;
            while (at < shape.length() && Character.isDigit(shape.charAt(at))) {
                at++;
            }
            int number = Integer.parseInt(shape.substring(start, at));
            if (at < shape.length() && (shape.charAt(at) == 'O' || shape.charAt(at) == 'I')) {
                boolean outer = shape.charAt(at++) == 'O';
                return new PathNode(number, paths.get(number), outer, group());
            }
            return new PathNode(number, paths.get(number), true, null);
        }
    }

    private static String constant(List<Expression> arguments, int index) {
        if (!(arguments.get(index) instanceof Constant constant) || !(constant.value() instanceof String text)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "The JSON paths of json_table must be constants");
        }
        return text;
    }
}
