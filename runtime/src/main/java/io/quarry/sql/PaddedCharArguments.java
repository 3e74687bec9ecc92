package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.CharType;
import io.quarry.type.Types;
import java.util.List;
import java.util.Set;

/**
 * The functions Trino gives a char(n) to as its padded text ({@code substr}, {@code lpad}, {@code to_utf8},
 * {@code format}, LIKE): Quarry holds a char without its trailing spaces, so such an argument becomes the cast to
 * varchar(n), which pads it back.
 */
final class PaddedCharArguments {
    private static final Set<String> FUNCTIONS = Set.of("substr", "substring", "lpad", "to_utf8", "format", "like");

    private PaddedCharArguments() {}

    static Expression pad(Expression expression) {
        if (!(expression instanceof Call call) || !FUNCTIONS.contains(call.function())
                || call.arguments().stream().noneMatch(argument -> argument.type() instanceof CharType)) {
            return expression;
        }
        List<Expression> arguments = call.arguments().stream()
                .map(argument -> argument.type() instanceof CharType text
                        ? (Expression) new Call("cast", List.of(argument), Types.varchar(text.length()))
                        : argument)
                .toList();
        return new Call(call.function(), arguments, call.type());
    }
}
