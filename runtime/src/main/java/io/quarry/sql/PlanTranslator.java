package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Filter;
import io.quarry.plan.Limit;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Sort;
import io.quarry.plan.SortKey;
import io.quarry.plan.TableScan;
import io.quarry.plan.TopN;
import io.quarry.plan.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BooleanType;
import io.quarry.type.MapType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate.Group;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates an optimised Calcite tree into Quarry's plan. Only the columns a parent uses are read from a
 * table: each step returns its node and where each Calcite field ended up (-1 when not produced).
 */
final class PlanTranslator {
    private final RexBuilder rexBuilder;
    private final JoinTranslator joins;

    PlanTranslator(RexBuilder rexBuilder) {
        this(rexBuilder, "AUTOMATIC");
    }

    /** @param joinDistributionType the session's {@code join_distribution_type} */
    PlanTranslator(RexBuilder rexBuilder, String joinDistributionType) {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.joins = new JoinTranslator(this, joinDistributionType);
    }

    RexBuilder rexBuilder() {
        return rexBuilder;
    }

    /** A translated node and the channel of each Calcite field of the translated relation. */
    record Translated(PlanNode node, int[] mapping) {
        boolean isIdentity() {
            if (mapping.length != node.outputTypes().size()) {
                return false;
            }
            for (int i = 0; i < mapping.length; i++) {
                if (mapping[i] != i) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The whole tree, producing exactly its fields in order. */
    PlanNode translateRoot(RelNode rel) {
        int fieldCount = rel.getRowType().getFieldCount();
        Translated translated = translate(rel, ImmutableBitSet.range(fieldCount));
        if (translated.isIdentity()) {
            return translated.node();
        }
        List<Type> types = translated.node().outputTypes();
        List<Expression> projections = new ArrayList<>();
        for (int field = 0; field < fieldCount; field++) {
            int channel = translated.mapping()[field];
            projections.add(new InputRef(channel, types.get(channel)));
        }
        return new Project(translated.node(), projections);
    }

    Translated translate(RelNode rel, ImmutableBitSet required) {
        Translated unnest = new UnnestTranslator(this, rexBuilder).translate(rel);
        if (unnest != null) {
            return unnest;
        }
        if (rel instanceof LogicalTableScan scan) {
            return scan(scan, required);
        }
        if (rel instanceof Join join) {
            return joins.join(join, required);
        }
        if (rel instanceof LogicalFilter filter) {
            return filter(filter, required);
        }
        if (rel instanceof LogicalProject project) {
            return project(project);
        }
        if (rel instanceof LogicalAggregate aggregate) {
            return aggregate(aggregate);
        }
        if (rel instanceof LogicalSort sort) {
            return sort(sort, required);
        }
        if (rel instanceof LogicalValues values) {
            return values(values);
        }
        if (rel instanceof SetOp setOp) {
            return new SetOperationTranslator(this).translate(setOp);
        }
        if (rel instanceof Match match) {
            return new MatchRecognizeTranslator(this).translate(match);
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, describe(rel));
    }

    private static String describe(RelNode rel) {
        if (rel instanceof Join || rel instanceof MultiJoin) {
            return "Joins (also those that sub-queries need) are not supported yet";
        }
        if (rel instanceof Correlate) {
            return "Correlated sub-queries are not supported yet";
        }
        if (rel instanceof Union) {
            return "UNION is not supported yet";
        }
        if (rel instanceof Intersect) {
            return "INTERSECT is not supported yet";
        }
        if (rel instanceof Minus) {
            return "EXCEPT is not supported yet";
        }
        if (rel instanceof Window) {
            return "Window functions are not supported yet";
        }
        if (rel instanceof Uncollect) {
            return "UNNEST is not supported yet";
        }
        if (rel instanceof TableFunctionScan) {
            return "Table functions are not supported yet";
        }
        return "The relational operator " + rel.getRelTypeName() + " is not supported yet";
    }

    private Translated scan(LogicalTableScan scan, ImmutableBitSet required) {
        CatalogTable table = requireNonNull(scan.getTable().unwrap(CatalogTable.class), "not a Quarry table");
        List<ColumnMetadata> all = table.metadata().columns();
        // a scan must produce rows even when no column is used (count(*)): keep the first column then
        ImmutableBitSet used = required.isEmpty() ? ImmutableBitSet.of(0) : required;
        int[] mapping = new int[all.size()];
        Arrays.fill(mapping, -1);
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int field : used) {
            mapping[field] = columns.size();
            columns.add(all.get(field));
        }
        return new Translated(new TableScan(table.catalog(), table.metadata().name(), columns), mapping);
    }

    private Translated filter(LogicalFilter filter, ImmutableBitSet required) {
        RexNode condition = filter.getCondition();
        Translated input = translate(filter.getInput(), required.union(RelOptUtil.InputFinder.bits(condition)));
        Expression predicate = expressions(input).translate(condition);
        if (!(predicate.type() instanceof BooleanType) && !TypeMapping.isUnknown(predicate.type())) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "WHERE clause must evaluate to a boolean: actual type " + predicate.type().displayName());
        }
        return new Translated(new Filter(input.node(), predicate), input.mapping());
    }

    private Translated project(LogicalProject project) {
        if (RexOver.containsOver(project.getProjects(), null)) {
            return new WindowTranslator(this, rexBuilder).translate(project);
        }
        Translated input = translate(project.getInput(), RelOptUtil.InputFinder.bits(project.getProjects(), null));
        ExpressionTranslator translator = expressions(input);
        List<Expression> projections = new ArrayList<>();
        for (RexNode expression : project.getProjects()) {
            projections.add(translator.translate(expression));
        }
        PlanNode node;
        if (isIdentity(projections, input.node().outputTypes().size())) {
            // pruning the scan can turn a column selection into the identity: no node needed
            node = input.node();
        } else if (input.node() instanceof Values values && values.rows().size() == 1
                && projections.stream().allMatch(Constant.class::isInstance)) {
            // SELECT without FROM: the constants are the row
            node = new Values(projections.stream().map(Expression::type).toList(), List.of(projections));
        } else {
            node = new Project(input.node(), projections);
        }
        return new Translated(node, identity(projections.size()));
    }

    private Translated aggregate(LogicalAggregate aggregate) {
        // grouping() under a plain GROUP BY (one grouping set) is 0: the grouping-sets path computes it
        if (aggregate.getGroupType() != Group.SIMPLE
                || aggregate.getAggCallList().stream().anyMatch(call -> call.getAggregation().getKind() == SqlKind.GROUPING)) {
            return new GroupingSetsTranslator(this).translate(aggregate);
        }
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(aggregate.getGroupSet());
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            used.addAll(call.getArgList());
            call.getCollation().getFieldCollations().forEach(field -> used.set(field.getFieldIndex()));
            if (call.filterArg >= 0) {
                used.set(call.filterArg);
            }
        }
        Translated input = translate(aggregate.getInput(), used.build());
        List<Type> inputTypes = input.node().outputTypes();
        List<Integer> groupKeys = new ArrayList<>();
        for (int key : aggregate.getGroupSet()) {
            groupKeys.add(input.mapping()[key]);
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (org.apache.calcite.rel.core.AggregateCall call : aggregate.getAggCallList()) {
            calls.add(aggregateCall(call, input.mapping(), inputTypes));
        }
        int outputs = groupKeys.size() + calls.size();
        if (calls.size() == 1 && calls.get(0).distinct() && calls.get(0).filter().isEmpty()) {
            return new Translated(expandDistinct(input.node(), groupKeys, calls.get(0)), identity(outputs));
        }
        return new Translated(new Aggregate(input.node(), groupKeys, calls, AggregationStep.SINGLE), identity(outputs));
    }

    /**
     * {@code f(DISTINCT x)} alone: group by the keys and x first, then aggregate the distinct values, so
     * both steps can later be split into partial and final aggregations.
     */
    private static PlanNode expandDistinct(PlanNode input, List<Integer> groupKeys, AggregateCall call) {
        List<Integer> innerKeys = new ArrayList<>(groupKeys);
        List<Integer> arguments = new ArrayList<>();
        for (int argument : call.arguments()) {
            int position = innerKeys.indexOf(argument);
            if (position < 0) {
                position = innerKeys.size();
                innerKeys.add(argument);
            }
            arguments.add(position);
        }
        Aggregate distinctRows = new Aggregate(input, innerKeys, List.of(), AggregationStep.SINGLE);
        List<Integer> outerKeys = new ArrayList<>();
        for (int i = 0; i < groupKeys.size(); i++) {
            outerKeys.add(i);
        }
        List<SortKey> orderBy = new ArrayList<>();
        for (SortKey key : call.orderBy()) {
            orderBy.add(new SortKey(innerKeys.indexOf(key.channel()), key.ascending(), key.nullsFirst()));
        }
        AggregateCall outerCall = new AggregateCall(
                call.function(), arguments, call.argumentTypes(), call.resultType(), false, Optional.empty(), orderBy);
        return new Aggregate(distinctRows, outerKeys, List.of(outerCall), AggregationStep.SINGLE);
    }

    static AggregateCall aggregateCall(
            org.apache.calcite.rel.core.AggregateCall call, int[] mapping, List<Type> inputTypes) {
        String function = switch (call.getAggregation().getKind()) {
            case COUNT -> "count";
            case SUM, SUM0 -> "sum";
            case AVG -> "avg";
            case MIN -> "min";
            case MAX -> "max";
            case SINGLE_VALUE -> "single_value";
            default -> StructuralAggregates.handles(call)
                    ? StructuralAggregates.name(call)
                    : ExtendedAggregateNames.name(call);
        };
        List<SortKey> orderBy = StructuralAggregates.orderBy(function, call, mapping);
        List<Integer> arguments = new ArrayList<>();
        List<Type> argumentTypes = new ArrayList<>();
        for (int argument : call.getArgList()) {
            int channel = mapping[argument];
            arguments.add(channel);
            argumentTypes.add(inputTypes.get(channel));
        }
        for (SortKey key : orderBy) {
            Type keyType = inputTypes.get(key.channel());
            if (!keyType.isOrderable()) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                        "ORDER BY can only be applied to orderable types (actual: " + keyType.displayName() + ")");
            }
            arguments.add(key.channel());
            argumentTypes.add(keyType);
        }
        OrderableTypes.checkAggregate(function, argumentTypes);
        Optional<Integer> filter = call.filterArg >= 0 ? Optional.of(mapping[call.filterArg]) : Optional.empty();
        return new AggregateCall(function, arguments, argumentTypes, aggregateType(function, call, argumentTypes),
                call.isDistinct(), filter, orderBy);
    }

    /** Aggregates that give their argument's values keep a char(n) argument's type, as in Trino. */
    private static Type aggregateType(String function, org.apache.calcite.rel.core.AggregateCall call, List<Type> argumentTypes) {
        Type result = TypeMapping.toQuarry(call.getType());
        if (result instanceof MapType && argumentTypes.size() >= 1) {
            // histogram, map_agg and multimap_agg: keys and values as given
            Type key = argumentTypes.get(0);
            Type value = argumentTypes.size() < 2 ? Types.BIGINT : argumentTypes.get(1);
            Type template = switch (function) {
                case "histogram" -> new MapType(key, Types.BIGINT);
                case "map_agg" -> new MapType(key, value);
                case "multimap_agg" -> new MapType(key, new ArrayType(value));
                default -> null;
            };
            return template == null ? result : CharCast.withChars(result, List.of(template));
        }
        if (argumentTypes.isEmpty() || !Set.of("min", "max", "arbitrary", "any_value", "array_agg", "min_by", "max_by").contains(function)) {
            return result;
        }
        Type argument = argumentTypes.get(0);
        return CharCast.withChars(result, List.of(result instanceof ArrayType ? new ArrayType(argument) : argument));
    }

    private Translated sort(LogicalSort sort, ImmutableBitSet required) {
        RelCollation collation = sort.getCollation();
        ImmutableBitSet.Builder used = ImmutableBitSet.builder().addAll(required);
        for (RelFieldCollation field : collation.getFieldCollations()) {
            used.set(field.getFieldIndex());
        }
        Translated input = translate(sort.getInput(), used.build());
        List<SortKey> keys = new ArrayList<>();
        for (RelFieldCollation field : collation.getFieldCollations()) {
            boolean ascending = !field.getDirection().isDescending();
            boolean nullsFirst = field.nullDirection == RelFieldCollation.NullDirection.FIRST;
            OrderableTypes.check(TypeMapping.toQuarry(sort.getInput().getRowType().getFieldList().get(field.getFieldIndex()).getType()),
                    sort.getInput().getRowType().getFieldNames().get(field.getFieldIndex()));
            keys.add(new SortKey(input.mapping()[field.getFieldIndex()], ascending, nullsFirst));
        }
        long offset = sort.offset == null ? 0 : count(sort.offset, "OFFSET");
        long fetch = sort.fetch == null ? Long.MAX_VALUE : count(sort.fetch, "LIMIT");
        PlanNode node = input.node();
        if (keys.isEmpty()) {
            node = offset == 0 && fetch == Long.MAX_VALUE ? node : new Limit(node, offset, fetch);
        } else if (fetch == Long.MAX_VALUE) {
            node = new Sort(node, keys);
            if (offset > 0) {
                node = new Limit(node, offset, Long.MAX_VALUE);
            }
        } else if (offset == 0) {
            node = new TopN(node, keys, fetch);
        } else {
            node = new Limit(new TopN(node, keys, saturatedAdd(offset, fetch)), offset, fetch);
        }
        return new Translated(node, input.mapping());
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long count(RexNode node, String clause) {
        if (node instanceof RexLiteral literal && !literal.isNull()) {
            long value = literal.getValueAs(Long.class);
            if (value < 0) {
                throw new QuarryException(ErrorCode.INVALID_ARGUMENTS, clause + " must not be negative: " + value);
            }
            return value;
        }
        throw new QuarryException(ErrorCode.NOT_SUPPORTED, clause + " must be a constant integer");
    }

    private Translated values(LogicalValues values) {
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < values.getRowType().getFieldCount(); i++) {
            int field = i;
            // string literals are never NULL: a CHAR column of NULLs only is the user's CAST(NULL AS char(n))
            boolean nullChars = values.getRowType().getFieldList().get(i).getType().getSqlTypeName() == SqlTypeName.CHAR
                    && !values.getTuples().isEmpty() && values.getTuples().stream().allMatch(tuple -> tuple.get(field).isNull());
            types.add(TypeMapping.toQuarry(values.getRowType().getFieldList().get(i).getType(), nullChars));
        }
        List<List<Expression>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Expression> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                row.add(ExpressionTranslator.coerce(ExpressionTranslator.constant(tuple.get(i)), types.get(i)));
            }
            rows.add(row);
        }
        return new Translated(new Values(types, rows), identity(types.size()));
    }

    private static boolean isIdentity(List<Expression> projections, int inputWidth) {
        if (projections.size() != inputWidth) {
            return false;
        }
        for (int i = 0; i < projections.size(); i++) {
            if (!(projections.get(i) instanceof InputRef ref) || ref.channel() != i) {
                return false;
            }
        }
        return true;
    }

    ExpressionTranslator expressions(Translated input) {
        return new ExpressionTranslator(rexBuilder, input.node().outputTypes(), input.mapping());
    }

    static int[] identity(int size) {
        int[] mapping = new int[size];
        for (int i = 0; i < size; i++) {
            mapping[i] = i;
        }
        return mapping;
    }
}
