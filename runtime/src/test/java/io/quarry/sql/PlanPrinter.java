package io.quarry.sql;

import io.quarry.plan.Aggregate;
import io.quarry.plan.Filter;
import io.quarry.plan.Limit;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Sort;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import java.util.stream.Collectors;

/** Prints plans and expressions compactly, for assertions and failure messages. */
final class PlanPrinter {
    private PlanPrinter() {}

    static String print(PlanNode node) {
        StringBuilder out = new StringBuilder();
        print(node, 0, out);
        return out.toString();
    }

    private static void print(PlanNode node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(line(node)).append('\n');
        for (PlanNode source : node.sources()) {
            print(source, depth + 1, out);
        }
    }

    private static String line(PlanNode node) {
        if (node instanceof Output output) {
            return "Output" + output.columnNames();
        }
        if (node instanceof TableScan scan) {
            return "TableScan[" + scan.catalog() + "." + scan.table() + " "
                    + scan.columns().stream().map(ColumnMetadata::name).collect(Collectors.joining(", ")) + "]";
        }
        if (node instanceof Filter filter) {
            return "Filter[" + expression(filter.predicate()) + "]";
        }
        if (node instanceof Project project) {
            return "Project[" + project.projections().stream().map(PlanPrinter::expression).collect(Collectors.joining(", ")) + "]";
        }
        if (node instanceof Aggregate aggregate) {
            return "Aggregate[" + aggregate.step() + " keys=" + aggregate.groupKeys() + " "
                    + aggregate.calls().stream()
                            .map(c -> c.function() + (c.distinct() ? "(DISTINCT " : "(") + c.arguments() + ")"
                                    + c.filter().map(f -> " FILTER #" + f).orElse("") + ":" + c.resultType().displayName())
                            .collect(Collectors.joining(", "))
                    + "]";
        }
        if (node instanceof Sort sort) {
            return "Sort" + sort.keys();
        }
        if (node instanceof TopN topN) {
            return "TopN[" + topN.count() + " " + topN.keys() + "]";
        }
        if (node instanceof Limit limit) {
            return "Limit[offset=" + limit.offset() + " count=" + limit.count() + "]";
        }
        if (node instanceof Values values) {
            return "Values" + values.rows().stream()
                    .map(row -> row.stream().map(PlanPrinter::expression).collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return node.getClass().getSimpleName();
    }

    static String expression(Expression expression) {
        if (expression instanceof InputRef ref) {
            return "#" + ref.channel();
        }
        if (expression instanceof Constant constant) {
            Object value = constant.value();
            return (value instanceof String ? "'" + value + "'" : String.valueOf(value)) + ":" + constant.type().displayName();
        }
        if (expression instanceof Call call) {
            return call.function() + call.arguments().stream().map(PlanPrinter::expression).collect(Collectors.joining(", ", "(", ")"))
                    + ":" + call.type().displayName();
        }
        if (expression instanceof io.quarry.plan.expression.Lambda lambda) {
            return "lambda" + lambda.parameterTypes() + "->" + expression(lambda.body());
        }
        SpecialForm form = (SpecialForm) expression;
        return form.form() + form.arguments().stream().map(PlanPrinter::expression).collect(Collectors.joining(", ", "(", ")"));
    }
}
