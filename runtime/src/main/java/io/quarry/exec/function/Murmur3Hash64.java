package io.quarry.exec.function;

/**
 * The first 64 bits of MurmurHash3 x64 128 (seed 0) of bytes, and of a long as its 8 little-endian bytes: the
 * hash {@code approx_set} gives its values in Trino.
 */
public final class Murmur3Hash64 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3Hash64() {}

    public static long hash(long value) {
        long h1 = mixK1(value) ^ 8;
        long h2 = 8;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        return h1 + h2;
    }

    public static long hash(byte[] data, int offset, int length) {
        long h1 = 0;
        long h2 = 0;
        int at = offset;
        int blocksEnd = offset + (length & ~15);
        for (; at < blocksEnd; at += 16) {
            h1 ^= mixK1(littleEndianLong(data, at));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729L;
            h2 ^= mixK2(littleEndianLong(data, at + 8));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5L;
        }
        int tail = length & 15;
        if (tail > 8) {
            long k2 = 0;
            for (int i = tail - 1; i >= 8; i--) {
                k2 = (k2 << 8) | (data[at + i] & 0xFF);
            }
            h2 ^= mixK2(k2);
        }
        if (tail > 0) {
            long k1 = 0;
            for (int i = Math.min(tail, 8) - 1; i >= 0; i--) {
                k1 = (k1 << 8) | (data[at + i] & 0xFF);
            }
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        return h1 + h2;
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

    private static long littleEndianLong(byte[] data, int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (data[at + i] & 0xFF);
        }
        return value;
    }
}
