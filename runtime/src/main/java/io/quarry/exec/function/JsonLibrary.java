package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BooleanType;
import io.quarry.type.DoubleType;
import io.quarry.type.JsonType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import java.io.IOException;
import java.util.List;

/**
 * The kernels of the {@code json} type: json_parse, json_format, json_extract, json_array_get,
 * json_array_contains, and the casts between json and boolean, numbers, varchar, arrays, maps and rows.
 * Returns null for calls that do not involve json, which the other libraries resolve.
 */
final class JsonLibrary {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLibrary() {}

    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Expression> arguments = call.arguments();
        List<Type> types = arguments.stream().map(Expression::type).toList();
        return switch (name) {
            case "cast", "try_cast" -> types.size() == 1 && (types.get(0) instanceof JsonType || call.type() instanceof JsonType)
                    ? cast(types.get(0), call.type(), name.equals("try_cast"))
                    : null;
            case "json_parse" -> parse(types, false);
            case JSON_LITERAL -> parse(types, true);
            // a value passed to a path in FORMAT JSON: its text as json, read (or found no JSON) by the path's kernel
            // a date-time value passed to a path, as its text (the path's kernel reads the type from the call)
            case JsonPathFunctions.Passed.DATE_TIME -> Kernels.rows(Types.VARCHAR, (blocks, position, out) -> out.appendString(Kernels.string(blocks[0], position)));
            case "$json_formatted" -> Kernels.rows(Types.JSON, (blocks, position, out) -> out.appendString(Kernels.string(blocks[0], position)));
            case "json_format" -> format(types);
            case "json_extract" -> extract(arguments, types);
            case "json_array_get" -> arrayGet(types);
            case "json_array_contains" -> arrayContains(types);
            case "equal", "not_equal", "is_distinct_from" -> types.size() == 2 && types.get(0) instanceof JsonType
                    && types.get(1) instanceof JsonType ? equality(name) : null;
            default -> null;
        };
    }

    private static boolean isText(Type type) {
        return StringFunctions.isText(type) || type instanceof JsonType;
    }

    /** The call a literal {@code JSON '…'} becomes: json_parse, whose text that is not JSON is an invalid literal. */
    static final String JSON_LITERAL = "$json_literal";

    private static ScalarKernel parse(List<Type> types, boolean literal) {
        if (types.size() != 1 || !StringFunctions.isText(types.get(0))) {
            throw Functions.unsupported("json_parse", types);
        }
        return Kernels.rows(Types.JSON, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            try {
                out.appendString(JsonValues.canonical(text));
            } catch (IOException e) {
                throw literal
                        ? new QuarryException(ErrorCode.INVALID_LITERAL, "'" + text + "' is not a valid JSON literal")
                        : new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Cannot convert value to JSON: '" + text + "'");
            }
        });
    }

    private static ScalarKernel format(List<Type> types) {
        if (types.size() != 1 || !(types.get(0) instanceof JsonType)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (" + names(types)
                    + ") for function json_format. Expected: json_format(json)");
        }
        return (blocks, count) -> blocks[0];
    }

    private static ScalarKernel extract(List<Expression> arguments, List<Type> types) {
        if (types.size() != 2 || !isText(types.get(0)) || !StringFunctions.isText(types.get(1))) {
            throw Functions.unsupported("json_extract", types);
        }
        List<JsonFunctions.Step> fixed = JsonFunctions.constantPath(arguments);
        return Kernels.rows(Types.JSON, (blocks, position, out) -> {
            List<JsonFunctions.Step> steps = fixed != null ? fixed : JsonFunctions.parsePath(Kernels.string(blocks[1], position));
            try (JsonParser parser = FACTORY.createParser(Kernels.string(blocks[0], position))) {
                if (!JsonFunctions.navigate(parser, steps)) {
                    out.appendNull();
                    return;
                }
                out.appendString(JsonValues.format(JsonValues.readOrdered(parser))); // members in the document's order
            } catch (IOException e) {
                out.appendNull();
            }
        });
    }

    private static ScalarKernel arrayGet(List<Type> types) {
        if (types.size() != 2 || !isText(types.get(0)) || !JsonValues.isInteger(types.get(1))) {
            throw Functions.unsupported("json_array_get", types);
        }
        return Kernels.rows(Types.JSON, (blocks, position, out) -> {
            long index = Kernels.longAt(blocks[1], position);
            List<String> elements = arrayElements(Kernels.string(blocks[0], position), index < 0 ? Long.MAX_VALUE : index + 1);
            long at = elements == null ? -1 : index < 0 ? elements.size() + index : index;
            String element = at < 0 || at >= elements.size() ? null : elements.get((int) at);
            if (element == null) {
                out.appendNull();
            } else {
                out.appendString(element);
            }
        });
    }

    /**
     * The elements of a JSON array as json_array_get gives them: a number or boolean as written, a string's value
     * unquoted, an array or object as JSON text (its members in the document's order), null for null; null if the
     * text is no JSON array. Reading stops after {@code wanted} elements: the rest is not looked at, as in Trino.
     */
    private static List<String> arrayElements(String text, long wanted) {
        List<String> elements = new java.util.ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return null;
                }
                elements.add(switch (token) {
                    case VALUE_NULL -> null;
                    case START_ARRAY, START_OBJECT -> JsonValues.format(JsonValues.readOrdered(parser));
                    default -> parser.getText();
                });
                if (elements.size() >= wanted) {
                    return elements;
                }
            }
            return parser.nextToken() == null ? elements : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ScalarKernel arrayContains(List<Type> types) {
        if (types.size() != 2 || !(isText(types.get(0)) || types.get(0) instanceof UnknownType)) {
            throw Functions.unsupported("json_array_contains", types);
        }
        Type valueType = types.get(1);
        if (valueType instanceof UnknownType || types.get(0) instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(Types.BOOLEAN, count); // a NULL argument
        }
        if (!(valueType instanceof BooleanType || JsonValues.isInteger(valueType) || valueType instanceof DoubleType
                || StringFunctions.isText(valueType))) {
            throw Functions.unsupported("json_array_contains", types);
        }
        return Kernels.rows(Types.BOOLEAN, (blocks, position, out) -> {
            Object tree = tree(Kernels.string(blocks[0], position));
            if (!(tree instanceof List<?> array)) {
                out.appendNull();
                return;
            }
            Object value = Values.toObject(valueType, blocks[1], position);
            boolean found = false;
            for (Object element : array) {
                if (valueType instanceof DoubleType) {
                    // only JSON numbers with a fraction or exponent match a double
                    found = element instanceof Double number && number.equals(value);
                } else {
                    found = element.equals(value);
                }
                if (found) {
                    break;
                }
            }
            out.appendBoolean(found);
        });
    }

    /** json values are equal when their canonical texts are. */
    private static ScalarKernel equality(String name) {
        boolean distinct = name.equals("is_distinct_from");
        boolean negate = !name.equals("equal");
        return (blocks, count) -> {
            BlockBuilder out = BlockBuilder.create(Types.BOOLEAN, count);
            for (int i = 0; i < count; i++) {
                boolean leftNull = blocks[0].isNull(i);
                boolean rightNull = blocks[1].isNull(i);
                if (leftNull || rightNull) {
                    if (distinct) {
                        out.appendBoolean(leftNull != rightNull);
                    } else {
                        out.appendNull();
                    }
                    continue;
                }
                boolean same = Kernels.string(blocks[0], i).equals(Kernels.string(blocks[1], i));
                out.appendBoolean(same != negate);
            }
            return out.build();
        };
    }

    /** The tree of a document, or null when the text is not JSON (the functions then return NULL). */
    private static Object tree(String text) {
        try {
            return JsonValues.parse(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static ScalarKernel cast(Type source, Type target, boolean tryCast) {
        if (source instanceof JsonType && target instanceof JsonType) {
            return (blocks, count) -> blocks[0];
        }
        if (target instanceof JsonType) {
            if (!JsonValues.castsToJson(source)) {
                // the planner refused what Trino refuses at analysis; what is left (a map's date key) fails as it runs
                throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast " + source.displayName() + " to JSON");
            }
            if (source instanceof UnknownType) {
                return (blocks, count) -> Blocks.constant(Types.JSON, null, count);
            }
            return Kernels.rows(Types.JSON, (blocks, position, out) ->
                    out.appendString(JsonValues.toJson(source, Values.toObject(source, blocks[0], position))));
        }
        if (!JsonValues.castsFromJson(target)) {
            throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast JSON to " + target.displayName());
        }
        boolean structural = target instanceof ArrayType || target instanceof MapType || target instanceof RowType;
        return Kernels.rows(target, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            try {
                out.appendObject(JsonValues.toSql(target, JsonValues.parse(text)));
            } catch (IOException | JsonValues.JsonCastException e) {
                if (tryCast) {
                    out.appendNull();
                    return;
                }
                String message = structural
                        ? "Cannot cast to " + target.displayName() + ". " + e.getMessage() + "\n" + text
                        : "Cannot cast '" + text + "' to " + target.displayName();
                throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, message);
            }
        });
    }

    private static String names(List<Type> types) {
        return String.join(", ", types.stream().map(Type::displayName).toList());
    }
}
