package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.ExtendedAggregates;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.SortKey;
import io.quarry.plan.Window;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.rex.RexWindowBound;

/**
 * Translates a projection with window functions ({@code f(...) OVER (...)}): the operands, keys and frame
 * offsets that are not plain columns are computed by a projection first; each distinct PARTITION BY/ORDER BY
 * gets a {@link Window} node, stacked, each adding its functions' channels; a last projection computes the
 * select list over those channels.
 */
final class WindowTranslator {
    private static final Set<String> WINDOW_FUNCTIONS = Set.of(
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value");

    private final PlanTranslator translator;
    private final RexBuilder rexBuilder;

    WindowTranslator(PlanTranslator translator, RexBuilder rexBuilder) {
        this.translator = requireNonNull(translator, "translator is null");
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
    }

    PlanTranslator.Translated translate(LogicalProject project) {
        PlanTranslator.Translated input =
                translator.translate(project.getInput(), RelOptUtil.InputFinder.bits(project.getProjects(), null));
        ExpressionTranslator expressions = translator.expressions(input);
        List<Type> inputTypes = input.node().outputTypes();
        int inputWidth = inputTypes.size();

        // every distinct window call, in order of appearance
        Map<RexOver, Integer> overs = new LinkedHashMap<>();
        RexShuttle collector = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver over) {
                overs.putIfAbsent(over, overs.size());
                return over;
            }
        };
        for (RexNode expression : project.getProjects()) {
            expression.accept(collector);
        }

        // channels of operands: columns as they are, other expressions projected after the input's channels
        List<Expression> extra = new ArrayList<>();
        Map<String, Integer> extraChannels = new LinkedHashMap<>();
        BiFunction<RexNode, Type, Integer> channelOf = (node, type) -> {
            if (node instanceof RexInputRef ref && type == null) {
                return input.mapping()[ref.getIndex()];
            }
            Expression expression = expressions.translate(node);
            if (type != null) {
                expression = ExpressionTranslator.coerce(expression, type);
            }
            String key = expression.toString();
            Integer channel = extraChannels.get(key);
            if (channel == null) {
                channel = inputWidth + extra.size();
                extra.add(expression);
                extraChannels.put(key, channel);
            }
            return channel;
        };

        // group the calls by partitioning and ordering
        Map<String, List<RexOver>> byWindow = new LinkedHashMap<>();
        Map<String, List<Integer>> partitionsByWindow = new LinkedHashMap<>();
        Map<String, List<SortKey>> ordersByWindow = new LinkedHashMap<>();
        Map<RexOver, WindowFunction> functions = new LinkedHashMap<>();
        for (RexOver over : overs.keySet()) {
            RexWindow window = over.getWindow();
            List<Integer> partitionKeys = new ArrayList<>();
            boolean groups = false;
            for (RexNode key : window.partitionKeys) {
                if (GroupsFrames.isMarker(key)) {
                    groups = true;
                    continue;
                }
                partitionKeys.add(channelOf.apply(key, null));
            }
            List<SortKey> orderKeys = new ArrayList<>();
            for (RexFieldCollation collation : window.orderKeys) {
                Type keyType = TypeMapping.toQuarry(collation.left.getType());
                if (!keyType.isOrderable()) {
                    throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                            keyType.displayName() + " is not orderable, and therefore cannot be used in window function ORDER BY");
                }
                int channel = channelOf.apply(collation.left, null);
                boolean ascending = collation.getDirection() != RelFieldCollation.Direction.DESCENDING;
                boolean nullsFirst = collation.getNullDirection() == RelFieldCollation.NullDirection.FIRST;
                orderKeys.add(new SortKey(channel, ascending, nullsFirst));
            }
            String name = functionName(over);
            if ((name.equals("lag") || name.equals("lead")) && orderKeys.isEmpty()) {
                throw new QuarryException(ErrorCode.MISSING_ORDER_BY, name + " function requires an ORDER BY window clause");
            }
            if (groups || window.isRows()) {
                checkCountedOffset(groups ? "GROUPS" : "ROWS", "start", window.getLowerBound());
                checkCountedOffset(groups ? "GROUPS" : "ROWS", "end", window.getUpperBound());
            } else if (window.orderKeys.size() == 1) {
                checkRangeOffset(window.orderKeys.get(0).left, window.getLowerBound());
                checkRangeOffset(window.orderKeys.get(0).left, window.getUpperBound());
            }
            if (groups && orderKeys.isEmpty() && (window.getLowerBound().getOffset() != null || window.getUpperBound().getOffset() != null)) {
                throw new QuarryException(ErrorCode.MISSING_ORDER_BY,
                        "Window frame of type GROUPS PRECEDING or FOLLOWING requires ORDER BY");
            }
            String key = partitionKeys + "/" + orderKeys;
            byWindow.computeIfAbsent(key, k -> new ArrayList<>()).add(over);
            partitionsByWindow.put(key, partitionKeys);
            ordersByWindow.put(key, orderKeys);
            functions.put(over, function(over, channelOf, groups,
                    channel -> channel < inputWidth ? inputTypes.get(channel) : extra.get(channel - inputWidth).type()));
        }

        PlanNode node = input.node();
        if (!extra.isEmpty()) {
            List<Expression> projections = new ArrayList<>();
            for (int channel = 0; channel < inputWidth; channel++) {
                projections.add(new InputRef(channel, inputTypes.get(channel)));
            }
            projections.addAll(extra);
            node = new Project(node, projections);
        }
        Map<RexOver, Integer> overChannels = new LinkedHashMap<>();
        for (Map.Entry<String, List<RexOver>> entry : byWindow.entrySet()) {
            List<WindowFunction> windowFunctions = new ArrayList<>();
            int channel = node.outputTypes().size();
            for (RexOver over : entry.getValue()) {
                windowFunctions.add(functions.get(over));
                overChannels.put(over, channel++);
            }
            node = new Window(node, partitionsByWindow.get(entry.getKey()), ordersByWindow.get(entry.getKey()), windowFunctions);
        }

        // the select list over the window channels: each call becomes a reference past the input's fields
        int fieldCount = project.getInput().getRowType().getFieldCount();
        int[] mapping = new int[fieldCount + overs.size()];
        System.arraycopy(input.mapping(), 0, mapping, 0, fieldCount);
        for (Map.Entry<RexOver, Integer> entry : overs.entrySet()) {
            mapping[fieldCount + entry.getValue()] = overChannels.get(entry.getKey());
        }
        RexShuttle replacer = new RexShuttle() {
            @Override
            public RexNode visitOver(RexOver over) {
                return rexBuilder.makeInputRef(over.getType(), fieldCount + overs.get(over));
            }
        };
        ExpressionTranslator outer = new ExpressionTranslator(rexBuilder, node.outputTypes(), mapping);
        List<Expression> projections = new ArrayList<>();
        for (RexNode expression : project.getProjects()) {
            projections.add(outer.translate(expression.accept(replacer)));
        }
        return new PlanTranslator.Translated(new Project(node, projections), SetOperationTranslator.identity(projections.size()));
    }

    /** A ROWS or GROUPS offset counts rows or groups: Trino takes integers (decimals of scale 0 too) and nothing else. */
    private static void checkCountedOffset(String unit, String end, RexWindowBound bound) {
        RexNode offset = bound.getOffset();
        if (offset == null) {
            return;
        }
        org.apache.calcite.rel.type.RelDataType type = offset.getType();
        boolean integral = switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            case DECIMAL -> type.getScale() == 0;
            default -> false;
        };
        if (!integral) {
            String actual = type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL
                    ? "unknown"
                    : TypeMapping.toQuarry(type).displayName();
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Window frame " + unit + " " + end
                    + " value type must be exact numeric type with scale 0 (actual " + actual + ")");
        }
    }

    /** A time of day moves by days, hours, minutes and seconds only: months make no sense on a clock. */
    private static void checkRangeOffset(RexNode key, RexWindowBound bound) {
        RexNode offset = bound.getOffset();
        if (offset == null) {
            return;
        }
        Type keyType = TypeMapping.toQuarry(key.getType());
        Type offsetType = TypeMapping.toQuarry(offset.getType());
        if ((keyType instanceof io.quarry.type.TimeType || keyType instanceof io.quarry.type.TimeWithTimeZoneType)
                && offsetType instanceof io.quarry.type.IntervalYearMonthType) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Window frame RANGE value type (" + offsetType.displayName()
                    + ") not compatible with sort item type (" + keyType.displayName() + ")");
        }
    }

    /** Strings of bounded lengths widen to the longer length, as in Trino (Calcite makes them unbounded). */
    private static Type boundedText(Type widened, RexNode value, RexNode fallback) {
        int valueLength = textLength(TypeMapping.toQuarry(value.getType()));
        int fallbackLength = textLength(TypeMapping.toQuarry(fallback.getType()));
        if (widened instanceof io.quarry.type.VarcharType && valueLength >= 0 && fallbackLength >= 0) {
            return io.quarry.type.Types.varchar(Math.max(valueLength, fallbackLength));
        }
        return widened;
    }

    /** The offset of lag, lead and nth_value is a bigint: Trino coerces the smaller integers only. */
    private static void checkOffsetArgument(String name, List<RexNode> operands) {
        org.apache.calcite.sql.type.SqlTypeName offset = operands.get(1).getType().getSqlTypeName();
        switch (offset) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, NULL -> {
                return;
            }
            default -> {
                String expected = name.equals("nth_value")
                        ? "nth_value(t, bigint) T"
                        : name + "(t) T, " + name + "(t, bigint) T, " + name + "(t, bigint, t) T";
                String actual = operands.stream().map(operand -> TypeMapping.toQuarry(operand.getType()).displayName())
                        .collect(java.util.stream.Collectors.joining(", "));
                throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND,
                        "Unexpected parameters (" + actual + ") for function " + name + ". Expected: " + expected);
            }
        }
    }

    /** Whether lag's or lead's value and default have a common type in Trino: numbers, texts, NULL or like types. */
    private static boolean sharesType(Type value, Type fallback) {
        if (value.equals(fallback) || fallback instanceof io.quarry.type.UnknownType || value instanceof io.quarry.type.UnknownType
                || value.isNumeric() && fallback.isNumeric()) {
            return true;
        }
        if (isText(value) || isText(fallback)) {
            return isText(value) && isText(fallback);
        }
        return value.getClass() == fallback.getClass();
    }

    private static boolean isText(Type type) {
        return type instanceof io.quarry.type.VarcharType || type instanceof io.quarry.type.CharType;
    }

    /** The length of a bounded varchar or char type, else -1. */
    private static int textLength(Type type) {
        if (type instanceof io.quarry.type.VarcharType varchar && !varchar.isUnbounded()) {
            return varchar.length();
        }
        return type instanceof io.quarry.type.CharType text ? text.length() : -1;
    }

    /** Window functions that give their argument's values: a char argument keeps its type (Calcite reads it as varchar). */
    private static final java.util.Set<String> VALUE_KEEPING = java.util.Set.of(
            "lag", "lead", "first_value", "last_value", "nth_value", "min", "max", "arbitrary", "any_value");

    private static WindowFunction function(RexOver over, BiFunction<RexNode, Type, Integer> channelOf, boolean groups,
            java.util.function.IntFunction<Type> channelType) {
        String name = functionName(over);
        Type resultType = TypeMapping.toQuarry(over.getType());
        boolean valueFunction = name.equals("lag") || name.equals("lead");
        if ((valueFunction || name.equals("nth_value")) && over.getOperands().size() > 1) {
            checkOffsetArgument(name, over.getOperands());
        }
        if (valueFunction && over.getOperands().size() < 3) {
            // without a default, lag/lead have the value's type
            resultType = TypeMapping.toQuarry(over.getOperands().get(0).getType());
        } else if (valueFunction) {
            Type value = TypeMapping.toQuarry(over.getOperands().get(0).getType());
            Type fallback = TypeMapping.toQuarry(over.getOperands().get(2).getType());
            if (!sharesType(value, fallback)) {
                throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + value.displayName() + ", "
                        + TypeMapping.toQuarry(over.getOperands().get(1).getType()).displayName() + ", " + fallback.displayName()
                        + ") for function " + name + ". Expected: " + name + "(t) T, " + name + "(t, bigint) T, " + name + "(t, bigint, t) T");
            }
            resultType = boundedText(resultType, over.getOperands().get(0), over.getOperands().get(2));
            if (over.getOperands().get(0) instanceof RexInputRef
                    && channelType.apply(channelOf.apply(over.getOperands().get(0), null)) instanceof io.quarry.type.CharType chars) {
                // a char value with a text default: char of the longer length, Trino's common type
                resultType = CharCast.withChars(resultType, List.of(chars, fallback));
            }
        }
        List<Integer> arguments = new ArrayList<>();
        List<Type> argumentTypes = new ArrayList<>();
        List<RexNode> operands = over.getOperands();
        OrderedWindowAggregates.Ordered ordered =
                over.getAggOperator() instanceof OrderedWindowAggregates.Ordered call ? call : null;
        for (int i = 0; i < operands.size(); i++) {
            RexNode operand = operands.get(i);
            Type type = TypeMapping.toQuarry(operand.getType());
            Type target = null;
            if (valueFunction && operands.size() == 3 && i != 1) {
                // with a default, the value and the default take their common type (Trino's lag(T, bigint, T))
                target = resultType;
                type = target;
            }
            arguments.add(channelOf.apply(operand, target));
            argumentTypes.add(type);
        }
        boolean defaulted = valueFunction && operands.size() == 3;
        if (VALUE_KEEPING.contains(name) && !arguments.isEmpty() && !defaulted
                && channelType.apply(arguments.get(0)) instanceof io.quarry.type.CharType value) {
            resultType = CharCast.withChars(resultType, List.of(value));
            argumentTypes.set(0, value);
        }
        RexWindow window = over.getWindow();
        if (window.getExclude() != org.apache.calcite.rex.RexWindowExclusion.EXCLUDE_NO_OTHER) {
            // Trino's grammar has no frame exclusion; ignoring it would give wrong frames
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "Window frame exclusion (EXCLUDE) is not supported");
        }
        WindowFrame frame = new WindowFrame(
                groups ? WindowFrame.Kind.GROUPS : window.isRows() ? WindowFrame.Kind.ROWS : WindowFrame.Kind.RANGE,
                bound(window.getLowerBound()),
                offset(window.getLowerBound(), channelOf),
                bound(window.getUpperBound()),
                offset(window.getUpperBound(), channelOf));
        OrderableTypes.checkAggregate(name, argumentTypes);
        List<SortKey> orderBy = new ArrayList<>();
        if (ordered != null) {
            for (int k = 0; k < ordered.directions().size(); k++) {
                int operand = ordered.plainOperands() + k;
                OrderableTypes.check(argumentTypes.get(operand), operands.get(operand).toString());
                OrderedWindowAggregates.Direction direction = ordered.directions().get(k);
                orderBy.add(new SortKey(arguments.get(operand), direction.ascending(), direction.nullsFirst()));
            }
        }
        return new WindowFunction(name, arguments, argumentTypes, resultType, frame, over.ignoreNulls(), over.isDistinct(), orderBy);
    }

    /**
     * The Quarry name of the call: a ranking or value function, or any aggregate Quarry has (the same names the
     * aggregation path uses), which the window operator evaluates with that aggregate's accumulator over the frame.
     */
    private static String functionName(RexOver over) {
        if (over.getAggOperator() instanceof OrderedWindowAggregates.Ordered ordered) {
            String name = ordered.aggregate();
            if (WINDOW_FUNCTIONS.contains(name)) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Only aggregation window functions with ORDER BY are supported");
            }
            return knownAggregate(name);
        }
        String counted = CountedMinMaxCalls.quarryName(over.getAggOperator());
        String name = counted != null ? counted : over.getAggOperator().getName().toLowerCase(Locale.ROOT);
        name = switch (over.getAggOperator().getKind()) {
            case SUM, SUM0 -> "sum";
            case COUNT -> "count";
            case AVG -> "avg";
            case MIN -> "min";
            case MAX -> "max";
            case ARRAY_AGG -> "array_agg";
            default -> name;
        };
        return knownAggregate(name);
    }

    private static String knownAggregate(String name) {
        if (WINDOW_FUNCTIONS.contains(name) || ExtendedAggregates.FUNCTIONS.contains(name) || MoreAggregateFunctions.NAMES.contains(name)
                || List.of("sum", "count", "avg", "min", "max", "array_agg", "map_agg").contains(name)) {
            return name;
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Window function " + name + " is not supported yet");
    }

    private static WindowFrame.Bound bound(RexWindowBound bound) {
        if (bound.isUnbounded()) {
            return bound.isPreceding() ? WindowFrame.Bound.UNBOUNDED_PRECEDING : WindowFrame.Bound.UNBOUNDED_FOLLOWING;
        }
        if (bound.isCurrentRow()) {
            return WindowFrame.Bound.CURRENT_ROW;
        }
        return bound.isPreceding() ? WindowFrame.Bound.PRECEDING : WindowFrame.Bound.FOLLOWING;
    }

    private static Optional<Integer> offset(RexWindowBound bound, BiFunction<RexNode, Type, Integer> channelOf) {
        if (bound.isUnbounded() || bound.isCurrentRow()) {
            return Optional.empty();
        }
        return Optional.of(channelOf.apply(requireNonNull(bound.getOffset(), "offset is null"), null));
    }
}
