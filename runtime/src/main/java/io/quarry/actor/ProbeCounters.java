package io.quarry.actor;

import io.quarry.client.ProbeFigures;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The probe counts of one node, each decaying exponentially with a time constant of a minute, so that they
 * tell what happened recently rather than since the node joined. Used by one actor only.
 */
final class ProbeCounters {
    static final Duration DECAY = Duration.ofMinutes(1);

    private double requests;
    private double successes;
    private double failures;
    private final Map<String, Double> failuresByType = new HashMap<>();
    private Instant landmark;
    private Instant lastRequest;
    private Instant lastResponse;
    private FailureInfo lastFailure;

    ProbeCounters(Instant start) {
        this.landmark = start;
    }

    void requested(Instant now) {
        decayTo(now);
        requests++;
        lastRequest = now;
    }

    void succeeded(Instant now) {
        decayTo(now);
        successes++;
        lastResponse = now;
    }

    void failed(Instant now, Throwable cause) {
        decayTo(now);
        failures++;
        failuresByType.merge(cause.getClass().getName(), 1.0, Double::sum);
        lastFailure = FailureInfo.of(ErrorCode.REMOTE_HOST_GONE, "Probe failed: " + cause.getMessage());
    }

    ProbeFigures figures(Instant now) {
        decayTo(now);
        return new ProbeFigures(requests, successes, failures, Optional.ofNullable(lastRequest),
                Optional.ofNullable(lastResponse), failuresByType, Optional.ofNullable(lastFailure));
    }

    private void decayTo(Instant now) {
        if (!now.isAfter(landmark)) {
            return;
        }
        double factor = Math.exp(-(double) Duration.between(landmark, now).toNanos() / DECAY.toNanos());
        requests *= factor;
        successes *= factor;
        failures *= factor;
        failuresByType.replaceAll((type, count) -> count * factor);
        landmark = now;
    }
}
