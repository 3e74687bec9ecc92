package io.quarry.actor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quarry.connector.CatalogManager;
import io.quarry.plan.Filter;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableStatistics;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON document of {@code EXPLAIN (TYPE IO)}, with Trino's fields: {@code inputTableColumnInfos} (each table
 * read, with {@code table.catalog}, {@code table.schemaTable.schema/table}, the {@code constraint} the filter right
 * above its scan puts on its columns as domains of ranges, and an {@code estimate} whose row count comes from the
 * connector's statistics), {@code outputTable} for writes, and the query's {@code estimate}. Unknown estimates are
 * NaN, as in Trino.
 */
final class IoPlanJson {
    private static final JsonFactory JSON = new JsonFactory();

    /** Where a range ends: at the value ({@code EXACTLY}), just above or just below it, or unbounded (no value). */
    private enum Bound { EXACTLY, ABOVE, BELOW }

    private record Marker(Optional<Object> value, Bound bound) {
        static final Marker LOWEST = new Marker(Optional.empty(), Bound.ABOVE);
        static final Marker HIGHEST = new Marker(Optional.empty(), Bound.BELOW);
    }

    private record Range(Marker low, Marker high) {}

    /** The values a column may have: ranges, and whether NULL is allowed. */
    private record Domain(boolean nullsAllowed, List<Range> ranges) {}

    private record ColumnConstraint(String column, Type type, Domain domain) {}

    private record TableInfo(String catalog, SchemaTableName table, List<ColumnConstraint> constraints) {}

    private IoPlanJson() {}

    /** The document for the plan {@code root}; {@code outputTable} is the catalog and table a write fills. */
    static String render(PlanNode root, Optional<List<String>> outputTable, CatalogManager catalogs) {
        Set<TableInfo> inputs = new LinkedHashSet<>();
        collect(root, inputs);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("inputTableColumnInfos");
            for (TableInfo input : inputs) {
                json.writeStartObject();
                json.writeFieldName("table");
                writeTable(json, input.catalog(), input.table().schema(), input.table().table());
                json.writeObjectFieldStart("constraint");
                json.writeBooleanField("none", input.constraints().stream().anyMatch(IoPlanJson::isNone));
                json.writeArrayFieldStart("columnConstraints");
                for (ColumnConstraint constraint : input.constraints()) {
                    writeConstraint(json, constraint);
                }
                json.writeEndArray();
                json.writeEndObject();
                writeEstimate(json, rowCount(catalogs, input));
                json.writeEndObject();
            }
            json.writeEndArray();
            if (outputTable.isPresent()) {
                List<String> name = outputTable.get();
                json.writeFieldName("outputTable");
                writeTable(json, name.get(0), name.get(1), name.get(2));
            }
            writeEstimate(json, Double.NaN);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static double rowCount(CatalogManager catalogs, TableInfo input) {
        try {
            return catalogs.require(input.catalog()).metadata().statistics(input.table()).rowCount();
        } catch (RuntimeException e) {
            return TableStatistics.UNKNOWN.rowCount();
        }
    }

    private static boolean isNone(ColumnConstraint constraint) {
        return !constraint.domain().nullsAllowed() && constraint.domain().ranges().isEmpty();
    }

    private static void collect(PlanNode node, Set<TableInfo> inputs) {
        if (node instanceof TableScan scan) {
            inputs.add(new TableInfo(scan.catalog(), scan.table(), List.of()));
            return;
        }
        if (node instanceof Filter filter && filter.source() instanceof TableScan scan) {
            inputs.add(new TableInfo(scan.catalog(), scan.table(), constraints(scan, filter.predicate())));
            return;
        }
        for (PlanNode source : node.sources()) {
            collect(source, inputs);
        }
    }

    // ---- domains from the conjuncts of a filter ----

    private static List<ColumnConstraint> constraints(TableScan scan, Expression predicate) {
        Map<Integer, Domain> domains = new LinkedHashMap<>();
        for (Expression conjunct : conjuncts(predicate)) {
            Optional<Map.Entry<Integer, Domain>> domain = domain(conjunct);
            if (domain.isEmpty()) {
                continue;
            }
            int channel = domain.get().getKey();
            Domain previous = domains.get(channel);
            domains.put(channel, previous == null ? domain.get().getValue() : intersect(previous, domain.get().getValue()));
        }
        List<ColumnConstraint> constraints = new ArrayList<>();
        domains.forEach((channel, domain) -> {
            ColumnMetadata column = scan.columns().get(channel);
            constraints.add(new ColumnConstraint(column.name(), column.type(), domain));
        });
        constraints.sort(Comparator.comparing(ColumnConstraint::column));
        return constraints;
    }

    private static List<Expression> conjuncts(Expression predicate) {
        if (predicate instanceof SpecialForm form && form.form() == Form.AND) {
            List<Expression> conjuncts = new ArrayList<>();
            form.arguments().forEach(argument -> conjuncts.addAll(conjuncts(argument)));
            return conjuncts;
        }
        return List.of(predicate);
    }

    /** The domain a conjunct puts on one column, when it is a comparison, IN list or null test of a column. */
    private static Optional<Map.Entry<Integer, Domain>> domain(Expression conjunct) {
        if (conjunct instanceof SpecialForm form) {
            List<Expression> arguments = form.arguments();
            if (arguments.isEmpty() || !(arguments.get(0) instanceof InputRef column)) {
                return Optional.empty();
            }
            if (form.form() == Form.IS_NULL) {
                return Optional.of(Map.entry(column.channel(), new Domain(true, List.of())));
            }
            if (form.form() == Form.IS_NOT_NULL) {
                return Optional.of(Map.entry(column.channel(), new Domain(false, List.of(new Range(Marker.LOWEST, Marker.HIGHEST)))));
            }
            if (form.form() == Form.IN) {
                List<Object> values = new ArrayList<>();
                for (Expression item : arguments.subList(1, arguments.size())) {
                    if (!(item instanceof Constant constant) || !(constant.value() instanceof Comparable<?>)) {
                        return Optional.empty();
                    }
                    if (!values.contains(constant.value())) {
                        values.add(constant.value());
                    }
                }
                values.sort(IoPlanJson::compare);
                List<Range> points = values.stream().map(IoPlanJson::point).toList();
                return Optional.of(Map.entry(column.channel(), new Domain(false, points)));
            }
            return Optional.empty();
        }
        if (!(conjunct instanceof Call call) || call.arguments().size() != 2) {
            return Optional.empty();
        }
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        String name = call.function();
        if (left instanceof Constant && right instanceof InputRef) {
            Expression swap = left;
            left = right;
            right = swap;
            name = switch (name) {
                case "less_than" -> "greater_than";
                case "less_than_or_equal" -> "greater_than_or_equal";
                case "greater_than" -> "less_than";
                case "greater_than_or_equal" -> "less_than_or_equal";
                default -> name;
            };
        }
        if (!(left instanceof InputRef column) || !(right instanceof Constant constant)
                || !(constant.value() instanceof Comparable<?>)) {
            return Optional.empty();
        }
        Optional<Object> value = Optional.of(constant.value());
        Range range = switch (name) {
            case "equal" -> point(constant.value());
            case "less_than" -> new Range(Marker.LOWEST, new Marker(value, Bound.BELOW));
            case "less_than_or_equal" -> new Range(Marker.LOWEST, new Marker(value, Bound.EXACTLY));
            case "greater_than" -> new Range(new Marker(value, Bound.ABOVE), Marker.HIGHEST);
            case "greater_than_or_equal" -> new Range(new Marker(value, Bound.EXACTLY), Marker.HIGHEST);
            default -> null;
        };
        return range == null ? Optional.empty() : Optional.of(Map.entry(column.channel(), new Domain(false, List.of(range))));
    }

    private static Range point(Object value) {
        Marker marker = new Marker(Optional.of(value), Bound.EXACTLY);
        return new Range(marker, marker);
    }

    private static Domain intersect(Domain a, Domain b) {
        List<Range> ranges = new ArrayList<>();
        for (Range first : a.ranges()) {
            for (Range second : b.ranges()) {
                Optional<Range> both = intersect(first, second);
                if (both.isEmpty()) {
                    continue;
                }
                ranges.add(both.get());
            }
        }
        return new Domain(a.nullsAllowed() && b.nullsAllowed(), ranges);
    }

    private static Optional<Range> intersect(Range a, Range b) {
        Marker low = compareLow(a.low(), b.low()) >= 0 ? a.low() : b.low();
        Marker high = compareHigh(a.high(), b.high()) <= 0 ? a.high() : b.high();
        if (low.value().isPresent() && high.value().isPresent()) {
            int order = compare(low.value().get(), high.value().get());
            if (order > 0 || order == 0 && (low.bound() != Bound.EXACTLY || high.bound() != Bound.EXACTLY)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(low, high));
    }

    /** Orders lower ends: unbounded first; at one value, EXACTLY before ABOVE. */
    private static int compareLow(Marker a, Marker b) {
        if (a.value().isEmpty() || b.value().isEmpty()) {
            return Boolean.compare(a.value().isPresent(), b.value().isPresent());
        }
        int order = compare(a.value().get(), b.value().get());
        return order != 0 ? order : Integer.compare(a.bound() == Bound.ABOVE ? 1 : 0, b.bound() == Bound.ABOVE ? 1 : 0);
    }

    /** Orders upper ends: unbounded last; at one value, BELOW before EXACTLY. */
    private static int compareHigh(Marker a, Marker b) {
        if (a.value().isEmpty() || b.value().isEmpty()) {
            return Boolean.compare(a.value().isEmpty(), b.value().isEmpty());
        }
        int order = compare(a.value().get(), b.value().get());
        return order != 0 ? order : Integer.compare(a.bound() == Bound.BELOW ? 0 : 1, b.bound() == Bound.BELOW ? 0 : 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number first && b instanceof Number second && a.getClass() != b.getClass()) {
            return new BigDecimal(first.toString()).compareTo(new BigDecimal(second.toString()));
        }
        return ((Comparable) a).compareTo(b);
    }

    // ---- writing ----

    private static void writeTable(JsonGenerator json, String catalog, String schema, String table) throws IOException {
        json.writeStartObject();
        json.writeStringField("catalog", catalog);
        json.writeObjectFieldStart("schemaTable");
        json.writeStringField("schema", schema);
        json.writeStringField("table", table);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeConstraint(JsonGenerator json, ColumnConstraint constraint) throws IOException {
        json.writeStartObject();
        json.writeStringField("columnName", constraint.column());
        json.writeStringField("type", constraint.type().displayName());
        json.writeObjectFieldStart("domain");
        json.writeBooleanField("nullsAllowed", constraint.domain().nullsAllowed());
        json.writeArrayFieldStart("ranges");
        for (Range range : constraint.domain().ranges()) {
            json.writeStartObject();
            writeMarker(json, "low", range.low(), constraint.type());
            writeMarker(json, "high", range.high(), constraint.type());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeMarker(JsonGenerator json, String name, Marker marker, Type type) throws IOException {
        json.writeObjectFieldStart(name);
        if (marker.value().isPresent()) {
            json.writeStringField("value", text(marker.value().get(), type));
        }
        json.writeStringField("bound", marker.bound().name());
        json.writeEndObject();
    }

    /** A constant as SQL shows it (dates as ISO dates, decimals in plain notation). */
    private static String text(Object value, Type type) {
        if (type.equals(Types.DATE) && value instanceof Long days) {
            return LocalDate.ofEpochDay(days).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }

    private static void writeEstimate(JsonGenerator json, double rowCount) throws IOException {
        json.writeObjectFieldStart("estimate");
        json.writeNumberField("outputRowCount", rowCount);
        json.writeNumberField("outputSizeInBytes", Double.NaN);
        json.writeNumberField("cpuCost", Double.NaN);
        json.writeNumberField("maxMemory", Double.NaN);
        json.writeNumberField("networkCost", Double.NaN);
        json.writeEndObject();
    }
}
