package io.quarry.exec.function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** 128-bit MurmurHash3 (x64, seed 0), as Trino exposes it over varbinary; XXH64 is {@link XxHash64}. */
final class Hashes {
    private static final long MURMUR_C1 = 0x87c37b91114253d5L;
    private static final long MURMUR_C2 = 0x4cf5ad432745937fL;

    private Hashes() {}

    /** MurmurHash3 x64 128: the two halves, each little-endian. */
    static byte[] murmur3(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int length = data.length;
        long h1 = 0;
        long h2 = 0;
        int at = 0;
        for (; at <= length - 16; at += 16) {
            h1 ^= mixK1(buffer.getLong(at));
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(buffer.getLong(at + 8));
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        for (int i = length - at - 1; i >= 0; i--) {
            long b = data[at + i] & 0xFFL;
            if (i >= 8) {
                k2 ^= b << ((i - 8) * 8);
            } else {
                k1 ^= b << (i * 8);
            }
        }
        if (length - at > 8) {
            h2 ^= mixK2(k2);
        }
        if (length - at > 0) {
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = finalMix(h1);
        h2 = finalMix(h2);
        h1 += h2;
        h2 += h1;
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(h1).putLong(h2).array();
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * MURMUR_C1, 31) * MURMUR_C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * MURMUR_C2, 33) * MURMUR_C1;
    }

    private static long finalMix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
