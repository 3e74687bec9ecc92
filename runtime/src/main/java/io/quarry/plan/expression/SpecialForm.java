package io.quarry.plan.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;
import java.util.List;

/** An expression with its own evaluation rules; see {@link Form}. */
public record SpecialForm(Form form, List<Expression> arguments, Type type) implements Expression {
    public SpecialForm {
        requireNonNull(form, "form is null");
        arguments = List.copyOf(arguments);
        requireNonNull(type, "type is null");
    }
}
