package io.quarry.sql;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * {@code count(*) FILTER (WHERE NULL)}: Trino takes a bare NULL as a condition that no row meets; Calcite wants a
 * boolean there, so the NULL becomes {@code CAST(NULL AS BOOLEAN)}.
 */
final class NullFilterConditions {
    private NullFilterConditions() {}

    /** Types every bare NULL condition of a FILTER of the parsed statement as boolean, in place. */
    static void rewrite(SqlNode node) {
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.FILTER && call.operandCount() == 2
                        && call.operand(1) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
                    SqlDataTypeSpec bool = new SqlDataTypeSpec(
                            new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, literal.getParserPosition()), literal.getParserPosition());
                    call.setOperand(1, SqlStdOperatorTable.CAST.createCall(literal.getParserPosition(), literal, bool));
                }
                return super.visit(call);
            }
        });
    }
}
