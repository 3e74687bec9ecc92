package io.quarry.type;

import java.util.List;
import java.util.Locale;

/**
 * The SQL type {@code color}, made by {@code rgb()} and {@code color()} for {@code render()} and {@code bar()}. A value
 * is one long: an RGB colour as {@code 0xRRGGBB} (never negative), or one of the terminal's eight system colours as
 * {@code -1 - index} (black -1 … white -8), which have no RGB value. Shown as {@code #rrggbb} or by the system colour's
 * name; comparable for equality but without order, and no cast leads to or from it, as in Trino.
 */
public record ColorType() implements Type {
    /** The system colours by their index in the terminal's palette. */
    public static final List<String> SYSTEM_COLORS =
            List.of("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white");

    /** The value of an RGB colour whose channels are 0 to 255 each. */
    public static long rgb(int red, int green, int blue) {
        return ((long) red << 16) | (green << 8) | blue;
    }

    /** The value of the system colour of this palette index (0 to 7). */
    public static long systemColor(int index) {
        return -1L - index;
    }

    /** Whether the value is an RGB colour rather than a system colour. */
    public static boolean isRgb(long value) {
        return value >= 0;
    }

    /** The palette index (0 to 7) of a system colour's value. */
    public static int systemIndex(long value) {
        return (int) (-1L - value);
    }

    /** The text of a value: {@code #rrggbb} in lower-case hex, or a system colour's name. */
    public static String text(long value) {
        if (!isRgb(value)) {
            return SYSTEM_COLORS.get(systemIndex(value));
        }
        return String.format(Locale.ROOT, "#%06x", value & 0xFF_FF_FF);
    }

    @Override
    public String rawType() {
        return "color";
    }

    @Override
    public Storage storage() {
        return Storage.LONG;
    }

    @Override
    public boolean isOrderable() {
        return false;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
