package io.quarry.http.server;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the HTTP layer of a node needs to know: where to bind (and advertise: {@code host} is both), who the
 * node is, and the limits of the result protocol. The external base URI of {@code nextUri} and friends is
 * {@code http://host:boundPort}, never taken from a request's {@code Host} header.
 *
 * @param port 0 binds a free port
 * @param maxWait the longest a result request waits for data (at most {@link #MAX_WAIT_CAP})
 * @param defaultTargetResultBytes rows per result response when the client does not say ({@code 1MB})
 * @param maxTargetResultBytes the cap of a client's {@code targetResultSize} ({@code 128MB})
 * @param sharedSecret {@code internal-communication.shared-secret}: when set, internal routes need its signed token
 */
public record HttpServerSettings(
        String host,
        int port,
        String nodeId,
        String environment,
        boolean coordinator,
        String version,
        Instant startTime,
        Duration maxWait,
        long defaultTargetResultBytes,
        long maxTargetResultBytes,
        Optional<String> sharedSecret) {
    public static final String VERSION = "0.1.0";
    public static final Duration MAX_WAIT_CAP = Duration.ofSeconds(1);
    public static final long DEFAULT_TARGET_RESULT_BYTES = 1L << 20;
    public static final long MAX_TARGET_RESULT_BYTES = 128L << 20;

    public HttpServerSettings {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(environment, "environment is null");
        requireNonNull(version, "version is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(maxWait, "maxWait is null");
        requireNonNull(sharedSecret, "sharedSecret is null");
        if (maxWait.isNegative() || maxWait.isZero() || maxWait.compareTo(MAX_WAIT_CAP) > 0) {
            throw new IllegalArgumentException("maxWait must be in (0, 1s]: " + maxWait);
        }
        if (maxTargetResultBytes < 1 || maxTargetResultBytes > MAX_TARGET_RESULT_BYTES) {
            throw new IllegalArgumentException("maxTargetResultBytes must be in [1, 128MB]: " + maxTargetResultBytes);
        }
        if (defaultTargetResultBytes < 1 || defaultTargetResultBytes > maxTargetResultBytes) {
            throw new IllegalArgumentException(
                    "defaultTargetResultBytes must be in [1, maxTargetResultBytes]: " + defaultTargetResultBytes);
        }
    }

    /** Settings with the protocol's default limits (wait 1 s, 1MB results, capped at 128MB). */
    public static HttpServerSettings of(
            String host, int port, String nodeId, String environment, boolean coordinator, Instant startTime) {
        return new HttpServerSettings(
                host, port, nodeId, environment, coordinator, VERSION, startTime, MAX_WAIT_CAP,
                DEFAULT_TARGET_RESULT_BYTES, MAX_TARGET_RESULT_BYTES, Optional.empty());
    }

    /** These settings with internal routes protected by {@code sharedSecret} (open when empty). */
    public HttpServerSettings withSharedSecret(Optional<String> secret) {
        return new HttpServerSettings(
                host, port, nodeId, environment, coordinator, version, startTime, maxWait, defaultTargetResultBytes,
                maxTargetResultBytes, secret);
    }

    /** {@code http://host:boundPort}, the base of every URI the server hands out. */
    public URI externalBaseUri(int boundPort) {
        String authorityHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + authorityHost + ":" + boundPort);
    }
}
