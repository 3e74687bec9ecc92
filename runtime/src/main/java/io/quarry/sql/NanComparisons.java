package io.quarry.sql;

import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Comparisons of a double or real with itself, which Calcite's simplifier answers as if every number equalled
 * itself: {@code x = x}, {@code x <= x} and {@code x >= x} become {@code NOT is_nan(x)}, and {@code x <> x}
 * becomes {@code is_nan(x)}, so that NaN compares as in Trino (NaN = NaN is false, NaN <> NaN is true) while
 * the rest of the simplification stays. {@code x < x} and {@code x > x} are false (or null) for NaN too, as
 * Calcite answers them. {@code nan() IN (nan())} reaches here as an equality.
 */
final class NanComparisons {
    private NanComparisons() {}

    /** The plan with every self-comparison of an approximate number rewritten. */
    static RelNode rewrite(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        SqlOperator isNan = isNanOperator();
        RexShuttle expressions = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                if (!(visited instanceof RexCall comparison) || comparison.getOperands().size() != 2) {
                    return visited;
                }
                RexNode left = comparison.getOperands().get(0);
                RexNode right = comparison.getOperands().get(1);
                if (!isApproximate(left) || !left.equals(right) || !RexUtil.isDeterministic(left)) {
                    return visited;
                }
                return switch (comparison.getKind()) {
                    case EQUALS, LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL ->
                        rexBuilder.makeCall(SqlStdOperatorTable.NOT, isNan(rexBuilder, isNan, left));
                    case NOT_EQUALS -> isNan(rexBuilder, isNan, left);
                    default -> visited;
                };
            }
        };
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return super.visit(other).accept(expressions);
            }
        });
    }

    /**
     * IS [NOT] DISTINCT FROM between two doubles (or two reals) as a call of its own, which the executor answers
     * with NaN not distinct from NaN; Calcite's conversion writes {@code <>} when neither side can be null. So do
     * arrays, maps and rows, whose NULL elements make {@code <>} NULL. Other operands get Calcite's conversion.
     */
    static RexNode distinctFrom(SqlRexContext context, SqlCall call) {
        RexNode left = context.convertExpression(call.operand(0));
        RexNode right = context.convertExpression(call.operand(1));
        SqlTypeName leftType = left.getType().getSqlTypeName();
        if (isApproximate(left) && leftType == right.getType().getSqlTypeName() || isStructural(left) || isStructural(right)) {
            // arrays, maps and rows too: <> is NULL where they differ only by a NULL element, IS DISTINCT FROM
            // is not (Trino: ARRAY[1] IS DISTINCT FROM ARRAY[NULL] is true)
            RexBuilder rexBuilder = context.getRexBuilder();
            if (!left.getType().equals(right.getType())) {
                org.apache.calcite.rel.type.RelDataType common = rexBuilder.getTypeFactory()
                        .leastRestrictive(List.of(left.getType(), right.getType()));
                if (common != null) {
                    left = rexBuilder.makeCast(rexBuilder.getTypeFactory().createTypeWithNullability(
                            common, left.getType().isNullable()), left, true, false);
                    right = rexBuilder.makeCast(rexBuilder.getTypeFactory().createTypeWithNullability(
                            common, right.getType().isNullable()), right, true, false);
                }
            }
            return rexBuilder.makeCall(call.getOperator(), left, right);
        }
        return StandardConvertletTable.INSTANCE.get(call).convertCall(context, call);
    }

    private static RexNode isNan(RexBuilder rexBuilder, SqlOperator isNan, RexNode value) {
        RexNode asDouble = value.getType().getSqlTypeName() == SqlTypeName.DOUBLE
            ? value
            : rexBuilder.makeCast(rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), value.getType().isNullable()), value);
        return rexBuilder.makeCall(isNan, List.of(asDouble));
    }

    private static boolean isStructural(RexNode node) {
        SqlTypeName type = node.getType().getSqlTypeName();
        return type == SqlTypeName.ARRAY || type == SqlTypeName.MAP || type == SqlTypeName.ROW;
    }

    private static boolean isApproximate(RexNode node) {
        SqlTypeName type = node.getType().getSqlTypeName();
        return type == SqlTypeName.DOUBLE || type == SqlTypeName.REAL || type == SqlTypeName.FLOAT;
    }

    private static SqlOperator isNanOperator() {
        for (SqlOperator operator : ScalarFunctionTable.OPERATORS) {
            if (operator.getName().equals("IS_NAN")) {
                return operator;
            }
        }
        throw new IllegalStateException("is_nan is not among the scalar functions");
    }
}
