package io.quarry.exec.function;

/** The 64-bit xxHash of bytes and of longs (as their 8 little-endian bytes), seed 0: Trino's value hash. */
public final class XxHash64 {
    private static final long PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME_3 = 0x165667B19E3779F9L;
    private static final long PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME_5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    public static long hash(long value) {
        long hash = PRIME_5 + 8;
        hash ^= round(0, value);
        hash = Long.rotateLeft(hash, 27) * PRIME_1 + PRIME_4;
        return avalanche(hash);
    }

    public static long hash(byte[] data, int offset, int length) {
        int end = offset + length;
        int at = offset;
        long hash;
        if (length >= 32) {
            long v1 = PRIME_1 + PRIME_2;
            long v2 = PRIME_2;
            long v3 = 0;
            long v4 = -PRIME_1;
            while (at + 32 <= end) {
                v1 = round(v1, longAt(data, at));
                v2 = round(v2, longAt(data, at + 8));
                v3 = round(v3, longAt(data, at + 16));
                v4 = round(v4, longAt(data, at + 24));
                at += 32;
            }
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = mergeRound(hash, v1);
            hash = mergeRound(hash, v2);
            hash = mergeRound(hash, v3);
            hash = mergeRound(hash, v4);
        } else {
            hash = PRIME_5;
        }
        hash += length;
        while (at + 8 <= end) {
            hash ^= round(0, longAt(data, at));
            hash = Long.rotateLeft(hash, 27) * PRIME_1 + PRIME_4;
            at += 8;
        }
        if (at + 4 <= end) {
            hash ^= (intAt(data, at) & 0xFFFFFFFFL) * PRIME_1;
            hash = Long.rotateLeft(hash, 23) * PRIME_2 + PRIME_3;
            at += 4;
        }
        while (at < end) {
            hash ^= (data[at] & 0xFFL) * PRIME_5;
            hash = Long.rotateLeft(hash, 11) * PRIME_1;
            at++;
        }
        return avalanche(hash);
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * PRIME_2, 31) * PRIME_1;
    }

    private static long mergeRound(long hash, long value) {
        return (hash ^ round(0, value)) * PRIME_1 + PRIME_4;
    }

    private static long avalanche(long hash) {
        hash ^= hash >>> 33;
        hash *= PRIME_2;
        hash ^= hash >>> 29;
        hash *= PRIME_3;
        hash ^= hash >>> 32;
        return hash;
    }

    private static long longAt(byte[] data, int at) {
        return (intAt(data, at) & 0xFFFFFFFFL) | ((long) intAt(data, at + 4) << 32);
    }

    private static int intAt(byte[] data, int at) {
        return (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16 | (data[at + 3] & 0xFF) << 24;
    }
}
