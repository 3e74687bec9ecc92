package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.util.Optionality;

/**
 * Aggregates that order their values, used as window functions: {@code array_agg(x ORDER BY y) OVER (…)} and
 * {@code listagg(x, ',') WITHIN GROUP (ORDER BY y) OVER (…)}, which Trino runs. Calcite's window calls carry no order of
 * their own, so before validation each such call becomes a call of an {@link Ordered} function whose operands are the
 * aggregate's operands followed by the sort keys, with the directions kept in the function; its type is the aggregate's.
 * The window translation reads it back as the aggregate with an ORDER BY over those trailing operands.
 */
final class OrderedWindowAggregates {
    private OrderedWindowAggregates() {}

    /** One sort key's direction and where its NULLs go (Trino puts them last unless told otherwise). */
    record Direction(boolean ascending, boolean nullsFirst) {
        @Override
        public String toString() {
            return (ascending ? "ASC" : "DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * The aggregate {@code inner} (a call without its order) with {@code directions.size()} sort keys as its last
     * operands. One instance per call: the validated type of the aggregate is kept for the return type inference.
     */
    static final class Ordered extends SqlAggFunction {
        private final String aggregate;
        private final int plainOperands;
        private final List<Direction> directions;
        private final SqlOperator innerOperator;
        private RelDataType type;

        private Ordered(String aggregate, SqlOperator innerOperator, int plainOperands, List<Direction> directions) {
            super(aggregate + " ORDER BY " + directions, null, SqlKind.OTHER_FUNCTION,
                    binding -> requireNonNull(((Ordered) binding.getOperator()).type, "type is not derived yet"),
                    null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM, false, false, Optionality.FORBIDDEN);
            this.aggregate = aggregate;
            this.innerOperator = innerOperator;
            this.plainOperands = plainOperands;
            this.directions = List.copyOf(directions);
        }

        /** Quarry's name of the aggregate, lower case. */
        String aggregate() {
            return aggregate;
        }

        /** How many leading operands are the aggregate's own; the rest are sort keys. */
        int plainOperands() {
            return plainOperands;
        }

        List<Direction> directions() {
            return directions;
        }

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            List<SqlNode> operands = call.getOperandList();
            for (SqlNode key : operands.subList(plainOperands, operands.size())) {
                validator.deriveType(scope, key);
            }
            // the aggregate alone, with the operands as validated (expanded) now: its type is the call's
            SqlCall inner = new SqlBasicCall(innerOperator, operands.subList(0, plainOperands), call.getParserPosition(),
                    call.getFunctionQuantifier());
            RelDataType derived = validator.deriveType(scope, inner);
            type = validator.getTypeFactory().createTypeWithNullability(derived, true);
            return type;
        }

        @Override
        public boolean allowsFraming() {
            return true;
        }
    }

    /** Replaces every ordered aggregate under OVER in {@code node} (a parsed statement) by an {@link Ordered} call. */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                if (item != null) {
                    rewrite(item);
                }
            }
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        if (call.getKind() == SqlKind.OVER && call instanceof SqlBasicCall over && over.operand(0) instanceof SqlCall aggregate) {
            SqlCall ordered = ordered(aggregate);
            if (ordered != null) {
                over.setOperand(0, ordered);
            }
        }
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null) {
                rewrite(operand);
            }
        }
    }

    /** The {@link Ordered} call for an aggregate with WITHIN GROUP or an ORDER BY among its operands, else null. */
    private static SqlCall ordered(SqlCall aggregate) {
        SqlCall function;
        List<SqlNode> keys;
        if (aggregate.getKind() == SqlKind.WITHIN_GROUP && aggregate.operand(0) instanceof SqlCall withinGroup) {
            function = withinGroup;
            keys = ((SqlNodeList) aggregate.operand(1)).getList();
        } else if (!aggregate.getOperandList().isEmpty()
                && aggregate.getOperandList().get(aggregate.operandCount() - 1) instanceof SqlNodeList orderList) {
            function = aggregate;
            keys = orderList.getList();
        } else {
            return null;
        }
        List<SqlNode> plain = new ArrayList<>(function.getOperandList());
        if (function == aggregate) {
            plain.remove(plain.size() - 1);
        }
        List<SqlNode> operands = new ArrayList<>(plain);
        List<Direction> directions = new ArrayList<>();
        for (SqlNode key : keys) {
            boolean ascending = true;
            boolean nullsFirst = false;
            SqlNode expression = key;
            while (expression instanceof SqlCall item && (item.getKind() == SqlKind.DESCENDING
                    || item.getKind() == SqlKind.NULLS_FIRST || item.getKind() == SqlKind.NULLS_LAST)) {
                if (item.getKind() == SqlKind.DESCENDING) {
                    ascending = false;
                } else {
                    nullsFirst = item.getKind() == SqlKind.NULLS_FIRST;
                }
                expression = item.operand(0);
            }
            operands.add(expression);
            directions.add(new Direction(ascending, nullsFirst));
        }
        if (directions.isEmpty()) {
            throw new QuarryException(ErrorCode.SYNTAX_ERROR, "ORDER BY of " + name(function) + " has no sort keys");
        }
        Ordered operator = new Ordered(name(function), function.getOperator(), plain.size(), directions);
        return new SqlBasicCall(operator, operands, aggregate.getParserPosition(), function.getFunctionQuantifier());
    }

    private static String name(SqlCall function) {
        return function.getOperator().getName().toLowerCase(Locale.ROOT);
    }
}
