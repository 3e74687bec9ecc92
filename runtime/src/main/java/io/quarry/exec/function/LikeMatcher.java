package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compiled SQL LIKE pattern matched over UTF-8 bytes: {@code %} any sequence, {@code _} one code point.
 * Common shapes (no wildcard, prefix, suffix, infix) take fast paths; others use linear backtracking over the
 * last {@code %}, so no pattern can take exponential time.
 */
public final class LikeMatcher {
    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte ANY = 2;

    private enum Shape {
        EXACT,
        PREFIX,
        SUFFIX,
        CONTAINS,
        /** Literals between {@code %}s, no {@code _}: each literal found in turn, leftmost first. */
        SEGMENTS,
        GENERAL
    }

    private final byte[] pattern;
    private final byte[] kinds;
    private final Shape shape;
    private final byte[] literal;
    /** For SEGMENTS: the literal before the first %, those between, the one after the last % (first and last may be empty). */
    private final byte[][] segments;

    private LikeMatcher(byte[] pattern, byte[] kinds) {
        this.pattern = pattern;
        this.kinds = kinds;
        int wildcards = 0;
        int ones = 0;
        for (byte kind : kinds) {
            wildcards += kind == ANY ? 1 : 0;
            ones += kind == ONE ? 1 : 0;
        }
        int n = kinds.length;
        Shape detected = Shape.GENERAL;
        byte[] text = null;
        if (ones == 0) {
            if (wildcards == 0) {
                detected = Shape.EXACT;
                text = pattern;
            } else if (wildcards == 1 && kinds[n - 1] == ANY) {
                detected = Shape.PREFIX;
                text = Arrays.copyOf(pattern, n - 1);
            } else if (wildcards == 1 && kinds[0] == ANY) {
                detected = Shape.SUFFIX;
                text = Arrays.copyOfRange(pattern, 1, n);
            } else if (wildcards == 2 && n >= 2 && kinds[0] == ANY && kinds[n - 1] == ANY) {
                detected = Shape.CONTAINS;
                text = Arrays.copyOfRange(pattern, 1, n - 1);
            } else {
                detected = Shape.SEGMENTS;
            }
        }
        this.shape = detected;
        this.literal = text;
        this.segments = detected == Shape.SEGMENTS ? segments(pattern, kinds) : null;
    }

    private static byte[][] segments(byte[] pattern, byte[] kinds) {
        java.util.List<byte[]> result = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i <= kinds.length; i++) {
            if (i == kinds.length || kinds[i] == ANY) {
                result.add(Arrays.copyOfRange(pattern, from, i));
                from = i + 1;
            }
        }
        return result.toArray(new byte[0][]);
    }

    private boolean matchSegments(byte[] data, int start, int end) {
        byte[] prefix = segments[0];
        byte[] suffix = segments[segments.length - 1];
        int suffixStart = end - suffix.length;
        if (suffixStart < start + prefix.length
            || !Arrays.equals(data, start, start + prefix.length, prefix, 0, prefix.length)
            || !Arrays.equals(data, suffixStart, end, suffix, 0, suffix.length)) {
            return false;
        }
        int position = start + prefix.length;
        for (int i = 1; i < segments.length - 1; i++) {
            int found = indexOf(data, position, suffixStart, segments[i]);
            if (found < 0) {
                return false;
            }
            position = found + segments[i].length;
        }
        return true;
    }

    /** Compiles a pattern; {@code escape} may be null. An invalid escape is INVALID_FUNCTION_ARGUMENT. */
    public static LikeMatcher compile(String pattern, String escape) {
        Character escapeChar = null;
        if (escape != null) {
            if (escape.codePointCount(0, escape.length()) != 1 || escape.length() != 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
            }
            escapeChar = escape.charAt(0);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream kinds = new ByteArrayOutputStream();
        int i = 0;
        while (i < pattern.length()) {
            int codePoint = pattern.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (escapeChar != null && codePoint == escapeChar) {
                if (i + width >= pattern.length()) {
                    throw escapeError(pattern);
                }
                int next = pattern.codePointAt(i + width);
                if (next != '%' && next != '_' && next != escapeChar) {
                    throw escapeError(pattern);
                }
                appendLiteral(bytes, kinds, next);
                i += width + Character.charCount(next);
                continue;
            }
            if (codePoint == '%') {
                // consecutive % are one
                if (kinds.size() == 0 || kinds.toByteArray()[kinds.size() - 1] != ANY) {
                    bytes.write(0);
                    kinds.write(ANY);
                }
            } else if (codePoint == '_') {
                bytes.write(0);
                kinds.write(ONE);
            } else {
                appendLiteral(bytes, kinds, codePoint);
            }
            i += width;
        }
        return new LikeMatcher(bytes.toByteArray(), kinds.toByteArray());
    }

    private static QuarryException escapeError(String pattern) {
        return new QuarryException(
                ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Escape character must be followed by '%', '_' or the escape character: " + pattern);
    }

    private static void appendLiteral(ByteArrayOutputStream bytes, ByteArrayOutputStream kinds, int codePoint) {
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(encoded);
        for (int k = 0; k < encoded.length; k++) {
            kinds.write(LITERAL);
        }
    }

    public boolean matches(byte[] data, int start, int end) {
        int length = end - start;
        switch (shape) {
            case EXACT -> {
                return Arrays.equals(data, start, end, literal, 0, literal.length);
            }
            case PREFIX -> {
                return length >= literal.length && Arrays.equals(data, start, start + literal.length, literal, 0, literal.length);
            }
            case SUFFIX -> {
                return length >= literal.length && Arrays.equals(data, end - literal.length, end, literal, 0, literal.length);
            }
            case CONTAINS -> {
                return indexOf(data, start, end, literal) >= 0;
            }
            case SEGMENTS -> {
                return matchSegments(data, start, end);
            }
            default -> {
                return matchGeneral(data, start, end);
            }
        }
    }

    private static int indexOf(byte[] data, int start, int end, byte[] target) {
        if (target.length == 0) {
            return start;
        }
        byte first = target[0];
        int last = end - target.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int k = 1; k < target.length; k++) {
                if (data[i + k] != target[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean matchGeneral(byte[] data, int start, int end) {
        int text = start;
        int p = 0;
        int starPattern = -1;
        int starText = -1;
        int n = kinds.length;
        while (text < end) {
            if (p < n && kinds[p] == LITERAL && pattern[p] == data[text]) {
                p++;
                text++;
            } else if (p < n && kinds[p] == ONE) {
                p++;
                text += Utf8.lengthOfCodePoint(data[text]);
            } else if (p < n && kinds[p] == ANY) {
                starPattern = p++;
                starText = text;
            } else if (starPattern >= 0) {
                p = starPattern + 1;
                starText += Utf8.lengthOfCodePoint(data[starText]);
                text = starText;
            } else {
                return false;
            }
        }
        while (p < n && kinds[p] == ANY) {
            p++;
        }
        return p == n && text == end;
    }
}
