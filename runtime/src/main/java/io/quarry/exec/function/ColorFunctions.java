package io.quarry.exec.function;

import io.quarry.block.BooleanBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.ColorType;
import io.quarry.type.DoubleType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.util.List;

/**
 * The color functions as Trino has them: {@code rgb}, {@code color} (from text, or a point between two colours),
 * {@code render} (a value in a colour for a terminal) and {@code bar} (a bar chart's line), and the casts of color,
 * of which only the identity (and NULL) exist. Text is coloured with the 256-colour ANSI escapes; a point between two
 * colours is interpolated in HSB space ({@link HueSaturationBrightness}), both as Trino computes them.
 */
final class ColorFunctions {
    private static final String RESET = "\u001b[0m";
    private static final String FULL_BLOCK = "\u2588";

    /** The longest bar (in UTF-8 bytes) built: a wider one fails instead of filling the heap. */
    static final long MAX_BAR_BYTES = 16L << 20;

    private static final long RED = ColorType.rgb(255, 0, 0);
    private static final long GREEN = ColorType.rgb(0, 255, 0);

    private ColorFunctions() {}

    /** The kernel of a call about color, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (cast && types.size() == 1 && (types.get(0) instanceof ColorType || call.type() instanceof ColorType)) {
            return castKernel(types.get(0), call.type());
        }
        if (!(name.equals("rgb") || name.equals("color") || name.equals("render") || name.equals("bar"))) {
            return null;
        }
        return switch (name + "/" + types.size()) {
            case "rgb/3" -> expect(types, Types.BIGINT, Types.BIGINT, Types.BIGINT) ? rgbKernel() : null;
            case "color/1" -> expect(types, Types.VARCHAR) ? Kernels.rows(Types.COLOR, (arguments, position, out) ->
                    out.appendLong(parse(Kernels.string(arguments[0], position)))) : null;
            case "color/3" -> expect(types, Types.DOUBLE, Types.COLOR, Types.COLOR)
                    ? Kernels.rows(Types.COLOR, (arguments, position, out) -> out.appendLong(between(
                            Kernels.doubleAt(arguments[0], position), Kernels.longAt(arguments[1], position),
                            Kernels.longAt(arguments[2], position))))
                    : null;
            case "color/5" -> expect(types, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.COLOR, Types.COLOR)
                    ? Kernels.rows(Types.COLOR, (arguments, position, out) -> {
                        double value = Kernels.doubleAt(arguments[0], position);
                        double low = Kernels.doubleAt(arguments[1], position);
                        double high = Kernels.doubleAt(arguments[2], position);
                        out.appendLong(between((value - low) / (high - low), Kernels.longAt(arguments[3], position),
                                Kernels.longAt(arguments[4], position)));
                    })
                    : null;
            case "render/1" -> expect(types, Types.BOOLEAN) ? renderBoolean() : null;
            case "render/2" -> renderKernel(types, call.type());
            case "bar/2" -> expect(types, Types.DOUBLE, Types.BIGINT)
                    ? Kernels.rows(Types.VARCHAR, (arguments, position, out) -> out.appendString(bar(
                            Kernels.doubleAt(arguments[0], position), Kernels.longAt(arguments[1], position), RED, GREEN)))
                    : null;
            case "bar/4" -> expect(types, Types.DOUBLE, Types.BIGINT, Types.COLOR, Types.COLOR)
                    ? Kernels.rows(Types.VARCHAR, (arguments, position, out) -> out.appendString(bar(
                            Kernels.doubleAt(arguments[0], position), Kernels.longAt(arguments[1], position),
                            Kernels.longAt(arguments[2], position), Kernels.longAt(arguments[3], position))))
                    : null;
            default -> null;
        };
    }

    /** Whether the argument types are the signature's (the translator casts to them; varchar of any length). */
    private static boolean expect(List<Type> types, Type... signature) {
        for (int i = 0; i < signature.length; i++) {
            Type type = types.get(i);
            boolean matches = signature[i] instanceof VarcharType ? type instanceof VarcharType : type.equals(signature[i]);
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static ScalarKernel castKernel(Type source, Type target) {
        if (source.equals(target)) {
            return (arguments, count) -> arguments[0];
        }
        if (source instanceof UnknownType) {
            return (arguments, count) -> Blocks.nulls(target, count);
        }
        throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Cannot cast " + source.displayName() + " to " + target.displayName());
    }

    private static ScalarKernel rgbKernel() {
        return Kernels.rows(Types.COLOR, (arguments, position, out) -> {
            long red = Kernels.longAt(arguments[0], position);
            long green = Kernels.longAt(arguments[1], position);
            long blue = Kernels.longAt(arguments[2], position);
            checkChannel("red", red);
            checkChannel("green", green);
            checkChannel("blue", blue);
            out.appendLong(ColorType.rgb((int) red, (int) green, (int) blue));
        });
    }

    private static void checkChannel(String channel, long value) {
        if (value < 0 || value > 255) {
            throw invalid(channel + " must be between 0 and 255");
        }
    }

    /** {@code color(text)}: {@code #rgb} (each digit doubled, as in CSS) or a system colour's name in any case. */
    static long parse(String text) {
        if (text.length() == 4 && text.charAt(0) == '#') {
            int red = hexDigit(text.charAt(1));
            int green = hexDigit(text.charAt(2));
            int blue = hexDigit(text.charAt(3));
            if (red >= 0 && green >= 0 && blue >= 0) {
                return ColorType.rgb(red * 17, green * 17, blue * 17);
            }
        }
        // each code point upper-cased on its own (no 'ß' to "SS"), as Trino's upper() does
        StringBuilder upper = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> upper.appendCodePoint(Character.toUpperCase(codePoint)));
        String name = upper.toString();
        for (int index = 0; index < ColorType.SYSTEM_COLORS.size(); index++) {
            if (ColorType.SYSTEM_COLORS.get(index).toUpperCase(java.util.Locale.ROOT).equals(name)) {
                return ColorType.systemColor(index);
            }
        }
        throw invalid("Invalid color: '" + text + "'");
    }

    private static int hexDigit(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /**
     * {@code color(fraction, low, high)}: the colour at {@code fraction} (held to 0..1; NaN stays NaN and gives black)
     * of the way from {@code low} to {@code high}, which must be RGB colours.
     */
    static long between(double fraction, long low, long high) {
        if (!ColorType.isRgb(low)) {
            throw invalid("lowColor not a valid RGB color");
        }
        if (!ColorType.isRgb(high)) {
            throw invalid("highColor not a valid RGB color");
        }
        // Math.min and Math.max keep NaN, as Trino's clamp does
        double held = Math.max(0, Math.min(1, fraction));
        return HueSaturationBrightness.interpolate((float) held, low, high);
    }

    /** The palette index of a colour in the 256-colour ANSI palette: its 6x6x6 cube for RGB, 0..7 for system colours. */
    static int ansiIndex(long color) {
        if (!ColorType.isRgb(color)) {
            return ColorType.systemIndex(color);
        }
        int red = (int) (color >> 16) & 0xFF;
        int green = (int) (color >> 8) & 0xFF;
        int blue = (int) color & 0xFF;
        return 16 + 36 * (red * 6 / 256) + 6 * (green * 6 / 256) + blue * 6 / 256;
    }

    private static String escape(long color) {
        return "\u001b[38;5;" + ansiIndex(color) + "m";
    }

    static String render(String text, long color) {
        return escape(color) + text + RESET;
    }

    private static ScalarKernel renderKernel(List<Type> types, Type result) {
        if (!types.get(1).equals(Types.COLOR)) {
            return null;
        }
        Type value = types.get(0);
        if (value instanceof VarcharType) {
            return Kernels.rows(result, (arguments, position, out) ->
                    out.appendString(render(Kernels.string(arguments[0], position), Kernels.longAt(arguments[1], position))));
        }
        if (value instanceof BigintType) {
            return Kernels.rows(result, (arguments, position, out) -> out.appendString(
                    render(Long.toString(Kernels.longAt(arguments[0], position)), Kernels.longAt(arguments[1], position))));
        }
        if (value instanceof DoubleType) {
            // Java's notation of a double (1.0E10, 0.001), not the cast's (1.0E10, 1.0E-3), with the shortest digits
            return Kernels.rows(result, (arguments, position, out) -> out.appendString(
                    render(Formats.shortest(Kernels.doubleAt(arguments[0], position)), Kernels.longAt(arguments[1], position))));
        }
        return null;
    }

    /** {@code render(boolean)}: a green check mark or a red cross. */
    private static ScalarKernel renderBoolean() {
        String checked = render("\u2713", ColorType.systemColor(ColorType.SYSTEM_COLORS.indexOf("green")));
        String crossed = render("\u2717", ColorType.systemColor(ColorType.SYSTEM_COLORS.indexOf("red")));
        return Kernels.rows(Types.varchar(16), (arguments, position, out) ->
                out.appendString(((BooleanBlock) arguments[0]).getBoolean(position) ? checked : crossed));
    }

    /**
     * One line of a bar chart {@code width} characters wide: {@code fraction * width} full blocks (truncated, held to
     * 0..width), the i-th coloured at {@code i / (width - 1)} of the way from {@code low} to {@code high}, a reset,
     * then spaces up to the width.
     */
    static String bar(double fraction, long width, long low, long high) {
        // a double past the int range saturates as Java's (int) cast does, and NaN counts none
        long count = Math.max(0, Math.min(width, (int) (fraction * width)));
        long padding = Math.max(0, width - count);
        // at most 11 bytes of escape and 3 of block per bar character
        long bytes = count * 14 + RESET.length() + padding;
        if (bytes > MAX_BAR_BYTES) {
            throw new QuarryException(ErrorCode.EXCEEDED_FUNCTION_MEMORY_LIMIT,
                    "The bar of width " + width + " is longer than " + MAX_BAR_BYTES + " bytes");
        }
        StringBuilder line = new StringBuilder((int) bytes);
        for (long i = 0; i < count; i++) {
            if (!ColorType.isRgb(low) || !ColorType.isRgb(high)) {
                throw invalid("color is not a valid rgb value");
            }
            float position = (float) (i / (double) (width - 1));
            line.append(escape(HueSaturationBrightness.interpolate(position, low, high))).append(FULL_BLOCK);
        }
        line.append(RESET);
        for (long i = 0; i < padding; i++) {
            line.append(' ');
        }
        return line.toString();
    }

    private static QuarryException invalid(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }
}
