package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a node joins its cluster and notices and reacts to lost members: the seed node timeout, the failure
 * detector's tolerance, the split brain resolver's stable period, and how long a worker keeps the tasks of an
 * unreachable coordinator.
 *
 * @param seedNodeTimeout {@code cluster.seed-node-timeout}: how long the first node of its own seed list (the
 *     coordinator) waits for another seed to answer before it forms a new cluster (default 10s)
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
public record MembershipConfig(
        Duration seedNodeTimeout,
        Duration stableAfter,
        Duration acceptableHeartbeatPause,
        Duration coordinatorLostTimeout,
        boolean transportTestMode) {
    public static final Duration DEFAULT_SEED_NODE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(7);
    public static final Duration DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE = Duration.ofSeconds(3);
    public static final Duration DEFAULT_COORDINATOR_LOST_TIMEOUT = Duration.ofSeconds(1);

    /** The smallest acceptable heartbeat pause: below it the failure detector reports healthy nodes lost. */
    public static final Duration MIN_ACCEPTABLE_HEARTBEAT_PAUSE = Duration.ofMillis(500);

    public MembershipConfig {
        requireNonNull(seedNodeTimeout, "seedNodeTimeout is null");
        requireNonNull(stableAfter, "stableAfter is null");
        requireNonNull(acceptableHeartbeatPause, "acceptableHeartbeatPause is null");
        requireNonNull(coordinatorLostTimeout, "coordinatorLostTimeout is null");
        checkArgument(isPositive(seedNodeTimeout), "seedNodeTimeout must be positive: " + seedNodeTimeout);
        checkArgument(isPositive(stableAfter), "stableAfter must be positive: " + stableAfter);
        checkArgument(
                acceptableHeartbeatPause.compareTo(MIN_ACCEPTABLE_HEARTBEAT_PAUSE) >= 0,
                "acceptableHeartbeatPause must be at least " + MIN_ACCEPTABLE_HEARTBEAT_PAUSE.toMillis() + "ms: "
                        + acceptableHeartbeatPause);
        checkArgument(!coordinatorLostTimeout.isNegative(), "coordinatorLostTimeout is negative: " + coordinatorLostTimeout);
    }

    /** The defaults, test mode off. */
    public static MembershipConfig defaults() {
        return new MembershipConfig(
                DEFAULT_SEED_NODE_TIMEOUT,
                DEFAULT_STABLE_AFTER,
                DEFAULT_ACCEPTABLE_HEARTBEAT_PAUSE,
                DEFAULT_COORDINATOR_LOST_TIMEOUT,
                false);
    }

    public MembershipConfig withSeedNodeTimeout(Duration timeout) {
        return new MembershipConfig(timeout, stableAfter, acceptableHeartbeatPause, coordinatorLostTimeout, transportTestMode);
    }

    public MembershipConfig withStableAfter(Duration stableAfter) {
        return new MembershipConfig(seedNodeTimeout, stableAfter, acceptableHeartbeatPause, coordinatorLostTimeout, transportTestMode);
    }

    public MembershipConfig withAcceptableHeartbeatPause(Duration pause) {
        return new MembershipConfig(seedNodeTimeout, stableAfter, pause, coordinatorLostTimeout, transportTestMode);
    }

    public MembershipConfig withCoordinatorLostTimeout(Duration timeout) {
        return new MembershipConfig(seedNodeTimeout, stableAfter, acceptableHeartbeatPause, timeout, transportTestMode);
    }

    public MembershipConfig withTransportTestMode(boolean testMode) {
        return new MembershipConfig(seedNodeTimeout, stableAfter, acceptableHeartbeatPause, coordinatorLostTimeout, testMode);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
