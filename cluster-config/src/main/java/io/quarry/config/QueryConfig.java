package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The query limits of a node: memory, client abandonment, history and admission.
 *
 * @param maxMemoryBytes {@code query.max-memory}: a query's memory over the whole cluster (default 20GB)
 * @param maxMemoryPerNodeBytes {@code query.max-memory-per-node}: a query's memory on one node (default a
 *     tenth of this JVM's maximum heap, computed when the configuration is loaded)
 * @param clientTimeout {@code query.client.timeout}: a query whose client stopped polling for this long is
 *     failed (default 5m)
 * @param minExpireAge {@code query.min-expire-age}: a finished query stays visible at least this long
 *     (default 15m)
 * @param maxHistory {@code query.max-history}: finished queries kept for {@code /v1/query} (default 100)
 * @param maxRunTime {@code query.max-run-time}: a query running longer is failed (default 100d)
 * @param maxConcurrentQueries {@code query.max-concurrent-queries}: queries running at once (default 1000)
 * @param maxQueuedQueries {@code query.max-queued-queries}: queries waiting to run before new ones are
 *     rejected (default 5000)
 * @param retryPolicy {@code retry-policy}: what a query does when a worker running its tasks is lost
 *     (default TASK); the session property {@code retry_policy} overrides it per query
 */
public record QueryConfig(
        long maxMemoryBytes,
        long maxMemoryPerNodeBytes,
        Duration clientTimeout,
        Duration minExpireAge,
        int maxHistory,
        Duration maxRunTime,
        int maxConcurrentQueries,
        int maxQueuedQueries,
        RetryPolicy retryPolicy) {
    public static final long DEFAULT_MAX_MEMORY_BYTES = 20L << 30;
    public static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MIN_EXPIRE_AGE = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_HISTORY = 100;
    public static final Duration DEFAULT_MAX_RUN_TIME = Duration.ofDays(100);
    public static final int DEFAULT_MAX_CONCURRENT_QUERIES = 1000;
    public static final int DEFAULT_MAX_QUEUED_QUERIES = 5000;
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.TASK;

    public QueryConfig {
        requireNonNull(clientTimeout, "clientTimeout is null");
        requireNonNull(minExpireAge, "minExpireAge is null");
        requireNonNull(maxRunTime, "maxRunTime is null");
        requireNonNull(retryPolicy, "retryPolicy is null");
        checkArgument(maxMemoryBytes > 0, "maxMemoryBytes must be positive: " + maxMemoryBytes);
        checkArgument(maxMemoryPerNodeBytes > 0, "maxMemoryPerNodeBytes must be positive: " + maxMemoryPerNodeBytes);
        checkArgument(isPositive(clientTimeout), "clientTimeout must be positive: " + clientTimeout);
        checkArgument(!minExpireAge.isNegative(), "minExpireAge is negative: " + minExpireAge);
        checkArgument(maxHistory >= 0, "maxHistory is negative: " + maxHistory);
        checkArgument(isPositive(maxRunTime), "maxRunTime must be positive: " + maxRunTime);
        checkArgument(maxConcurrentQueries >= 1, "maxConcurrentQueries must be at least 1: " + maxConcurrentQueries);
        checkArgument(maxQueuedQueries >= 0, "maxQueuedQueries is negative: " + maxQueuedQueries);
    }

    /** The defaults; the per-node memory default is a tenth of this JVM's maximum heap. */
    public static QueryConfig defaults() {
        return builder().build();
    }

    /** A tenth of this JVM's maximum heap: the default of {@code query.max-memory-per-node}. */
    public static long defaultMaxMemoryPerNodeBytes() {
        return Math.max(1, Runtime.getRuntime().maxMemory() / 10);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .maxMemoryBytes(maxMemoryBytes)
                .maxMemoryPerNodeBytes(maxMemoryPerNodeBytes)
                .clientTimeout(clientTimeout)
                .minExpireAge(minExpireAge)
                .maxHistory(maxHistory)
                .maxRunTime(maxRunTime)
                .maxConcurrentQueries(maxConcurrentQueries)
                .maxQueuedQueries(maxQueuedQueries)
                .retryPolicy(retryPolicy);
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds a {@link QueryConfig}, starting from the defaults. */
    public static final class Builder {
        private long maxMemoryBytes = DEFAULT_MAX_MEMORY_BYTES;
        private long maxMemoryPerNodeBytes = defaultMaxMemoryPerNodeBytes();
        private Duration clientTimeout = DEFAULT_CLIENT_TIMEOUT;
        private Duration minExpireAge = DEFAULT_MIN_EXPIRE_AGE;
        private int maxHistory = DEFAULT_MAX_HISTORY;
        private Duration maxRunTime = DEFAULT_MAX_RUN_TIME;
        private int maxConcurrentQueries = DEFAULT_MAX_CONCURRENT_QUERIES;
        private int maxQueuedQueries = DEFAULT_MAX_QUEUED_QUERIES;
        private RetryPolicy retryPolicy = DEFAULT_RETRY_POLICY;

        private Builder() {}

        public Builder maxMemoryBytes(long maxMemoryBytes) {
            this.maxMemoryBytes = maxMemoryBytes;
            return this;
        }

        public Builder maxMemoryPerNodeBytes(long maxMemoryPerNodeBytes) {
            this.maxMemoryPerNodeBytes = maxMemoryPerNodeBytes;
            return this;
        }

        public Builder clientTimeout(Duration clientTimeout) {
            this.clientTimeout = clientTimeout;
            return this;
        }

        public Builder minExpireAge(Duration minExpireAge) {
            this.minExpireAge = minExpireAge;
            return this;
        }

        public Builder maxHistory(int maxHistory) {
            this.maxHistory = maxHistory;
            return this;
        }

        public Builder maxRunTime(Duration maxRunTime) {
            this.maxRunTime = maxRunTime;
            return this;
        }

        public Builder maxConcurrentQueries(int maxConcurrentQueries) {
            this.maxConcurrentQueries = maxConcurrentQueries;
            return this;
        }

        public Builder maxQueuedQueries(int maxQueuedQueries) {
            this.maxQueuedQueries = maxQueuedQueries;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        public QueryConfig build() {
            return new QueryConfig(
                    maxMemoryBytes,
                    maxMemoryPerNodeBytes,
                    clientTimeout,
                    minExpireAge,
                    maxHistory,
                    maxRunTime,
                    maxConcurrentQueries,
                    maxQueuedQueries,
                    retryPolicy);
        }
    }
}
