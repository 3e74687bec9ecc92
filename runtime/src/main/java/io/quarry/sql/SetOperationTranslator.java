package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Aggregate;
import io.quarry.plan.AggregateCall;
import io.quarry.plan.AggregationStep;
import io.quarry.plan.Filter;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.Window;
import io.quarry.plan.WindowFrame;
import io.quarry.plan.WindowFunction;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates UNION [ALL], INTERSECT and EXCEPT. UNION ALL is a {@link io.quarry.plan.Union}; UNION groups its
 * rows by every column. INTERSECT and EXCEPT (DISTINCT) tag the rows of input {@code i} with a marker column
 * {@code i} (1 there, 0 in the others), group by every column summing the markers, and keep the groups whose
 * sums say in which inputs the row occurs, as Trino does. The ALL variants count with window functions instead.
 */
final class SetOperationTranslator {
    private final PlanTranslator translator;

    SetOperationTranslator(PlanTranslator translator) {
        this.translator = requireNonNull(translator, "translator is null");
    }

    PlanTranslator.Translated translate(SetOp setOp) {
        List<PlanTranslator.Translated> inputs = new ArrayList<>();
        for (RelNode input : setOp.getInputs()) {
            inputs.add(translator.translate(input, ImmutableBitSet.range(input.getRowType().getFieldCount())));
        }
        List<Type> types = columnTypes(setOp, inputs);
        int width = types.size();
        if (setOp instanceof Union union) {
            PlanNode all = union(inputs, types, 0);
            all = union.all ? rowsInOrder((io.quarry.plan.Union) all) : all;
            PlanNode node = union.all ? all : new Aggregate(all, range(0, width), List.of(), AggregationStep.SINGLE);
            return new PlanTranslator.Translated(node, identity(width));
        }
        if (!(setOp instanceof Intersect) && !(setOp instanceof Minus)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Set operation " + setOp.getRelTypeName() + " is not supported yet");
        }
        int inputCount = inputs.size();
        PlanNode all = union(inputs, types, inputCount);
        if (setOp.all) {
            return new PlanTranslator.Translated(allVariant(all, types, inputCount, setOp instanceof Intersect), identity(width));
        }
        List<AggregateCall> sums = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            sums.add(new AggregateCall("sum", List.of(width + i), List.of(Types.BIGINT), Types.BIGINT, false, Optional.empty()));
        }
        Aggregate grouped = new Aggregate(all, range(0, width), sums, AggregationStep.SINGLE);
        List<Expression> conditions = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            InputRef sum = new InputRef(width + i, Types.BIGINT);
            Constant zero = new Constant(0L, Types.BIGINT);
            boolean present = setOp instanceof Intersect || i == 0;
            conditions.add(new Call(present ? "greater_than" : "equal", List.of(sum, zero), Types.BOOLEAN));
        }
        Filter filter = new Filter(grouped, new SpecialForm(Form.AND, conditions, Types.BOOLEAN));
        List<Expression> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(new InputRef(i, types.get(i)));
        }
        return new PlanTranslator.Translated(new Project(filter, columns), identity(width));
    }

    /**
     * INTERSECT ALL and EXCEPT ALL: per distinct row, window sums count its occurrences in each input, and the
     * rows of the first input are numbered; INTERSECT ALL keeps those numbered at most every other input's
     * count, EXCEPT ALL those numbered past the other inputs' counts together.
     */
    private static PlanNode allVariant(PlanNode all, List<Type> types, int inputs, boolean intersect) {
        int width = types.size();
        List<Integer> columns = range(0, width);
        List<WindowFunction> counts = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            counts.add(new WindowFunction("sum", List.of(width + i), List.of(Types.BIGINT), Types.BIGINT, WindowFrame.DEFAULT));
        }
        Window counted = new Window(all, columns, List.of(), counts);
        List<Integer> firstInputRows = new ArrayList<>(columns);
        firstInputRows.add(width);
        WindowFunction rowNumber = new WindowFunction("row_number", List.of(), List.of(), Types.BIGINT, WindowFrame.DEFAULT);
        Window numbered = new Window(counted, firstInputRows, List.of(), List.of(rowNumber));
        InputRef number = new InputRef(width + 2 * inputs, Types.BIGINT);
        List<Expression> conditions = new ArrayList<>();
        conditions.add(new Call("equal", List.of(new InputRef(width, Types.BIGINT), new Constant(1L, Types.BIGINT)), Types.BOOLEAN));
        Expression others = null;
        for (int i = 1; i < inputs; i++) {
            InputRef count = new InputRef(width + inputs + i, Types.BIGINT);
            if (intersect) {
                conditions.add(new Call("less_than_or_equal", List.of(number, count), Types.BOOLEAN));
            } else {
                others = others == null ? count : new Call("add", List.of(others, count), Types.BIGINT);
            }
        }
        if (others != null) {
            conditions.add(new Call("greater_than", List.of(number, others), Types.BOOLEAN));
        }
        Filter filter = new Filter(numbered, new SpecialForm(Form.AND, conditions, Types.BOOLEAN));
        List<Expression> projections = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            projections.add(new InputRef(i, types.get(i)));
        }
        return new Project(filter, projections);
    }

    /**
     * A UNION ALL of VALUES rows as one VALUES of its rows in order: Calcite makes a VALUES whose rows differ in type
     * ({@code VALUES (BIGINT '1', 'a'), (2, 'bc')}) a union of its rows, whose branches would come in any order; Trino
     * gives a VALUES's rows as written. The union itself when a branch is more than rows of values.
     */
    private static PlanNode rowsInOrder(io.quarry.plan.Union union) {
        List<List<Expression>> rows = new ArrayList<>();
        for (PlanNode source : union.sources()) {
            List<List<Expression>> sourceRows = valuesRows(source);
            if (sourceRows == null) {
                return union;
            }
            rows.addAll(sourceRows);
        }
        return new io.quarry.plan.Values(union.outputTypes(), rows);
    }

    /** The rows of a VALUES, or of a projection of one; null for any other node. */
    private static List<List<Expression>> valuesRows(PlanNode node) {
        if (node instanceof io.quarry.plan.Values values) {
            return values.rows();
        }
        if (!(node instanceof Project project) || !(project.source() instanceof io.quarry.plan.Values values)) {
            return null;
        }
        List<List<Expression>> rows = new ArrayList<>();
        for (List<Expression> row : values.rows()) {
            List<Expression> projected = new ArrayList<>();
            for (Expression projection : project.projections()) {
                Expression value = valueOf(projection, row);
                if (value == null) {
                    return null;
                }
                projected.add(value);
            }
            rows.add(projected);
        }
        return rows;
    }

    /** A projection of a row of values, the row's values in place of its inputs; null beyond inputs, constants and calls. */
    private static Expression valueOf(Expression projection, List<Expression> row) {
        if (projection instanceof InputRef input) {
            return row.get(input.channel());
        }
        if (projection instanceof Constant) {
            return projection;
        }
        if (!(projection instanceof Call call)) {
            return null;
        }
        List<Expression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            Expression value = valueOf(argument, row);
            if (value == null) {
                return null;
            }
            arguments.add(value);
        }
        return new Call(call.function(), arguments, call.type());
    }

    /** UNION ALL of the inputs as {@code types}, each followed by {@code markers} marker columns. */
    private PlanNode union(List<PlanTranslator.Translated> inputs, List<Type> types, int markers) {
        List<PlanNode> sources = new ArrayList<>();
        List<Type> unionTypes = new ArrayList<>(types);
        for (int i = 0; i < markers; i++) {
            unionTypes.add(Types.BIGINT);
        }
        for (int index = 0; index < inputs.size(); index++) {
            PlanTranslator.Translated translated = inputs.get(index);
            int fieldCount = types.size();
            List<Type> inputTypes = translated.node().outputTypes();
            List<Expression> projections = new ArrayList<>();
            for (int field = 0; field < fieldCount; field++) {
                int channel = translated.mapping()[field];
                projections.add(ExpressionTranslator.coerce(new InputRef(channel, inputTypes.get(channel)), types.get(field)));
            }
            for (int i = 0; i < markers; i++) {
                projections.add(new Constant(i == index ? 1L : 0L, Types.BIGINT));
            }
            boolean identity = translated.isIdentity() && markers == 0
                    && projections.stream().allMatch(InputRef.class::isInstance);
            sources.add(identity ? translated.node() : new Project(translated.node(), projections));
        }
        return new io.quarry.plan.Union(sources, unionTypes);
    }

    /**
     * The columns' types: Calcite's, except that a text column of which an input gives char(n) is char, of the
     * greatest length, as in Trino (Calcite types string literals as char too, so its type cannot tell).
     */
    private static List<Type> columnTypes(SetOp setOp, List<PlanTranslator.Translated> inputs) {
        List<Type> types = new ArrayList<>();
        for (int field = 0; field < setOp.getRowType().getFieldCount(); field++) {
            org.apache.calcite.rel.type.RelDataType type = setOp.getRowType().getFieldList().get(field).getType();
            boolean anyChar = false;
            for (int k = 0; k < inputs.size(); k++) {
                PlanTranslator.Translated input = inputs.get(k);
                int channel = input.mapping()[field];
                anyChar |= input.node().outputTypes().get(channel) instanceof io.quarry.type.CharType && !onlyNulls(input.node(), channel)
                        || isCharAsVarchar(input.node(), channel) || CharCast.isCharAsVarchar(setOp.getInput(k), field);
            }
            org.apache.calcite.sql.type.SqlTypeName name = type.getSqlTypeName();
            boolean text = name == org.apache.calcite.sql.type.SqlTypeName.CHAR
                    || name == org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
            if (anyChar && text) {
                // an unbounded varchar beside a char makes the longest char, as in Trino
                boolean unbounded = type.getPrecision() <= 0 || type.getPrecision() >= Integer.MAX_VALUE / 2;
                types.add(new io.quarry.type.CharType(unbounded ? CharCast.CHAR_MAX_LENGTH : type.getPrecision()));
            } else {
                // arrays, maps and rows with char inside keep it, as in Trino
                Type derived = TypeMapping.toQuarry(type);
                List<Type> inputTypes = new ArrayList<>();
                for (PlanTranslator.Translated input : inputs) {
                    int channel = input.mapping()[field];
                    Type inputType = input.node().outputTypes().get(channel);
                    if (input.node() instanceof Project project) {
                        inputType = CharCast.withoutCastToVarchar(project.projections().get(channel), derived).type();
                    }
                    inputTypes.add(inputType);
                }
                types.add(StructuralTypeMapping.isStructural(derived) ? CharCast.withChars(derived, inputTypes) : derived);
            }
        }
        return types;
    }

    /**
     * Whether a channel holds the NULLs of VALUES only: Calcite plans a VALUES with expressions as a union of its
     * rows ({@code VALUES (1, 'abc', 1 + 1), (2, NULL, 3)}) and types a NULL there with the column's CHAR type,
     * which then tells no char of the user's.
     */
    private static boolean onlyNulls(PlanNode node, int channel) {
        if (node instanceof Project project && project.projections().get(channel) instanceof InputRef ref) {
            return onlyNulls(project.source(), ref.channel());
        }
        return node instanceof io.quarry.plan.Values values && !values.rows().isEmpty() && values.rows().stream()
                .allMatch(row -> row.get(channel) instanceof io.quarry.plan.expression.Constant constant && constant.value() == null);
    }

    /** Whether a channel is a char value that Calcite cast to varchar (it types unions of texts as varchar). */
    private static boolean isCharAsVarchar(PlanNode node, int channel) {
        Expression expression = null;
        if (node instanceof Project project) {
            expression = project.projections().get(channel);
        } else if (node instanceof io.quarry.plan.Values values && values.rows().size() == 1) {
            expression = values.rows().get(0).get(channel);
        }
        return expression != null && CharCast.withoutCastToVarchar(expression) != expression;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> result = new ArrayList<>();
        for (int i = from; i < to; i++) {
            result.add(i);
        }
        return result;
    }

    static int[] identity(int size) {
        int[] mapping = new int[size];
        for (int i = 0; i < size; i++) {
            mapping[i] = i;
        }
        return mapping;
    }
}
