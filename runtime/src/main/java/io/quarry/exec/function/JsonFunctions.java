package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON functions over JSON text in varchar or json: json_extract_scalar and json_size with Trino's JSONPath subset
 * ({@code $}, {@code .key}, {@code ["key"]}, {@code [index]}), json_array_length and is_json_scalar. The text
 * is read with a streaming parser, skipping what the path does not reach.
 */
final class JsonFunctions {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonFunctions() {}

    /** One step of a path: an object key or an array index. */
    record Step(String key, int index) {}

    /**
     * Trino's JSON path of json_extract and its kin: {@code $}, then {@code .key} (letters, digits, {@code _} and
     * {@code :}), {@code ["key"]}, {@code [index]} (digits only) or {@code [key]} (letters, digits and {@code _});
     * nothing else, no blanks, is a path.
     */
    static List<Step> parsePath(String path) {
        String text = path;
        if (!text.startsWith("$")) {
            throw invalidPath(path);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && isKeyCharacter(text.charAt(end))) {
                    end++;
                }
                boolean stepEnds = end == text.length() || text.charAt(end) == '.' || text.charAt(end) == '[';
                if (end == i + 1 || !stepEnds) {
                    throw invalidPath(path);
                }
                steps.add(new Step(text.substring(i + 1, end), -1));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalidPath(path);
                }
                String inside = text.substring(i + 1, close);
                if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"")) {
                    steps.add(new Step(inside.substring(1, inside.length() - 1), -1));
                } else if (!inside.isEmpty() && inside.chars().allMatch(digit -> digit >= '0' && digit <= '9')) {
                    try {
                        steps.add(new Step(null, Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw invalidPath(path);
                    }
                } else if (!inside.isEmpty() && inside.chars().allMatch(k -> Character.isLetterOrDigit(k) || k == '_')) {
                    // an unquoted key, as in $.store[book]
                    steps.add(new Step(inside, -1));
                } else {
                    throw invalidPath(path);
                }
                i = close + 1;
            } else {
                throw invalidPath(path);
            }
        }
        return List.copyOf(steps);
    }

    private static boolean isKeyCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    private static QuarryException invalidPath(String path) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid JSON path: '" + path + "'");
    }

    /** Moves the parser to the value at the path; false if the path does not exist. The parser is on the value's first token. */
    static boolean navigate(JsonParser parser, List<Step> steps) throws IOException {
        if (parser.nextToken() == null) {
            throw new IOException("empty document");
        }
        for (Step step : steps) {
            JsonToken token = parser.currentToken();
            if (step.key() != null) {
                if (token != JsonToken.START_OBJECT) {
                    return false;
                }
                boolean found = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals(step.key())) {
                        found = true;
                        break;
                    }
                    parser.skipChildren();
                }
                if (!found) {
                    return false;
                }
            } else {
                if (token != JsonToken.START_ARRAY || step.index() < 0) {
                    return false;
                }
                int position = 0;
                boolean found = false;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (position++ == step.index()) {
                        found = true;
                        break;
                    }
                    parser.skipChildren();
                }
                if (!found) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The path of argument 1 when constant and valid, else null (parsed per row): an invalid path fails when a row
     * needs it, where try() can catch it, as in Trino.
     */
    static List<Step> constantPath(List<Expression> arguments) {
        if (arguments.size() > 1 && arguments.get(1) instanceof Constant constant && constant.value() instanceof String path) {
            try {
                return parsePath(path);
            } catch (QuarryException e) {
                return null;
            }
        }
        return null;
    }

    private static void checkText(String name, List<Type> types, int arity) {
        if (types.size() != arity) {
            throw Functions.unsupported(name, types);
        }
        for (Type type : types) {
            if (!StringFunctions.isText(type) && !(type instanceof io.quarry.type.JsonType)) {
                throw Functions.unsupported(name, types);
            }
        }
    }

    static ScalarKernel extractScalar(List<Expression> arguments, List<Type> types) {
        checkText("json_extract_scalar", types, 2);
        List<Step> fixed = constantPath(arguments);
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
            List<Step> steps = fixed != null ? fixed : parsePath(Kernels.string(blocks[1], position));
            try (JsonParser parser = FACTORY.createParser(Kernels.string(blocks[0], position))) {
                if (!navigate(parser, steps)) {
                    out.appendNull();
                    return;
                }
                JsonToken token = parser.currentToken();
                if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    out.appendString(parser.getText());
                } else {
                    out.appendNull();
                }
            } catch (IOException e) {
                out.appendNull();
            }
        });
    }

    static ScalarKernel size(List<Expression> arguments, List<Type> types) {
        checkText("json_size", types, 2);
        List<Step> fixed = constantPath(arguments);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            List<Step> steps = fixed != null ? fixed : parsePath(Kernels.string(blocks[1], position));
            try (JsonParser parser = FACTORY.createParser(Kernels.string(blocks[0], position))) {
                if (!navigate(parser, steps)) {
                    out.appendNull();
                    return;
                }
                out.appendLong(countChildren(parser));
            } catch (IOException e) {
                out.appendNull();
            }
        });
    }

    /** The number of elements or fields of the container the parser is on; 0 for a scalar. */
    private static long countChildren(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
            return 0;
        }
        JsonToken end = token == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
        long count = 0;
        JsonToken next;
        while ((next = parser.nextToken()) != end) {
            if (next == JsonToken.FIELD_NAME) {
                next = parser.nextToken();
            }
            parser.skipChildren();
            count++;
        }
        return count;
    }

    static ScalarKernel arrayLength(List<Type> types) {
        checkText("json_array_length", types, 1);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            try (JsonParser parser = FACTORY.createParser(Kernels.string(blocks[0], position))) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    out.appendNull();
                    return;
                }
                out.appendLong(countChildren(parser));
            } catch (IOException e) {
                out.appendNull();
            }
        });
    }

    static ScalarKernel isScalar(List<Type> types) {
        checkText("is_json_scalar", types, 1);
        return Kernels.rows(Types.BOOLEAN, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            try (JsonParser parser = FACTORY.createParser(text)) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new IOException("empty document");
                }
                parser.skipChildren();
                if (parser.nextToken() != null) {
                    throw new IOException("trailing content");
                }
                out.appendBoolean(token.isScalarValue());
            } catch (IOException e) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid JSON value: " + text);
            }
        });
    }
}
