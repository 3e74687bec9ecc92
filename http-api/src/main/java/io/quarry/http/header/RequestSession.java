package io.quarry.http.header;

import static java.util.Objects.requireNonNull;

import io.quarry.client.ClientSession;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the session headers of a statement request say: the {@link ClientSession} the query runs with,
 * plus the parts the engine does not take yet (path, roles, resource estimates, transaction, extra
 * credentials), validated already. {@link #toString()} never shows credential values.
 */
public record RequestSession(
        ProtocolHeaders protocol,
        ClientSession session,
        Optional<String> path,
        Map<String, String> roles,
        Optional<Duration> executionTimeEstimate,
        Optional<Duration> cpuTimeEstimate,
        Optional<Long> peakMemoryEstimate,
        Optional<String> transactionId,
        Map<String, String> extraCredentials) {
    public RequestSession {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(session, "session is null");
        requireNonNull(path, "path is null");
        roles = Map.copyOf(roles);
        requireNonNull(executionTimeEstimate, "executionTimeEstimate is null");
        requireNonNull(cpuTimeEstimate, "cpuTimeEstimate is null");
        requireNonNull(peakMemoryEstimate, "peakMemoryEstimate is null");
        requireNonNull(transactionId, "transactionId is null");
        extraCredentials = Map.copyOf(extraCredentials);
    }

    /** Whether the client supports transactions (it sends {@code Transaction-Id}, even {@code NONE}). */
    public boolean supportsTransactions() {
        return transactionId.isPresent();
    }

    @Override
    public String toString() {
        return "RequestSession[protocol=" + protocol + ", session=" + session + ", path=" + path + ", roles=" + roles
                + ", transactionId=" + transactionId + ", extraCredentials=" + Set.copyOf(extraCredentials.keySet()) + "]";
    }
}
