package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.quarry.block.BlockBuilder;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * json_value, json_query and json_exists over a path of keys and indexes in lax or strict mode. A path that finds
 * nothing is "empty" in lax mode and an error in strict mode; input that is not JSON, and (json_value) an item that
 * is not a scalar, are errors. What an empty result and an error give is the call's ON EMPTY and ON ERROR behaviour,
 * constant arguments after the path (json_query's after its wrapper): NULL, ERROR, EMPTY_ARRAY, EMPTY_OBJECT, or
 * DEFAULT, for which the kernel gives null and the planner substitutes the default from the kernel's
 * {@value #OUTCOME} form (json_value's empty behaviour {@value #OUTCOME}: 'EMPTY', 'ERROR' or null).
 */
final class JsonPathFunctions {
    /** The empty behaviour of json_value that asks for the outcome rather than the value. */
    static final String OUTCOME = "OUTCOME";

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPathFunctions() {}

    /** What evaluating the path gave: an item, nothing, or an error with Trino's code and message. */
    private record Outcome(Object item, ErrorCode error, String message) {
        static final Outcome EMPTY = new Outcome(null, null, null);

        boolean isEmpty() {
            return item == null && error == null;
        }
    }

    static ScalarKernel resolve(String name, List<Expression> arguments, Type result) {
        if (!(arguments.get(1) instanceof Constant constant) || !(constant.value() instanceof String text)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "The JSON path of " + name + " must be a constant");
        }
        boolean strict = isStrict(text);
        List<JsonFunctions.Step> steps = JsonFunctions.parsePath(withoutMode(text));
        boolean query = name.equals("json_query");
        int behaviours = query ? 3 : 2;
        String wrapper = query ? flag(arguments, 2, "WITHOUT_ARRAY") : "WITHOUT_ARRAY";
        String onEmpty = flag(arguments, behaviours, "NULL");
        String onError = flag(arguments, behaviours + 1, "NULL");
        if (onEmpty.equals(OUTCOME)) {
            return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
                Outcome outcome = evaluate(Kernels.string(blocks[0], position), steps, strict);
                if (outcome.error() != null || isNotScalar(outcome.item())) {
                    out.appendString("ERROR");
                } else if (outcome.isEmpty()) {
                    out.appendString("EMPTY");
                } else {
                    out.appendNull();
                }
            });
        }
        return Kernels.rows(name.equals("json_exists") ? Types.BOOLEAN : result, (blocks, position, out) -> {
            Outcome outcome = evaluate(Kernels.string(blocks[0], position), steps, strict);
            switch (name) {
                case "json_exists" -> out.appendBoolean(outcome.item() != null);
                case "json_query" -> {
                    if (outcome.error() != null) {
                        behave(onError, outcome.error(), outcome.message(), out);
                    } else if (outcome.isEmpty()) {
                        behave(onEmpty, ErrorCode.JSON_OUTPUT_CONVERSION_ERROR,
                                "conversion from JSON failed: JSON path found no items", out);
                    } else {
                        Object item = outcome.item();
                        boolean structured = item instanceof List || item instanceof Map;
                        boolean wrap = wrapper.equals("WITH_UNCONDITIONAL_ARRAY")
                                || (wrapper.equals("WITH_CONDITIONAL_ARRAY") && !structured);
                        out.appendString(JsonValues.format(wrap ? List.of(item) : item));
                    }
                }
                default -> {
                    Object item = outcome.item();
                    if (outcome.error() != null) {
                        behave(onError, outcome.error(), outcome.message(), out);
                    } else if (outcome.isEmpty()) {
                        behave(onEmpty, ErrorCode.JSON_VALUE_RESULT_ERROR,
                                "cannot extract SQL scalar from JSON: JSON path found no items", out);
                    } else if (isNotScalar(item)) {
                        behave(onError, ErrorCode.JSON_VALUE_RESULT_ERROR, "cannot extract SQL scalar from JSON: "
                                + "JSON path found an item that cannot be converted to an SQL value", out);
                    } else if (item == JsonValues.NULL) {
                        out.appendNull();
                    } else if (item instanceof String string) {
                        out.appendString(string);
                    } else if (item instanceof Double number) {
                        out.appendString(Formats.formatDouble(number)); // as a double's text: 1.5E0
                    } else {
                        out.appendString(JsonValues.format(item));
                    }
                }
            }
        });
    }

    private static boolean isNotScalar(Object item) {
        return item instanceof List || item instanceof Map;
    }

    private static Outcome evaluate(String input, List<JsonFunctions.Step> steps, boolean strict) {
        try (JsonParser parser = FACTORY.createParser(input)) {
            if (JsonFunctions.navigate(parser, steps)) {
                return new Outcome(JsonValues.read(parser), null, null);
            }
        } catch (IOException e) {
            return new Outcome(null, ErrorCode.JSON_INPUT_CONVERSION_ERROR, "conversion to JSON failed: " + e.getMessage());
        }
        return strict
                ? new Outcome(null, ErrorCode.PATH_EVALUATION_ERROR,
                        "path evaluation failed: structural error: the strict path found no item")
                : Outcome.EMPTY;
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

    private static boolean isStrict(String path) {
        String text = path.strip();
        return text.regionMatches(true, 0, "strict", 0, "strict".length());
    }

    /** The path without its mode word. */
    private static String withoutMode(String path) {
        String text = path.strip();
        for (String mode : List.of("lax", "strict")) {
            if (text.regionMatches(true, 0, mode, 0, mode.length())
                    && text.length() > mode.length() && Character.isWhitespace(text.charAt(mode.length()))) {
                return text.substring(mode.length()).strip();
            }
        }
        throw new QuarryException(ErrorCode.SYNTAX_ERROR, "JSON path must begin with lax or strict: '" + path + "'");
    }
}
