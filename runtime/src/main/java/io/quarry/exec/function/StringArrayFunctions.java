package io.quarry.exec.function;

import static io.quarry.exec.function.Blocks.isNull;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.BigintType;
import io.quarry.type.Type;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trino's string functions whose value is an array of parts of the string: {@code split}, {@code regexp_extract_all}
 * and {@code regexp_split}. Each page gives one {@link ArrayBlock}: the offsets of every row's parts and one element
 * block holding all parts of the page; a null argument gives a null array.
 */
final class StringArrayFunctions {
    private StringArrayFunctions() {}

    /** A row's parts, appended to the page's element block. */
    @FunctionalInterface
    private interface PartsFunction {
        void append(Block[] arguments, int position, BlockBuilder parts);
    }

    static ScalarKernel resolve(String name, List<Expression> arguments, List<Type> types, Type result) {
        StringLibrary.checkText(name, types, 0, 1);
        boolean threeArguments = types.size() == 3;
        if (!(result instanceof ArrayType array) || types.size() > 3
                || threeArguments && (name.equals("regexp_split") || !(types.get(2) instanceof BigintType))) {
            throw Functions.unsupported(name, types);
        }
        Type element = array.elementType();
        return switch (name) {
            case "split" -> kernel(element, StringArrayFunctions::split);
            case "regexp_extract_all" -> {
                Pattern fixed = StringLibrary.constantPattern(arguments);
                yield kernel(element, (blocks, position, parts) -> extractAll(fixed, blocks, position, parts));
            }
            case "regexp_split" -> {
                Pattern fixed = StringLibrary.constantPattern(arguments);
                yield kernel(element, (blocks, position, parts) -> regexpSplit(fixed, blocks, position, parts));
            }
            default -> throw Functions.unsupported(name, types);
        };
    }

    private static ScalarKernel kernel(Type element, PartsFunction function) {
        return (arguments, count) -> {
            boolean[] nulls = Blocks.unionNulls(arguments, count);
            BlockBuilder parts = BlockBuilder.create(element, count * 4);
            int[] offsets = new int[count + 1];
            for (int i = 0; i < count; i++) {
                if (!isNull(nulls, i)) {
                    function.append(arguments, i, parts);
                }
                offsets[i + 1] = parts.positionCount();
            }
            return new ArrayBlock(count, nulls, offsets, parts.build());
        };
    }

    /** Splits the UTF-8 bytes at each occurrence of the delimiter's bytes (a byte match is a character match in UTF-8). */
    private static void split(Block[] arguments, int position, BlockBuilder parts) {
        VariableWidthBlock strings = (VariableWidthBlock) arguments[0];
        VariableWidthBlock delimiters = (VariableWidthBlock) arguments[1];
        long limit = Integer.MAX_VALUE;
        if (arguments.length > 2) {
            limit = ((LongBlock) arguments[2]).getLong(position);
            if (limit <= 0) {
                throw invalidArgument("Limit must be positive");
            }
            if (limit > Integer.MAX_VALUE) {
                throw invalidArgument("Limit is too large");
            }
        }
        int delimiterLength = delimiters.length(position);
        if (delimiterLength == 0) {
            throw invalidArgument("The delimiter may not be the empty string");
        }
        byte[] data = strings.rawData();
        byte[] delimiter = delimiters.rawData();
        int delimiterStart = delimiters.offset(position);
        int start = strings.offset(position);
        int end = start + strings.length(position);
        int partStart = start;
        long found = 0;
        // the last part is the rest of the string, so at most limit - 1 delimiters split it
        for (int at = start; found < limit - 1 && at <= end - delimiterLength; ) {
            if (matches(data, at, delimiter, delimiterStart, delimiterLength)) {
                parts.appendBytes(data, partStart, at - partStart);
                found++;
                at += delimiterLength;
                partStart = at;
            } else {
                at++;
            }
        }
        parts.appendBytes(data, partStart, end - partStart);
    }

    private static boolean matches(byte[] data, int at, byte[] delimiter, int delimiterStart, int delimiterLength) {
        for (int k = 0; k < delimiterLength; k++) {
            if (data[at + k] != delimiter[delimiterStart + k]) {
                return false;
            }
        }
        return true;
    }

    private static void extractAll(Pattern fixed, Block[] arguments, int position, BlockBuilder parts) {
        Matcher matcher = matcher(fixed, arguments, position);
        String text = Kernels.string(arguments[0], position);
        long group = arguments.length > 2 ? ((LongBlock) arguments[2]).getLong(position) : 0;
        StringLibrary.checkGroup(matcher, group);
        while (StringLibrary.findNext(matcher, text)) {
            // a group that takes no part in the match is a null element
            String value = matcher.group((int) group);
            if (value == null) {
                parts.appendNull();
            } else {
                parts.appendString(value);
            }
        }
    }

    private static void regexpSplit(Pattern fixed, Block[] arguments, int position, BlockBuilder parts) {
        Matcher matcher = matcher(fixed, arguments, position);
        String text = Kernels.string(arguments[0], position);
        int partStart = 0;
        while (StringLibrary.findNext(matcher, text)) {
            parts.appendString(text.substring(partStart, matcher.start()));
            partStart = matcher.end();
        }
        parts.appendString(text.substring(partStart));
    }

    private static Matcher matcher(Pattern fixed, Block[] arguments, int position) {
        Pattern pattern = fixed != null ? fixed : StringLibrary.compile(Kernels.string(arguments[1], position));
        return pattern.matcher(Kernels.string(arguments[0], position));
    }

    private static QuarryException invalidArgument(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }
}
