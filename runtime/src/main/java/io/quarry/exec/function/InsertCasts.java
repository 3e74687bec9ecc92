package io.quarry.exec.function;

import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Call;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.VarcharType;

/**
 * {@code insert_cast}: a string made into a table's varchar(n) or char(n) column on INSERT, as Trino does it:
 * trailing spaces beyond the length are cut, any other character beyond it fails the statement.
 */
final class InsertCasts {
    private InsertCasts() {}

    static ScalarKernel resolve(Call call) {
        if (!call.function().equals("insert_cast")) {
            return null;
        }
        Type source = call.arguments().get(0).type();
        Type target = call.type();
        if (call.arguments().size() != 1 || !StringFunctions.isText(source) || !StringFunctions.isText(target)) {
            throw Functions.unsupported("insert_cast", call.arguments().stream().map(a -> a.type()).toList());
        }
        boolean isChar = target instanceof CharType;
        int length = isChar ? ((CharType) target).length() : ((VarcharType) target).length();
        String message = "Cannot truncate non-space characters when casting from " + source.displayName() + " to "
                + target.displayName() + " on INSERT";
        return Kernels.rows(target, (blocks, position, out) -> {
            VariableWidthBlock text = (VariableWidthBlock) blocks[0];
            byte[] data = text.rawData();
            int start = text.offset(position);
            int end = start + text.length(position);
            int withoutSpaces = end;
            while (withoutSpaces > start && data[withoutSpaces - 1] == ' ') {
                withoutSpaces--;
            }
            if (Utf8.countCodePoints(data, start, withoutSpaces) > length) {
                throw new QuarryException(ErrorCode.INVALID_CAST_ARGUMENT, message);
            }
            // char values are held without trailing spaces; varchar keeps those that fit
            int kept = isChar ? withoutSpaces : Utf8.offsetOfCodePoint(data, start, end, length);
            out.appendBytes(data, start, kept - start);
        });
    }
}
