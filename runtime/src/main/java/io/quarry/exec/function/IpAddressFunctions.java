package io.quarry.exec.function;

import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.IpAddressType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.List;

/** The casts of ipaddress (from and to unbounded varchar and varbinary, with Trino's errors) and contains(cidr, address). */
final class IpAddressFunctions {
    private static final FixedBytesCasts.Codec CODEC = new FixedBytesCasts.Codec(Types.IPADDRESS, "IPADDRESS",
            IpAddressType::text, IpAddressType::parse, IpAddressType::of, "Invalid IP address binary length: ");

    private IpAddressFunctions() {}

    /** The kernel of a call about ipaddress, or null when the call is not one. */
    static ScalarKernel resolve(Call call) {
        String name = call.function();
        List<Type> types = call.arguments().stream().map(Expression::type).toList();
        Type result = call.type();
        if (name.equals("contains") && types.size() == 2 && types.get(1) instanceof IpAddressType) {
            return Kernels.rows(Types.BOOLEAN, (arguments, position, out) -> out.appendBoolean(
                    contains(Kernels.string(arguments[0], position), FixedBytesCasts.bytes(arguments[1]).getBytes(position))));
        }
        boolean cast = name.equals("cast") || name.equals("try_cast");
        if (!cast || types.isEmpty()) {
            return null;
        }
        return cast(types.get(0), result, name.equals("try_cast"));
    }

    /** The cast kernel when source or target is ipaddress (TYPE_MISMATCH for casts Trino has not), else null. */
    static ScalarKernel cast(Type source, Type result, boolean tryCast) {
        if (!(source instanceof IpAddressType || result instanceof IpAddressType) || source.equals(result)) {
            return null;
        }
        return FixedBytesCasts.cast(CODEC, source, result, tryCast);
    }

    /**
     * Whether the network {@code cidr} ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) holds the address, with Trino's
     * rules: an IPv4 network (dotted text) has a prefix of at most 32 and no host bits set and holds only IPv4
     * addresses; a network written with colons is IPv6, prefix at most 128, its host bits ignored.
     */
    static boolean contains(String cidr, byte[] address) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || cidr.indexOf('/', slash + 1) >= 0) {
            throw invalidCidr("Invalid CIDR");
        }
        String networkText = cidr.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw invalidCidr("Invalid CIDR");
        }
        if (prefix < 0) {
            throw invalidCidr("Invalid prefix length");
        }
        byte[] network = IpAddressType.parse(networkText);
        if (network == null) {
            throw invalidCidr("Invalid network IP address");
        }
        boolean ipv4 = networkText.indexOf(':') < 0;
        if (prefix > (ipv4 ? 32 : 128)) {
            throw invalidCidr("Invalid CIDR");
        }
        int bits = ipv4 ? 96 + prefix : prefix;
        if (ipv4) {
            for (int bit = bits; bit < 128; bit++) {
                if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    throw invalidCidr("Invalid CIDR");
                }
            }
        }
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static QuarryException invalidCidr(String message) {
        return new QuarryException(ErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

}
