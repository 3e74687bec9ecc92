package io.quarry.type;

/**
 * The SQL type {@code uuid}: 16 bytes, held big-endian as a variable-width value so that the byte order is the
 * order of the text form, as in Trino. Shown as {@code 12151fd2-7586-11e9-8f9e-2a86e4085a59}.
 */
public record UuidType() implements Type {
    /** Bytes in a value. */
    public static final int LENGTH = 16;

    /** The text form of the 16 bytes at {@code offset}: lower-case hex in groups of 8-4-4-4-12. */
    public static String text(byte[] data, int offset) {
        return new java.util.UUID(longAt(data, offset), longAt(data, offset + 8)).toString();
    }

    /** The 16 bytes of a UUID's text form (upper or lower case), or null when the text is not one. */
    public static byte[] parse(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        byte[] bytes = new byte[LENGTH];
        int digit = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int value = Character.digit(text.charAt(i), 16);
            if (value < 0) {
                return null;
            }
            bytes[digit / 2] |= (byte) (digit % 2 == 0 ? value << 4 : value);
            digit++;
        }
        return bytes;
    }

    private static long longAt(byte[] data, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[offset + i] & 0xFF);
        }
        return value;
    }

    @Override
    public String rawType() {
        return "uuid";
    }

    @Override
    public Storage storage() {
        return Storage.VARIABLE_WIDTH;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
