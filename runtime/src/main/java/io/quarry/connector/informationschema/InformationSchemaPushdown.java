package io.quarry.connector.informationschema;

import io.quarry.plan.Filter;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.SchemaTableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a query's equality filters on {@code table_schema} and {@code table_name} narrow what an
 * {@code information_schema} table lists, so that {@code WHERE table_schema = 'x' AND table_name = 'y'} reads one
 * table's metadata instead of the whole catalog's. The scan keeps its filter (which still decides the rows); the
 * constraint travels in the scanned table's name, {@code columns[table_schema='x'][table_name='y']}, which is what
 * the scheduler hands the connector when it asks for splits (and what EXPLAIN shows).
 */
public final class InformationSchemaPushdown {
    private static final Pattern CONSTRAINT = Pattern.compile("\\[(table_schema|table_name)='((?:[^']|'')*)']");

    /** A listing narrowed to one schema and/or one table name. */
    record Listing(Optional<String> schema, Optional<String> table) {
        static final Listing ALL = new Listing(Optional.empty(), Optional.empty());

        boolean includesSchema(String name) {
            return schema.isEmpty() || schema.get().equals(name);
        }

        boolean includesTable(String name) {
            return table.isEmpty() || table.get().equals(name);
        }
    }

    /** An information_schema table's name without its constraint, and the constraint. */
    record ConstrainedName(String table, Listing listing) {}

    private InformationSchemaPushdown() {}

    /** The plan with the constraints of filters over information_schema scans carried into the scans. */
    public static PlanNode apply(PlanNode node) {
        if (node instanceof Filter filter && filter.source() instanceof TableScan scan
                && scan.table().schema().equals(InformationSchemaTables.SCHEMA)
                && scan.table().table().indexOf('[') < 0) {
            Optional<String> schema = Optional.empty();
            Optional<String> table = Optional.empty();
            for (Expression conjunct : conjuncts(filter.predicate())) {
                Optional<String[]> equality = columnEquality(conjunct, scan);
                if (equality.isPresent() && equality.get()[0].equals("table_schema")) {
                    schema = Optional.of(equality.get()[1]);
                } else if (equality.isPresent() && equality.get()[0].equals("table_name")) {
                    table = Optional.of(equality.get()[1]);
                }
            }
            if (schema.isEmpty() && table.isEmpty()) {
                return node;
            }
            String name = scan.table().table()
                    + schema.map(value -> "[table_schema='" + value.replace("'", "''") + "']").orElse("")
                    + table.map(value -> "[table_name='" + value.replace("'", "''") + "']").orElse("");
            TableScan narrowed = new TableScan(scan.catalog(), new SchemaTableName(scan.table().schema(), name), scan.columns());
            return new Filter(narrowed, filter.predicate());
        }
        List<PlanNode> sources = node.sources();
        if (sources.isEmpty()) {
            return node;
        }
        List<PlanNode> rewritten = new ArrayList<>(sources.size());
        boolean changed = false;
        for (PlanNode source : sources) {
            PlanNode replaced = apply(source);
            changed |= replaced != source;
            rewritten.add(replaced);
        }
        return changed ? node.replaceSources(rewritten) : node;
    }

    /** Reads back a name {@link #apply} made; a plain name lists everything. */
    static ConstrainedName parse(String table) {
        int open = table.indexOf('[');
        if (open < 0) {
            return new ConstrainedName(table, Listing.ALL);
        }
        Optional<String> schema = Optional.empty();
        Optional<String> name = Optional.empty();
        Matcher matcher = CONSTRAINT.matcher(table);
        int position = open;
        while (position < table.length() && matcher.find(position) && matcher.start() == position) {
            String value = matcher.group(2).replace("''", "'");
            if (matcher.group(1).equals("table_schema")) {
                schema = Optional.of(value);
            } else {
                name = Optional.of(value);
            }
            position = matcher.end();
        }
        if (position != table.length()) {
            return new ConstrainedName(table, Listing.ALL); // not one of ours: the lookup then fails as for any name
        }
        return new ConstrainedName(table.substring(0, open), new Listing(schema, name));
    }

    private static List<Expression> conjuncts(Expression predicate) {
        if (predicate instanceof SpecialForm form && form.form() == Form.AND) {
            List<Expression> all = new ArrayList<>();
            form.arguments().forEach(argument -> all.addAll(conjuncts(argument)));
            return all;
        }
        return List.of(predicate);
    }

    /** {@code [column, value]} when the expression is {@code column = 'value'} (either way round). */
    private static Optional<String[]> columnEquality(Expression expression, TableScan scan) {
        if (!(expression instanceof Call call) || !call.function().equals("equal") || call.arguments().size() != 2) {
            return Optional.empty();
        }
        Expression left = uncast(call.arguments().get(0));
        Expression right = uncast(call.arguments().get(1));
        if (right instanceof InputRef) {
            Expression swap = left;
            left = right;
            right = swap;
        }
        if (left instanceof InputRef column && right instanceof Constant constant && constant.value() instanceof String value
                && column.channel() < scan.columns().size()) {
            return Optional.of(new String[] {scan.columns().get(column.channel()).name(), value});
        }
        return Optional.empty();
    }

    private static Expression uncast(Expression expression) {
        if (expression instanceof Call call && call.function().equals("cast") && call.arguments().size() == 1) {
            return call.arguments().get(0);
        }
        return expression;
    }
}
