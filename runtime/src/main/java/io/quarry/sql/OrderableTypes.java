package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which types ORDER BY and the aggregates that compare values (min, max, and the keys of min_by and max_by) take:
 * as in Trino, maps and json have no order, nor arrays or rows that hold them.
 */
final class OrderableTypes {
    private OrderableTypes() {}

    static void check(Type type, String column) {
        if (!type.isOrderable()) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH,
                    "Type " + type.displayName() + " is not orderable, and therefore cannot be used in ORDER BY: " + column);
        }
    }

    /** FUNCTION_NOT_FOUND, as Trino has no signature for it, when an ordering aggregate gets a value without order. */
    static void checkAggregate(String function, List<Type> argumentTypes) {
        if (function.equals("listagg") && !argumentTypes.isEmpty() && argumentTypes.get(0) instanceof io.quarry.type.CharType) {
            // listagg takes varchar only, and Trino has no coercion of a char to it
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Expected expression of varchar, but the value has "
                    + argumentTypes.get(0).displayName() + " type");
        }
        int compared = switch (function) {
            case "min", "max", "min_n", "max_n" -> 0;
            case "min_by", "max_by" -> 1;
            default -> -1;
        };
        if (compared >= 0 && compared < argumentTypes.size() && !argumentTypes.get(compared).isOrderable()) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + argumentTypes.stream().map(Type::displayName).collect(Collectors.joining(", ")) + ") for function "
                    + function.replaceFirst("_n$", ""));
        }
    }
}
