package io.quarry.http.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quarry.block.BooleanBlock;
import io.quarry.block.DoubleBlock;
import io.quarry.block.Int128Block;
import io.quarry.block.LongBlock;
import io.quarry.block.VariableWidthBlock;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DateType;
import io.quarry.type.DecimalType;
import io.quarry.type.DoubleType;
import io.quarry.type.IntegerType;
import io.quarry.type.RealType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Type;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value encoding of {@code rest-protocol.md} §4.3, one encoder per type: doubles always with a fraction or
 * exponent ({@code "NaN"}, {@code "Infinity"} as strings), decimals as plain strings with exactly {@code scale}
 * digits, char padded to its length, dates {@code YYYY-MM-DD}, varbinary base64.
 */
public final class ValueEncoders {
    private ValueEncoders() {}

    public static ValueEncoder forType(Type type) {
        return forType(type, false);
    }

    /** The encoder of a type; date-times at their own precision when the client has parametric date-times. */
    public static ValueEncoder forType(Type type, boolean parametricDatetime) {
        if (type instanceof BooleanType) {
            return (generator, block, position) -> generator.writeBoolean(((BooleanBlock) block).getBoolean(position));
        }
        if (type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType
                || type instanceof BigintType) {
            return (generator, block, position) -> generator.writeNumber(((LongBlock) block).getLong(position));
        }
        if (type instanceof DoubleType) {
            return (generator, block, position) -> writeDouble(generator, ((DoubleBlock) block).getDouble(position));
        }
        if (type instanceof RealType) {
            // Real values are held as doubles; printing them as floats gives the short text a user expects (1.1).
            return (generator, block, position) -> {
                float value = (float) ((DoubleBlock) block).getDouble(position);
                if (Float.isNaN(value) || Float.isInfinite(value)) {
                    writeDouble(generator, value);
                } else {
                    generator.writeNumber(value);
                }
            };
        }
        if (type instanceof DecimalType decimal) {
            int scale = decimal.scale();
            if (decimal.isShort()) {
                return (generator, block, position) -> generator.writeString(
                        BigDecimal.valueOf(((LongBlock) block).getLong(position), scale).toPlainString());
            }
            return (generator, block, position) -> generator.writeString(
                    new BigDecimal(((Int128Block) block).getBigInteger(position), scale).toPlainString());
        }
        if (type instanceof VarcharType || type instanceof io.quarry.type.JsonType) {
            return (generator, block, position) -> {
                VariableWidthBlock strings = (VariableWidthBlock) block;
                generator.writeUTF8String(strings.rawData(), strings.offset(position), strings.length(position));
            };
        }
        if (type instanceof CharType charType) {
            int length = charType.length();
            return (generator, block, position) ->
                    generator.writeString(padToLength(((VariableWidthBlock) block).getString(position), length));
        }
        if (type instanceof VarbinaryType || type instanceof io.quarry.type.HyperLogLogType
                || type instanceof io.quarry.type.SetDigestType || type instanceof io.quarry.type.TDigestType
                || type instanceof io.quarry.type.QuantileDigestType) {
            return (generator, block, position) -> {
                VariableWidthBlock bytes = (VariableWidthBlock) block;
                generator.writeBinary(bytes.rawData(), bytes.offset(position), bytes.length(position));
            };
        }
        if (type instanceof io.quarry.type.IpAddressType) {
            return (generator, block, position) -> {
                VariableWidthBlock bytes = (VariableWidthBlock) block;
                generator.writeString(io.quarry.type.IpAddressType.text(bytes.rawData(), bytes.offset(position)));
            };
        }
        if (type instanceof io.quarry.type.UuidType) {
            return (generator, block, position) -> {
                VariableWidthBlock bytes = (VariableWidthBlock) block;
                generator.writeString(io.quarry.type.UuidType.text(bytes.rawData(), bytes.offset(position)));
            };
        }
        if (type instanceof io.quarry.type.ColorType) {
            return (generator, block, position) ->
                    generator.writeString(io.quarry.type.ColorType.text(((LongBlock) block).getLong(position)));
        }
        if (type instanceof DateType) {
            return (generator, block, position) ->
                    generator.writeString(LocalDate.ofEpochDay(((LongBlock) block).getLong(position)).toString());
        }
        if (type instanceof UnknownType) {
            return (generator, block, position) -> generator.writeNull();
        }
        if (TemporalTypes.isTemporal(type)) {
            return TemporalValueEncoders.forType(type, parametricDatetime);
        }
        if (StructuralValueEncoders.isStructural(type)) {
            return StructuralValueEncoders.forType(type, parametricDatetime);
        }
        throw new IllegalArgumentException("No JSON encoding for type " + type);
    }

    private static void writeDouble(JsonGenerator generator, double value) throws IOException {
        if (Double.isNaN(value)) {
            generator.writeString("NaN");
        } else if (value == Double.POSITIVE_INFINITY) {
            generator.writeString("Infinity");
        } else if (value == Double.NEGATIVE_INFINITY) {
            generator.writeString("-Infinity");
        } else {
            // Double.toString always has a '.' or an exponent, which Trino's strict decoder requires.
            generator.writeNumber(value);
        }
    }

    /** Pads with spaces to {@code length} code points, as char(n) values are stored without trailing spaces. */
    static String padToLength(String value, int length) {
        int missing = length - value.codePointCount(0, value.length());
        if (missing <= 0) {
            return value;
        }
        return value + " ".repeat(missing);
    }
}
