package io.quarry.exec.function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128 with seed 0. Its first 64 bits are the hash {@code approx_set} and {@code approx_distinct}
 * give their values in Trino (a long as its 8 little-endian bytes); all 128 bits, each half little-endian, are
 * what {@code murmur3(varbinary)} returns.
 */
public final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3() {}

    /** The two 64-bit halves of the 128-bit hash. */
    private record Halves(long first, long second) {}

    /** The first 64 bits of the hash of {@code value}'s 8 little-endian bytes, without making them. */
    public static long hash64(long value) {
        return finish(mixK1(value), 0, 8).first();
    }

    public static long hash64(byte[] data, int offset, int length) {
        return hash(data, offset, length).first();
    }

    /** The 16 bytes of the hash: both halves, each little-endian. */
    static byte[] hash128(byte[] data) {
        Halves halves = hash(data, 0, data.length);
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(halves.first()).putLong(halves.second()).array();
    }

    private static Halves hash(byte[] data, int offset, int length) {
        long h1 = 0;
        long h2 = 0;
        int at = offset;
        int blocksEnd = offset + (length & ~15);
        for (; at < blocksEnd; at += 16) {
            h1 ^= mixK1(littleEndianLong(data, at, 8));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729L;
            h2 ^= mixK2(littleEndianLong(data, at + 8, 8));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5L;
        }
        int tail = length & 15;
        if (tail > 8) {
            h2 ^= mixK2(littleEndianLong(data, at + 8, tail - 8));
        }
        if (tail > 0) {
            h1 ^= mixK1(littleEndianLong(data, at, Math.min(tail, 8)));
        }
        return finish(h1, h2, length);
    }

    private static Halves finish(long h1, long h2, int length) {
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        long first = h1 + h2;
        return new Halves(first, h2 + first);
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long finalMix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The first {@code count} (at most 8) bytes at {@code at} as a little-endian long. */
    private static long littleEndianLong(byte[] data, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFF);
        }
        return value;
    }
}
