package io.quarry.exec.function;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The non-cryptographic hashes Trino exposes over varbinary: XXH64 and 128-bit MurmurHash3 (x64), both seed 0. */
final class Hashes {
    private static final long XX_PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XX_PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XX_PRIME_3 = 0x165667B19E3779F9L;
    private static final long XX_PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long XX_PRIME_5 = 0x27D4EB2F165667C5L;
    private static final long MURMUR_C1 = 0x87c37b91114253d5L;
    private static final long MURMUR_C2 = 0x4cf5ad432745937fL;

    private Hashes() {}

    static long xxhash64(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int length = data.length;
        int at = 0;
        long hash;
        if (length >= 32) {
            long v1 = XX_PRIME_1 + XX_PRIME_2;
            long v2 = XX_PRIME_2;
            long v3 = 0;
            long v4 = -XX_PRIME_1;
            for (; at <= length - 32; at += 32) {
                v1 = xxRound(v1, buffer.getLong(at));
                v2 = xxRound(v2, buffer.getLong(at + 8));
                v3 = xxRound(v3, buffer.getLong(at + 16));
                v4 = xxRound(v4, buffer.getLong(at + 24));
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = xxMerge(hash, v1);
            hash = xxMerge(hash, v2);
            hash = xxMerge(hash, v3);
            hash = xxMerge(hash, v4);
        } else {
            hash = XX_PRIME_5;
        }
        hash += length;
        for (; at <= length - 8; at += 8) {
            hash ^= xxRound(0, buffer.getLong(at));
            hash = Long.rotateLeft(hash, 27) * XX_PRIME_1 + XX_PRIME_4;
        }
        if (at <= length - 4) {
            hash ^= (buffer.getInt(at) & 0xFFFFFFFFL) * XX_PRIME_1;
            hash = Long.rotateLeft(hash, 23) * XX_PRIME_2 + XX_PRIME_3;
            at += 4;
        }
        for (; at < length; at++) {
            hash ^= (data[at] & 0xFFL) * XX_PRIME_5;
            hash = Long.rotateLeft(hash, 11) * XX_PRIME_1;
        }
        hash ^= hash >>> 33;
        hash *= XX_PRIME_2;
        hash ^= hash >>> 29;
        hash *= XX_PRIME_3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long xxRound(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * XX_PRIME_2, 31) * XX_PRIME_1;
    }

    private static long xxMerge(long hash, long value) {
        return (hash ^ xxRound(0, value)) * XX_PRIME_1 + XX_PRIME_4;
    }

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
