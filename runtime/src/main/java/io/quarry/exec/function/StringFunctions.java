package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;
import static io.quarry.exec.function.Blocks.unionNulls;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.BooleanBlock;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarcharType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** String functions over UTF-8 blocks: like, substr, length, lower, upper, trims, concat, replace, strpos. */
final class StringFunctions {
    private StringFunctions() {}

    static boolean isText(Type type) {
        return type instanceof VarcharType || type instanceof CharType;
    }

    /** A unary string → string function computed row by row into a fresh block. */
    @FunctionalInterface
    private interface TextTransform {
        void apply(byte[] data, int start, int end, BlockBuilder out);
    }

    private static ScalarKernel transform(Type resultType, TextTransform transform) {
        return (arguments, count) -> {
            VariableWidthBlock block = (VariableWidthBlock) arguments[0];
            BlockBuilder out = BlockBuilder.create(resultType, count);
            byte[] data = block.rawData();
            for (int i = 0; i < count; i++) {
                if (block.isNull(i)) {
                    out.appendNull();
                } else {
                    transform.apply(data, block.offset(i), block.offset(i) + block.length(i), out);
                }
            }
            return out.build();
        };
    }

    static ScalarKernel like(List<Expression> arguments, List<Type> types) {
        if (types.size() < 2 || types.size() > 3 || !isText(types.get(0)) || !isText(types.get(1))
                || (types.size() == 3 && !isText(types.get(2)))) {
            throw Functions.unsupported("like", types);
        }
        boolean constantPattern = arguments.get(1) instanceof Constant
                && (arguments.size() == 2 || arguments.get(2) instanceof Constant);
        if (constantPattern) {
            Object pattern = ((Constant) arguments.get(1)).value();
            Object escape = arguments.size() == 3 ? ((Constant) arguments.get(2)).value() : null;
            if (pattern == null || (arguments.size() == 3 && escape == null)) {
                return (blocks, count) -> Blocks.nulls(Types.BOOLEAN, count);
            }
            LikeMatcher matcher = LikeMatcher.compile((String) pattern, (String) escape);
            return (blocks, count) -> {
                VariableWidthBlock values = (VariableWidthBlock) blocks[0];
                byte[] data = values.rawData();
                int[] offsets = values.rawOffsets();
                boolean[] result = new boolean[count];
                for (int i = 0; i < count; i++) {
                    result[i] = matcher.matches(data, offsets[i], offsets[i + 1]);
                }
                return new BooleanBlock(count, unionNulls(new Block[] {values}, count), result);
            };
        }
        return (blocks, count) -> {
            VariableWidthBlock values = (VariableWidthBlock) blocks[0];
            boolean[] nulls = unionNulls(blocks, count);
            boolean[] result = new boolean[count];
            String lastPattern = null;
            String lastEscape = null;
            LikeMatcher matcher = null;
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                String pattern = ((VariableWidthBlock) blocks[1]).getString(i);
                String escape = blocks.length == 3 ? ((VariableWidthBlock) blocks[2]).getString(i) : null;
                if (matcher == null || !pattern.equals(lastPattern) || !java.util.Objects.equals(escape, lastEscape)) {
                    matcher = LikeMatcher.compile(pattern, escape);
                    lastPattern = pattern;
                    lastEscape = escape;
                }
                result[i] = matcher.matches(values.rawData(), values.offset(i), values.offset(i) + values.length(i));
            }
            return new BooleanBlock(count, nulls, result);
        };
    }

    static ScalarKernel length(List<Type> types) {
        if (types.size() != 1 || !isText(types.get(0))) {
            throw Functions.unsupported("length", types);
        }
        if (types.get(0) instanceof io.quarry.type.CharType fixed) {
            // a char(n) value is n characters long, the padding included (Trino counts it)
            return (arguments, count) -> {
                long[] result = new long[count];
                java.util.Arrays.fill(result, fixed.length());
                return new LongBlock(count, unionNulls(arguments, count), result);
            };
        }
        return (arguments, count) -> {
            VariableWidthBlock block = (VariableWidthBlock) arguments[0];
            byte[] data = block.rawData();
            int[] offsets = block.rawOffsets();
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                result[i] = Utf8.countCodePoints(data, offsets[i], offsets[i + 1]);
            }
            return new LongBlock(count, unionNulls(arguments, count), result);
        };
    }

    static ScalarKernel substr(List<Type> types, Type resultType) {
        if (types.size() < 2 || types.size() > 3 || !isText(types.get(0)) || !Arithmetic.isIntegral(types.get(1))
                || (types.size() == 3 && !Arithmetic.isIntegral(types.get(2)))) {
            throw Functions.unsupported("substr", types);
        }
        return (arguments, count) -> {
            VariableWidthBlock block = (VariableWidthBlock) arguments[0];
            long[] starts = Blocks.longs(arguments[1]);
            long[] lengths = arguments.length == 3 ? Blocks.longs(arguments[2]) : null;
            boolean[] nulls = unionNulls(arguments, count);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            byte[] data = block.rawData();
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    out.appendNull();
                    continue;
                }
                int begin = block.offset(i);
                int end = begin + block.length(i);
                long start = starts[i];
                long length = lengths == null ? Long.MAX_VALUE : lengths[i];
                if (start == 0 || length <= 0 || begin == end) {
                    out.appendBytes(data, 0, 0);
                    continue;
                }
                long startCodePoint;
                if (start > 0) {
                    startCodePoint = start - 1;
                } else {
                    startCodePoint = Utf8.countCodePoints(data, begin, end) + start;
                    if (startCodePoint < 0) {
                        out.appendBytes(data, 0, 0);
                        continue;
                    }
                }
                int from = Utf8.offsetOfCodePoint(data, begin, end, startCodePoint);
                int to = Utf8.offsetOfCodePoint(data, from, end, length);
                out.appendBytes(data, from, to - from);
            }
            return out.build();
        };
    }

    static ScalarKernel changeCase(String name, List<Type> types, Type resultType, boolean upper) {
        if (types.size() != 1 || !isText(types.get(0))) {
            throw Functions.unsupported(name, types);
        }
        return transform(resultType, (data, start, end, out) -> {
            if (Utf8.isAscii(data, start, end)) {
                byte[] value = new byte[end - start];
                for (int k = start; k < end; k++) {
                    byte b = data[k];
                    if (upper && b >= 'a' && b <= 'z') {
                        b -= 32;
                    } else if (!upper && b >= 'A' && b <= 'Z') {
                        b += 32;
                    }
                    value[k - start] = b;
                }
                out.appendBytes(value);
            } else {
                // code point by code point, as Trino: no expansion (ß stays ß) and no context (a final Σ is σ)
                String text = new String(data, start, end - start, StandardCharsets.UTF_8);
                StringBuilder changed = new StringBuilder(text.length());
                text.codePoints().forEach(c -> changed.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
                out.appendString(changed.toString());
            }
        });
    }

    static ScalarKernel trim(String name, List<Type> types, Type resultType, boolean left, boolean right) {
        if (types.size() != 1 || !isText(types.get(0))) {
            throw Functions.unsupported(name, types);
        }
        return transform(resultType, (data, start, end, out) -> {
            int from = start;
            int to = end;
            boolean ascii = true;
            if (left) {
                while (from < to && data[from] >= 0 && Character.isWhitespace(data[from])) {
                    from++;
                }
                ascii = from == to || data[from] >= 0;
            }
            if (right) {
                while (to > from && data[to - 1] >= 0 && Character.isWhitespace(data[to - 1])) {
                    to--;
                }
                ascii &= to == from || data[to - 1] >= 0;
            }
            if (ascii) {
                out.appendBytes(data, from, to - from);
            } else {
                String text = new String(data, from, to - from, StandardCharsets.UTF_8);
                out.appendString(left && right ? text.strip() : left ? text.stripLeading() : text.stripTrailing());
            }
        });
    }

    static ScalarKernel concat(List<Type> types, Type resultType) {
        if (types.size() < 2) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "There must be two or more concatenation arguments");
        }
        boolean nullLiteral = false;
        for (Type type : types) {
            nullLiteral |= type instanceof UnknownType;
            if (!isText(type) && !(type instanceof UnknownType)) {
                throw Functions.unsupported("concat", types);
            }
        }
        if (nullLiteral) {
            // concat('a', NULL, 'b') is a NULL varchar
            return (arguments, count) -> Blocks.nulls(resultType, count);
        }
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    out.appendNull();
                    continue;
                }
                buffer.reset();
                for (int a = 0; a < arguments.length; a++) {
                    VariableWidthBlock text = (VariableWidthBlock) arguments[a];
                    buffer.write(text.rawData(), text.offset(i), text.length(i));
                    if (types.get(a) instanceof io.quarry.type.CharType fixed) {
                        // char values are stored without their padding, which concatenation keeps
                        int padding = fixed.length() - Utf8.countCodePoints(text.rawData(), text.offset(i), text.offset(i) + text.length(i));
                        for (int p = 0; p < padding; p++) {
                            buffer.write(' ');
                        }
                    }
                }
                byte[] bytes = buffer.toByteArray();
                int length = bytes.length;
                while (resultType instanceof io.quarry.type.CharType && length > 0 && bytes[length - 1] == ' ') {
                    length--;
                }
                out.appendBytes(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
            }
            return out.build();
        };
    }

    static ScalarKernel replace(List<Type> types, Type resultType) {
        if (types.size() < 2 || types.size() > 3) {
            throw Functions.unsupported("replace", types);
        }
        for (Type type : types) {
            if (!isText(type)) {
                throw Functions.unsupported("replace", types);
            }
        }
        return (arguments, count) -> {
            boolean[] nulls = unionNulls(arguments, count);
            BlockBuilder out = BlockBuilder.create(resultType, count);
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    out.appendNull();
                    continue;
                }
                String text = ((VariableWidthBlock) arguments[0]).getString(i);
                String search = ((VariableWidthBlock) arguments[1]).getString(i);
                String replacement = arguments.length == 3 ? ((VariableWidthBlock) arguments[2]).getString(i) : "";
                out.appendString(text.replace(search, replacement));
            }
            return out.build();
        };
    }

    static ScalarKernel strpos(List<Type> types) {
        if (types.size() != 2 || !isText(types.get(0)) || !isText(types.get(1))) {
            throw Functions.unsupported("strpos", types);
        }
        return (arguments, count) -> {
            VariableWidthBlock text = (VariableWidthBlock) arguments[0];
            VariableWidthBlock search = (VariableWidthBlock) arguments[1];
            boolean[] nulls = unionNulls(arguments, count);
            long[] result = new long[count];
            for (int i = 0; i < count; i++) {
                if (isNull(nulls, i)) {
                    continue;
                }
                int start = text.offset(i);
                int end = start + text.length(i);
                byte[] target = search.getBytes(i);
                int found = indexOf(text.rawData(), start, end, target);
                result[i] = found < 0 ? 0 : Utf8.countCodePoints(text.rawData(), start, found) + 1;
            }
            return new LongBlock(count, nulls, result);
        };
    }

    private static int indexOf(byte[] data, int start, int end, byte[] target) {
        outer:
        for (int i = start; i <= end - target.length; i++) {
            for (int k = 0; k < target.length; k++) {
                if (data[i + k] != target[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
