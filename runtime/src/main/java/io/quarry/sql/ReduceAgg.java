package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Trino's {@code reduce_agg(value, initial, (s, x) -> …, (s1, s2) -> …)}, written before validation as
 * {@code reduce(filter(array_agg(value), v -> v IS NOT NULL), initial, (s, x) -> …, s -> s)}: array_agg runs as
 * partial and final steps across stages, and the input function folds the non-null values of each group from the
 * initial value. The combine function is not needed then: Trino requires it to agree with the input function (its
 * result otherwise depends on how rows were split). An initial value that reads columns becomes
 * {@code arbitrary(initial)} in the same aggregate form. The price is that each group holds its values until the end.
 */
final class ReduceAgg {
    private static final String VALUE_PARAMETER = "$reduce_agg_value";
    private static final String SIGNATURE_ERROR = "Unexpected parameters for function reduce_agg. "
            + "Expected: reduce_agg(T, S, function(S,T,S), function(S,S,S)) S";

    /**
     * The name reduce_agg in the operator table (so that it resolves and is listed); calls never reach it, as
     * {@link #rewrite} replaces every one before validation.
     */
    static final SqlAggFunction OPERATOR = SqlBasicAggFunction.create("REDUCE_AGG", SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG1_NULLABLE, new SqlOperandTypeChecker() {
                @Override
                public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                    throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, SIGNATURE_ERROR);
                }

                @Override
                public SqlOperandCountRange getOperandCountRange() {
                    return SqlOperandCountRanges.of(4);
                }

                @Override
                public String getAllowedSignatures(org.apache.calcite.sql.SqlOperator operator, String name) {
                    return "reduce_agg(T, S, function(S,T,S), function(S,S,S))";
                }
            });

    private ReduceAgg() {}

    /** Rewrites every reduce_agg of a parsed statement in place. */
    static void rewrite(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                SqlNode replaced = replacement(item);
                if (replaced != item) {
                    list.set(i, replaced);
                }
                rewrite(list.get(i));
            }
        } else if (node instanceof SqlCall call && !(node instanceof SqlLambda)) {
            List<SqlNode> operands = call.getOperandList();
            for (int i = 0; i < operands.size(); i++) {
                SqlNode operand = operands.get(i);
                SqlNode replaced = replacement(operand);
                if (replaced != operand) {
                    call.setOperand(i, replaced);
                }
                rewrite(replaced);
            }
        }
    }

    /** The rewritten form of a reduce_agg call (bare, under FILTER, under OVER), or the node itself. */
    private static SqlNode replacement(SqlNode node) {
        SqlCall reduceAgg = reduceAggCall(node);
        if (reduceAgg == null) {
            return node;
        }
        List<SqlNode> operands = reduceAgg.getOperandList();
        if (operands.size() != 4 || !(operands.get(2) instanceof SqlLambda input) || input.getParameters().size() != 2
                || !(operands.get(3) instanceof SqlLambda combine) || combine.getParameters().size() != 2) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, SIGNATURE_ERROR);
        }
        if (reduceAgg.getFunctionQuantifier() != null
                && reduceAgg.getFunctionQuantifier().getValue() == org.apache.calcite.sql.SqlSelectKeyword.DISTINCT) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "DISTINCT can only be applied to comparable types "
                    + "(actual: function) in reduce_agg");
        }
        SqlParserPos pos = reduceAgg.getParserPosition();
        SqlNode values = wrapLike(node, call("ARRAY_AGG", pos, operands.get(0)));
        SqlIdentifier parameter = new SqlIdentifier(VALUE_PARAMETER, pos);
        SqlNode nonNull = call("FILTER", pos, values, new SqlLambda(pos, SqlNodeList.of(parameter),
                SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, new SqlIdentifier(VALUE_PARAMETER, pos))));
        SqlNode initial = operands.get(1);
        if (readsColumns(initial)) {
            initial = wrapLike(node, call("ARBITRARY", pos, initial));
        }
        SqlIdentifier state = new SqlIdentifier("$reduce_agg_state", pos);
        SqlNode finish = new SqlLambda(pos, SqlNodeList.of(state), new SqlIdentifier("$reduce_agg_state", pos));
        return call("REDUCE", pos, nonNull, initial, input, finish);
    }

    /** The reduce_agg call of a bare call, {@code call FILTER (…)}, {@code call OVER …} or both; else null. */
    private static SqlCall reduceAggCall(SqlNode node) {
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        if (call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.FILTER) {
            return reduceAggCall(call.operand(0));
        }
        if (call instanceof SqlBasicCall && call.getOperator() instanceof SqlUnresolvedFunction function
                && function.getName().equalsIgnoreCase("reduce_agg")) {
            return call;
        }
        return null;
    }

    /** {@code aggregate} under the same FILTER and OVER as the reduce_agg of {@code original}. */
    private static SqlNode wrapLike(SqlNode original, SqlNode aggregate) {
        SqlCall call = (SqlCall) original;
        if (call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.FILTER) {
            return call.getOperator().createCall(call.getParserPosition(),
                    wrapLike(call.operand(0), aggregate), call.operand(1));
        }
        return aggregate;
    }

    private static SqlNode call(String name, SqlParserPos pos, SqlNode... operands) {
        SqlUnresolvedFunction function = new SqlUnresolvedFunction(
                new SqlIdentifier(name, pos), null, null, null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
        return function.createCall(pos, operands);
    }

    private static boolean readsColumns(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier identifier) {
                found[0] = true;
                return null;
            }

            @Override
            public Void visit(SqlLiteral literal) {
                return null;
            }
        });
        return found[0];
    }
}
