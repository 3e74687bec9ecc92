package io.quarry.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The current thread's CPU time for per-operator figures; 0 where the JVM cannot measure it. */
final class OperatorTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private OperatorTimer() {}

    static long cpuNanos() {
        if (!SUPPORTED) {
            return 0;
        }
        long nanos = THREADS.getCurrentThreadCpuTime();
        return Math.max(nanos, 0);
    }
}
