package io.quarry.exec.function;

/**
 * Bob Jenkins' SpookyHash V2 (public domain) with seeds 0, as Trino's spooky_hash_v2_32 and spooky_hash_v2_64 compute
 * it: messages under 192 bytes take the short path of four 64-bit lanes, longer ones the path of twelve lanes over
 * 96-byte blocks. Words are read little-endian.
 */
final class SpookyHash {
    private static final long CONSTANT = 0xdeadbeefdeadbeefL;
    private static final int BLOCK_BYTES = 96;
    private static final int SHORT_LIMIT = 2 * BLOCK_BYTES;
    private static final int[] MIX_ROTATIONS = {11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46};
    private static final int[] END_ROTATIONS = {44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54};
    private static final int[] SHORT_MIX_ROTATIONS = {50, 52, 30, 41, 54, 48, 38, 37, 62, 34, 5, 36};
    private static final int[] SHORT_END_ROTATIONS = {15, 52, 26, 51, 28, 9, 47, 54, 32, 25, 63};

    private SpookyHash() {}

    /** The first 64 bits of the 128-bit hash. */
    static long hash64(byte[] data) {
        return data.length < SHORT_LIMIT ? shortHash(data) : longHash(data);
    }

    /** The low 32 bits of {@link #hash64}. */
    static int hash32(byte[] data) {
        return (int) hash64(data);
    }

    private static long shortHash(byte[] data) {
        int length = data.length;
        long[] h = {0, 0, CONSTANT, CONSTANT};
        int offset = 0;
        int remainder = length % 32;
        if (length > 15) {
            for (int block = 0; block < length / 32; block++, offset += 32) {
                h[2] += word(data, offset);
                h[3] += word(data, offset + 8);
                shortMix(h);
                h[0] += word(data, offset + 16);
                h[1] += word(data, offset + 24);
            }
            if (remainder >= 16) {
                h[2] += word(data, offset);
                h[3] += word(data, offset + 8);
                shortMix(h);
                offset += 16;
                remainder -= 16;
            }
        }
        h[3] += ((long) length) << 56;
        if (remainder == 0) {
            h[2] += CONSTANT;
            h[3] += CONSTANT;
        } else if (remainder >= 8) {
            h[2] += word(data, offset);
            h[3] += partialWord(data, offset + 8, remainder - 8);
        } else {
            h[2] += partialWord(data, offset, remainder);
        }
        shortEnd(h);
        return h[0];
    }

    private static void shortMix(long[] h) {
        for (int step = 0; step < 12; step++) {
            int target = (step + 2) % 4;
            int addend = (step + 3) % 4;
            h[target] = Long.rotateLeft(h[target], SHORT_MIX_ROTATIONS[step]) + h[addend];
            h[step % 4] ^= h[target];
        }
    }

    private static void shortEnd(long[] h) {
        for (int step = 0; step < 11; step++) {
            int target = (step + 3) % 4;
            int source = (step + 2) % 4;
            h[target] ^= h[source];
            h[source] = Long.rotateLeft(h[source], SHORT_END_ROTATIONS[step]);
            h[target] += h[source];
        }
    }

    private static long longHash(byte[] data) {
        long[] h = new long[12];
        for (int i = 0; i < 12; i += 3) {
            h[i] = 0;
            h[i + 1] = 0;
            h[i + 2] = CONSTANT;
        }
        int blocks = data.length / BLOCK_BYTES;
        for (int block = 0; block < blocks; block++) {
            mix(data, block * BLOCK_BYTES, h);
        }
        // the last, partial block: zero-padded, its length in the final byte
        int offset = blocks * BLOCK_BYTES;
        byte[] last = new byte[BLOCK_BYTES];
        System.arraycopy(data, offset, last, 0, data.length - offset);
        last[BLOCK_BYTES - 1] = (byte) (data.length - offset);
        for (int i = 0; i < 12; i++) {
            h[i] += word(last, 8 * i);
        }
        for (int round = 0; round < 3; round++) {
            endPartial(h);
        }
        return h[0];
    }

    private static void mix(byte[] data, int offset, long[] s) {
        for (int i = 0; i < 12; i++) {
            s[i] += word(data, offset + 8 * i);
            s[(i + 2) % 12] ^= s[(i + 10) % 12];
            s[(i + 11) % 12] ^= s[i];
            s[i] = Long.rotateLeft(s[i], MIX_ROTATIONS[i]);
            s[(i + 11) % 12] += s[(i + 1) % 12];
        }
    }

    private static void endPartial(long[] h) {
        for (int i = 0; i < 12; i++) {
            int target = (i + 11) % 12;
            int source = (i + 1) % 12;
            h[target] += h[source];
            h[(i + 2) % 12] ^= h[target];
            h[source] = Long.rotateLeft(h[source], END_ROTATIONS[i]);
        }
    }

    private static long word(byte[] data, int offset) {
        return partialWord(data, offset, 8);
    }

    /** {@code count} bytes from {@code offset} as a little-endian number. */
    private static long partialWord(byte[] data, int offset, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }
}
