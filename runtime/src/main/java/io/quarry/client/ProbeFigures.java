package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.FailureInfo;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the coordinator's probes of another node found recently: counts that decay over about a minute, the
 * times of the last probe and the last answer, failures by kind and the last failure.
 */
public record ProbeFigures(
        double recentRequests,
        double recentSuccesses,
        double recentFailures,
        Optional<Instant> lastRequestTime,
        Optional<Instant> lastResponseTime,
        Map<String, Double> recentFailuresByType,
        Optional<FailureInfo> lastFailure) {
    public static final ProbeFigures NONE =
            new ProbeFigures(0, 0, 0, Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public ProbeFigures {
        requireNonNull(lastRequestTime, "lastRequestTime is null");
        requireNonNull(lastResponseTime, "lastResponseTime is null");
        recentFailuresByType = Map.copyOf(recentFailuresByType);
        requireNonNull(lastFailure, "lastFailure is null");
    }

    /** Failures per probe, 0 when there was none. */
    public double recentFailureRatio() {
        return recentRequests == 0 ? 0 : recentFailures / recentRequests;
    }
}
