package io.quarry.exec.function;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (upper-case alphabet, '=' padding), as Trino's to_base32 and from_base32. Decoding ignores any
 * trailing '=' run, refuses a length no encoding can end with (1, 3 or 6 characters past a group of 8) and names the
 * first character outside the alphabet (in hex when it is not printable ASCII).
 */
final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length + 4) / 5 * 8);
        for (int offset = 0; offset < bytes.length; offset += 5) {
            int count = Math.min(5, bytes.length - offset);
            long group = 0;
            for (int i = 0; i < 5; i++) {
                group = (group << 8) | (i < count ? bytes[offset + i] & 0xff : 0);
            }
            int characters = (count * 8 + 4) / 5;
            for (int i = 0; i < 8; i++) {
                text.append(i < characters ? ALPHABET[(int) (group >>> (35 - 5 * i)) & 31] : '=');
            }
        }
        return text.toString();
    }

    static byte[] decode(String text) {
        int length = text.length();
        while (length > 0 && text.charAt(length - 1) == '=') {
            length--;
        }
        int tail = length % 8;
        if (tail == 1 || tail == 3 || tail == 6) {
            throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid input length " + length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 5) | value(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes.write((int) (buffer >>> bits) & 0xff);
            }
        }
        return bytes.toByteArray();
    }

    private static int value(char character) {
        if (character >= 'A' && character <= 'Z') {
            return character - 'A';
        }
        if (character >= '2' && character <= '7') {
            return character - '2' + 26;
        }
        boolean printable = character > ' ' && character < 0x7f;
        throw new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Unrecognized character: "
                + (printable ? String.valueOf(character) : "0x" + Integer.toHexString(character)));
    }
}
