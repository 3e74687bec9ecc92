package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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
 * json_value, json_query and json_exists over a path of keys and indexes in lax or strict mode, with the default
 * behaviours: NULL (json_exists: false) when the path finds nothing, when the input is not JSON, or (json_value)
 * when the item is not a scalar.
 */
final class JsonPathFunctions {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonPathFunctions() {}

    static ScalarKernel resolve(String name, List<Expression> arguments, Type result) {
        if (!(arguments.get(1) instanceof Constant constant) || !(constant.value() instanceof String text)) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "The JSON path of " + name + " must be a constant");
        }
        List<JsonFunctions.Step> steps = JsonFunctions.parsePath(withoutMode(text));
        String wrapper = arguments.size() > 2 && arguments.get(2) instanceof Constant flag && flag.value() instanceof String w
                ? w
                : "WITHOUT_ARRAY";
        return Kernels.rows(name.equals("json_exists") ? Types.BOOLEAN : result, (blocks, position, out) -> {
            Object item;
            try (JsonParser parser = FACTORY.createParser(Kernels.string(blocks[0], position))) {
                item = JsonFunctions.navigate(parser, steps) ? JsonValues.read(parser) : null;
            } catch (IOException e) {
                item = null;
            }
            switch (name) {
                case "json_exists" -> out.appendBoolean(item != null);
                case "json_query" -> {
                    boolean structured = item instanceof List || item instanceof Map;
                    boolean wrap = wrapper.equals("WITH_UNCONDITIONAL_ARRAY")
                            || (wrapper.equals("WITH_CONDITIONAL_ARRAY") && !structured);
                    if (item == null) {
                        out.appendNull();
                    } else {
                        out.appendString(JsonValues.format(wrap ? List.of(item) : item));
                    }
                }
                default -> {
                    if (item == null || item == JsonValues.NULL || item instanceof List || item instanceof Map) {
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

    /** The path without its mode word: both modes find the same items for paths of keys and indexes. */
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
