package io.quarry.plan.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;

/** The value of input channel {@code channel}. */
public record InputRef(int channel, Type type) implements Expression {
    public InputRef {
        requireNonNull(type, "type is null");
        if (channel < 0) {
            throw new IllegalArgumentException("channel must not be negative");
        }
    }
}
