package io.quarry.exec.function;

import io.quarry.block.ArrayBlock;
import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.VariableWidthBlock;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.ArrayType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.UnknownType;
import io.quarry.type.VarbinaryType;
import io.quarry.type.VarcharType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Trino's varbinary functions (length, substr, concat and padding over bytes, hex, base64 and base32, digests and
 * hashes (SpookyHash V2 among them), parse_data_size,
 * big-endian and IEEE 754 encodings, casts of strings to varbinary), its URL functions, and the string functions
 * soundex, concat_ws, split_to_map, split_to_multimap, normalize with a form, format_number, from_base and to_base.
 * Returns null for calls it does not implement.
 */
public final class TextLibrary {
    private static final String[] NUMBER_UNITS = {"", "K", "M", "B", "T", "Q"};

    /** The string functions whose value is NULL when any argument is. */
    private static final Set<String> NULL_IN_NULL_OUT = Set.of("upper", "lower", "length", "substr", "substring", "trim",
            "ltrim", "rtrim", "replace", "strpos", "reverse", "lpad", "rpad", "split_part", "starts_with", "chr", "codepoint",
            "levenshtein_distance", "hamming_distance", "translate", "to_utf8", "from_utf8", "normalize", "luhn_check",
            "regexp_like", "regexp_extract", "regexp_replace", "regexp_count", "regexp_position", "split",
            "regexp_extract_all", "regexp_split", "soundex", "to_hex", "from_hex", "to_base64", "from_base64", "to_base64url",
            "from_base64url", "to_base32", "from_base32", "spooky_hash_v2_32", "spooky_hash_v2_64", "parse_data_size",
            "parse_presto_data_size", "md5", "sha1", "sha256", "sha512", "xxhash64", "murmur3", "crc32", "hmac_md5", "hmac_sha1",
            "hmac_sha256", "hmac_sha512", "to_big_endian_64", "from_big_endian_64", "to_big_endian_32", "from_big_endian_32",
            "to_ieee754_64", "from_ieee754_64", "to_ieee754_32", "from_ieee754_32", "split_to_map", "split_to_multimap",
            "format_number", "from_base", "to_base", "url_extract_host", "url_extract_path", "url_extract_protocol",
            "url_extract_query", "url_extract_fragment", "url_extract_port", "url_extract_parameter", "url_encode",
            "url_decode", "word_stem");

    private TextLibrary() {}

    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        boolean binary = !types.isEmpty() && types.get(0) instanceof VarbinaryType;
        if (NULL_IN_NULL_OUT.contains(name) && types.stream().anyMatch(type -> type instanceof UnknownType)) {
            // a NULL literal argument: NULL whatever the others
            return (arguments, count) -> Blocks.nulls(result, count);
        }
        switch (name) {
            case "length":
                return binary ? binaryLength() : null;
            case "substr", "substring":
                return binary ? binarySubstr(types) : null;
            case "concat":
                return binary ? binaryConcat(types) : null;
            case "lpad", "rpad":
                return binary ? binaryPad(name.equals("lpad")) : null;
            case "cast", "try_cast":
                return types.size() == 1 && types.get(0) instanceof VarcharType && result instanceof VarbinaryType
                        ? (arguments, count) -> arguments[0] // varchar is UTF-8 bytes already
                        : null;
            case "normalize":
                return types.size() == 2 ? normalize() : null;
            case "to_hex":
                return bytesToText(bytes -> HexFormat.of().withUpperCase().formatHex(bytes));
            case "from_hex":
                return bytesToBytes(TextLibrary::fromHex);
            case "to_base64":
                return bytesToText(bytes -> Base64.getEncoder().encodeToString(bytes));
            case "from_base64":
                return bytesToBytes(bytes -> decodeBase64(Base64.getDecoder(), bytes));
            case "to_base64url":
                return bytesToText(bytes -> Base64.getUrlEncoder().encodeToString(bytes));
            case "from_base64url":
                return bytesToBytes(bytes -> decodeBase64(Base64.getUrlDecoder(), bytes));
            case "to_base32":
                return bytesToText(Base32::encode);
            case "from_base32":
                // bytes are read as UTF-8 text, so that an invalid character is named as in a varchar
                return bytesToBytes(bytes -> Base32.decode(new String(bytes, StandardCharsets.UTF_8)));
            case "spooky_hash_v2_32":
                return bytesToBytes(bytes -> ByteBuffer.allocate(4).putInt(SpookyHash.hash32(bytes)).array());
            case "spooky_hash_v2_64":
                return bytesToBytes(bytes -> ByteBuffer.allocate(8).putLong(SpookyHash.hash64(bytes)).array());
            case "parse_data_size", "parse_presto_data_size":
                return Kernels.rows(result, (blocks, position, out) ->
                        out.appendObject(new BigDecimal(DataSizes.parse(Kernels.string(blocks[0], position)))));
            case "md5":
                return bytesToBytes(bytes -> digest("MD5", bytes));
            case "sha1":
                return bytesToBytes(bytes -> digest("SHA-1", bytes));
            case "sha256":
                return bytesToBytes(bytes -> digest("SHA-256", bytes));
            case "sha512":
                return bytesToBytes(bytes -> digest("SHA-512", bytes));
            case "xxhash64":
                return bytesToBytes(bytes -> ByteBuffer.allocate(8).putLong(XxHash64.hash(bytes, 0, bytes.length)).array());
            case "murmur3":
                return bytesToBytes(Murmur3::hash128);
            case "crc32":
                return Kernels.rows(Types.BIGINT, (blocks, position, out) -> {
                    CRC32 crc = new CRC32();
                    crc.update(bytes(blocks[0], position));
                    out.appendLong(crc.getValue());
                });
            case "hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512":
                return hmac(switch (name) {
                    case "hmac_md5" -> "HmacMD5";
                    case "hmac_sha1" -> "HmacSHA1";
                    case "hmac_sha256" -> "HmacSHA256";
                    default -> "HmacSHA512";
                });
            case "to_big_endian_64":
                return Kernels.rows(Types.VARBINARY, (blocks, position, out) ->
                        out.appendBytes(ByteBuffer.allocate(8).putLong(Kernels.longAt(blocks[0], position)).array()));
            case "to_big_endian_32":
                return Kernels.rows(Types.VARBINARY, (blocks, position, out) ->
                        out.appendBytes(ByteBuffer.allocate(4).putInt((int) Kernels.longAt(blocks[0], position)).array()));
            case "from_big_endian_64":
                return Kernels.rows(Types.BIGINT, (blocks, position, out) ->
                        out.appendLong(ByteBuffer.wrap(exactly(8, bytes(blocks[0], position))).getLong()));
            case "from_big_endian_32":
                return Kernels.rows(Types.INTEGER, (blocks, position, out) ->
                        out.appendLong(ByteBuffer.wrap(exactly(4, bytes(blocks[0], position))).getInt()));
            case "to_ieee754_64":
                return Kernels.rows(Types.VARBINARY, (blocks, position, out) ->
                        out.appendBytes(ByteBuffer.allocate(8).putDouble(Kernels.doubleAt(blocks[0], position)).array()));
            case "to_ieee754_32":
                return Kernels.rows(Types.VARBINARY, (blocks, position, out) ->
                        out.appendBytes(ByteBuffer.allocate(4).putFloat((float) Kernels.doubleAt(blocks[0], position)).array()));
            case "from_ieee754_64":
                return Kernels.rows(Types.DOUBLE, (blocks, position, out) ->
                        out.appendDouble(ByteBuffer.wrap(exactly(8, bytes(blocks[0], position))).getDouble()));
            case "from_ieee754_32":
                return Kernels.rows(Types.REAL, (blocks, position, out) ->
                        out.appendDouble(ByteBuffer.wrap(exactly(4, bytes(blocks[0], position))).getFloat()));
            case "soundex":
                return textToText(result, TextLibrary::soundex);
            case "concat_ws":
                return concatWs(types);
            case "split_to_map", "split_to_multimap":
                return splitToMap(result, name.equals("split_to_multimap"));
            case "format_number":
                return formatNumber(types);
            case "from_base":
                return Kernels.rows(Types.BIGINT, (blocks, position, out) ->
                        out.appendLong(fromBase(Kernels.string(blocks[0], position), Kernels.longAt(blocks[1], position))));
            case "to_base":
                return Kernels.rows(result, (blocks, position, out) ->
                        out.appendString(Long.toString(Kernels.longAt(blocks[0], position), radix(Kernels.longAt(blocks[1], position)))));
            case "url_extract_host", "url_extract_path", "url_extract_protocol", "url_extract_query", "url_extract_fragment",
                    "url_extract_port", "url_extract_parameter":
                return UrlParts.kernel(name, result);
            case "json_object", "json_array":
                return JsonConstructors.resolve(name, call.arguments(), result);
            case "$json_encode":
                return JsonConstructors.encode(call.arguments());
            case "$json_decode":
                return JsonConstructors.decode(call.arguments());
            case "json_value", "json_query", "json_exists":
                return JsonPathFunctions.resolve(name, call.arguments());
            case "$json_table":
                return JsonTableRows.resolve(call.arguments());
            case "url_encode":
                return textToText(result, text -> URLEncoder.encode(text, StandardCharsets.UTF_8));
            case "word_stem":
                return WordStem.kernel(result, types.size());
            case "url_decode":
                return textToText(result, TextLibrary::urlDecode);
            default:
                return null;
        }
    }

    private static QuarryException invalidArgument(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

    private static byte[] bytes(Block block, int position) {
        return ((VariableWidthBlock) block).getBytes(position);
    }

    @FunctionalInterface
    private interface BytesFunction<T> {
        T apply(byte[] bytes);
    }

    private static ScalarKernel bytesToBytes(BytesFunction<byte[]> function) {
        return Kernels.rows(Types.VARBINARY, (blocks, position, out) -> out.appendBytes(function.apply(bytes(blocks[0], position))));
    }

    private static ScalarKernel bytesToText(BytesFunction<String> function) {
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> out.appendString(function.apply(bytes(blocks[0], position))));
    }

    private static ScalarKernel textToText(Type result, java.util.function.UnaryOperator<String> function) {
        return Kernels.rows(result, (blocks, position, out) -> out.appendString(function.apply(Kernels.string(blocks[0], position))));
    }

    private static ScalarKernel binaryLength() {
        return Kernels.rows(Types.BIGINT, (blocks, position, out) -> out.appendLong(((VariableWidthBlock) blocks[0]).length(position)));
    }

    /** substr over bytes: 1-based start, negative from the end, as Trino's substr(varbinary, …). */
    private static ScalarKernel binarySubstr(List<Type> types) {
        return Kernels.rows(Types.VARBINARY, (blocks, position, out) -> {
            VariableWidthBlock block = (VariableWidthBlock) blocks[0];
            int size = block.length(position);
            long start = Kernels.longAt(blocks[1], position);
            long length = types.size() == 3 ? Kernels.longAt(blocks[2], position) : Long.MAX_VALUE;
            if (start == 0 || length <= 0 || size == 0) {
                out.appendBytes(new byte[0]);
                return;
            }
            long from = start > 0 ? start - 1 : size + start;
            if (from < 0 || from >= size) {
                out.appendBytes(new byte[0]);
                return;
            }
            long to = Math.min(size, from + Math.min(length, size));
            out.appendBytes(block.rawData(), block.offset(position) + (int) from, (int) (to - from));
        });
    }

    private static ScalarKernel binaryConcat(List<Type> types) {
        boolean nullLiteral = false;
        for (Type type : types) {
            nullLiteral |= type instanceof UnknownType;
            if (!(type instanceof VarbinaryType) && !(type instanceof UnknownType)) {
                throw Functions.unsupported("concat", types);
            }
        }
        if (nullLiteral) {
            return (arguments, count) -> Blocks.nulls(Types.VARBINARY, count);
        }
        return Kernels.rows(Types.VARBINARY, (blocks, position, out) -> {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            for (Block block : blocks) {
                VariableWidthBlock bytes = (VariableWidthBlock) block;
                buffer.write(bytes.rawData(), bytes.offset(position), bytes.length(position));
            }
            out.appendBytes(buffer.toByteArray());
        });
    }

    private static ScalarKernel binaryPad(boolean left) {
        return Kernels.rows(Types.VARBINARY, (blocks, position, out) -> {
            byte[] value = bytes(blocks[0], position);
            long size = Kernels.longAt(blocks[1], position);
            byte[] padding = bytes(blocks[2], position);
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw invalidArgument("Target length must be in the range [0.." + Integer.MAX_VALUE + "]");
            }
            if (padding.length == 0) {
                throw invalidArgument("Padding bytes must not be empty");
            }
            int target = (int) size;
            if (value.length >= target) {
                out.appendBytes(value, 0, target);
                return;
            }
            byte[] padded = new byte[target];
            int missing = target - value.length;
            int valueAt = left ? missing : 0;
            int fillAt = left ? 0 : value.length;
            System.arraycopy(value, 0, padded, valueAt, value.length);
            for (int i = 0; i < missing; i++) {
                padded[fillAt + i] = padding[i % padding.length];
            }
            out.appendBytes(padded);
        });
    }

    private static ScalarKernel normalize() {
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
            String form = Kernels.string(blocks[1], position);
            Normalizer.Form normalForm;
            try {
                normalForm = Normalizer.Form.valueOf(form.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalidArgument("Normalization form must be one of [NFD, NFC, NFKD, NFKC]");
            }
            out.appendString(Normalizer.normalize(Kernels.string(blocks[0], position), normalForm));
        });
    }

    private static byte[] fromHex(byte[] text) {
        if (text.length % 2 != 0) {
            throw invalidArgument("invalid input length " + text.length);
        }
        byte[] result = new byte[text.length / 2];
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) ((hexDigit(text[2 * i]) << 4) | hexDigit(text[2 * i + 1]));
        }
        return result;
    }

    private static int hexDigit(byte c) {
        int digit = Character.digit((char) (c & 0xFF), 16);
        if (digit < 0 || c < 0) {
            throw invalidArgument("not a hexadecimal digit: \"" + (char) (c & 0xFF) + "\" = " + (c & 0xFF));
        }
        return digit;
    }

    private static byte[] decodeBase64(Base64.Decoder decoder, byte[] text) {
        try {
            return decoder.decode(text);
        } catch (IllegalArgumentException e) {
            throw invalidArgument(e.getMessage());
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    private static ScalarKernel hmac(String algorithm) {
        return Kernels.rows(Types.VARBINARY, (blocks, position, out) -> {
            byte[] key = bytes(blocks[1], position);
            try {
                Mac mac = Mac.getInstance(algorithm);
                // an empty key is an error of the JDK; Trino's (Guava's) also refuses it
                if (key.length == 0) {
                    throw invalidArgument("Empty key");
                }
                mac.init(new SecretKeySpec(key, algorithm));
                out.appendBytes(mac.doFinal(bytes(blocks[0], position)));
            } catch (java.security.GeneralSecurityException e) {
                throw invalidArgument(e.getMessage());
            }
        });
    }

    private static byte[] exactly(int size, byte[] bytes) {
        if (bytes.length != size) {
            throw invalidArgument("expected " + size + "-byte input, but got instead: " + bytes.length);
        }
        return bytes;
    }

    /** American Soundex: the first letter and three digits; H and W do not separate letters of one code. */
    static String soundex(String text) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(Character.toUpperCase(c));
            }
        }
        if (letters.isEmpty()) {
            return "";
        }
        StringBuilder code = new StringBuilder(4);
        code.append(letters.charAt(0));
        char last = soundexDigit(letters.charAt(0), 0);
        for (int i = 1; i < letters.length() && code.length() < 4; i++) {
            char c = letters.charAt(i);
            char digit = soundexDigit(c, i);
            if (c == 'H' || c == 'W') {
                continue;
            }
            if (digit != '0' && digit != last) {
                code.append(digit);
            }
            last = digit;
        }
        while (code.length() < 4) {
            code.append('0');
        }
        return code.toString();
    }

    private static char soundexDigit(char c, int index) {
        int offset = c - 'A';
        if (offset < 0 || offset >= 26) {
            throw invalidArgument("The character is not mapped: " + c + " (index=" + offset + ")");
        }
        // A-Z: vowels, H, W and Y are 0
        return "01230120022455012623010202".charAt(offset);
    }

    /** concat_ws(separator, strings…) or concat_ws(separator, array): the non-null strings joined. */
    private static ScalarKernel concatWs(List<Type> types) {
        if (types.size() < 2) {
            throw invalidArgument("There must be two or more arguments");
        }
        boolean array = types.get(1) instanceof ArrayType;
        if (array && !(StringFunctions.isText(((ArrayType) types.get(1)).elementType())
                || ((ArrayType) types.get(1)).elementType() instanceof UnknownType)) {
            throw new QuarryException(ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters ("
                    + String.join(", ", types.stream().map(Type::displayName).toList()) + ") for function concat_ws");
        }
        return (arguments, count) -> {
            BlockBuilder out = BlockBuilder.create(Types.VARCHAR, count);
            for (int i = 0; i < count; i++) {
                if (arguments[0].isNull(i) || (array && arguments[1].isNull(i))) {
                    out.appendNull();
                    continue;
                }
                String separator = Kernels.string(arguments[0], i);
                StringBuilder joined = new StringBuilder();
                boolean first = true;
                if (array) {
                    ArrayBlock strings = (ArrayBlock) arguments[1];
                    Block elements = strings.elements();
                    for (int k = strings.offset(i); k < strings.offset(i) + strings.length(i); k++) {
                        if (!elements.isNull(k)) {
                            joined.append(first ? "" : separator).append(Kernels.string(elements, k));
                            first = false;
                        }
                    }
                } else {
                    for (int k = 1; k < arguments.length; k++) {
                        if (!arguments[k].isNull(i)) {
                            joined.append(first ? "" : separator).append(Kernels.string(arguments[k], i));
                            first = false;
                        }
                    }
                }
                out.appendString(joined.toString());
            }
            return out.build();
        };
    }

    private static ScalarKernel splitToMap(Type result, boolean multimap) {
        return Kernels.rows(result, (blocks, position, out) -> {
            String text = Kernels.string(blocks[0], position);
            String entryDelimiter = Kernels.string(blocks[1], position);
            String keyValueDelimiter = Kernels.string(blocks[2], position);
            if (entryDelimiter.isEmpty()) {
                throw invalidArgument("entryDelimiter is empty");
            }
            if (keyValueDelimiter.isEmpty()) {
                throw invalidArgument("keyValueDelimiter is empty");
            }
            if (entryDelimiter.equals(keyValueDelimiter)) {
                throw invalidArgument("entryDelimiter and keyValueDelimiter must not be the same");
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf(entryDelimiter, start);
                String entry = end < 0 ? text.substring(start) : text.substring(start, end);
                int split = entry.indexOf(keyValueDelimiter);
                if (split < 0 || entry.indexOf(keyValueDelimiter, split + keyValueDelimiter.length()) >= 0) {
                    throw invalidArgument("Key-value delimiter must appear exactly once in each entry. Bad input: '" + entry + "'");
                }
                String key = entry.substring(0, split);
                String value = entry.substring(split + keyValueDelimiter.length());
                if (multimap) {
                    @SuppressWarnings("unchecked")
                    List<Object> values = (List<Object>) map.computeIfAbsent(key, k -> new ArrayList<>());
                    values.add(value);
                } else if (map.putIfAbsent(key, value) != null) {
                    throw invalidArgument("Duplicate keys (" + key + ") are not allowed");
                }
                if (end < 0) {
                    break;
                }
                start = end + entryDelimiter.length();
            }
            out.appendObject(map);
        });
    }

    /** format_number: the value (a double cut to a whole number) in thousands, millions, … with up to 3 digits. */
    private static ScalarKernel formatNumber(List<Type> types) {
        boolean whole = Arithmetic.isIntegral(types.get(0));
        boolean decimal = types.get(0) instanceof io.quarry.type.DecimalType;
        if (decimal) {
            throw Functions.unsupported("format_number", types);
        }
        return Kernels.rows(Types.VARCHAR, (blocks, position, out) -> {
            long value = whole ? Kernels.longAt(blocks[0], position) : (long) Kernels.doubleAt(blocks[0], position);
            out.appendString(formatNumber(value));
        });
    }

    /**
     * The number of units (as a double, as Trino divides) rounded half up to three significant digits, or to a whole
     * number from 100 units on.
     */
    static String formatNumber(long value) {
        int unit = 0;
        long scale = 1;
        long magnitude = Math.abs(value == Long.MIN_VALUE ? Long.MAX_VALUE : value);
        while (unit < NUMBER_UNITS.length - 1 && magnitude / scale >= 1000) {
            scale *= 1000;
            unit++;
        }
        double units = (double) magnitude / scale;
        int fraction = units >= 100 ? 0 : units >= 10 ? 1 : 2;
        String digits = (unit == 0 ? BigDecimal.valueOf(magnitude) : new BigDecimal(units).setScale(fraction, RoundingMode.HALF_UP))
                .stripTrailingZeros().toPlainString();
        return (value < 0 && !digits.equals("0") ? "-" : "") + digits + NUMBER_UNITS[unit];
    }

    private static int radix(long radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            throw invalidArgument("Radix must be between " + Character.MIN_RADIX + " and " + Character.MAX_RADIX);
        }
        return (int) radix;
    }

    private static long fromBase(String text, long radix) {
        int base = radix(radix);
        try {
            return Long.parseLong(text, base);
        } catch (NumberFormatException e) {
            throw invalidArgument("Not a valid base-" + base + " number: " + text);
        }
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidArgument(e.getMessage());
        }
    }

    /** The parts of a URL as {@link URI} parses it; NULL for text that is not a URI. */
    private static final class UrlParts {
        private UrlParts() {}

        static ScalarKernel kernel(String name, Type result) {
            return Kernels.rows(result, (blocks, position, out) -> {
                URI uri;
                try {
                    uri = new URI(Kernels.string(blocks[0], position));
                } catch (URISyntaxException e) {
                    out.appendNull();
                    return;
                }
                if (name.equals("url_extract_port")) {
                    if (uri.getPort() < 0) {
                        out.appendNull();
                    } else {
                        out.appendLong(uri.getPort());
                    }
                    return;
                }
                String part = switch (name) {
                    case "url_extract_host" -> uri.getHost();
                    case "url_extract_path" -> uri.getPath();
                    case "url_extract_protocol" -> uri.getScheme();
                    case "url_extract_query" -> uri.getQuery();
                    case "url_extract_fragment" -> uri.getFragment();
                    default -> parameter(uri.getRawQuery(), Kernels.string(blocks[1], position));
                };
                if (part == null) {
                    // a missing part is empty, a missing parameter NULL
                    if (name.equals("url_extract_parameter")) {
                        out.appendNull();
                    } else {
                        out.appendString("");
                    }
                } else {
                    out.appendString(part);
                }
            });
        }

        private static String parameter(String query, String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (key.equals(name)) {
                    String value = equals < 0 ? "" : pair.substring(equals + 1);
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }
}
