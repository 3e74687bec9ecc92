package io.quarry.type;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The SQL type {@code ipaddress}: an IPv4 or IPv6 address as 16 bytes, big-endian, held as a variable-width value so
 * that values order by their bytes, as in Trino. An IPv4 address is held IPv4-mapped ({@code ::ffff:1.2.3.4}) and
 * shown in dotted form; IPv6 addresses in their shortest form ({@code 2001:db8::1}).
 */
public record IpAddressType() implements Type {
    /** Bytes in a value. */
    public static final int LENGTH = 16;

    /** The 16 bytes of an address's text, or null when the text is no IPv4 or IPv6 address (host names are not looked up). */
    public static byte[] parse(String text) {
        if (text.isEmpty() || !isAddressText(text)) {
            return null;
        }
        try {
            return of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The 16 bytes of a 4-byte (IPv4) or 16-byte address, or null for another length. */
    public static byte[] of(byte[] address) {
        if (address.length == LENGTH) {
            return address.clone();
        }
        if (address.length != 4) {
            return null;
        }
        byte[] mapped = new byte[LENGTH];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(address, 0, mapped, 12, 4);
        return mapped;
    }

    /** The text of the 16 bytes at {@code offset}: dotted for IPv4-mapped addresses, else the shortest IPv6 form. */
    public static String text(byte[] data, int offset) {
        byte[] bytes = java.util.Arrays.copyOfRange(data, offset, offset + LENGTH);
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xFF) + "." + (bytes[13] & 0xFF) + "." + (bytes[14] & 0xFF) + "." + (bytes[15] & 0xFF);
        }
        return ipv6Text(bytes);
    }

    static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    /** RFC 5952: lower-case hex groups without leading zeros, the longest run (two or more, first of equals) of zero groups as {@code ::}. */
    private static String ipv6Text(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** Only digits, dots, hex letters and colons: no host name (which InetAddress would look up), no zone index. */
    private static boolean isAddressText(String text) {
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (!(c >= '0' && c <= '9' || c == '.' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        // without a colon only a dotted quad without leading zeros: InetAddress also reads "1", "1.2" or "01.2.3.4"
        return colon || text.matches("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    }

    @Override
    public String rawType() {
        return "ipaddress";
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
