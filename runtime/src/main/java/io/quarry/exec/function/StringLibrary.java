package io.quarry.exec.function;

import io.quarry.block.Block;
import io.quarry.block.BooleanBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarbinaryType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Trino's further string functions (padding, reversing, splitting, distances, code points, UTF-8) and the
 * regular expression functions, with character (code point) semantics. Regular expressions are Java's,
 * compiled once when the pattern is a constant.
 */
final class StringLibrary {
    private StringLibrary() {}

    private static QuarryException invalidArgument(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

    static void checkText(String name, List<Type> types, int... textArguments) {
        for (int index : textArguments) {
            if (index >= types.size() || !StringFunctions.isText(types.get(index))) {
                throw Functions.unsupported(name, types);
            }
        }
    }

    static ScalarKernel pad(String name, List<Type> types, Type result) {
        checkText(name, types, 0, 2);
        boolean left = name.equals("lpad");
        return Kernels.rows(result, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            long size = Kernels.longAt(blocks[1], position);
            String padding = Kernels.string(blocks[2], position);
            if (size < 0 || size > Integer.MAX_VALUE / 4) {
                throw invalidArgument("Target length must be in the range [0.." + (Integer.MAX_VALUE / 4) + "]");
            }
            if (padding.isEmpty()) {
                throw invalidArgument("Padding string must not be empty");
            }
            int[] codePoints = text.codePoints().toArray();
            int target = (int) size;
            if (codePoints.length >= target) {
                out.appendString(new String(codePoints, 0, target));
                return;
            }
            int[] pad = padding.codePoints().toArray();
            int missing = target - codePoints.length;
            StringBuilder filler = new StringBuilder();
            for (int i = 0; i < missing; i++) {
                filler.appendCodePoint(pad[i % pad.length]);
            }
            out.appendString(left ? filler + text : text + filler);
        });
    }

    static ScalarKernel reverse(List<Type> types, Type result) {
        if (types.size() == 1 && types.get(0) instanceof VarbinaryType) {
            return Kernels.rows(result, (blocks, position, out) -> {
                byte[] bytes = ((VariableWidthBlock) blocks[0]).getBytes(position);
                for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
                    byte b = bytes[i];
                    bytes[i] = bytes[j];
                    bytes[j] = b;
                }
                out.appendBytes(bytes);
            });
        }
        checkText("reverse", types, 0);
        return Kernels.rows(result, (blocks, position, out) -> {
            VariableWidthBlock block = (VariableWidthBlock) blocks[0];
            byte[] data = block.rawData();
            int start = block.offset(position);
            int end = start + block.length(position);
            byte[] reversed = new byte[end - start];
            int at = reversed.length;
            for (int i = start; i < end; ) {
                int length = Math.min(Utf8.lengthOfCodePoint(data[i]), end - i);
                at -= length;
                System.arraycopy(data, i, reversed, at, length);
                i += length;
            }
            out.appendBytes(reversed);
        });
    }

    static ScalarKernel splitPart(List<Type> types, Type result) {
        checkText("split_part", types, 0, 1);
        return Kernels.rows(result, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            String delimiter = Kernels.string(blocks[1], position);
            long index = Kernels.longAt(blocks[2], position);
            if (index < 1) {
                throw invalidArgument("Index must be greater than zero");
            }
            if (delimiter.isEmpty()) {
                int[] codePoints = text.codePoints().toArray();
                if (index > codePoints.length) {
                    out.appendNull();
                } else {
                    out.appendString(new String(codePoints, (int) index - 1, 1));
                }
                return;
            }
            int start = 0;
            for (long part = 1; part < index; part++) {
                int found = text.indexOf(delimiter, start);
                if (found < 0) {
                    out.appendNull();
                    return;
                }
                start = found + delimiter.length();
            }
            int end = text.indexOf(delimiter, start);
            out.appendString(end < 0 ? text.substring(start) : text.substring(start, end));
        });
    }

    static ScalarKernel startsWith(List<Type> types) {
        checkText("starts_with", types, 0, 1);
        return (arguments, count) -> {
            VariableWidthBlock text = (VariableWidthBlock) arguments[0];
            VariableWidthBlock prefix = (VariableWidthBlock) arguments[1];
            boolean[] result = new boolean[count];
            for (int i = 0; i < count; i++) {
                int length = prefix.length(i);
                result[i] = text.length(i) >= length && java.util.Arrays.equals(text.rawData(), text.offset(i), text.offset(i) + length,
                        prefix.rawData(), prefix.offset(i), prefix.offset(i) + length);
            }
            return new BooleanBlock(count, Blocks.unionNulls(arguments, count), result);
        };
    }

    static ScalarKernel chr(Type result) {
        return Kernels.rows(result, (blocks, position, out) -> {
            long codePoint = Kernels.longAt(blocks[0], position);
            if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw invalidArgument("Not a valid Unicode code point: " + codePoint);
            }
            out.appendString(new String(Character.toChars((int) codePoint)));
        });
    }

    static ScalarKernel codepoint(List<Type> types) {
        checkText("codepoint", types, 0);
        // Trino's only form is codepoint(varchar(1)): a longer (or unbounded) text has no coercion to it
        Type argument = types.get(0);
        if (argument instanceof io.quarry.type.VarcharType varchar && varchar.length() > 1
                || argument instanceof io.quarry.type.CharType fixed && fixed.length() > 1) {
            throw Functions.unsupported("codepoint", types);
        }
        return Kernels.rows(Types.INTEGER, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            if (text.codePointCount(0, text.length()) != 1) {
                throw invalidArgument("Input string must be a single character string");
            }
            out.appendLong(text.codePointAt(0));
        });
    }

    static ScalarKernel levenshtein(List<Type> types) {
        checkText("levenshtein_distance", types, 0, 1);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            int[] a = Kernels.string(blocks[0], position).codePoints().toArray();
            int[] b = Kernels.string(blocks[1], position).codePoints().toArray();
            if ((long) a.length * b.length > 1_000_000) {
                throw invalidArgument("The combined inputs for Levenshtein distance are too large");
            }
            int[] previous = new int[b.length + 1];
            int[] current = new int[b.length + 1];
            for (int j = 0; j <= b.length; j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length; i++) {
                current[0] = i;
                for (int j = 1; j <= b.length; j++) {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            out.appendLong(previous[b.length]);
        });
    }

    static ScalarKernel hamming(List<Type> types) {
        checkText("hamming_distance", types, 0, 1);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            int[] a = Kernels.string(blocks[0], position).codePoints().toArray();
            int[] b = Kernels.string(blocks[1], position).codePoints().toArray();
            if (a.length != b.length) {
                throw invalidArgument("The input strings to hamming_distance function must have the same length");
            }
            long distance = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    distance++;
                }
            }
            out.appendLong(distance);
        });
    }

    static ScalarKernel translate(List<Type> types, Type result) {
        checkText("translate", types, 0, 1, 2);
        return Kernels.rows(result, (blocks, position, out) -> {
            int[] text = Kernels.string(blocks[0], position).codePoints().toArray();
            int[] from = Kernels.string(blocks[1], position).codePoints().toArray();
            int[] to = Kernels.string(blocks[2], position).codePoints().toArray();
            StringBuilder translated = new StringBuilder(text.length);
            for (int c : text) {
                int index = -1;
                for (int k = 0; k < from.length; k++) {
                    if (from[k] == c) {
                        index = k;
                        break;
                    }
                }
                if (index < 0) {
                    translated.appendCodePoint(c);
                } else if (index < to.length) {
                    translated.appendCodePoint(to[index]);
                }
            }
            out.appendString(translated.toString());
        });
    }

    static ScalarKernel toUtf8(List<Type> types) {
        checkText("to_utf8", types, 0);
        // varchar is stored as UTF-8 already: the same bytes
        return (arguments, count) -> arguments[0];
    }

    /**
     * from_utf8(bytes), with invalid sequences as U+FFFD, or from_utf8(bytes, replacement) with a replacement of at
     * most one character or a code point.
     */
    static ScalarKernel fromUtf8(List<Type> types) {
        if (types.isEmpty() || types.size() > 2 || !(types.get(0) instanceof VarbinaryType)) {
            throw Functions.unsupported("from_utf8", types);
        }
        if (types.size() == 1) {
            return Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                    out.appendString(decodeUtf8(((VariableWidthBlock) blocks[0]).getBytes(position), "\uFFFD")));
        }
        boolean codePoint = Arithmetic.isIntegral(types.get(1));
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
            String replacement = codePoint
                    ? replacementCodePoint(Kernels.longAt(blocks[1], position))
                    : Kernels.string(blocks[1], position);
            if (replacement.codePointCount(0, replacement.length()) > 1) {
                throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT,
                        "Replacement character string must empty or a single character");
            }
            out.appendString(decodeUtf8(((VariableWidthBlock) blocks[0]).getBytes(position), replacement));
        });
    }

    private static String replacementCodePoint(long codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid replacement character");
        }
        return new String(Character.toChars((int) codePoint));
    }

    /** The text of UTF-8 bytes, each invalid sequence replaced by {@code replacement}. */
    static String decodeUtf8(byte[] bytes, String replacement) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        StringBuilder text = new StringBuilder(bytes.length);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            out.flip();
            text.append(out);
            out.clear();
            if (result.isError()) {
                text.append(replacement);
                in.position(in.position() + result.length());
            } else if (result.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return text.append(out).toString();
    }

    /** normalize(string): Unicode normalization form NFC. */
    static ScalarKernel normalize(List<Type> types) {
        checkText("normalize", types, 0);
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) ->
                out.appendString(java.text.Normalizer.normalize(Kernels.string(blocks[0], position), java.text.Normalizer.Form.NFC)));
    }

    static ScalarKernel luhnCheck(List<Type> types) {
        checkText("luhn_check", types, 0);
        return Kernels.rows(Types.BOOLEAN, (blocks, position, out) -> {
            String digits = Kernels.string(blocks[0], position);
            if (digits.isEmpty()) {
                out.appendBoolean(false);
                return;
            }
            int sum = 0;
            boolean doubled = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int digit = digits.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    throw invalidArgument("Input contains non-digit characters");
                }
                if (doubled) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
                doubled = !doubled;
            }
            out.appendBoolean(sum % 10 == 0);
        });
    }

    /** trim, ltrim, rtrim with a set of characters to remove. */
    static ScalarKernel trimCharacters(String name, List<Type> types, Type result) {
        checkText(name, types, 0, 1);
        boolean left = !name.equals("rtrim");
        boolean right = !name.equals("ltrim");
        // a char's trailing blanks do not count: what trimming at the right leaves there goes too
        boolean ofChar = types.get(0) instanceof io.quarry.type.CharType;
        return Kernels.rows(result, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            String characters = Kernels.string(blocks[1], position);
            int start = 0;
            int end = text.length();
            while (left && start < end && characters.indexOf(text.codePointAt(start)) >= 0) {
                start += Character.charCount(text.codePointAt(start));
            }
            while (right && end > start && characters.indexOf(text.codePointBefore(end)) >= 0) {
                end -= Character.charCount(text.codePointBefore(end));
            }
            while (ofChar && right && end > start && text.charAt(end - 1) == ' ') {
                end--;
            }
            out.appendString(text.substring(start, end));
        });
    }

    /** strpos(string, substring, instance): the instance-th occurrence, from the end when negative. */
    static ScalarKernel strposInstance(List<Type> types) {
        checkText("strpos", types, 0, 1);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            String target = Kernels.string(blocks[1], position);
            long instance = Kernels.longAt(blocks[2], position);
            if (instance == 0) {
                throw invalidArgument("'instance' must be a positive or negative number.");
            }
            if (target.isEmpty()) {
                out.appendLong(1);
                return;
            }
            int found = -1;
            if (instance > 0) {
                int from = 0;
                for (long k = 0; k < instance; k++) {
                    found = text.indexOf(target, from);
                    if (found < 0) {
                        break;
                    }
                    from = found + 1;
                }
            } else {
                int from = text.length();
                for (long k = 0; k < -instance; k++) {
                    found = text.lastIndexOf(target, from);
                    if (found < 0) {
                        break;
                    }
                    from = found - 1;
                }
            }
            out.appendLong(found < 0 ? 0 : text.codePointCount(0, found) + 1);
        });
    }

    // ---- regular expressions ----

    static Pattern compile(String pattern) {
        try {
            return Pattern.compile(withScriptProperties(pattern));
        } catch (PatternSyntaxException e) {
            throw invalidArgument("Invalid regular expression: " + pattern + ": " + e.getDescription());
        }
    }

    /** {@code \p{Name}} or {@code \P{Name}}, after an even number of backslashes. */
    private static final Pattern PROPERTY = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\([pP])\\{(\\w+)\\}");

    /** Trino's patterns name scripts as {@code \p{Han}}; Java's as {@code \p{IsHan}}. */
    private static String withScriptProperties(String pattern) {
        if (!pattern.contains("{")) {
            return pattern;
        }
        Matcher matcher = PROPERTY.matcher(pattern);
        StringBuilder result = new StringBuilder(pattern.length() + 8);
        while (matcher.find()) {
            String name = matcher.group(3);
            String replacement = matcher.group();
            if (!isJavaProperty(name) && isScript(name)) {
                replacement = matcher.group(1) + "\\" + matcher.group(2) + "{Is" + name + "}";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(result).toString();
    }

    private static boolean isJavaProperty(String name) {
        try {
            Pattern.compile("\\p{" + name + "}");
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean isScript(String name) {
        try {
            Character.UnicodeScript.forName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The pattern of argument 1 when constant, else null (compiled per row). A constant that is no pattern is also
     * compiled per row, so that it fails when a row needs it, where try() can catch it, as in Trino.
     */
    static Pattern constantPattern(List<Expression> arguments) {
        if (arguments.size() > 1 && arguments.get(1) instanceof Constant constant && constant.value() instanceof String text) {
            try {
                return compile(text);
            } catch (QuarryException e) {
                return null;
            }
        }
        return null;
    }

    private static Pattern patternAt(Pattern fixed, Block[] blocks, int position) {
        return fixed != null ? fixed : compile(Kernels.string(blocks[1], position));
    }

    static ScalarKernel regexpLike(List<Expression> arguments, List<Type> types) {
        checkText("regexp_like", types, 0, 1);
        Pattern fixed = constantPattern(arguments);
        return Kernels.rows(Types.BOOLEAN, (blocks, position, out) ->
                out.appendBoolean(patternAt(fixed, blocks, position).matcher(Kernels.string(blocks[0], position)).find()));
    }

    static ScalarKernel regexpExtract(List<Expression> arguments, List<Type> types, Type result) {
        checkText("regexp_extract", types, 0, 1);
        Pattern fixed = constantPattern(arguments);
        return Kernels.rows(result, (blocks, position, out) -> {
            Matcher matcher = patternAt(fixed, blocks, position).matcher(Kernels.string(blocks[0], position));
            long group = blocks.length > 2 ? Kernels.longAt(blocks[2], position) : 0;
            checkGroup(matcher, group);
            if (!matcher.find()) {
                out.appendNull();
                return;
            }
            String value = matcher.group((int) group);
            if (value == null) {
                out.appendNull();
            } else {
                out.appendString(value);
            }
        });
    }

    /**
     * The next match that does not start between the two chars of a surrogate pair: after an empty match Java steps
     * one char on, Trino one code point, so an empty pattern must not split an emoji.
     */
    static boolean findNext(Matcher matcher, CharSequence text) {
        while (matcher.find()) {
            int start = matcher.start();
            if (start == 0 || start >= text.length() || !Character.isLowSurrogate(text.charAt(start))
                    || !Character.isHighSurrogate(text.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }

    static void checkGroup(Matcher matcher, long group) {
        if (group < 0) {
            throw invalidArgument("Group cannot be negative");
        }
        if (group > matcher.groupCount()) {
            throw invalidArgument("Pattern has " + matcher.groupCount() + " groups. Cannot access group " + group);
        }
    }

    static ScalarKernel regexpReplace(List<Expression> arguments, List<Type> types, Type result) {
        checkText("regexp_replace", types, 0, 1);
        Pattern fixed = constantPattern(arguments);
        return Kernels.rows(result, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            Matcher matcher = patternAt(fixed, blocks, position).matcher(text);
            String replacement = blocks.length > 2 ? Kernels.string(blocks[2], position) : "";
            try {
                StringBuilder replaced = new StringBuilder(text.length());
                while (findNext(matcher, text)) {
                    matcher.appendReplacement(replaced, replacement);
                }
                out.appendString(matcher.appendTail(replaced).toString());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw invalidArgument("Invalid replacement: " + replacement);
            }
        });
    }

    static ScalarKernel regexpCount(List<Expression> arguments, List<Type> types) {
        checkText("regexp_count", types, 0, 1);
        Pattern fixed = constantPattern(arguments);
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            Matcher matcher = patternAt(fixed, blocks, position).matcher(text);
            long count = 0;
            while (findNext(matcher, text)) {
                count++;
            }
            out.appendLong(count);
        });
    }

    static ScalarKernel regexpPosition(List<Expression> arguments, List<Type> types) {
        checkText("regexp_position", types, 0, 1);
        Pattern fixed = constantPattern(arguments);
        return Kernels.rows(Types.INTEGER, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            long start = blocks.length > 2 ? Kernels.longAt(blocks[2], position) : 1;
            long occurrence = blocks.length > 3 ? Kernels.longAt(blocks[3], position) : 1;
            if (start < 1) {
                throw invalidArgument("start position cannot be smaller than 1");
            }
            if (occurrence < 1) {
                throw invalidArgument("occurrence cannot be smaller than 1");
            }
            int codePoints = text.codePointCount(0, text.length());
            if (start > codePoints) {
                out.appendLong(-1);
                return;
            }
            Matcher matcher = patternAt(fixed, blocks, position).matcher(text);
            int from = text.offsetByCodePoints(0, (int) start - 1);
            long found = 0;
            while (from <= text.length() && matcher.find(from)) {
                found++;
                if (found == occurrence) {
                    out.appendLong(text.codePointCount(0, matcher.start()) + 1);
                    return;
                }
                if (matcher.end() > matcher.start()) {
                    from = matcher.end();
                } else {
                    // after an empty match, one code point on
                    from = matcher.end() < text.length() ? text.offsetByCodePoints(matcher.end(), 1) : matcher.end() + 1;
                }
            }
            out.appendLong(-1);
        });
    }
}
