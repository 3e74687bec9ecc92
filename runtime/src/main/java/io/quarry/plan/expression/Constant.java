package io.quarry.plan.expression;

import static java.util.Objects.requireNonNull;

import io.quarry.type.Type;

/**
 * A literal. {@code value} follows {@link io.quarry.block.Values#toObject}: Long (integer types; date as
 * days since the epoch), Double, Boolean, String (varchar, char), byte[] (varbinary), BigDecimal
 * (decimal), or null for SQL NULL.
 */
public record Constant(Object value, Type type) implements Expression {
    public Constant {
        requireNonNull(type, "type is null");
    }

    public static Constant nullOf(Type type) {
        return new Constant(null, type);
    }
}
