package io.quarry.sql;

import io.quarry.plan.AggregateCall;
import io.quarry.plan.MatchRecognize;
import io.quarry.plan.MatchValue;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.RowPattern;
import io.quarry.plan.SortKey;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BooleanType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates Calcite's {@link Match} (MATCH_RECOGNIZE) into a {@link MatchRecognize} node. The navigations, CLASSIFIER,
 * MATCH_NUMBER and aggregates of the DEFINE and MEASURES clauses become {@link MatchValue}s, and the expressions around
 * them read those values as their input channels. The output follows the row type the validator gave
 * ({@link MatchRecognizeRowType}): ONE ROW PER MATCH the partition keys and measures, ALL ROWS PER MATCH the partition
 * keys, order keys, measures and the other input columns.
 */
final class MatchRecognizeTranslator {
    private final PlanTranslator plans;
    private final List<String> labels = new ArrayList<>();
    private final Map<String, List<Integer>> subsets = new LinkedHashMap<>();
    private final List<MatchValue> values = new ArrayList<>();
    /** The references to CLASSIFIER values and the calls over them, which are typed again ({@link ValueExtractor}). */
    private final Set<RexNode> overClassifier = Collections.newSetFromMap(new IdentityHashMap<>());
    private PlanTranslator.Translated input;
    private List<Type> inputTypes;
    /** Expressions navigated or aggregated over (PREV(A.x + 1), sum(A.x * 2)): computed for every row before matching. */
    private final List<Expression> computedColumns = new ArrayList<>();

    MatchRecognizeTranslator(PlanTranslator plans) {
        this.plans = plans;
    }

    PlanTranslator.Translated translate(Match match) {
        int inputFields = match.getInput().getRowType().getFieldCount();
        input = plans.translate(match.getInput(), ImmutableBitSet.range(inputFields));
        inputTypes = input.node().outputTypes();
        List<Integer> partitionKeys = new ArrayList<>();
        match.getPartitionKeys().forEach(field -> partitionKeys.add(input.mapping()[field]));
        List<SortKey> orderKeys = new ArrayList<>();
        List<Integer> orderFields = new ArrayList<>();
        for (RelFieldCollation field : match.getOrderKeys().getFieldCollations()) {
            OrderableTypes.check(inputTypes.get(input.mapping()[field.getFieldIndex()]),
                    match.getInput().getRowType().getFieldNames().get(field.getFieldIndex()));
            orderFields.add(field.getFieldIndex());
            orderKeys.add(new SortKey(input.mapping()[field.getFieldIndex()], !field.getDirection().isDescending(),
                    field.nullDirection == RelFieldCollation.NullDirection.FIRST));
        }
        RowsPerMatchModes.Mode mode = RowsPerMatchModes.mode(match.getPattern());
        RexNode patternNode = RowsPerMatchModes.pattern(match.getPattern());
        collectLabels(patternNode);
        match.getPatternDefinitions().keySet().forEach(name -> {
            if (!labels.contains(name)) {
                throw new QuarryException(ErrorCode.INVALID_LABEL, "defined variable: " + PatternVariableNames.decode(name)
                        + " is not a primary pattern variable");
            }
        });
        for (Map.Entry<String, SortedSet<String>> subset : match.getSubsets().entrySet()) {
            subsets.put(subset.getKey(), subset.getValue().stream().map(labels::indexOf).toList());
        }
        // the anchors ^ and $ come as calls wherever they are (MatchRecognizeSyntax), never as Calcite's strict start or end
        RowPattern pattern = pattern(patternNode);
        if (match.isAllRows() && mode.rowsPerMatch().equals("ALL_WITH_UNMATCHED") && excludes(pattern)) {
            throw new QuarryException(ErrorCode.INVALID_ROW_PATTERN,
                    "Pattern exclusion syntax is not allowed when ALL ROWS PER MATCH WITH UNMATCHED ROWS is specified");
        }
        List<RexNode> defines = new ArrayList<>();
        for (String label : labels) {
            RexNode define = match.getPatternDefinitions().get(label);
            defines.add(define == null ? null : define.accept(new ValueExtractor(true)));
        }
        List<RexNode> measures = new ArrayList<>();
        for (RexNode measure : match.getMeasures().values()) {
            measures.add(measure.accept(new ValueExtractor(true)));
        }
        List<Type> valueTypes = values.stream().map(MatchValue::type).toList();
        ExpressionTranslator expressions = new ExpressionTranslator(plans.rexBuilder(), valueTypes, PlanTranslator.identity(valueTypes.size()));
        List<Expression> defineExpressions = new ArrayList<>();
        for (RexNode define : defines) {
            Expression expression = define == null
                    ? new io.quarry.plan.expression.Constant(true, Types.BOOLEAN)
                    : expressions.translate(define);
            if (!(expression.type() instanceof BooleanType)) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                        "Expression defining a label must be boolean (actual type: " + expression.type().displayName() + ")");
            }
            defineExpressions.add(expression);
        }
        List<Expression> measureExpressions = measures.stream().map(expressions::translate).toList();
        PlanNode source = input.node();
        if (!computedColumns.isEmpty()) {
            List<Expression> projections = new ArrayList<>();
            for (int channel = 0; channel < input.node().outputTypes().size(); channel++) {
                projections.add(new InputRef(channel, input.node().outputTypes().get(channel)));
            }
            projections.addAll(computedColumns);
            source = new Project(source, projections);
        }
        String after = afterMatchSkip(match.getAfter());
        List<Integer> skipLabels = after.startsWith("TO_F") || after.startsWith("TO_L")
                ? labelsOf(RexLiteral.stringValue(((RexCall) match.getAfter()).getOperands().get(0)))
                : List.of();
        String rowsPerMatch = match.isAllRows() ? mode.rowsPerMatch() : "ONE";
        MatchRecognize node = new MatchRecognize(source, partitionKeys, orderKeys, rowsPerMatch, after, skipLabels,
                labels.stream().map(PatternVariableNames::decode).toList(), pattern, defineExpressions, values, measureExpressions,
                mode.frameFollowing(), mode.windowMeasures());
        return new PlanTranslator.Translated(node, outputMapping(match, partitionKeys, orderFields));
    }

    /** The channel of each field of the row type: see {@link MatchRecognizeRowType} for their order. */
    private int[] outputMapping(Match match, List<Integer> partitionKeys, List<Integer> orderFields) {
        int measureCount = match.getMeasures().size();
        int[] mapping = new int[match.getRowType().getFieldCount()];
        int field = 0;
        if (!match.isAllRows()) {
            for (int k = 0; k < partitionKeys.size() + measureCount; k++) {
                mapping[field++] = k;
            }
            return mapping;
        }
        List<Integer> shown = new ArrayList<>();
        match.getPartitionKeys().forEach(shown::add);
        orderFields.stream().filter(key -> !shown.contains(key)).forEach(shown::add);
        // a key may show more than once (PARTITION BY p ORDER BY p, ORDER BY x, x): each of the first fields is named after its key
        List<String> inputNames = match.getInput().getRowType().getFieldNames();
        // the values of sub-queries of MEASURES and DEFINE, last in the input, are not shown
        int hidden = RowsPerMatchModes.mode(match.getPattern()).hiddenColumns();
        int keyFields = mapping.length - measureCount - (match.getInput().getRowType().getFieldCount() - hidden - shown.size());
        for (int k = 0; k < keyFields; k++) {
            String name = MatchRecognizeRowType.shownName(match.getRowType().getFieldNames().get(k));
            int key = shown.stream().filter(candidate -> inputNames.get(candidate).equalsIgnoreCase(name)).findFirst()
                    .orElse(shown.get(Math.min(k, shown.size() - 1)));
            mapping[field++] = input.mapping()[key];
        }
        for (int k = 0; k < measureCount; k++) {
            mapping[field++] = inputTypes.size() + computedColumns.size() + k;
        }
        for (int key = 0; key < match.getInput().getRowType().getFieldCount() && field < mapping.length; key++) {
            if (!shown.contains(key)) {
                mapping[field++] = input.mapping()[key];
            }
        }
        return mapping;
    }

    private static String afterMatchSkip(RexNode after) {
        if (after instanceof RexLiteral literal) {
            return literal.getValueAs(SqlMatchRecognize.AfterOption.class) == SqlMatchRecognize.AfterOption.SKIP_TO_NEXT_ROW
                    ? "TO_NEXT_ROW"
                    : "PAST_LAST_ROW";
        }
        return after.getKind() == SqlKind.SKIP_TO_FIRST ? "TO_FIRST" : "TO_LAST";
    }

    private void collectLabels(RexNode pattern) {
        if (pattern instanceof RexLiteral literal) {
            String name = RexLiteral.stringValue(literal);
            if (!labels.contains(name)) {
                labels.add(name);
            }
        } else if (pattern instanceof RexCall call) {
            // a quantifier's other operands are its bounds
            List<RexNode> operands = call.getKind() == SqlKind.PATTERN_QUANTIFIER ? call.getOperands().subList(0, 1) : call.getOperands();
            operands.forEach(this::collectLabels);
        }
    }

    private RowPattern pattern(RexNode node) {
        if (node instanceof RexLiteral literal) {
            return RowPattern.label(labels.indexOf(RexLiteral.stringValue(literal)));
        }
        RexCall call = (RexCall) node;
        List<RexNode> operands = call.getOperands();
        return switch (call.getKind()) {
            case PATTERN_CONCAT -> RowPattern.of(RowPattern.Kind.CONCATENATION, operands.stream().map(this::pattern).toList());
            case PATTERN_ALTER -> RowPattern.of(RowPattern.Kind.ALTERNATION, operands.stream().map(this::pattern).toList());
            case PATTERN_QUANTIFIER -> {
                int min = RexLiteral.intValue(operands.get(1));
                int max = RexLiteral.intValue(operands.get(2));
                boolean reluctant = RexLiteral.booleanValue(operands.get(3));
                if (max == 0) {
                    throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                            "Pattern quantifier upper bound must be greater than or equal to 1");
                }
                if (max >= 0 && Math.max(min, 0) > max) {
                    throw new QuarryException(ErrorCode.INVALID_RANGE,
                            "Pattern quantifier upper bound must be greater than or equal to lower bound");
                }
                yield RowPattern.quantified(pattern(operands.get(0)), min, max, !reluctant);
            }
            case PATTERN_EXCLUDED -> RowPattern.of(RowPattern.Kind.EXCLUSION, List.of(pattern(operands.get(0))));
            case PATTERN_PERMUTE -> permute(operands.stream().map(this::pattern).toList());
            default -> call.getOperator() == MatchRecognizeCalls.PATTERN_START ? RowPattern.of(RowPattern.Kind.START, List.of())
                    : call.getOperator() == MatchRecognizeCalls.PATTERN_END ? RowPattern.of(RowPattern.Kind.END, List.of())
                    : call.getOperator() == MatchRecognizeCalls.PATTERN_EMPTY ? RowPattern.of(RowPattern.Kind.CONCATENATION, List.of())
                    : unsupportedPattern(call);
        };
    }

    private static boolean excludes(RowPattern pattern) {
        return pattern.kind() == RowPattern.Kind.EXCLUSION || pattern.children().stream().anyMatch(MatchRecognizeTranslator::excludes);
    }

    private static RowPattern unsupportedPattern(RexCall call) {
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Row pattern " + call.getOperator().getName() + " is not supported yet");
    }

    private record ComputedColumn(int channel, Type type, List<Integer> labels) {}

    /** PERMUTE: every order of the elements, preferred in lexicographic order of their positions, as in Trino. */
    private static RowPattern permute(List<RowPattern> elements) {
        if (elements.size() > 7) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "PERMUTE of more than 7 elements is not supported yet");
        }
        List<RowPattern> orders = new ArrayList<>();
        permutations(elements, new ArrayList<>(), new boolean[elements.size()], orders);
        return orders.size() == 1 ? orders.get(0) : RowPattern.of(RowPattern.Kind.ALTERNATION, orders);
    }

    private static void permutations(List<RowPattern> elements, List<RowPattern> prefix, boolean[] used, List<RowPattern> out) {
        if (prefix.size() == elements.size()) {
            out.add(RowPattern.of(RowPattern.Kind.CONCATENATION, prefix));
            return;
        }
        for (int i = 0; i < elements.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(elements.get(i));
                permutations(elements, prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }

    /** The labels a name stands for: a pattern variable, a SUBSET, or every row (the empty list). */
    private List<Integer> labelsOf(String alpha) {
        if (subsets.containsKey(alpha)) {
            return subsets.get(alpha);
        }
        int label = labels.indexOf(alpha);
        return label < 0 ? List.of() : List.of(label);
    }

    /** Replaces the navigations, CLASSIFIER, MATCH_NUMBER and aggregates by references to {@link MatchValue}s. */
    private final class ValueExtractor extends RexShuttle {
        private final boolean running;

        ValueExtractor(boolean running) {
            this.running = running;
        }

        @Override
        public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
            return value(navigation(ref, false, 0), ref);
        }

        @Override
        public RexNode visitCall(RexCall call) {
            if (isMeasureNavigation(call)) {
                // FINAL before PREV or NEXT is refused (MatchRecognizeChecks): only ONE ROW PER MATCH's measures come FINAL,
                // where it is the same as RUNNING
                return value(navigation(call, false, 0), call);
            }
            switch (call.getKind()) {
                case FINAL:
                    return call.getOperands().get(0).accept(new ValueExtractor(false));
                case RUNNING:
                    return call.getOperands().get(0).accept(new ValueExtractor(true));
                case PREV, NEXT, FIRST, LAST, CLASSIFIER:
                    return value(navigation(call, false, 0), call);
                case MATCH_NUMBER:
                    return value(new MatchValue(MatchValue.Kind.MATCH_NUMBER, List.of(), running, false, 0, 0, -1, Types.BIGINT,
                            Optional.empty()), call);
                default:
                    if (call.getOperator() instanceof SqlAggFunction function) {
                        return value(aggregate(call, function), call);
                    }
                    if (call.getOperator() == MatchRecognizeCalls.SUBSET_COLUMN) {
                        return value(navigation(call, false, 0), call);
                    }
                    RexNode visited = super.visitCall(call);
                    if (visited == call || call.getKind() == SqlKind.CAST
                            || ((RexCall) visited).getOperands().stream().noneMatch(overClassifier::contains)) {
                        return visited;
                    }
                    // typed again over CLASSIFIER's unbounded varchar: lower(CLASSIFIER()) is no varchar(2000), as in Trino
                    RexNode retyped = plans.rexBuilder().makeCall(call.getOperator(), ((RexCall) visited).getOperands());
                    overClassifier.add(retyped);
                    return retyped;
            }
        }

        private RexNode value(MatchValue value, RexNode node) {
            int index = values.indexOf(value);
            if (index < 0) {
                index = values.size();
                values.add(value);
            }
            if (value.kind() != MatchValue.Kind.CLASSIFIER) {
                return new RexInputRef(index, node.getType());
            }
            RexNode classifier = new RexInputRef(index, unboundedVarchar());
            overClassifier.add(classifier);
            return classifier;
        }

        private org.apache.calcite.rel.type.RelDataType unboundedVarchar() {
            org.apache.calcite.rel.type.RelDataTypeFactory typeFactory = plans.rexBuilder().getTypeFactory();
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR), true);
        }

        /**
         * A navigation: physical PREV/NEXT around a logical FIRST/LAST (LAST(x, 0) when none), over a column
         * reference or CLASSIFIER.
         */
        private MatchValue navigation(RexNode node, boolean logicalSeen, int physical) {
            if (node instanceof RexPatternFieldRef ref) {
                int channel = input.mapping()[ref.getIndex()];
                return new MatchValue(MatchValue.Kind.COLUMN, labelsOf(ref.getAlpha()), running, false, 0, physical, channel,
                        inputTypes.get(channel), Optional.empty());
            }
            if (node instanceof RexCall subset && subset.getOperator() == MatchRecognizeCalls.SUBSET_COLUMN) {
                // the navigation of a column of the SUBSET's first variable, over the rows of all its variables
                MatchValue inner = navigation(subset.getOperands().get(1), logicalSeen, physical);
                return new MatchValue(inner.kind(), labelsOf(RexLiteral.stringValue(subset.getOperands().get(0))), inner.running(),
                        inner.fromFirst(), inner.logicalOffset(), inner.physicalOffset(), inner.channel(), inner.type(), inner.aggregate());
            }
            if (!(node instanceof RexCall call) || !isNavigation(call)) {
                RexCall pushed = pushedLogicalNavigation(node);
                if (pushed != null) {
                    // Calcite moves FIRST and LAST into the expression they navigate: PREV(FIRST(x + 1)) comes as PREV(FIRST(x) + FIRST(1))
                    MatchValue inner = navigation(withoutLogicalNavigations(node), true, 0);
                    return new MatchValue(inner.kind(), inner.labels(), running, pushed.getKind() == SqlKind.FIRST, offset(pushed),
                            physical, inner.channel(), inner.type(), Optional.empty());
                }
                ComputedColumn computed = computed(node);
                return new MatchValue(MatchValue.Kind.COLUMN, computed.labels(), running, false, 0, physical, computed.channel(),
                        computed.type(), Optional.empty());
            }
            if (call.getKind() == SqlKind.PREV || call.getKind() == SqlKind.NEXT || isMeasureNavigation(call)) {
                int offset = call.getOperands().size() < 2 ? 1 : offset(call);
                boolean back = call.getKind() == SqlKind.PREV || call.getOperator() == MatchRecognizeCalls.MEASURE_PREV;
                return navigation(call.getOperands().get(0), logicalSeen, physical + (back ? -offset : offset));
            }
            switch (call.getKind()) {
                case FIRST, LAST -> {
                    RexNode operand = call.getOperands().get(0);
                    if (operand instanceof RexCall nested && isNavigation(nested) && nested.getKind() != SqlKind.CLASSIFIER
                            && !(nested.getKind() == SqlKind.PREV && offset(nested) == 0)) {
                        throw new QuarryException(ErrorCode.INVALID_NAVIGATION_NESTING, "Cannot nest " + navigationName(nested)
                                + " pattern navigation function inside " + navigationName(call) + " pattern navigation function");
                    }
                    MatchValue inner = navigation(operand, true, 0);
                    return new MatchValue(inner.kind(), inner.labels(), running, call.getKind() == SqlKind.FIRST, offset(call),
                            physical, inner.channel(), inner.type(), Optional.empty());
                }
                case CLASSIFIER -> {
                    if (!call.getOperands().isEmpty() && call.getOperands().get(0) instanceof RexCall moved && isNavigation(moved)) {
                        // Calcite moves a navigation of CLASSIFIER(S) into its argument: CLASSIFIER(PREV('s')) is PREV(CLASSIFIER(S))
                        List<RexNode> operands = new ArrayList<>(moved.getOperands());
                        operands.set(0, call.clone(call.getType(), List.of(moved.getOperands().get(0))));
                        return navigation(moved.clone(call.getType(), operands), logicalSeen, physical);
                    }
                    List<Integer> of = call.getOperands().isEmpty() ? List.of() : classifierLabels(RexLiteral.stringValue(call.getOperands().get(0)));
                    return new MatchValue(MatchValue.Kind.CLASSIFIER, of, running, false, 0, physical, -1, Types.VARCHAR, Optional.empty());
                }
                default -> throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                        "Row pattern navigation over an expression is not supported yet");
            }
        }

        /** The variables of CLASSIFIER's argument inside an aggregate: none, or the marker of {@link MatchRecognizeCalls}. */
        private List<Integer> classifierArgumentLabels(RexCall classifier) {
            if (classifier.getOperands().isEmpty()) {
                return List.of();
            }
            RexNode argument = classifier.getOperands().get(0);
            while (argument instanceof RexCall call && !call.getOperands().isEmpty()) {
                argument = call.getOperands().get(0);
            }
            return argument instanceof RexPatternFieldRef ref ? classifierLabels(ref.getAlpha())
                    : classifierLabels(RexLiteral.stringValue(argument));
        }

        /** The variables CLASSIFIER(name) looks for: those of a primary variable or of a SUBSET. */
        private List<Integer> classifierLabels(String name) {
            if (!labels.contains(name) && !subsets.containsKey(name)) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        PatternVariableNames.decode(name) + " is not a primary pattern variable or subset name");
            }
            return labelsOf(name);
        }

        /** The FIRST or LAST Calcite moved into the operands of {@code node}, when they all are the same; else null. */
        private static RexCall pushedLogicalNavigation(RexNode node) {
            List<RexCall> found = new ArrayList<>();
            node.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall call) {
                    if (call.getKind() == SqlKind.FIRST || call.getKind() == SqlKind.LAST) {
                        found.add(call);
                        return call;
                    }
                    return super.visitCall(call);
                }
            });
            boolean same = !found.isEmpty() && found.stream().allMatch(call -> call.getKind() == found.get(0).getKind()
                    && offset(call) == offset(found.get(0)));
            return same ? found.get(0) : null;
        }

        private static RexNode withoutLogicalNavigations(RexNode node) {
            return node.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall call) {
                    if (call.getKind() == SqlKind.FIRST || call.getKind() == SqlKind.LAST) {
                        return call.getOperands().get(0);
                    }
                    return super.visitCall(call);
                }
            });
        }

        private static boolean isNavigation(RexCall call) {
            return isMeasureNavigation(call) || switch (call.getKind()) {
                case PREV, NEXT, FIRST, LAST, CLASSIFIER -> true;
                default -> false;
            };
        }

        /** An expression over the columns of one pattern variable, computed for every row: its channel and variable. */
        private ComputedColumn computed(RexNode expression) {
            List<String> alphas = new ArrayList<>();
            RexNode plain = expression.accept(new RexShuttle() {
                @Override
                public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
                    if (!alphas.contains(ref.getAlpha())) {
                        alphas.add(ref.getAlpha());
                    }
                    return new RexInputRef(ref.getIndex(), ref.getType());
                }

                @Override
                public RexNode visitCall(RexCall call) {
                    if (call.getOperator() == MatchRecognizeCalls.SUBSET_COLUMN && subsetColumn(call) != null) {
                        String subset = RexLiteral.stringValue(call.getOperands().get(0));
                        if (!alphas.contains(subset)) {
                            alphas.add(subset);
                        }
                        RexPatternFieldRef column = subsetColumn(call);
                        return new RexInputRef(column.getIndex(), column.getType());
                    }
                    // Calcite reads a column of a variable as its last row: PREV(A.x, 0) or LAST(A.x, 0)
                    if ((call.getKind() == SqlKind.PREV || call.getKind() == SqlKind.LAST) && offset(call) == 0
                            && call.getOperands().get(0) instanceof RexPatternFieldRef) {
                        return call.getOperands().get(0).accept(this);
                    }
                    if (isNavigation(call) || call.getKind() == SqlKind.MATCH_NUMBER) {
                        throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                                "Row pattern navigation inside the argument of a navigation or an aggregate is not supported yet");
                    }
                    return super.visitCall(call);
                }
            });
            if (alphas.size() > 1) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENTS, "All labels and classifiers inside the call must match");
            }
            Expression translated = plans.expressions(input).translate(plain);
            int channel = inputTypes.size() + computedColumns.size();
            computedColumns.add(translated);
            return new ComputedColumn(channel, translated.type(), alphas.isEmpty() ? List.of() : labelsOf(alphas.get(0)));
        }

        /** The column of a SUBSET_COLUMN without navigation (but Calcite's PREV(V.x, 0)), or null. */
        private static RexPatternFieldRef subsetColumn(RexCall subset) {
            RexNode column = subset.getOperands().get(1);
            if (column instanceof RexCall prev && prev.getKind() == SqlKind.PREV && offset(prev) == 0) {
                column = prev.getOperands().get(0);
            }
            return column instanceof RexPatternFieldRef ref ? ref : null;
        }

        private static String navigationName(RexCall call) {
            if (call.getOperator() == MatchRecognizeCalls.MEASURE_PREV) {
                return "prev";
            }
            if (call.getOperator() == MatchRecognizeCalls.MEASURE_NEXT) {
                return "next";
            }
            return call.getOperator().getName().toLowerCase(Locale.ROOT);
        }

        private static boolean isMeasureNavigation(RexCall call) {
            return call.getOperator() == MatchRecognizeCalls.MEASURE_PREV || call.getOperator() == MatchRecognizeCalls.MEASURE_NEXT;
        }

        private static int offset(RexCall call) {
            if (call.getOperands().size() < 2) {
                return 0;
            }
            if (!(call.getOperands().get(1) instanceof RexLiteral literal) || literal.isNull()) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENTS, "Offset of a row pattern navigation must be a constant");
            }
            long offset = literal.getValueAs(Long.class);
            if (offset > Integer.MAX_VALUE) {
                throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "The second argument of " + navigationName(call)
                        + " pattern recognition navigation function must not exceed " + Integer.MAX_VALUE + " (actual: " + offset + ")");
            }
            if (offset < 0) {
                throw new QuarryException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, navigationName(call)
                        + " pattern recognition navigation function requires a non-negative number as the second argument (actual: " + offset + ")");
            }
            return (int) offset;
        }

        private MatchValue aggregate(RexCall call, SqlAggFunction function) {
            List<Integer> arguments = new ArrayList<>();
            List<Type> argumentTypes = new ArrayList<>();
            List<Integer> of = null;
            if (call.getOperands().size() == 1 && call.getOperands().get(0) instanceof RexCall marker
                    && marker.getOperator() == MatchRecognizeCalls.LABEL_ROW) {
                // count(A.*): the rows of A
                MatchValue column = navigation(marker.getOperands().get(0), false, 0);
                AggregateCall count = new AggregateCall("count", List.of(), List.of(), Types.BIGINT, false, Optional.empty());
                return new MatchValue(MatchValue.Kind.AGGREGATE, column.labels(), running, false, 0, 0, -1, Types.BIGINT, Optional.of(count));
            }
            if (call.getOperands().stream().anyMatch(operand -> operand.getKind() != SqlKind.CLASSIFIER && readsMatchState(operand))) {
                return rowAggregate(call, function);
            }
            for (RexNode operand : call.getOperands()) {
                RexNode argument = operand.getKind() == SqlKind.PREV && operand instanceof RexCall prev && offset(prev) == 0
                        ? prev.getOperands().get(0)
                        : operand;
                List<Integer> refLabels;
                int channel;
                Type type;
                if (argument.getKind() == SqlKind.CLASSIFIER) {
                    // the variable of each row aggregated: CLASSIFIER() of all rows, CLASSIFIER(S) of the rows of S
                    refLabels = classifierArgumentLabels((RexCall) argument);
                    channel = MatchValue.CLASSIFIER_CHANNEL;
                    type = Types.VARCHAR;
                } else if (argument instanceof RexCall subset && subset.getOperator() == MatchRecognizeCalls.SUBSET_COLUMN) {
                    MatchValue column = navigation(subset, false, 0);
                    refLabels = column.labels();
                    channel = column.channel();
                    type = column.type();
                } else if (argument instanceof RexPatternFieldRef ref) {
                    refLabels = labelsOf(ref.getAlpha());
                    channel = input.mapping()[ref.getIndex()];
                    type = inputTypes.get(channel);
                } else {
                    ComputedColumn computed = computed(argument);
                    refLabels = computed.labels();
                    channel = computed.channel();
                    type = computed.type();
                }
                if (of != null && !of.equals(refLabels)) {
                    throw new QuarryException(ErrorCode.INVALID_ARGUMENTS,
                            "All aggregate function arguments must apply to rows matched with the same label");
                }
                of = refLabels;
                arguments.add(channel);
                argumentTypes.add(type);
            }
            String name = aggregateName(function);
            Type result = TypeMapping.toQuarry(call.getType());
            if (List.of("min", "max").contains(name) && !argumentTypes.isEmpty()) {
                result = argumentTypes.get(0);
            } else if (name.equals("array_agg") && !argumentTypes.isEmpty()) {
                result = new io.quarry.type.ArrayType(argumentTypes.get(0));
            }
            AggregateCall aggregate = new AggregateCall(name, arguments, argumentTypes, result, false, Optional.empty());
            return new MatchValue(MatchValue.Kind.AGGREGATE, of == null ? List.of() : of, running, false, 0, 0, -1, result,
                    Optional.of(aggregate));
        }

        private static String aggregateName(SqlAggFunction function) {
            return switch (function.getKind()) {
                case COUNT -> "count";
                case SUM, SUM0 -> "sum";
                case AVG -> "avg";
                case MIN -> "min";
                case MAX -> "max";
                default -> function.getName().toLowerCase(Locale.ROOT);
            };
        }

        /** Whether an expression reads CLASSIFIER() or MATCH_NUMBER(), which only matching knows. */
        private static boolean readsMatchState(RexNode node) {
            boolean[] found = {false};
            node.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall call) {
                    found[0] |= call.getKind() == SqlKind.CLASSIFIER || call.getKind() == SqlKind.MATCH_NUMBER;
                    return super.visitCall(call);
                }
            });
            return found[0];
        }

        /**
         * An aggregate whose arguments are expressions over each row's columns and its variable (CLASSIFIER()): they are
         * computed per row of the match, over the input channels, then the variable, then the match number.
         */
        private MatchValue rowAggregate(RexCall call, SqlAggFunction function) {
            int classifierField = input.mapping().length;
            List<Type> rowTypes = new ArrayList<>(inputTypes);
            rowTypes.add(Types.VARCHAR);
            rowTypes.add(Types.BIGINT);
            int[] rowMapping = Arrays.copyOf(input.mapping(), classifierField + 2);
            rowMapping[classifierField] = inputTypes.size();
            rowMapping[classifierField + 1] = inputTypes.size() + 1;
            ExpressionTranslator rowExpressions = new ExpressionTranslator(plans.rexBuilder(), rowTypes, rowMapping);
            org.apache.calcite.rel.type.RelDataTypeFactory typeFactory = plans.rexBuilder().getTypeFactory();
            org.apache.calcite.rel.type.RelDataType classifierType = typeFactory.createTypeWithNullability(
                    typeFactory.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR), true);
            List<List<Integer>> labelSets = new ArrayList<>();
            List<Expression> arguments = new ArrayList<>();
            for (RexNode operand : call.getOperands()) {
                RexNode plain = operand.accept(new RexShuttle() {
                    @Override
                    public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
                        labelSets.add(labelsOf(ref.getAlpha()));
                        return new RexInputRef(ref.getIndex(), ref.getType());
                    }

                    @Override
                    public RexNode visitCall(RexCall nested) {
                        if ((nested.getKind() == SqlKind.PREV || nested.getKind() == SqlKind.LAST) && offset(nested) == 0
                                && nested.getOperands().get(0) instanceof RexPatternFieldRef) {
                            return nested.getOperands().get(0).accept(this);
                        }
                        if (nested.getKind() == SqlKind.CLASSIFIER) {
                            labelSets.add(nested.getOperands().isEmpty() ? List.of() : classifierArgumentLabels(nested));
                            return new RexInputRef(classifierField, classifierType);
                        }
                        if (nested.getKind() == SqlKind.MATCH_NUMBER) {
                            return new RexInputRef(classifierField + 1, nested.getType());
                        }
                        if (isNavigation(nested)) {
                            throw new QuarryException(ErrorCode.NOT_SUPPORTED,
                                    "Row pattern navigation inside the argument of a navigation or an aggregate is not supported yet");
                        }
                        RexNode visited = super.visitCall(nested);
                        if (visited == nested || nested.getKind() == SqlKind.CAST) {
                            return visited;
                        }
                        // typed again over the classifier's type: lower(CLASSIFIER()) is an unbounded varchar, as in Trino
                        return plans.rexBuilder().makeCall(nested.getOperator(), ((RexCall) visited).getOperands());
                    }
                });
                arguments.add(rowExpressions.translate(plain));
            }
            if (labelSets.stream().distinct().count() > 1) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENTS,
                        "All labels and classifiers inside the call to '" + aggregateName(function) + "' must match");
            }
            List<Type> argumentTypes = arguments.stream().map(Expression::type).toList();
            String name = aggregateName(function);
            Type result = TypeMapping.toQuarry(call.getType());
            if (List.of("min", "max").contains(name)) {
                result = argumentTypes.get(0);
            } else if (name.equals("array_agg")) {
                result = new io.quarry.type.ArrayType(argumentTypes.get(0));
            }
            // the arguments are the computed blocks in their order
            List<Integer> channels = IntStream.range(0, arguments.size()).boxed().toList();
            AggregateCall aggregate = new AggregateCall(name, channels, argumentTypes, result, false, Optional.empty());
            return new MatchValue(MatchValue.Kind.AGGREGATE, labelSets.isEmpty() ? List.of() : labelSets.get(0), running, false, 0, 0,
                    inputTypes.size(), result, Optional.of(aggregate), arguments);
        }
    }
}
