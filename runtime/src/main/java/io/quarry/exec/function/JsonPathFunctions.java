package io.quarry.exec.function;

import io.quarry.block.BlockBuilder;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Types;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * json_value, json_query and json_exists over a SQL/JSON path ({@link JsonPath}) in lax or strict mode. The path
 * selects a sequence of items: none is "empty", and input that is not JSON, a strict path that does not fit the
 * document, several items where one is wanted and (json_value) an item that is not a scalar are errors. What an
 * empty result and an error give is the call's ON EMPTY and ON ERROR behaviour, constant arguments after the path
 * (json_query's after its wrapper): NULL, ERROR, EMPTY_ARRAY, EMPTY_OBJECT, or DEFAULT, for which the kernel gives
 * null and the planner substitutes the default from the kernel's {@value #OUTCOME} form (json_value's empty behaviour
 * {@value #OUTCOME}: 'EMPTY', 'ERROR' or null); json_exists's ON ERROR is TRUE, FALSE (the default), UNKNOWN or ERROR.
 * json_value's fifth argument says how its item is written for the RETURNING type: TEXT, NUMBER (a boolean as 1 or
 * 0) or BOOLEAN (a number as whether it is not zero). PASSING values follow the call's own arguments.
 */
final class JsonPathFunctions {
    /** The empty behaviour of json_value that asks for the outcome rather than the value. */
    static final String OUTCOME = "OUTCOME";

    private JsonPathFunctions() {}

    /** What evaluating the path gave: the items, or an error with Trino's code and message. */
    private record Outcome(List<Object> items, ErrorCode error, String message) {
        boolean isEmpty() {
            return error == null && items.isEmpty();
        }

        static Outcome failure(ErrorCode error, String message) {
            return new Outcome(List.of(), error, message);
        }
    }

    static ScalarKernel resolve(String name, List<Expression> arguments) {
        if (!(arguments.get(1) instanceof Constant constant) || !(constant.value() instanceof String text)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "The JSON path of " + name + " must be a constant");
        }
        JsonPath parsed = JsonPath.parse(text);
        Passed passed = Passed.of(arguments, switch (name) {
            case "json_exists" -> 3;
            case "json_query", "json_value" -> 5;
            default -> 4;
        });
        passed.check(JsonPath.variables(text));
        PathOnRow path = (blocks, position) -> {
            Map<String, Object> variables;
            try {
                variables = passed.at(blocks, position);
            } catch (IOException e) {
                return Outcome.failure(ErrorCode.JSON_INPUT_CONVERSION_ERROR, "conversion to JSON failed: " + e.getMessage());
            }
            return evaluate(Kernels.string(blocks[0], position), parsed, variables);
        };
        return switch (name) {
            case "json_exists" -> exists(path, flag(arguments, 2, "FALSE"));
            case "json_query" -> query(path, flag(arguments, 2, "WITHOUT_ARRAY"), flag(arguments, 3, "NULL"),
                    flag(arguments, 4, "NULL"));
            default -> value(path, flag(arguments, 2, "NULL"), flag(arguments, 3, "NULL"), flag(arguments, 4, "TEXT"));
        };
    }

    /** The path evaluated over a row's input and passed values. */
    @FunctionalInterface
    private interface PathOnRow {
        Outcome evaluate(io.quarry.block.Block[] blocks, int position);
    }

    /**
     * The values of a PASSING clause: arguments after the call's own, each a name (a constant) followed by its value;
     * a value (a number, a boolean or a string, as the planner passes them) is the path's item as it is, a json value
     * (a value in FORMAT JSON) the item its text is; a null json value is no item at all.
     */
    record Passed(List<String> names, List<Integer> channels, List<io.quarry.type.Type> types, List<String> dateTimeTypes) {
        /** The call that marks a date-time value passed as its text: {@code "$json_datetime"(text, 'date')}. */
        static final String DATE_TIME = "$json_datetime";

        static Passed of(List<Expression> arguments, int first) {
            List<String> names = new java.util.ArrayList<>();
            List<Integer> channels = new java.util.ArrayList<>();
            List<io.quarry.type.Type> types = new java.util.ArrayList<>();
            List<String> dateTimeTypes = new java.util.ArrayList<>();
            for (int i = first; i + 1 < arguments.size(); i += 2) {
                names.add((String) ((Constant) arguments.get(i)).value());
                channels.add(i + 1);
                types.add(arguments.get(i + 1).type());
                dateTimeTypes.add(arguments.get(i + 1) instanceof io.quarry.plan.expression.Call call && call.function().equals(DATE_TIME)
                        ? (String) ((Constant) call.arguments().get(1)).value() : null);
            }
            return new Passed(List.copyOf(names), List.copyOf(channels), List.copyOf(types),
                    java.util.Collections.unmodifiableList(dateTimeTypes));
        }

        /** Every variable of the path has a value: Trino's INVALID_PATH otherwise. */
        void check(java.util.Set<String> variables) {
            for (String variable : variables) {
                if (!names.contains(variable)) {
                    boolean otherCase = names.stream().anyMatch(name -> name.equalsIgnoreCase(variable));
                    throw new QuarryException(ErrorCode.INVALID_PATH, "no value passed for parameter " + variable
                            + (otherCase ? ". Try quoting \"" + variable + "\" in the PASSING clause to match case" : ""));
                }
            }
        }

        Map<String, Object> at(io.quarry.block.Block[] blocks, int position) throws IOException {
            if (names.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> values = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                io.quarry.type.Type type = types.get(i);
                Object value = io.quarry.block.Values.toObject(type, blocks[channels.get(i)], position);
                if (type instanceof io.quarry.type.JsonType) {
                    values.put(names.get(i), value == null ? JsonPathEvaluator.NO_ITEM : JsonValues.parsePassed((String) value));
                } else if (dateTimeTypes.get(i) != null && value != null) {
                    values.put(names.get(i), new JsonPathEvaluator.DateTimeItem((String) value, dateTimeTypes.get(i)));
                } else {
                    values.put(names.get(i), value == null ? JsonValues.NULL : value);
                }
            }
            return values;
        }
    }

    private static ScalarKernel exists(PathOnRow path, String onError) {
        return rowsOfInput(Types.BOOLEAN, (blocks, position, out) -> {
            Outcome outcome = path.evaluate(blocks, position);
            if (outcome.error() == null) {
                out.appendBoolean(!outcome.items().isEmpty());
                return;
            }
            switch (onError) {
                case "ERROR" -> throw new QuarryException(outcome.error(), outcome.message());
                case "TRUE" -> out.appendBoolean(true);
                case "UNKNOWN" -> out.appendNull();
                default -> out.appendBoolean(false);
            }
        });
    }

    private static ScalarKernel query(PathOnRow path, String wrapper, String onEmpty, String onError) {
        return rowsOfInput(Types.VARCHAR, (blocks, position, out) -> {
            Outcome outcome = path.evaluate(blocks, position);
            List<Object> items = outcome.items();
            if (outcome.error() != null) {
                behave(onError, outcome.error(), outcome.message(), out);
            } else if (items.isEmpty()) {
                behave(onEmpty, ErrorCode.JSON_OUTPUT_CONVERSION_ERROR,
                        "conversion from JSON failed: JSON path found no items", out);
            } else if (items.stream().anyMatch(item -> item instanceof JsonPathEvaluator.DateTimeItem)) {
                behave(onError, ErrorCode.JSON_OUTPUT_CONVERSION_ERROR,
                        "conversion from JSON failed: JSON path found an item that cannot be converted to JSON", out);
            } else if (wrapper.equals("WITH_UNCONDITIONAL_ARRAY")
                    || wrapper.equals("WITH_CONDITIONAL_ARRAY") && (items.size() > 1 || !isStructured(items.get(0)))) {
                out.appendString(JsonValues.format(items));
            } else if (items.size() > 1) {
                behave(onError, ErrorCode.JSON_OUTPUT_CONVERSION_ERROR,
                        "conversion from JSON failed: JSON path found multiple items", out);
            } else {
                out.appendString(JsonValues.format(items.get(0)));
            }
        });
    }

    private static ScalarKernel value(PathOnRow path, String onEmpty, String onError, String itemText) {
        if (onEmpty.equals(OUTCOME)) {
            return rowsOfInput(Types.VARCHAR, (blocks, position, out) -> {
                Outcome outcome = path.evaluate(blocks, position);
                if (outcome.error() != null || outcome.items().size() > 1
                        || outcome.items().size() == 1
                                && (isStructured(outcome.items().get(0)) || outcome.items().get(0) instanceof BigInteger)) {
                    out.appendString("ERROR");
                } else if (outcome.isEmpty()) {
                    out.appendString("EMPTY");
                } else {
                    out.appendNull();
                }
            });
        }
        return rowsOfInput(Types.VARCHAR, (blocks, position, out) -> {
            Outcome outcome = path.evaluate(blocks, position);
            List<Object> items = outcome.items();
            if (outcome.error() != null) {
                behave(onError, outcome.error(), outcome.message(), out);
            } else if (items.isEmpty()) {
                behave(onEmpty, ErrorCode.JSON_VALUE_RESULT_ERROR,
                        "cannot extract SQL scalar from JSON: JSON path found no items", out);
            } else if (items.size() > 1) {
                behave(onError, ErrorCode.JSON_VALUE_RESULT_ERROR,
                        "cannot extract SQL scalar from JSON: JSON path found multiple items", out);
            } else if (isStructured(items.get(0)) || items.get(0) instanceof BigInteger) {
                // an integer beyond bigint has no SQL value here, as in Trino
                behave(onError, ErrorCode.JSON_VALUE_RESULT_ERROR, "cannot extract SQL scalar from JSON: "
                        + "JSON path found an item that cannot be converted to an SQL value", out);
            } else if (items.get(0) == JsonValues.NULL) {
                out.appendNull();
            } else if (items.get(0) instanceof Boolean bool && itemText.equals("NUMBER")) {
                out.appendString(bool ? "1" : "0");
            } else if (JsonPathEvaluator.isNumber(items.get(0)) && itemText.equals("BOOLEAN")) {
                out.appendString(Boolean.toString(((Number) items.get(0)).doubleValue() != 0));
            } else if (items.get(0) instanceof JsonPathEvaluator.DateTimeItem dateTime) {
                out.appendString(dateTime.text());
            } else if (items.get(0) instanceof String string) {
                out.appendString(string);
            } else if (items.get(0) instanceof Double number) {
                out.appendString(Formats.formatDouble(number)); // as a double's text: 1.5E0
            } else {
                out.appendString(JsonValues.format(items.get(0)));
            }
        });
    }

    /** A kernel whose result is null where the input is: a null PASSING value is JSON's null (or, in FORMAT JSON, no item). */
    private static ScalarKernel rowsOfInput(io.quarry.type.Type type, Kernels.RowFunction row) {
        return (blocks, count) -> {
            BlockBuilder out = BlockBuilder.create(type, count);
            for (int i = 0; i < count; i++) {
                if (blocks[0].isNull(i)) {
                    out.appendNull();
                } else {
                    row.apply(blocks, i, out);
                }
            }
            return out.build();
        };
    }

    private static boolean isStructured(Object item) {
        return item instanceof List || item instanceof Map;
    }

    private static Outcome evaluate(String input, JsonPath path, Map<String, Object> variables) {
        Object document;
        try {
            document = JsonValues.parseOrdered(input);
        } catch (IOException e) {
            return Outcome.failure(ErrorCode.JSON_INPUT_CONVERSION_ERROR, "conversion to JSON failed: " + e.getMessage());
        }
        try {
            return new Outcome(JsonPathEvaluator.evaluate(path, document, variables), null, null);
        } catch (JsonPathEvaluator.PathError e) {
            return Outcome.failure(ErrorCode.PATH_EVALUATION_ERROR, e.getMessage());
        }
    }

    /** The result of an ON EMPTY or ON ERROR behaviour (DEFAULT gives null here: the planner substitutes it). */
    private static void behave(String behaviour, ErrorCode code, String message, BlockBuilder out) {
        switch (behaviour) {
            case "ERROR" -> throw new QuarryException(code, message);
            case "EMPTY_ARRAY" -> out.appendString("[]");
            case "EMPTY_OBJECT" -> out.appendString("{}");
            default -> out.appendNull();
        }
    }

    private static String flag(List<Expression> arguments, int index, String otherwise) {
        return arguments.size() > index && arguments.get(index) instanceof Constant flag && flag.value() instanceof String text
                ? text
                : otherwise;
    }
}
