package io.quarry.sql;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Equality of arrays and maps, which is not reflexive in Trino: {@code ARRAY[1, NULL] = ARRAY[1, NULL]} is NULL.
 * Calcite's simplifier takes {@code x = x} for true, also where the two sides become the same only once projections
 * merge, so the comparisons in projections and filters become calls Calcite does not reason about; the executor
 * answers them with SQL's rules for nested NULLs. Join conditions stay equalities: their keys match as values.
 */
final class StructuralEquality {
    static final SqlFunction EQUAL = operator("$STRUCTURAL_EQUAL");
    static final SqlFunction NOT_EQUAL = operator("$STRUCTURAL_NOT_EQUAL");

    private StructuralEquality() {}

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
}
