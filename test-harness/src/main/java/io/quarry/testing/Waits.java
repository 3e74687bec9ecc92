package io.quarry.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, polling it; never a fixed sleep. */
public final class Waits {
    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Waits() {}

    /** Returns once {@code condition} holds; fails with {@code what} when {@code timeout} passes first. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
