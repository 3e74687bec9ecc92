package io.quarry.sql;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import java.util.List;
import java.util.function.IntUnaryOperator;

/** Renumbers the input channels of an expression, e.g. when the two inputs of a join change places. */
final class Channels {
    private Channels() {}

    /** {@code expression} over (left ++ right) channels, rewritten over (right ++ left). */
    static Expression swap(Expression expression, int leftWidth, int rightWidth) {
        return renumber(expression, channel -> channel < leftWidth ? channel + rightWidth : channel - leftWidth);
    }

    static Expression renumber(Expression expression, IntUnaryOperator channels) {
        if (expression instanceof InputRef ref) {
            return new InputRef(channels.applyAsInt(ref.channel()), ref.type());
        }
        if (expression instanceof Constant) {
            return expression;
        }
        if (expression instanceof Call call) {
            return new Call(call.function(), renumberAll(call.arguments(), channels), call.type());
        }
        if (expression instanceof SpecialForm form) {
            return new SpecialForm(form.form(), renumberAll(form.arguments(), channels), form.type());
        }
        throw new IllegalArgumentException("Cannot renumber the channels of " + expression.getClass().getSimpleName());
    }

    private static List<Expression> renumberAll(List<Expression> expressions, IntUnaryOperator channels) {
        return expressions.stream().map(expression -> renumber(expression, channels)).toList();
    }
}
