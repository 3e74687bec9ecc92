package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.ArrayType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Trino's distribution functions and Wilson intervals (kernels in {@code io.quarry.exec.function.StatisticalFunctions}),
 * and current_groups(): their signatures, and their translation with the argument
 * casts Trino's signatures imply (doubles; the successes and trials of an interval bigints, so a decimal count has no
 * signature).
 */
final class StatisticalAndSessionFunctions {
    private static final SqlTypeFamily NUMERIC = SqlTypeFamily.NUMERIC;
    private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;

    private static final Map<String, List<Type>> ARGUMENT_TYPES = Map.of(
            "normal_cdf", List.of(Types.DOUBLE, Types.DOUBLE, Types.DOUBLE),
            "inverse_normal_cdf", List.of(Types.DOUBLE, Types.DOUBLE, Types.DOUBLE),
            "beta_cdf", List.of(Types.DOUBLE, Types.DOUBLE, Types.DOUBLE),
            "inverse_beta_cdf", List.of(Types.DOUBLE, Types.DOUBLE, Types.DOUBLE),
            "t_cdf", List.of(Types.DOUBLE, Types.DOUBLE),
            "t_pdf", List.of(Types.DOUBLE, Types.DOUBLE),
            "wilson_interval_lower", List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE),
            "wilson_interval_upper", List.of(Types.BIGINT, Types.BIGINT, Types.DOUBLE));

    private static final Set<String> NAMES = Set.of("normal_cdf", "inverse_normal_cdf", "beta_cdf", "inverse_beta_cdf",
            "t_cdf", "t_pdf", "wilson_interval_lower", "wilson_interval_upper", "current_groups");

    static final List<SqlOperator> OPERATORS = operators();

    private StatisticalAndSessionFunctions() {}

    private static List<SqlOperator> operators() {
        List<SqlOperator> list = new ArrayList<>();
        for (String name : List.of("NORMAL_CDF", "INVERSE_NORMAL_CDF", "BETA_CDF", "INVERSE_BETA_CDF")) {
            list.add(function(name, type(SqlTypeName.DOUBLE), OperandTypes.family(NUMERIC, NUMERIC, NUMERIC)));
        }
        list.add(function("T_CDF", type(SqlTypeName.DOUBLE), OperandTypes.family(NUMERIC, NUMERIC)));
        list.add(function("T_PDF", type(SqlTypeName.DOUBLE), OperandTypes.family(NUMERIC, NUMERIC)));
        for (String name : List.of("WILSON_INTERVAL_LOWER", "WILSON_INTERVAL_UPPER")) {
            list.add(function(name, type(SqlTypeName.DOUBLE), OperandTypes.family(INTEGER, INTEGER, NUMERIC)));
        }
        list.add(function("CURRENT_GROUPS", binding -> {
            RelDataTypeFactory factory = binding.getTypeFactory();
            return factory.createArrayType(factory.createSqlType(SqlTypeName.VARCHAR), -1);
        }, OperandTypes.NILADIC));
        return List.copyOf(list);
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        List<Expression> arguments = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            arguments.add(translator.apply(operand));
        }
        if (name.equals("current_groups")) {
            // Quarry's users belong to no groups
            return new Call("array_constructor", List.of(), new ArrayType(Types.VARCHAR));
        }
        List<Type> casts = ARGUMENT_TYPES.get(name);
        for (int i = 0; i < arguments.size(); i++) {
            if (!arguments.get(i).type().equals(casts.get(i))) {
                arguments.set(i, ExpressionTranslator.coerce(arguments.get(i), casts.get(i)));
            }
        }
        return new Call(name, arguments, type);
    }

    private static SqlFunction function(String name, SqlReturnTypeInference type, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, type, null, operands, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    private static SqlReturnTypeInference type(SqlTypeName name) {
        return binding -> binding.getTypeFactory().createTypeWithNullability(binding.getTypeFactory().createSqlType(name), true);
    }
}
