package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.JsonType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlJsonExistsFunction;
import org.apache.calcite.sql.fun.SqlJsonQueryFunction;
import org.apache.calcite.sql.fun.SqlJsonValueFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL/JSON functions json_value, json_query and json_exists in their common forms: a json or string value and
 * a lax or strict path of keys and indexes, with the default behaviours (NULL, or false for json_exists, when the
 * path finds nothing or fails). Calcite parses their syntax; these operators give Trino's result types (varchar
 * rather than Calcite's varchar(2000)); json_value's RETURNING type is {@link JsonValueReturning}; other behaviours
 * are refused as not supported yet.
 */
final class JsonPathSql {
    static final List<SqlOperator> OPERATORS = List.of(
            new SqlJsonValueFunction("JSON_VALUE") {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    if (binding instanceof SqlCallBinding call && SqlJsonValueFunction.hasExplicitTypeSpec(call.operands())) {
                        return super.inferReturnType(binding); // RETURNING type
                    }
                    return varchar(binding);
                }
            },
            new SqlJsonQueryFunction() {
                @Override
                public RelDataType inferReturnType(SqlOperatorBinding binding) {
                    return varchar(binding);
                }
            },
            new SqlJsonExistsFunction());

    private static final Set<String> NAMES = Set.of("json_value", "json_query", "json_exists");

    /** The behaviours these functions implement: Calcite's defaults, as Trino's. */
    private static final Set<String> DEFAULT_BEHAVIOURS = Set.of("NULL", "FALSE", "WITHOUT_ARRAY");

    private JsonPathSql() {}

    private static RelDataType varchar(SqlOperatorBinding binding) {
        return binding.getTypeFactory().createTypeWithNullability(
                binding.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), true);
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expression translate(String name, List<RexNode> operands, Function<RexNode, Expression> translator, Type type) {
        String wrapper = "WITHOUT_ARRAY";
        for (RexNode behaviour : operands.subList(2, operands.size())) {
            if (behaviour instanceof RexLiteral literal && literal.getValue() instanceof SqlJsonQueryWrapperBehavior wrap) {
                wrapper = wrap.name();
                continue;
            }
            if (JsonValueReturning.isTypeOperand(behaviour)) {
                continue;
            }
            boolean supported = behaviour instanceof RexLiteral literal
                    && (literal.isNull() || literal.getValue() instanceof org.apache.calcite.util.NlsString
                            || DEFAULT_BEHAVIOURS.contains(literal.getValueAs(Enum.class).name().toUpperCase(Locale.ROOT)));
            if (!supported) {
                throw new QuarryException(ErrorCode.NOT_SUPPORTED, name + " with " + behaviour + " is not supported yet");
            }
        }
        Expression input = translator.apply(operands.get(0));
        if (input.type() instanceof JsonType) {
            // Trino reads only text here
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot read input of type json as JSON using formatting JSON");
        }
        Expression path = translator.apply(operands.get(1));
        if (!(path instanceof Constant)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "The JSON path of " + name + " must be a constant");
        }
        // json_query's wrapper: WITHOUT_ARRAY, WITH_CONDITIONAL_ARRAY or WITH_UNCONDITIONAL_ARRAY
        List<Expression> arguments = name.equals("json_query")
                ? List.of(input, path, new Constant(wrapper, Types.VARCHAR))
                : List.of(input, path);
        if (name.equals("json_value") && !(type instanceof io.quarry.type.VarcharType varchar && varchar.isUnbounded())) {
            return JsonValueReturning.cast(new Call(name, arguments, Types.VARCHAR), type);
        }
        return new Call(name, arguments, name.equals("json_exists") ? Types.BOOLEAN : type);
    }
}
