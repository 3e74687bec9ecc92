package io.quarry.block;

import java.math.BigInteger;

/** Conversions between 128-bit two's complement integers (high, low) and {@link BigInteger}. */
public final class Int128 {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private Int128() {}

    public static BigInteger toBigInteger(long high, long low) {
        BigInteger result = BigInteger.valueOf(high).shiftLeft(64);
        BigInteger unsignedLow = BigInteger.valueOf(low);
        if (low < 0) {
            unsignedLow = unsignedLow.add(TWO_64);
        }
        return result.add(unsignedLow);
    }

    public static long high(BigInteger value) {
        return value.shiftRight(64).longValue();
    }

    public static long low(BigInteger value) {
        return value.longValue();
    }
}
