package io.quarry.connector.memory;

import java.util.Arrays;
import java.util.Base64;

/**
 * Estimates the number of distinct values of a column with a HyperLogLog of 1,024 registers (about 3%
 * standard error): cheap enough to keep for every column a writer writes, and mergeable, so that the
 * coordinator combines what each worker saw into the table's statistics. Not thread-safe.
 */
final class DistinctCounter {
    private static final int INDEX_BITS = 10;
    private static final int REGISTERS = 1 << INDEX_BITS;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers;

    DistinctCounter() {
        this(new byte[REGISTERS]);
    }

    private DistinctCounter(byte[] registers) {
        this.registers = registers;
    }

    /** Adds a well-mixed 64-bit hash of a value. */
    void add(long hash) {
        int index = (int) (hash >>> (64 - INDEX_BITS));
        long rest = hash << INDEX_BITS;
        int rank = rest == 0 ? 64 - INDEX_BITS + 1 : Long.numberOfLeadingZeros(rest) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    void merge(DistinctCounter other) {
        for (int i = 0; i < REGISTERS; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                zeros++;
            }
        }
        double estimate = ALPHA * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            // Linear counting is the better estimate for small cardinalities.
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.round(estimate);
    }

    String serialize() {
        return Base64.getEncoder().encodeToString(registers);
    }

    static DistinctCounter deserialize(String text) {
        byte[] registers = Base64.getDecoder().decode(text);
        if (registers.length != REGISTERS) {
            throw new IllegalArgumentException("a distinct counter has " + REGISTERS + " registers, not " + registers.length);
        }
        return new DistinctCounter(Arrays.copyOf(registers, REGISTERS));
    }
}
