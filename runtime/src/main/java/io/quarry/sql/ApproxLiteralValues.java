package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * VALUES whose double or real columns hold literals of other numeric types: Calcite keeps {@code 2} an integer
 * literal (holding a BigDecimal) in a column typed double by {@code 1.5e0} (holding a Double), and its metadata,
 * comparing the literals of a column, fails on the mix. Each such literal is made again as one of the column's type.
 */
final class ApproxLiteralValues {
    private ApproxLiteralValues() {}

    static RelNode normalize(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(LogicalValues values) {
                return mixed(values) ? remade(values) : values;
            }
        });
    }

    private static boolean mixed(LogicalValues values) {
        for (List<RexLiteral> row : values.getTuples()) {
            for (int column = 0; column < row.size(); column++) {
                if (needsRemaking(values, column, row.get(column))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A non-NULL literal of a double or real column that does not hold a Double of the column's type. */
    private static boolean needsRemaking(LogicalValues values, int column, RexLiteral literal) {
        RelDataType type = values.getRowType().getFieldList().get(column).getType();
        return SqlTypeUtil.isApproximateNumeric(type) && !literal.isNull()
                && literal.getValue() instanceof Number
                && (!(literal.getValue() instanceof Double) || literal.getType().getSqlTypeName() != type.getSqlTypeName());
    }

    private static LogicalValues remade(LogicalValues values) {
        RexBuilder rexBuilder = values.getCluster().getRexBuilder();
        List<List<RexLiteral>> tuples = new ArrayList<>();
        for (List<RexLiteral> row : values.getTuples()) {
            List<RexLiteral> remade = new ArrayList<>();
            for (int column = 0; column < row.size(); column++) {
                RexLiteral literal = row.get(column);
                remade.add(needsRemaking(values, column, literal)
                        ? rexBuilder.makeApproxLiteral(((Number) literal.getValue()).doubleValue(),
                                values.getRowType().getFieldList().get(column).getType())
                        : literal);
            }
            tuples.add(remade);
        }
        return LogicalValues.create(values.getCluster(), values.getRowType(),
                tuples.stream().map(com.google.common.collect.ImmutableList::copyOf)
                        .collect(com.google.common.collect.ImmutableList.toImmutableList()));
    }
}
