package io.quarry.exec.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.RealType;
import io.quarry.type.Type;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code json_object} and {@code json_array}: JSON text built from SQL values. The first argument is a constant
 * that says what to do with NULL values ({@code NULL} or {@code ABSENT}) and how each value is written: a number
 * ({@code N}), a boolean ({@code B}), a string ({@code S}), JSON text embedded as it is ({@code J}), or always NULL
 * ({@code U}); {@code json_object}'s keys are strings.
 */
final class JsonConstructors {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER) // shortest digits, as Trino prints them
            .build();

    private JsonConstructors() {}

    static ScalarKernel resolve(String name, List<Expression> arguments, Type result) {
        String shape = (String) ((Constant) arguments.get(0)).value();
        boolean absentOnNull = shape.startsWith("ABSENT");
        // WITH UNIQUE KEYS: a repeated key is the caller's mistake (without it, Trino cannot construct the object)
        boolean uniqueKeys = shape.substring(0, shape.indexOf(':')).contains("UNIQUE");
        String kinds = shape.substring(shape.indexOf(':') + 1);
        List<Type> types = arguments.stream().map(Expression::type).toList();
        boolean object = name.equals("json_object");
        return (blocks, count) -> {
            BlockBuilder out = BlockBuilder.create(result, count);
            for (int row = 0; row < count; row++) {
                out.appendString(object
                        ? object(blocks, types, kinds, absentOnNull, uniqueKeys, row)
                        : array(blocks, types, kinds, absentOnNull, row));
            }
            return out.build();
        };
    }

    private static String object(Block[] blocks, List<Type> types, String kinds, boolean absentOnNull, boolean uniqueKeys,
            int row) {
        StringWriter text = new StringWriter();
        // the members in the order of a java.util.HashMap filled in the arguments' order, as Trino writes them
        java.util.Map<String, Integer> members = new java.util.HashMap<>();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartObject();
            for (int i = 1; i + 1 < blocks.length; i += 2) {
                if (blocks[i].isNull(row)) {
                    throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "null value passed for JSON object key to JSON_OBJECT function");
                }
                String key = Kernels.string(blocks[i], row);
                char kind = kinds.charAt(i / 2);
                if (absentOnNull && (kind == 'U' || blocks[i + 1].isNull(row))) {
                    continue;
                }
                if (members.putIfAbsent(key, i) != null) {
                    throw uniqueKeys
                            ? new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "duplicate key passed to JSON_OBJECT function")
                            : new QuarryException(ErrorCode.NOT_SUPPORTED, "cannot construct a JSON object with duplicate key");
                }
            }
            for (java.util.Map.Entry<String, Integer> member : members.entrySet()) {
                int i = member.getValue();
                generator.writeFieldName(member.getKey());
                writeValue(generator, blocks[i + 1], types.get(i + 1), kinds.charAt(i / 2), row);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw invalidJson(e);
        }
        return text.toString();
    }

    private static String array(Block[] blocks, List<Type> types, String kinds, boolean absentOnNull, int row) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            generator.writeStartArray();
            for (int i = 1; i < blocks.length; i++) {
                char kind = kinds.charAt(i - 1);
                if (absentOnNull && (kind == 'U' || blocks[i].isNull(row))) {
                    continue;
                }
                writeValue(generator, blocks[i], types.get(i), kind, row);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw invalidJson(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator generator, Block block, Type type, char kind, int row) throws IOException {
        if (kind == 'U' || block.isNull(row)) {
            generator.writeNull();
            return;
        }
        switch (kind) {
            case 'B' -> generator.writeBoolean((Boolean) Values.toObject(type, block, row));
            case 'S' -> generator.writeString(Kernels.string(block, row));
            case 'J' -> {
                try (JsonParser parser = JSON.createParser(Kernels.string(block, row))) {
                    if (parser.nextToken() == null) {
                        throw new IOException("empty JSON text");
                    }
                    generator.copyCurrentStructure(parser);
                    if (parser.nextToken() != null) {
                        throw new IOException("trailing text after a JSON value");
                    }
                }
            }
            default -> {
                Object value = Values.toObject(type, block, row);
                if (value instanceof BigDecimal decimal) {
                    generator.writeNumber(decimal);
                } else if (value instanceof Double number) {
                    if (type instanceof RealType) {
                        generator.writeNumber(number.floatValue());
                    } else {
                        generator.writeNumber(number);
                    }
                } else {
                    generator.writeNumber(((Number) value).longValue());
                }
            }
        }
    }

    /** A constructor's JSON text as varbinary in the RETURNING clause's encoding (UTF8, UTF16 or UTF32, little endian). */
    static ScalarKernel encode(List<Expression> arguments) {
        java.nio.charset.Charset charset = charset((String) ((Constant) arguments.get(1)).value());
        return Kernels.rows(io.quarry.type.Types.VARBINARY, (blocks, position, out) ->
                out.appendBytes(Kernels.string(blocks[0], position).getBytes(charset)));
    }

    /** JSON text in varbinary as varchar, read in the FORMAT JSON clause's encoding (UTF8, UTF16 or UTF32, little endian). */
    static ScalarKernel decode(List<Expression> arguments) {
        java.nio.charset.Charset charset = charset((String) ((Constant) arguments.get(1)).value());
        return Kernels.rows(io.quarry.type.Types.VARCHAR, (blocks, position, out) ->
                out.appendString(new String(((io.quarry.block.VariableWidthBlock) blocks[0]).getBytes(position), charset)));
    }

    private static java.nio.charset.Charset charset(String encoding) {
        return switch (encoding) {
            case "UTF16" -> java.nio.charset.StandardCharsets.UTF_16LE;
            case "UTF32" -> java.nio.charset.Charset.forName("UTF-32LE");
            default -> java.nio.charset.StandardCharsets.UTF_8;
        };
    }

    private static QuarryException invalidJson(IOException e) {
        return new QuarryException(ErrorCode.JSON_INPUT_CONVERSION_ERROR, "conversion to JSON failed: " + e.getMessage());
    }
}
