package io.quarry.sql;

import io.quarry.type.UuidType;
import java.util.Arrays;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Comparisons Calcite's simplifier would answer differently from Trino, rewritten before the optimiser runs.
 *
 * <p>Equality of arrays and maps is not reflexive in Trino: {@code ARRAY[1, NULL] = ARRAY[1, NULL]} is NULL.
 * Calcite takes {@code x = x} for true, also where the two sides become the same only once projections merge, so
 * these comparisons in projections and filters become calls Calcite does not reason about; the executor answers
 * them with SQL's rules for nested NULLs. Join conditions stay equalities: their keys match as values.
 *
 * <p>Calcite orders two uuid literals as {@link java.util.UUID} does, by signed halves; Trino by their bytes, as
 * their text reads. Such a comparison is answered here.
 */
final class UnfoldableComparisons {
    static final SqlFunction EQUAL = operator("$STRUCTURAL_EQUAL");
    static final SqlFunction NOT_EQUAL = operator("$STRUCTURAL_NOT_EQUAL");

    private UnfoldableComparisons() {}

    private static SqlFunction operator(String name) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE, null, OperandTypes.ANY_ANY,
                SqlFunctionCategory.SYSTEM);
    }

    /** The plan with the array and map comparisons of its projections and filters made opaque to Calcite. */
    static RelNode rewrite(RelNode rel) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        RexShuttle expressions = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                RexNode visited = super.visitCall(call);
                RexNode uuidOrder = uuidLiteralOrder(rexBuilder, visited);
                if (uuidOrder != null) {
                    return uuidOrder;
                }
                if (visited instanceof RexCall comparison && comparison.getOperands().size() == 2
                        && (comparison.getKind() == SqlKind.EQUALS || comparison.getKind() == SqlKind.NOT_EQUALS)
                        && isStructural(comparison.getOperands().get(0))) {
                    SqlFunction operator = comparison.getKind() == SqlKind.EQUALS ? EQUAL : NOT_EQUAL;
                    return rexBuilder.makeCall(comparison.getType(), operator, comparison.getOperands());
                }
                return visited;
            }
        };
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof Project || visited instanceof Filter ? visited.accept(expressions) : visited;
            }
        });
    }

    private static boolean isStructural(RexNode node) {
        SqlTypeName type = node.getType().getSqlTypeName();
        return type == SqlTypeName.ARRAY || type == SqlTypeName.MAP;
    }

    /** A comparison of two uuid literals answered by their bytes, or null when the node is none. */
    private static RexNode uuidLiteralOrder(RexBuilder rexBuilder, RexNode node) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2
                || !(call.getOperands().get(0) instanceof RexLiteral left) || !(call.getOperands().get(1) instanceof RexLiteral right)
                || left.getType().getSqlTypeName() != SqlTypeName.UUID || right.getType().getSqlTypeName() != SqlTypeName.UUID
                || left.isNull() || right.isNull()) {
            return null;
        }
        int order = Arrays.compareUnsigned(UuidType.parse(String.valueOf(left.getValue())), UuidType.parse(String.valueOf(right.getValue())));
        Boolean result = switch (call.getKind()) {
            case EQUALS -> order == 0;
            case NOT_EQUALS -> order != 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_OR_EQUAL -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_OR_EQUAL -> order >= 0;
            default -> null;
        };
        return result == null ? null : rexBuilder.makeLiteral(result);
    }
}
