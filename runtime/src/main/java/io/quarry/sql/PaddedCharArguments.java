package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.type.CharType;
import io.quarry.type.Types;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The functions Trino gives a char(n) to as its padded text ({@code substr}, {@code lpad}, {@code to_utf8},
 * {@code format}, LIKE, {@code reverse}): Quarry holds a char without its trailing spaces, so such an argument
 * becomes the cast to varchar(n), which pads it back. So does a char given as a regular expression, a JSON path or a
 * character set (Trino coerces it to those types with its padding). The reverse of a char(n) is a char(n), its
 * padding in front.
 */
final class PaddedCharArguments {
    private static final Set<String> FUNCTIONS = Set.of("substr", "substring", "lpad", "to_utf8", "format", "like", "reverse");

    private PaddedCharArguments() {}

    static Expression pad(Expression expression) {
        FunctionSignatures.checkCharArguments(expression);
        if (!(expression instanceof Call call) || call.arguments().stream().noneMatch(argument -> argument.type() instanceof CharType)) {
            return expression;
        }
        int count = call.arguments().size();
        boolean all = FUNCTIONS.contains(call.function());
        if (!all && IntStream.range(0, count).noneMatch(i -> FunctionSignatures.isPattern(call.function(), count, i))) {
            return expression;
        }
        List<Expression> arguments = IntStream.range(0, count)
                .mapToObj(i -> call.arguments().get(i).type() instanceof CharType text
                                && (all || FunctionSignatures.isPattern(call.function(), count, i))
                        ? (Expression) new Call("cast", List.of(call.arguments().get(i)), Types.varchar(text.length()))
                        : call.arguments().get(i))
                .toList();
        if (call.function().equals("reverse") && call.arguments().get(0).type() instanceof CharType text) {
            return CharCast.translate(new Call("reverse", arguments, Types.varchar(text.length())), text.length());
        }
        return new Call(call.function(), arguments, call.type());
    }
}
