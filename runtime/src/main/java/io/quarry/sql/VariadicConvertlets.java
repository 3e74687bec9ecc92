package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Calcite's conversions of SQL calls to expressions, except that greatest and least stay calls (Calcite writes
 * them as CASE over comparisons), so that their kernels apply Trino's rules: NaN loses to every number. IS [NOT]
 * DISTINCT FROM between doubles stays a call too (Calcite writes it as {@code <>} when neither side can be null,
 * and NaN is distinct from NaN by {@code <>}, not by IS DISTINCT FROM). A TRY_CAST keeps the nullable type it was
 * validated with even where Calcite converts it to an expression that cannot be null (a CASE for boolean to number,
 * a folded literal), which Calcite would otherwise reject as a changed type. A cast to an interval type the
 * validator adds goes to the interval type it validated.
 */
final class VariadicConvertlets implements SqlRexConvertletTable {
    static final VariadicConvertlets INSTANCE = new VariadicConvertlets();

    private VariadicConvertlets() {}

    @Override
    public SqlRexConvertlet get(SqlCall call) {
        if (call.getKind() == SqlKind.IS_DISTINCT_FROM || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
            return NanComparisons::distinctFrom;
        }
        if (call.getOperator() instanceof ColorSql.Subscript) {
            // converted as Calcite's own subscript
            return StandardConvertletTable.INSTANCE.get(org.apache.calcite.sql.fun.SqlStdOperatorTable.ITEM.createCall(
                    call.getParserPosition(), call.getOperandList()));
        }
        if (call.getKind() == SqlKind.SAFE_CAST) {
            return VariadicConvertlets::tryCast;
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2 && QuarryValidator.isIntervalByTypeName(call.operand(1))) {
            // a cast the validator adds beside an interval (NULL in ARRAY[INTERVAL '1' DAY, NULL]): to the type it validated
            return (context, sqlCall) -> context.getRexBuilder().makeCast(
                    context.getValidator().getValidatedNodeType(sqlCall), context.convertExpression(sqlCall.operand(0)));
        }
        if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && !call.operand(1).getParserPosition().equals(org.apache.calcite.sql.parser.SqlParserPos.ZERO)) {
            // the user's cast: the types of those the validator adds to make types match have no position
            return (context, sqlCall) -> CharCast.markUserCastToVarchar(
                    StandardConvertletTable.INSTANCE.get(sqlCall).convertCall(context, sqlCall), context.getRexBuilder());
        }
        if (call.getKind() != SqlKind.GREATEST && call.getKind() != SqlKind.LEAST) {
            return StandardConvertletTable.INSTANCE.get(call);
        }
        return (context, sqlCall) -> {
            List<RexNode> operands = new ArrayList<>();
            for (SqlNode operand : sqlCall.getOperandList()) {
                operands.add(context.convertExpression(operand));
            }
            return context.getRexBuilder().makeCall(context.getValidator().getValidatedNodeType(sqlCall), sqlCall.getOperator(), operands);
        };
    }

    private static RexNode tryCast(SqlRexContext context, SqlCall call) {
        RexNode converted = StandardConvertletTable.INSTANCE.get(call).convertCall(context, call);
        RelDataType validated = context.getValidator().getValidatedNodeType(call);
        if (validated.isNullable() && !converted.getType().isNullable()) {
            return context.getRexBuilder().makeCast(validated, converted, true, false);
        }
        return converted;
    }
}
