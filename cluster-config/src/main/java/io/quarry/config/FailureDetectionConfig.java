package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a node notices and reacts to lost members: the failure detector's tolerance, the split brain
 * resolver's stable period, and how long a worker keeps the tasks of an unreachable coordinator.
 *
 * @param stableAfter {@code cluster.split-brain-resolver.stable-after}: the split brain resolver decides once
 *     membership and reachability have not changed for this long (default 7s)
 * @param acceptableHeartbeatPause {@code cluster.failure-detector.acceptable-heartbeat-pause}: the heartbeat
 *     pause the failure detector tolerates before it marks a member unreachable (default 3s; heartbeats go
 *     every second)
 * @param coordinatorLostTimeout {@code cluster.coordinator-lost-timeout}: a worker aborts the tasks a
 *     coordinator created once that coordinator has been unreachable for this long, without waiting for it to
 *     be downed (default 1s; zero aborts them as soon as it is unreachable)
 * @param transportTestMode Artery's test mode ({@code akka.remote.artery.advanced.test-mode}), which lets a
 *     test cut the links between nodes; only settable through the builder, never from a configuration file
 */
public record FailureDetectionConfig(
        Duration stableAfter, Duration acceptableHeartbeatPause, Duration coordinatorLostTimeout, boolean transportTestMode) {
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(7);
    public static final Duration DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_COORDINATOR_LOST_TIMEOUT = Duration.ofSeconds(1);

    /** The smallest acceptable heartbeat pause: below it the failure detector reports healthy nodes lost. */
    public static final Duration MIN_ACCEPTABLE_HEARTBEAT_PAUSE = Duration.ofMillis(500);

    public FailureDetectionConfig {
        requireNonNull(stableAfter, "stableAfter is null");
        requireNonNull(acceptableHeartbeatPause, "acceptableHeartbeatPause is null");
        requireNonNull(coordinatorLostTimeout, "coordinatorLostTimeout is null");
        checkArgument(!stableAfter.isNegative() && !stableAfter.isZero(), "stableAfter must be positive: " + stableAfter);
        checkArgument(
                acceptableHeartbeatPause.compareTo(MIN_ACCEPTABLE_HEARTBEAT_PAUSE) >= 0,
                "acceptableHeartbeatPause must be at least " + MIN_ACCEPTABLE_HEARTBEAT_PAUSE.toMillis() + "ms: "
                        + acceptableHeartbeatPause);
        checkArgument(!coordinatorLostTimeout.isNegative(), "coordinatorLostTimeout is negative: " + coordinatorLostTimeout);
    }

    /** The defaults, test mode off. */
    public static FailureDetectionConfig defaults() {
        return new FailureDetectionConfig(
                DEFAULT_STABLE_AFTER, DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE, DEFAULT_COORDINATOR_LOST_TIMEOUT, false);
    }

    public FailureDetectionConfig withStableAfter(Duration stableAfter) {
        return new FailureDetectionConfig(stableAfter, acceptableHeartbeatPause, coordinatorLostTimeout, transportTestMode);
    }

    public FailureDetectionConfig withAcceptableHeartbeatPause(Duration pause) {
        return new FailureDetectionConfig(stableAfter, pause, coordinatorLostTimeout, transportTestMode);
    }

    public FailureDetectionConfig withCoordinatorLostTimeout(Duration timeout) {
        return new FailureDetectionConfig(stableAfter, acceptableHeartbeatPause, timeout, transportTestMode);
    }

    public FailureDetectionConfig withTransportTestMode(boolean testMode) {
        return new FailureDetectionConfig(stableAfter, acceptableHeartbeatPause, coordinatorLostTimeout, testMode);
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
