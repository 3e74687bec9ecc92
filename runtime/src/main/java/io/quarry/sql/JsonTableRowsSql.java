package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The call {@code "$json_table"(input, 'shape', 'EMPTY'|'ERROR', root path, nested paths…)} that a json_table becomes
 * ({@link JsonTableText}): the kernel's arguments are the input as text, the shape, the ON ERROR behaviour, the paths,
 * then the root path's PASSING names and values as json_value takes them.
 */
final class JsonTableRowsSql {
    static final SqlFunction OPERATOR = new SqlFunction(JsonTableText.NAME.toUpperCase(Locale.ROOT), SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR), null, OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);

    private JsonTableRowsSql() {}

    static Expression translate(List<RexNode> operands, Function<RexNode, Expression> translator) {
        List<Expression> arguments = new ArrayList<>();
        Expression input = JsonFormatInputs.asText(translator.apply(operands.get(0)));
        if (!(input.type() instanceof io.quarry.type.VarcharType || input.type() instanceof io.quarry.type.UnknownType)) {
            throw new io.quarry.spi.QuarryException(io.quarry.spi.ErrorCode.TYPE_MISMATCH, "Cannot read input of type "
                    + input.type().displayName() + " as JSON using formatting JSON");
        }
        arguments.add(ExpressionTranslator.coerce(input, Types.VARCHAR));
        arguments.add(translator.apply(operands.get(1)));
        arguments.add(translator.apply(operands.get(2)));
        JsonPassing.Path root = JsonPassing.path(operands.get(3), translator);
        arguments.add(translator.apply(root.path()));
        for (RexNode nested : operands.subList(4, operands.size())) {
            arguments.add(translator.apply(nested));
        }
        arguments.addAll(root.passed());
        return new Call(JsonTableText.NAME, arguments, Types.VARCHAR);
    }
}
