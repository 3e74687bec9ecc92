package io.quarry.exec.function;

/** Code-point arithmetic over UTF-8 bytes, without decoding to Java strings. */
public final class Utf8 {
    private Utf8() {}

    public static int countCodePoints(byte[] data, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if ((data[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** The byte offset after skipping {@code codePoints} code points from {@code start}, or {@code end} if fewer. */
    public static int offsetOfCodePoint(byte[] data, int start, int end, long codePoints) {
        int position = start;
        long remaining = codePoints;
        while (remaining > 0 && position < end) {
            position += lengthOfCodePoint(data[position]);
            remaining--;
        }
        return Math.min(position, end);
    }

    /** The number of bytes of the code point starting with this lead byte (1 for malformed bytes). */
    public static int lengthOfCodePoint(byte lead) {
        int value = lead & 0xFF;
        if (value < 0x80) {
            return 1;
        }
        if (value >= 0xF0 && value < 0xF8) {
            return 4;
        }
        if (value >= 0xE0) {
            return value < 0xF0 ? 3 : 1;
        }
        if (value >= 0xC0) {
            return 2;
        }
        return 1;
    }

    public static boolean isAscii(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
